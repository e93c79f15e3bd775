"""One abstraction for everything off the GUI thread: start, send, latest, progress, failure, stop.

Training, the complexity sweep and downloads all run as a :class:`Worker`; what
differs is only where the job runs (:mod:`gui.worker.backings`: a child process
for computing, a thread for waiting).  A QThread of the worker relays the job's
messages, and the GUI thread receives them through queued signals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from core.worker.loop import Stop
from gui.worker.backings import Backing, Emit


class _Relay(QObject):
    """Lives in the worker's QThread; turns the backing's messages into queued signals."""

    received = Signal(object)
    finished = Signal()

    def __init__(self, relay: Callable[[Emit], None]) -> None:
        super().__init__()
        self._relay = relay

    @Slot()
    def run(self) -> None:
        try:
            self._relay(self.received.emit)
        finally:
            self.finished.emit()


class Worker(QObject):
    """Runs one job off the GUI thread and reports what it sends, on the GUI thread.

    ``first_message`` is what the job works on (a model factory, a task's
    arguments): it is sent before anything else.  A job that ends without
    saying why, while nobody stopped it, is reported through ``failed`` too.
    """

    produced = Signal(object)  # a new latest result (a training snapshot)
    progress = Signal(str, object, object)  # text, done, total
    succeeded = Signal(object)  # the final result; the job has ended
    failed = Signal(str)  # a one-line reason, never a traceback; the job has ended

    def __init__(self, backing: Backing, first_message: Any = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._backing = backing
        self._first_message = first_message
        self._latest: Any = None
        self._started = self._stopping = self._reported = False
        self._thread = QThread()
        self._thread.setObjectName(type(self).__name__)
        self._relay = _Relay(backing.relay)
        self._relay.moveToThread(self._thread)
        self._thread.started.connect(self._relay.run)
        # Direct: the GUI thread may be blocked in wait() and could not run a queued quit.
        self._relay.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._relay.received.connect(self._on_message)
        self._relay.finished.connect(self._on_finished)

    def start(self) -> None:
        """Start the job; a worker starts once, and never after ``stop``."""
        if self._started or self._stopping:
            return
        self._started = True
        self._backing.start()
        if self._first_message is not None:
            self._backing.send(self._first_message)
        self._thread.start()

    def send(self, message: Any) -> None:
        """Pass ``message`` to the running job (dropped before start and after the end)."""
        if self._started:
            self._backing.send(message)

    @property
    def latest(self) -> Any:
        """The last snapshot or result received, ``None`` before the first."""
        return self._latest

    @property
    def bytes_received(self) -> int:
        """Bytes of every message read from a child so far (0 for a thread)."""
        return self._backing.bytes_received

    def is_running(self) -> bool:
        return self._thread.isRunning() or self._backing.is_alive()

    def is_stopping(self) -> bool:
        """True once ``stop()`` was asked: a failure after it is no news to the user."""
        return self._stopping

    def stop(self, timeout_ms: int = 3000) -> bool:
        """Ask the job to stop (a child that does not listen is killed after its
        grace) and wait for the relay; True if everything has ended."""
        self._stopping = True
        if self._started:
            self._backing.send(Stop())
            self._backing.end()
        finished = self._thread.wait(timeout_ms)
        if finished:
            self._backing.close()
        return finished

    def ended_message(self) -> str:
        """What ``failed`` says when the job ends silently (a crash, a kill)."""
        return QCoreApplication.translate(
            "BackgroundTask", "The background computation stopped unexpectedly.")

    @Slot(object)
    def _on_message(self, message: tuple) -> None:
        kind, *payload = message
        if kind == "progress":
            self.progress.emit(*payload)
        elif kind == "failed":
            self._reported = True
            self.failed.emit(payload[0])
        else:
            self._latest = payload[0]
            if kind == "succeeded":
                self._reported = True
                self.succeeded.emit(self._latest)
            else:
                self.produced.emit(self._latest)

    @Slot()
    def _on_finished(self) -> None:
        if not (self._stopping or self._reported):
            self.failed.emit(self.ended_message())
