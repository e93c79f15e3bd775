"""Owns the training worker: a child process relayed by a QThread.

The model lives in a child process (:mod:`core.worker.process`) so that
training runs on its own core while this process paints: painting pyqtgraph
views holds Python's GIL, and a training thread here could only run between
paints.  A QThread of this controller reads the child's snapshots from a pipe
and hands them to the GUI through a queued signal; commands go the other way
through the same kind of pipe.  The GUI only ever sees copies.

Frame hand-shake: when the window has painted a snapshot, the controller says
so, and only then does the child compute the next one — frames the window
could not paint are never computed.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import subprocess
import sys
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from core.worker.loop import Stop, Trainable
from core.worker.process import FRAME_PAINTED, read_sized_frame, write_frame

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PIPE_BYTES = 1 << 20  # Linux's default limit for an unprivileged pipe
STOP_GRACE_SECONDS = 0.8  # then the child is killed: closing must take < 1 s


def start_training_process() -> subprocess.Popen:
    """A fresh interpreter running :func:`core.worker.process.main`."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PROJECT_ROOT),
                                                      env.get("PYTHONPATH")]))
    # One BLAS thread: the other core is the window's.
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        env.setdefault(name, "1")
    process = subprocess.Popen([sys.executable, "-m", "core.worker.process"],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
                               cwd=PROJECT_ROOT)
    # A frame (~0.3 MB) must fit in the pipe: with Linux's 64 kB default the
    # child stalled in write() until this process's reader got the GIL back
    # from painting, several times per frame.
    with contextlib.suppress(AttributeError, OSError):
        fcntl.fcntl(process.stdout.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    return process


class SnapshotRelay(QObject):
    """Lives in the controller's QThread; turns pipe frames into signals."""

    snapshot_produced = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, process: subprocess.Popen) -> None:
        super().__init__()
        self._process = process
        self.bytes_received = 0  # what the frames cost to send: the benchmark reports it

    @Slot()
    def run(self) -> None:
        try:
            while True:
                (kind, payload), size = read_sized_frame(self._process.stdout)
                self.bytes_received += size
                if kind == "snapshot":
                    self.snapshot_produced.emit(payload)
                else:
                    self.failed.emit(payload)
        except (EOFError, OSError, ValueError):
            pass  # the child has ended; stop() or a crash — see finished
        finally:
            self.finished.emit()


class TrainingController(QObject):
    """Start the worker, send it commands, stop it; emits the latest snapshot.

    ``target_factory`` is pickled to the child, so it must be a class or a
    ``functools.partial`` of one with picklable arguments — not a lambda.
    """

    snapshot_ready = Signal(object)
    # The same snapshot once the views drawn for snapshot_ready are painted and
    # timers and input have had their turn: a page that draws its frame in two
    # halves keeps the event loop from being blocked for a whole frame.
    snapshot_ready_later = Signal(object)
    worker_failed = Signal(str)

    def __init__(self, target_factory: Callable[[], Trainable],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._factory = target_factory
        self._latest: Any = None
        self._emitted: Any = None
        self._stopping = False
        self.frames_received = 0
        self.paint_seconds: deque[float] = deque(maxlen=120)  # emit → painted, recent frames
        self._emitted_at = 0.0
        self._process: subprocess.Popen | None = None
        self._waiting_for: QWidget | None = None  # started when this is first shown
        self._thread = QThread()
        self._thread.setObjectName("SnapshotRelay")
        self._relay: SnapshotRelay | None = None
        # Each fires once the events (and paints) queued before it are processed.
        self._emit_timer = self._next_turn(self._emit_latest)
        self._later_timer = self._next_turn(self._emit_later)
        self._painted_timer = self._next_turn(self._on_painted)

    def _next_turn(self, slot: Callable[[], None]) -> QTimer:
        """A single-shot 0 ms timer: ``slot`` runs on the event loop's next turn."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
        return timer

    def start(self) -> None:
        """Start the worker now, or once the widget it works for is first shown.

        Each worker is a Python interpreter with numpy (about 30 MB and a
        third of a second of a core): tabs never opened need none.  A command
        sent before then starts it at once (e.g. a restored session's model).
        """
        widget = self.parent()
        if isinstance(widget, QWidget) and not widget.isVisible():
            self._waiting_for = widget
            widget.installEventFilter(self)
        else:
            self._start_now()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and watched is self._waiting_for:
            self._start_now()
        return False

    def _start_now(self) -> None:
        if self._waiting_for is not None:
            self._waiting_for.removeEventFilter(self)
            self._waiting_for = None
        if self._process is not None or self._stopping:
            return
        self._process = start_training_process()
        self._relay = SnapshotRelay(self._process)
        self._relay.moveToThread(self._thread)
        self._thread.started.connect(self._relay.run)
        # Direct: the GUI thread may be blocked in wait() and could not run a queued quit.
        self._relay.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._relay.snapshot_produced.connect(self._on_worker_snapshot)
        self._relay.failed.connect(self.worker_failed)
        self._relay.finished.connect(self._on_relay_finished)
        self.send(self._factory)
        self._thread.start()

    def send(self, command: Any) -> None:
        """Queue a command for the worker; it applies it between two steps."""
        if self._process is None and self._waiting_for is not None:
            self._start_now()
        if self._process is None or self._process.poll() is not None:
            return
        # Only ever called from the GUI thread.  If the child is gone,
        # _on_relay_finished tells the user.
        with contextlib.suppress(OSError):
            write_frame(self._process.stdin, command)

    @property
    def bytes_received(self) -> int:
        """Bytes of every message read from the worker so far."""
        return self._relay.bytes_received if self._relay is not None else 0

    @property
    def latest(self) -> Any:
        return self._latest

    def is_running(self) -> bool:
        return self._thread.isRunning() or (
            self._process is not None and self._process.poll() is None)

    def stop(self, timeout_ms: int = 3000) -> bool:
        """End the child and the relay thread; True if both ended in time."""
        self._stopping = True
        if self._waiting_for is not None:  # never started: nothing to stop
            self._waiting_for.removeEventFilter(self)
            self._waiting_for = None
        self._emit_timer.stop()
        self._later_timer.stop()
        self._painted_timer.stop()
        if self._process is not None:
            self.send(Stop())
            try:
                self._process.wait(min(STOP_GRACE_SECONDS, timeout_ms / 1000))
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        finished = self._thread.wait(timeout_ms)  # the relay reads end-of-file and ends
        if self._process is not None and finished:
            for stream in (self._process.stdin, self._process.stdout):
                with contextlib.suppress(OSError):
                    stream.close()
        return finished

    @Slot(object)
    def _on_worker_snapshot(self, snapshot: Any) -> None:
        self._latest = snapshot
        self.frames_received += 1
        if not self._emit_timer.isActive():
            self._emit_timer.start()

    @Slot()
    def _emit_latest(self) -> None:
        self._emitted_at = time.perf_counter()
        self._emitted = self._latest
        if self._emitted is not None:
            self.snapshot_ready.emit(self._emitted)
        self._later_timer.start()

    @Slot()
    def _emit_later(self) -> None:
        if self._emitted is not None:  # the same one, even if a newer one came meanwhile
            self.snapshot_ready_later.emit(self._emitted)
        self._painted_timer.start()

    @Slot()
    def _on_painted(self) -> None:
        self.paint_seconds.append(time.perf_counter() - self._emitted_at)
        self.send(FRAME_PAINTED)

    @Slot()
    def _on_relay_finished(self) -> None:
        if not self._stopping:
            self.worker_failed.emit(self.tr(
                "The training worker ended unexpectedly; reset or restart to continue."))
