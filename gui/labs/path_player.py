"""Reveals a precomputed path step by step, so a learner can watch it unfold.

The paths come from core (a descent on a formula costs microseconds); this
only decides how much of them is shown, so the GUI never does the learning.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal


class PathPlayer(QObject):
    """Counts shown steps 0…length, advancing ``steps_per_tick`` on a timer."""

    changed = Signal(int)

    def __init__(self, parent: QObject | None = None, interval_ms: int = 60) -> None:
        super().__init__(parent)
        self.length = 0
        self.shown = 0
        self.steps_per_tick = 1
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.step)

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    def reset(self, length: int) -> None:
        self.length, self.shown = length, 0
        self.changed.emit(0)

    def step(self) -> None:
        if self.shown >= self.length:
            self._timer.stop()
            return
        self.shown = min(self.length, self.shown + self.steps_per_tick)
        self.changed.emit(self.shown)

    def toggle(self) -> None:
        if self.playing:
            self._timer.stop()
        else:
            if self.shown >= self.length:
                self.reset(self.length)
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
