"""Digits-canvas latency, start-up time and memory at rest, each in a fresh process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CANVAS_SCRIPT = """
import json, sys, time
import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from gui.app import configure_environment, configure_pyqtgraph
configure_environment()
from gui.digits.digits_page import DigitsPage
app = QApplication([])
configure_pyqtgraph()  # as the app runs
page = DigitsPage(); page.resize(1500, 900); page.show(); app.processEvents()
canvas = page.canvas
QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                 QPoint(140, 40))
def move(i):
    started = time.perf_counter()
    QTest.mouseMove(canvas, QPoint(140 + int(40 * np.sin(i / 9)), 40 + i % 200))
    app.processEvents()
    return 1000 * (time.perf_counter() - started)
# Warm-up: the first strokes and the training worker's first results are
# one-off costs (tens of ms), not what a drawing hand feels.
for i in range(20):
    move(i)
settle = time.perf_counter() + 1.0
while time.perf_counter() < settle:
    app.processEvents()
times = [move(i) for i in range(20, 20 + int(sys.argv[1]))]
page.shutdown()
print(json.dumps({"p50": float(np.percentile(times, 50)), "p99": float(np.percentile(times, 99))}))
"""

STARTUP_SCRIPT = """
import json, sys, time
from gui.app import configure_environment, configure_pyqtgraph
configure_environment()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from benchmarks.timing import tree_resident_mb
from gui.main_window import MainWindow
app = QApplication([])
configure_pyqtgraph()  # as the app runs: the first frame is drawn without antialiasing
window = MainWindow(); window.resize(1580, 960); window.show()
result = {}
def painted():
    result["first_frame"] = time.time()
    QTimer.singleShot(int(1000 * float(sys.argv[1])), at_rest)
def at_rest():
    result["rest_mb"], result["processes"] = tree_resident_mb()
    print(json.dumps(result), flush=True)
    window.close()
QTimer.singleShot(0, painted)  # runs once the first show/paint events are processed
app.exec()
"""

def _env() -> dict:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if "DISPLAY" not in env else "xcb")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def canvas_latency(moves: int) -> dict:
    out = subprocess.run([sys.executable, "-c", CANVAS_SCRIPT, str(moves)], cwd=ROOT,
                         env=_env(), capture_output=True, text=True, timeout=300, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    return {k: round(v, 2) for k, v in result.items()}


def startup(repeats: int, rest_seconds: float = 4.0) -> dict:
    """``python`` to the window's first frame (s), then the resident memory of the
    app's whole process tree once it has been idle ``rest_seconds``: medians.

    The window as a later start shows it: the first tab's page (the others are made
    when first shown) and its worker, the Learn panel closed.
    """
    times, memory, processes = [], [], []
    for _ in range(repeats):
        started = time.time()
        out = subprocess.run([sys.executable, "-c", STARTUP_SCRIPT, str(rest_seconds)], cwd=ROOT,
                             env=_env(), capture_output=True, text=True, timeout=120, check=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        times.append(result["first_frame"] - started)
        memory.append(result["rest_mb"])
        processes.append(result["processes"])
    middle = len(times) // 2
    return {"seconds": round(sorted(times)[middle], 3),
            "rest_mb": round(sorted(memory)[middle], 1),
            "processes": sorted(processes)[middle]}
