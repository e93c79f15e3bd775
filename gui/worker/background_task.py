"""Run one slow function off the GUI thread: in a thread, or in a child process.

A thread suits waiting (downloads, reading files); a computation goes to a child
process (:mod:`core.worker.task`), because painting holds the GIL and a
computing thread would only run between paints — and slow the paints down.
Either way the function gets a ``progress(text, done, total)`` callback and a
``cancelled()`` check, and its result or its error comes back as a signal.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from core.worker.task import run_task

POLL_SECONDS = 0.05  # how often the relay looks whether a silent child has died


class _Cancelled(Exception):
    """The child ended because it was asked to: nothing to report."""


class _ChildProcess:
    """A spawned child running ``module:function``; ``run`` relays it until it ends."""

    def __init__(self, target: str, kwargs: dict[str, Any]) -> None:
        context = multiprocessing.get_context("spawn")
        self._results, child_results = context.Pipe(duplex=False)
        child_cancel, self._cancel = context.Pipe(duplex=False)
        self._child_ends = (child_results, child_cancel)
        self._process = context.Process(target=run_task, daemon=True, name="background-task",
                                        args=(target, kwargs, child_results, child_cancel))

    def run(self, progress: Callable[..., None], cancelled: Callable[[], bool]) -> Any:
        """Start the child, pass its progress on, return its result or raise its failure."""
        self._process.start()
        for end in self._child_ends:
            end.close()
        try:
            while True:
                if not self._results.poll(POLL_SECONDS):
                    if not self._process.is_alive():
                        raise EOFError
                    continue
                kind, *payload = self._results.recv()
                if kind == "progress":
                    progress(*payload)
                elif kind == "succeeded":
                    return payload[0]
                else:
                    raise RuntimeError(payload[0])
        except (EOFError, OSError):
            if cancelled():
                raise _Cancelled from None
            raise RuntimeError(QCoreApplication.translate(
                "BackgroundTask", "The background computation stopped unexpectedly.")) from None
        finally:
            self._results.close()

    def stop(self) -> None:
        """Ask the child to stop; a child that does not listen within 0.5 s is ended."""
        with contextlib.suppress(OSError):
            self._cancel.send(True)
        if self._process.pid is not None:
            self._process.join(0.5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
        self._cancel.close()


class _Runner(QObject):
    """Lives in the task's QThread: calls the function and reports."""

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
        except _Cancelled:
            pass
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

    def __init__(self, function: Callable[..., Any] | None, parent: QObject | None = None,
                 *, process: tuple[str, dict[str, Any]] | None = None) -> None:
        super().__init__(parent)
        self._cancel = threading.Event()
        self._child = _ChildProcess(*process) if process else None
        self._thread = QThread()
        self._runner = _Runner(self._child.run if self._child else function, self._cancel)
        self._runner.moveToThread(self._thread)
        self._thread.started.connect(self._runner.run)
        self._runner.finished.connect(self._thread.quit, Qt.ConnectionType.DirectConnection)
        self._runner.progress.connect(self.progress)
        self._runner.succeeded.connect(self.succeeded)
        self._runner.failed.connect(self.failed)

    @classmethod
    def in_process(cls, target: str, kwargs: dict[str, Any],
                   parent: QObject | None = None) -> BackgroundTask:
        """A task that runs ``module:function`` (core only, no Qt) in a child process."""
        return cls(None, parent, process=(target, kwargs))

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
        if self._child is not None:
            self._child.stop()
        return self._thread.wait(wait_ms)
