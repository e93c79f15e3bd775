"""The playground window while it trains: frames painted, training speed, lateness.

Run under a real display (e.g. ``xvfb-run -a -s "-screen 0 1600x1000x24"``) or
offscreen.  Trains spiral with three hidden layers of eight neurons, every
heatmap and both boundaries live, and reports:

- training steps per second with the window painting vs headless.  This
  machine's speed drifts by ±20 % within a minute, so the two alternate:
  ``rounds`` × (a headless span in this process while the window's training is
  paused, then a window span), and the medians are compared;
- frames the window actually painted per second;
- lateness of a 10 ms timer on the GUI thread (p50/p99/max), window spans only;
- how long the GUI took per frame (snapshot handed over → painted);
- growth of this process's resident memory over the run (the worker's too).

Usage: ``python -m benchmarks.playground_window [--seconds 10] [--rounds 3] [--json PATH]``
(``--seconds`` is each window span).
"""

from __future__ import annotations

import argparse
import json
import sys
import time

from gui.app import configure_environment, configure_pyqtgraph, freeze_startup_objects

configure_environment()  # before numpy loads: one BLAS thread, as in the app

import numpy as np  # noqa: E402

from benchmarks.timing import resident_mb  # noqa: E402


def headless_rate(playground, seconds: float) -> float:
    started, steps = time.perf_counter(), 0
    while time.perf_counter() - started < seconds:
        steps += playground.advance(100)
    return steps / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json", metavar="PATH")
    args = parser.parse_args(argv)

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from core.playground import Configure, Playground, PlaygroundConfig
    from core.training_loop import SetSpeed
    from gui.main_window import MainWindow

    config = PlaygroundConfig(dataset="spiral", hidden=(8, 8, 8))
    headless = Playground(config)
    headless.advance(500)
    from gui.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_pyqtgraph()  # as the app runs
    apply_theme(app, "light")
    window = MainWindow()
    window.resize(1580, 960)
    window.show()
    page = window.playground
    freeze_startup_objects()  # as the app does once its window is up
    page.controller.send(Configure({"dataset": "spiral", "hidden": (8, 8, 8)}))
    page.controller.send(SetSpeed(None))  # measures the fastest training, not the default
    lateness: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        lateness.append(now - last[0] - 0.010)
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    spans: dict[str, list[float]] = {"window": [], "headless": [], "fps": []}
    late: list[float] = []
    marks: dict[str, float] = {}
    memory = {"start": 0.0, "worker_start": 0.0}

    def worker_mb() -> float:
        process = page.controller._process
        return resident_mb(process.pid) if process is not None else 0.0

    def begin_window_span() -> None:
        lateness.clear()
        marks.update(t=time.perf_counter(), step=page.snapshot.step, frames=page.frames_painted)
        QTimer.singleShot(int(1000 * args.seconds), end_window_span)

    def end_window_span() -> None:
        span = time.perf_counter() - marks["t"]
        spans["window"].append((page.snapshot.step - marks["step"]) / span)
        spans["fps"].append((page.frames_painted - marks["frames"]) / span)
        late.extend(lateness)
        page.toggle_play()  # pause the window's training while headless runs alone
        QTimer.singleShot(300, headless_span)

    def headless_span() -> None:
        spans["headless"].append(headless_rate(headless, min(args.seconds, 3.0)))
        if len(spans["headless"]) == args.rounds:
            memory["end"], memory["worker_end"] = resident_mb(), worker_mb()
            window.close()
            return
        page.toggle_play()
        QTimer.singleShot(1000, begin_window_span)

    def start() -> None:
        memory["start"], memory["worker_start"] = resident_mb(), worker_mb()
        page.toggle_play()
        QTimer.singleShot(2000, begin_window_span)

    QTimer.singleShot(500, start)
    app.exec()
    ms = np.array(late) * 1000
    paint = np.array(page.controller.paint_seconds) * 1000
    window_rate, headless_rate_ = np.median(spans["window"]), np.median(spans["headless"])
    # Each window span against the headless span right after it: the machine's
    # speed drifts between rounds, so pairs that are close in time compare best.
    ratios = np.array(spans["window"]) / np.array(spans["headless"])
    result = {
        "window_steps_per_s": round(float(window_rate)),
        "headless_steps_per_s": round(float(headless_rate_)),
        "training_fraction": round(float(np.median(ratios)), 3),
        "training_fraction_of_medians": round(float(window_rate / headless_rate_), 3),
        "rounds": {k: [round(v, 1) for v in vs] for k, vs in spans.items()},
        "frames_per_s": round(float(np.median(spans["fps"])), 1),
        "lateness_ms": {"p50": round(float(np.percentile(ms, 50)), 1),
                        "p99": round(float(np.percentile(ms, 99)), 1),
                        "max": round(float(ms.max()), 1)},
        "gui_frame_ms_median": round(float(np.median(paint)), 1),
        "memory_growth_mb": {"window": round(memory["end"] - memory["start"], 1),
                             "worker": round(memory["worker_end"] - memory["worker_start"], 1)},
    }
    print(json.dumps(result, indent=2))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=2)
    return result


if __name__ == "__main__":
    main()
