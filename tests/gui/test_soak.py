"""A soak: every view open while the playground trains; memory and Qt objects stay flat.

CI runs it for SOAK_SECONDS (20 by default); run it longer by hand with
``SOAK_SECONDS=600 python -m pytest tests/gui/test_soak.py -s`` — it prints
the numbers each minute.  Frame rates are printed, never asserted.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QObject

from benchmarks.timing import resident_mb
from tests.gui.playground.test_playground_window import wait_for

SOAK_SECONDS = float(os.environ.get("SOAK_SECONDS", "20"))
WARM_UP_SECONDS = 6.0
MAX_GROWTH_MB = 30.0


def _qt_objects(window, dialogs) -> int:
    return sum(len(w.findChildren(QObject)) for w in (window, *dialogs))


def test_every_view_open_while_training_memory_and_objects_stay_flat(qtbot, window):
    page = window.playground
    dialogs = [page.open_health(), page.open_transformed()]
    page.network_view.neuron_clicked.emit(1, 0)  # an enlarged neuron too
    page.toggle_play()
    wait_for(qtbot, page, lambda s: s.running and s.step > 100)
    qtbot.wait(int(WARM_UP_SECONDS * 1000))
    start_mb, start_objects = resident_mb(), _qt_objects(window, dialogs)
    worker_pid = page.controller._process.pid
    start_worker = resident_mb(worker_pid)
    started, frames = time.monotonic(), page.frames_painted
    rates = []
    while (remaining := SOAK_SECONDS - (time.monotonic() - started)) >= 1.0:
        span_start, span_frames = time.monotonic(), page.frames_painted
        qtbot.wait(int(min(60.0, remaining) * 1000))
        rate = (page.frames_painted - span_frames) / (time.monotonic() - span_start)
        rates.append(round(rate, 1))
        print(f"soak {time.monotonic() - started:5.0f} s: {rate:.1f} frames/s, "
              f"window +{resident_mb() - start_mb:.1f} MB, "
              f"worker +{resident_mb(worker_pid) - start_worker:.1f} MB, "
              f"Qt objects {_qt_objects(window, dialogs)}")
    growth = resident_mb() - start_mb
    assert page.frames_painted > frames, "the window kept painting"
    assert growth <= MAX_GROWTH_MB, f"the window grew by {growth:.1f} MB"
    assert resident_mb(worker_pid) - start_worker <= MAX_GROWTH_MB
    assert _qt_objects(window, dialogs) == start_objects
    for dialog in dialogs:
        dialog.close()
