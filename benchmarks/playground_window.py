"""The playground window while it trains, at several network sizes: frames, speed, lateness.

Run under a real display (e.g. ``xvfb-run -a -s "-screen 0 1600x1000x24"``) or
offscreen.  Trains spiral with every heatmap and both boundaries live, at each
of ``--sizes`` hidden layers (default: 8-8-8, 16 × 6 and 32 × 8, the largest
the playground allows), and reports for each:

- training steps per second with the window painting vs headless.  This
  machine's speed drifts by ±20 % within a minute, so they alternate:
  ``rounds`` × (for each size: a window span, then a headless span in this
  process while the window's training is paused), and medians are compared;
- frames the window actually painted per second;
- lateness of a 10 ms timer on the GUI thread (p50/p99/max), window spans only;
- CPU time of the GUI thread per painted frame (a figure other programs on
  the machine disturb far less than frames/s), and the wall time from a
  snapshot handed over to painted;
- bytes per frame read from the worker;
- growth of this process's resident memory over the run (the worker's too).

Usage: ``python -m benchmarks.playground_window [--seconds 10] [--rounds 3]
[--sizes 8x3,16x6,32x8] [--json PATH]`` (``--seconds`` is each window span).
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

SIZES = "8x3,16x6,32x8"  # neurons × hidden layers


def parse_size(text: str) -> tuple[int, ...]:
    """``"32x8"`` → eight hidden layers of 32."""
    width, depth = (int(v) for v in text.split("x"))
    return (width,) * depth


def headless_rate(playground, seconds: float) -> float:
    started, steps = time.perf_counter(), 0
    while time.perf_counter() - started < seconds:
        steps += playground.advance(20)
    return steps / (time.perf_counter() - started)


def percentiles(values_ms: list[float]) -> dict[str, float]:
    ms = np.array(values_ms) if values_ms else np.zeros(1)
    return {"p50": round(float(np.percentile(ms, 50)), 1),
            "p99": round(float(np.percentile(ms, 99)), 1), "max": round(float(ms.max()), 1)}


def summary(spans: dict[str, list[float]], late: list[float], paint: list[float]) -> dict:
    """One size's medians; each window span is compared with the headless span after it."""
    ratios = np.array(spans["window"]) / np.array(spans["headless"])
    window_rate, headless_rate_ = np.median(spans["window"]), np.median(spans["headless"])
    return {
        "window_steps_per_s": round(float(window_rate)),
        "headless_steps_per_s": round(float(headless_rate_)),
        "training_fraction": round(float(np.median(ratios)), 3),
        "training_fraction_of_medians": round(float(window_rate / headless_rate_), 3),
        "rounds": {k: [round(v, 1) for v in vs] for k, vs in spans.items()},
        "frames_per_s": round(float(np.median(spans["fps"])), 1),
        "lateness_ms": percentiles(late),
        "gui_cpu_ms_per_frame": round(float(np.median(spans["gui_ms"])), 2),
        "kb_per_frame": round(float(np.median(spans["kb"])), 1),
        "gui_frame_ms_median": round(float(np.median(paint)), 1) if paint else None,
    }


