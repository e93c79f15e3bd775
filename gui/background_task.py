"""Run one slow function (a download, loading big files) off the GUI thread.

The function gets a ``progress(text, done, total)`` callback and a
``cancelled()`` check; its result or its error comes back as a signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot


class _Runner(QObject):
    progress = Signal(str, object, object)
    succeeded = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, function: Callable[..., Any], cancel: threading.Event) -> None:
        super().__init__()
        self._function = function
        self._cancel = cancel

    @Slot()
    def run(self) -> None:
        try:
            result = self._function(progress=lambda text, done, total:
                                    self.progress.emit(text, done, total),
                                    cancelled=self._cancel.is_set)
        except Exception as exc:  # reported to the user by the owner
            self.failed.emit(str(exc))
        else:
            self.succeeded.emit(result)
        finally:
            self.finished.emit()


class BackgroundTask(QObject):
    """Owns one thread for one call; ``cancel()`` asks the function to stop."""

    progress = Signal(str, object, object)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, function: Callable[..., Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._thread = QThread()
        self._runner = _Runner(function, self._cancel)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._runner.progress.connect(self.progress)
        self._runner.succeeded.connect(self.succeeded)
        self._runner.failed.connect(self.failed)

    def start(self) -> None:
        self._thread.start()

    def is_running(self) -> bool:
        return self._thread.isRunning()

    def was_cancelled(self) -> bool:
        """True once ``cancel()`` was asked: a failure after it is no news to the user."""
        return self._cancel.is_set()

    def cancel(self, wait_ms: int = 3000) -> bool:
        """Ask the function to stop and wait for the thread; True if it ended."""
        self._cancel.set()
        return self._thread.wait(wait_ms)
