"""Run one slow function off the GUI thread: in a thread, or in a child process.

A thread suits waiting (downloads, reading files); a computation goes to a child
process (:mod:`core.worker.task`), because painting holds the GIL and a
computing thread would only run between paints — and slow the paints down.
Either way the function gets a ``progress(text, done, total)`` callback and a
``cancelled()`` check, and its result or its error comes back as a signal.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QObject

from core.worker.task import call_reporting
from gui.worker.backings import ProcessBacking, ThreadBacking
from gui.worker.worker import Worker

TASK_GRACE_SECONDS = 0.5  # a child that does not listen to cancel is then ended


class BackgroundTask(Worker):
    """One call on a worker of its own; ``cancel()`` asks the function to stop."""

    def __init__(self, function: Callable[..., Any] | None, parent: QObject | None = None,
                 *, process: tuple[str, dict[str, Any]] | None = None) -> None:
        if process is None:
            super().__init__(ThreadBacking(partial(call_reporting, function, {})), None, parent)
        else:
            super().__init__(ProcessBacking("core.worker.task:run_task", TASK_GRACE_SECONDS),
                             process, parent)

    @classmethod
    def in_process(cls, target: str, kwargs: dict[str, Any],
                   parent: QObject | None = None) -> BackgroundTask:
        """A task that runs ``module:function`` (core only, no Qt) in a child process."""
        return cls(None, parent, process=(target, kwargs))

    def was_cancelled(self) -> bool:
        """True once ``cancel()`` was asked: a failure after it is no news to the user."""
        return self.is_stopping()

    def cancel(self, wait_ms: int = 3000) -> bool:
        """Ask the function to stop and wait for it; True if it ended."""
        return self.stop(wait_ms)
