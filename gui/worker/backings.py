"""Where a :class:`~gui.worker.worker.Worker`'s job runs: a child process or a thread.

A worker runs a job — a function of ``(inbox, outbox)`` that receives
the window's messages and sends back ``("snapshot", x)``, ``("progress", text,
done, total)``, ``("succeeded", result)`` or ``("failed", reason)`` — on one
of two backings, chosen by what the job does:

- :class:`ProcessBacking` for computing (training, the complexity sweep):
  painting pyqtgraph views holds the GIL, so a computing thread here would
  only run between paints; a child interpreter has a core of its own.  Its
  messages are pickles over two one-way ``multiprocessing`` pipes.
- :class:`ThreadBacking` for waiting (downloads, reading files): no pickling,
  and the result (a whole data set) stays in this process.

Either way a QThread of the worker runs :meth:`relay`, which hands each
message to the GUI thread through a queued signal.
"""

from __future__ import annotations

import contextlib
import fcntl
import multiprocessing
import pickle
import subprocess
import threading
from collections import deque
from collections.abc import Callable
from multiprocessing.connection import Connection
from types import SimpleNamespace
from typing import Any, Protocol

from core.worker.process import child_command, child_environment

# A frame (~0.3 MB) must fit in the pipe: with Linux's 64 kB default (and the
# 176 kB a socketpair holds) the child stalled in write() until this process's
# relay got the GIL back from painting, several times per frame.
PIPE_BYTES = 1 << 20  # Linux's default limit for an unprivileged pipe

Emit = Callable[[Any], None]


class Backing(Protocol):
    """Where a worker's job runs; the worker's QThread calls :meth:`relay`."""

    bytes_received: int

    def start(self) -> None: ...

    def relay(self, emit: Emit) -> None: ...

    def send(self, message: Any) -> None: ...

    def is_alive(self) -> bool: ...

    def end(self) -> None: ...

    def close(self) -> None: ...


class ChildProcess:
    """A running child interpreter, seen as ``multiprocessing`` sees a process."""

    def __init__(self, popen: subprocess.Popen) -> None:
        self._popen = popen

    @property
    def pid(self) -> int:
        return self._popen.pid

    def is_alive(self) -> bool:
        return self._popen.poll() is None

    def join(self, timeout: float | None = None) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self._popen.wait(timeout)

    def kill(self) -> None:
        self._popen.kill()


class ProcessBacking:
    """A child interpreter running the job ``module:function``."""

    def __init__(self, job: str, grace_seconds: float) -> None:
        self.job = job
        self.grace_seconds = grace_seconds  # after a stop request; then the child is killed
        self.bytes_received = 0  # what the messages cost to send: the benchmark reports it
        self.process: ChildProcess | None = None
        self._inbox: Connection | None = None
        self._outbox: Connection | None = None

    def start(self) -> None:
        child_inbox, self._outbox = multiprocessing.Pipe(duplex=False)
        self._inbox, child_outbox = multiprocessing.Pipe(duplex=False)
        with contextlib.suppress(AttributeError, OSError):  # not Linux: the default size
            fcntl.fcntl(child_outbox.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
        ends = (child_inbox.fileno(), child_outbox.fileno())
        self.process = ChildProcess(subprocess.Popen(
            child_command(self.job, *ends), pass_fds=ends, env=child_environment()))
        # Only the child holds its ends now: when it ends, the relay reads end-of-file.
        child_inbox.close()
        child_outbox.close()

    def relay(self, emit: Emit) -> None:
        """Pass on every message until the child has ended.

        Each message is read whole and unpickled here, off the GUI thread.
        """
        while True:
            try:
                data = self._inbox.recv_bytes()
            except (EOFError, OSError):
                return  # stopped, or crashed: the worker tells which
            self.bytes_received += len(data)
            try:
                emit(pickle.loads(data))
            except Exception as exc:  # a message this process cannot read
                emit(("failed", f"{type(exc).__name__}: {exc}"))

    def send(self, message: Any) -> None:
        """Only ever called from the GUI thread; a child gone is reported by the relay."""
        if self.is_alive():
            with contextlib.suppress(OSError):
                self._outbox.send(message)

    def is_alive(self) -> bool:
        return self.process is not None and self.process.is_alive()

    def end(self) -> None:
        """After the stop request: a child that has not ended within the grace is killed."""
        if self.process is None:
            return
        self.process.join(self.grace_seconds)
        if self.process.is_alive():
            self.process.kill()
            self.process.join()

    def close(self) -> None:
        for connection in (self._inbox, self._outbox):
            if connection is not None:
                connection.close()


class _ThreadInbox:
    """A thread job's messages from the window, with a connection's ``poll``/``recv``."""

    def __init__(self) -> None:
        self._messages: deque[Any] = deque()
        self._arrived = threading.Condition()

    def put(self, message: Any) -> None:
        with self._arrived:
            self._messages.append(message)
            self._arrived.notify_all()

    def poll(self, timeout: float = 0.0) -> bool:
        with self._arrived:
            return self._arrived.wait_for(lambda: bool(self._messages), timeout)

    def recv(self) -> Any:
        with self._arrived:
            self._arrived.wait_for(lambda: bool(self._messages))
            return self._messages.popleft()


class ThreadBacking:
    """The job runs in the worker's own QThread; it cannot be killed, only asked."""

    bytes_received = 0

    def __init__(self, job: Callable[[Any, Any], None]) -> None:
        self._job = job
        self._inbox = _ThreadInbox()

    def start(self) -> None:
        """Nothing to start: the worker's thread runs the job."""

    def relay(self, emit: Emit) -> None:
        try:
            self._job(self._inbox, SimpleNamespace(send=emit))
        except Exception as exc:  # the window shows it
            emit(("failed", f"{type(exc).__name__}: {exc}"))

    def send(self, message: Any) -> None:
        self._inbox.put(message)

    def is_alive(self) -> bool:
        return False  # the worker's thread says whether the job runs

    def end(self) -> None:
        """A thread cannot be ended from outside: the worker waits for it."""

    def close(self) -> None:
        """Nothing held."""

