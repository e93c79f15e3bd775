"""The playground window while it trains: frames painted, training speed, lateness.

Run under a real display (e.g. ``xvfb-run -a -s "-screen 0 1600x1000x24"``) or
offscreen.  Trains spiral with three hidden layers of eight neurons, every
heatmap and both boundaries live, and reports, over the measured span:

- training steps per second in the window vs headless in the same run (the
  headless rate is measured before and after the window, and averaged),
- frames the window actually painted per second,
- lateness of a 10 ms timer on the GUI thread (p50/p99/max),
- how long the GUI took per frame (the worker's hand-shake wait).

Usage: ``python -m benchmarks.playground_window [--seconds 10] [--json PATH]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np


def headless_rate(config, seconds: float) -> float:
    from core.playground import Playground

    playground = Playground(config)
    playground.advance(200)
    started, steps = time.perf_counter(), 0
    while time.perf_counter() - started < seconds:
        steps += playground.advance(100)
    return steps / (time.perf_counter() - started)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--json", metavar="PATH")
    args = parser.parse_args(argv)

    from gui.app import configure_environment

    configure_environment()
    import pyqtgraph as pg
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from core.playground import Configure, PlaygroundConfig
    from gui.main_window import MainWindow

    config = PlaygroundConfig(dataset="spiral", hidden=(8, 8, 8))
    headless_before = headless_rate(config, 3.0)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    pg.setConfigOptions(antialias=False)
    window = MainWindow()
    window.resize(1580, 960)
    window.show()
    page = window.playground
    page.controller.send(Configure({"dataset": "spiral", "hidden": (8, 8, 8)}))
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
    marks: dict[str, float] = {}
    result: dict = {}

    def begin_measuring() -> None:
        lateness.clear()
        marks.update(t=time.perf_counter(), step=page.snapshot.step, frames=page.frames_painted)

    def finish() -> None:
        span = time.perf_counter() - marks["t"]
        rate = (page.snapshot.step - marks["step"]) / span
        late = np.array(lateness) * 1000
        paint = np.array(page.controller.paint_seconds) * 1000
        result.update(
            window_steps_per_s=round(rate),
            frames_per_s=round((page.frames_painted - marks["frames"]) / span, 1),
            lateness_ms={"p50": round(float(np.percentile(late, 50)), 1),
                         "p99": round(float(np.percentile(late, 99)), 1),
                         "max": round(float(late.max()), 1)},
            gui_frame_ms_median=round(float(np.median(paint)), 1),
        )
        window.close()

    QTimer.singleShot(500, page.toggle_play)
    QTimer.singleShot(2500, begin_measuring)
    QTimer.singleShot(int(2500 + 1000 * args.seconds), finish)
    app.exec()
    headless_after = headless_rate(config, 3.0)
    headless = (headless_before + headless_after) / 2
    result.update(headless_steps_per_s=round(headless),
                  headless_spread=[round(headless_before), round(headless_after)],
                  training_fraction=round(result["window_steps_per_s"] / headless, 3))
    print(json.dumps(result, indent=2))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=2)
    return result


if __name__ == "__main__":
    main()
