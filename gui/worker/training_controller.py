"""Owns a training worker: a :class:`~gui.worker.worker.Worker` whose child trains.

The model lives in a child process (:func:`core.worker.process.serve`) so that
training runs on its own core while this process paints.  The GUI only ever
sees copies of its snapshots.

Two channels: the child sends the model's settings and data only when a
command changed them, and every frame without them; :class:`_CombiningBacking`
puts them back together in the relay thread, so the pages receive whole
snapshots (:mod:`core.worker.channels`).

Frame hand-shake: when the window has painted a snapshot, the controller says
so, and only then does the child compute the next one — frames the window
could not paint are never computed.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QWidget

from core.worker.channels import Combiner
from core.worker.loop import Trainable
from core.worker.process import FRAME_PAINTED
from gui.worker.backings import ChildProcess, Emit, ProcessBacking
from gui.worker.worker import Worker

STOP_GRACE_SECONDS = 0.8  # then the child is killed: closing must take < 1 s


class _CombiningBacking(ProcessBacking):
    """The training child, whose frames and state messages arrive as whole snapshots."""

    def relay(self, emit: Emit) -> None:
        combiner = Combiner()
        super().relay(lambda message: combiner.receive(message, emit))


class TrainingController(Worker):
    """Start the worker, send it commands, stop it; emits the latest snapshot.

    ``target_factory`` is pickled to the child, so it must be a class or a
    ``functools.partial`` of one with picklable arguments — not a lambda.
    """

    snapshot_ready = Signal(object)
    # The same snapshot once the views drawn for snapshot_ready are painted and
    # timers and input have had their turn: a page that draws its frame in two
    # halves keeps the event loop from being blocked for a whole frame.
    snapshot_ready_later = Signal(object)
    worker_failed = Worker.failed  # the name the pages know

    def __init__(self, target_factory: Callable[[], Trainable],
                 parent: QObject | None = None) -> None:
        super().__init__(_CombiningBacking("core.worker.process:serve", STOP_GRACE_SECONDS),
                         target_factory, parent)
        self._emitted: Any = None
        self.frames_received = 0
        self.paint_seconds: deque[float] = deque(maxlen=120)  # emit → painted, recent frames
        self._emitted_at = 0.0
        self._waiting_for: QWidget | None = None  # started when this is first shown
        # Each fires once the events (and paints) queued before it are processed.
        self._emit_timer = self._next_turn(self._emit_latest)
        self._later_timer = self._next_turn(self._emit_later)
        self._painted_timer = self._next_turn(self._on_painted)
        self.produced.connect(self._on_worker_snapshot)

    def _next_turn(self, slot: Callable[[], None]) -> QTimer:
        """A single-shot 0 ms timer: ``slot`` runs on the event loop's next turn."""
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(0)
        timer.timeout.connect(slot)
        return timer

    @property
    def _process(self) -> ChildProcess | None:
        """The child (benchmarks and the soak test read its pid)."""
        return self._backing.process

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

    def _stop_waiting(self) -> None:
        if self._waiting_for is not None:
            self._waiting_for.removeEventFilter(self)
            self._waiting_for = None

    def _start_now(self) -> None:
        self._stop_waiting()
        super().start()

    def send(self, command: Any) -> None:
        """Queue a command for the worker; it applies it between two steps."""
        if self._waiting_for is not None:
            self._start_now()
        super().send(command)

    def stop(self, timeout_ms: int = 3000) -> bool:
        """End the child and the relay thread; True if both ended in time."""
        self._stop_waiting()  # never started: nothing to stop
        for timer in (self._emit_timer, self._later_timer, self._painted_timer):
            timer.stop()
        return super().stop(timeout_ms)

    def ended_message(self) -> str:
        return QCoreApplication.translate(
            "TrainingController",
            "The training worker ended unexpectedly; reset or restart to continue.")

    @Slot(object)
    def _on_worker_snapshot(self, _snapshot: Any) -> None:
        self.frames_received += 1
        if not self._emit_timer.isActive():
            self._emit_timer.start()

    @Slot()
    def _emit_latest(self) -> None:
        self._emitted_at = time.perf_counter()
        self._emitted = self.latest
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
