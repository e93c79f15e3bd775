"""Runs a core training loop in a QThread and hands its snapshots to the GUI.

The controller is the only GUI object that touches the worker: commands go
into a ``queue.SimpleQueue`` the loop drains between steps, snapshots come
back through a queued signal.

Frame hand-shake: both threads need Python's GIL, and PySide6 keeps it while
Qt paints pyqtgraph's items, so painting and training cannot overlap anyway;
when they compete, every hand-over of the GIL costs both sides and a frame
takes many times longer (measured: 4 frames/s).  So after sending a snapshot
the worker waits until the GUI reports the frame painted, and it spaces
frames so the GUI's share of the time stays at most ``gui_share`` — training
keeps the rest.
"""

from __future__ import annotations

import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot

from core.training_loop import Stop, Trainable, training_loop

FRAME_WAIT_LIMIT = 0.25  # never let a stuck GUI stall training for longer


class TrainerWorker(QObject):
    """Lives in the worker thread; iterates the training generator."""

    snapshot_produced = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, target_factory: Callable[[], Trainable], commands: queue.SimpleQueue,
                 frame_interval: float, gui_share: float) -> None:
        super().__init__()
        self._factory = target_factory
        self._commands = commands
        self._min_interval = frame_interval
        self._gui_share = gui_share
        self._interval = frame_interval
        self.frame_painted = threading.Event()
        self.paint_seconds: deque[float] = deque(maxlen=120)  # recent GUI frame times

    def _frame_interval(self) -> float:
        return self._interval

    @Slot()
    def run(self) -> None:
        try:
            target = self._factory()
            loop = training_loop(target, self._commands, frame_interval=self._frame_interval)
            for snapshot in loop:
                self.frame_painted.clear()
                started = time.perf_counter()
                self.snapshot_produced.emit(snapshot)
                self.frame_painted.wait(FRAME_WAIT_LIMIT)
                gui_seconds = time.perf_counter() - started
                self.paint_seconds.append(gui_seconds)
                self._interval = max(self._min_interval, gui_seconds / self._gui_share)
        except Exception as exc:  # shown to the user, never a silent dead thread
            self.failed.emit(f"{type(exc).__name__}: {exc}")
        finally:
            self.finished.emit()


class TrainingController(QObject):
    """Owns the worker thread: start, send commands, stop and wait."""

    snapshot_ready = Signal(object)
    worker_failed = Signal(str)

    def __init__(self, target_factory: Callable[[], Trainable], parent: QObject | None = None,
                 frame_interval: float = 1.0 / 30.0, gui_share: float = 0.5) -> None:
        super().__init__(parent)
        self._commands: queue.SimpleQueue = queue.SimpleQueue()
        self._latest: Any = None
        self.frames_received = 0
        self._thread = QThread()
        self._thread.setObjectName("TrainerWorker")
        self._worker = TrainerWorker(target_factory, self._commands, frame_interval, gui_share)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        # Direct: the GUI thread may be blocked in wait() and could not run a queued quit.
        self._worker.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._worker.snapshot_produced.connect(self._on_worker_snapshot)
        self._worker.failed.connect(self.worker_failed)
        self._emit_timer = QTimer(self)
        self._emit_timer.setSingleShot(True)
        self._emit_timer.setInterval(0)
        self._emit_timer.timeout.connect(self._emit_latest)
        # Fires once the paint events the emit caused have been processed.
        self._painted_timer = QTimer(self)
        self._painted_timer.setSingleShot(True)
        self._painted_timer.setInterval(0)
        self._painted_timer.timeout.connect(self._worker.frame_painted.set)

    def start(self) -> None:
        self._thread.start()

    def send(self, command: Any) -> None:
        """Queue a command for the worker; it applies it between two steps."""
        self._commands.put(command)

    @property
    def paint_seconds(self) -> deque[float]:
        """How long the GUI took for each recent frame (emit to painted)."""
        return self._worker.paint_seconds

    @property
    def latest(self) -> Any:
        return self._latest

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def stop(self, timeout_ms: int = 3000) -> bool:
        """Ask the loop to end and wait for the thread; True if it finished."""
        if not self._thread.isRunning():
            return True
        self._commands.put(Stop())
        self._worker.frame_painted.set()
        finished = self._thread.wait(timeout_ms)
        self._emit_timer.stop()
        self._painted_timer.stop()
        return finished

    @Slot(object)
    def _on_worker_snapshot(self, snapshot: Any) -> None:
        self._latest = snapshot
        self.frames_received += 1
        if not self._emit_timer.isActive():
            self._emit_timer.start()

    @Slot()
    def _emit_latest(self) -> None:
        if self._latest is not None:
            self.snapshot_ready.emit(self._latest)
        self._painted_timer.start()