class WindowRun:
    """Alternates window spans and headless spans over the sizes, on Qt timers."""

    def __init__(self, window, page, headless: dict, sizes: list[str], args) -> None:
        from PySide6.QtCore import QTimer

        self.window, self.page, self.headless, self.args = window, page, headless, args
        self.lateness: list[float] = []
        self.last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self.tick)
        keys = ("window", "headless", "fps", "gui_ms", "kb")
        self.spans = {size: {k: [] for k in keys} for size in sizes}
        self.late: dict[str, list[float]] = {size: [] for size in sizes}
        self.paint: dict[str, list[float]] = {size: [] for size in sizes}
        self.marks: dict = {}
        self.memory = {"start": 0.0, "worker_start": 0.0}
        self.turns = [size for _ in range(args.rounds) for size in sizes]

    def tick(self) -> None:
        now = time.perf_counter()
        self.lateness.append(now - self.last - 0.010)
        self.last = now

    def worker_mb(self) -> float:
        process = self.page.controller._process
        return resident_mb(process.pid) if process is not None else 0.0

    def start(self) -> None:
        self.timer.start()
        self.memory["start"], self.memory["worker_start"] = resident_mb(), self.worker_mb()
        self.next_turn()

    def next_turn(self) -> None:
        from PySide6.QtCore import QTimer

        from core.worker.protocol import Configure

        if not self.turns:
            self.memory["end"], self.memory["worker_end"] = resident_mb(), self.worker_mb()
            self.window.close()
            return
        self.marks["size"] = size = self.turns.pop(0)
        self.page.controller.send(Configure({"dataset": "spiral", "hidden": parse_size(size)}))
        if not self.page.running:
            self.page.toggle_play()
        QTimer.singleShot(1500, self.begin_window_span)  # the new network settles in

    def begin_window_span(self) -> None:
        from PySide6.QtCore import QTimer

        page = self.page
        self.lateness.clear()
        page.controller.paint_seconds.clear()
        self.marks.update(t=time.perf_counter(), cpu=time.thread_time(), step=page.snapshot.step,
                          frames=page.frames_painted, bytes=page.controller.bytes_received,
                          received=page.controller.frames_received)
        QTimer.singleShot(int(1000 * self.args.seconds), self.end_window_span)

    def end_window_span(self) -> None:
        from PySide6.QtCore import QTimer

        page, marks = self.page, self.marks
        span = time.perf_counter() - marks["t"]
        frames = max(page.frames_painted - marks["frames"], 1)
        received = max(page.controller.frames_received - marks["received"], 1)
        size = marks["size"]
        spans = self.spans[size]
        spans["window"].append((page.snapshot.step - marks["step"]) / span)
        spans["fps"].append(frames / span)
        spans["gui_ms"].append(1000 * (time.thread_time() - marks["cpu"]) / frames)
        spans["kb"].append((page.controller.bytes_received - marks["bytes"]) / received / 1e3)
        self.late[size].extend(1000 * v for v in self.lateness)
        self.paint[size].extend(1000 * v for v in page.controller.paint_seconds)
        page.toggle_play()  # pause the window's training while headless runs alone
        QTimer.singleShot(300, self.headless_span)

    def headless_span(self) -> None:
        size = self.marks["size"]
        self.spans[size]["headless"].append(
            headless_rate(self.headless[size], min(self.args.seconds, 3.0)))
        self.next_turn()

    def result(self) -> dict:
        memory = self.memory
        return {
            "sizes": {size: summary(self.spans[size], self.late[size], self.paint[size])
                      for size in self.spans},
            "memory_growth_mb": {"window": round(memory["end"] - memory["start"], 1),
                                 "worker": round(memory["worker_end"] - memory["worker_start"],
                                                 1)},
        }


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default=SIZES)
    parser.add_argument("--json", metavar="PATH")
    args = parser.parse_args(argv)
    sizes = args.sizes.split(",")

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from core.playground.config import PlaygroundConfig
    from core.playground.model import Playground
    from core.worker.loop import SetSpeed
    from gui.main_window import MainWindow
    from gui.theme import apply_theme

    headless = {}
    for size in sizes:
        headless[size] = Playground(PlaygroundConfig(dataset="spiral", hidden=parse_size(size)))
        headless[size].advance(200)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    configure_pyqtgraph()  # as the app runs
    apply_theme(app, "light")
    window = MainWindow()
    window.resize(1580, 960)
    window.show()
    page = window.playground
    freeze_startup_objects()  # as the app does once its window is up
    page.controller.send(SetSpeed(None))  # measures the fastest training, not the default
    run = WindowRun(window, page, headless, sizes, args)
    QTimer.singleShot(500, run.start)
    app.exec()
    result = run.result()
    print(json.dumps(result, indent=2))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=2)
    return result


if __name__ == "__main__":
    main()
