"""The child side of a worker process, and the training job it runs.

Why a process: painting pyqtgraph's views is Python code, so it holds the GIL,
and a training thread in the window's process could only run while nothing
paints (measured: 20 % of the headless step rate at 21 frames/s).  A child
process has its own interpreter and computes on the second core while the
window paints on the first.

The parent (:mod:`gui.worker.backings`) starts :func:`child_main` with
``multiprocessing``'s spawn context and two one-way pipes; messages are
pickles (``Connection.send``/``recv``) between two ends of this program.  A
job is a ``module:function`` taking ``(inbox, outbox)``; what it works on is
its first message, so the job's module (and numpy) is imported only in the
child, after :func:`lean_children` has shaped its environment.

Training protocol (:func:`serve`):

- parent → child: first a ``functools.partial``-like factory that builds the
  :class:`~core.worker.loop.Trainable`, then commands, and
  :data:`FRAME_PAINTED` whenever the window has painted the last snapshot;
- child → parent: ``("snapshot", snapshot)`` at most once per frame, and only
  after the previous one was painted (so the child never computes frames the
  window would drop), or ``("failed", text)`` before it ends.

The child ends when it reads :class:`~core.worker.loop.Stop` or the parent
goes away (end of file on its inbox).
"""

from __future__ import annotations

import contextlib
import importlib
import os
import queue
import sys
import threading
import types
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection
from typing import Any

from core.worker.allocator import keep_freed_memory
from core.worker.loop import Stop, Wake, training_loop

BLAS_THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
FRAME_PAINTED = "frame-painted"
FRAME_INTERVAL = 1.0 / 32.0  # "about 30": a late frame now and then still leaves ≥ 30 painted
FRAME_WAIT_LIMIT = 0.25  # a window that never answers still sees 4 frames/s


@contextlib.contextmanager
def lean_children() -> Iterator[None]:
    """Children spawned inside use one BLAS thread and import nothing of this program's main.

    A spawned child imports its parent's main module (the benchmark's, pytest's:
    Qt and all) and its arguments' modules before its target runs, and BLAS
    reads its thread count once, when numpy is imported.  So the variables are
    set in this process's environment, which the child inherits (the other
    core is the window's), and multiprocessing sees an empty main module while
    it prepares the child: every job lives in an importable module.
    """
    added = [name for name in BLAS_THREADS if name not in os.environ]
    os.environ.update(dict.fromkeys(added, "1"))
    main = sys.modules["__main__"]
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        sys.modules["__main__"] = main
        for name in added:
            os.environ.pop(name, None)


def resolve(name: str) -> Callable[..., Any]:
    """The function named ``module:function``."""
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


def child_main(job: str, inbox: Connection, outbox: Connection) -> None:
    """Spawn target: run the job, then leave at once.

    Not a normal exit: tearing down an interpreter that holds numpy and a model
    took 0.1 s of every worker's stop, which the closing window waits for, and
    a job's command reader may still be blocked reading.  Nothing is left to flush.
    """
    run_child(job, inbox, outbox)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def run_child(job: str, inbox: Connection, outbox: Connection) -> None:
    """Keep freed memory, then run ``job(inbox, outbox)``; a failure is a message."""
    keep_freed_memory()
    try:
        resolve(job)(inbox, outbox)
    except (BrokenPipeError, ConnectionResetError, EOFError):
        pass  # the window is gone; nobody to tell
    except Exception as exc:  # the window shows it; never a silent dead worker
        outbox.send(("failed", f"{type(exc).__name__}: {exc}"))
    finally:
        outbox.close()


def _read_commands(inbox: Connection, commands: queue.SimpleQueue, painted: threading.Event,
                   problems: list[str]) -> None:
    """Command reader thread: frame acknowledgements wake the loop, the rest queue up."""
    try:
        while True:
            message = inbox.recv()
            if message == FRAME_PAINTED:
                painted.set()
                commands.put(Wake())
            else:
                commands.put(message)
    except (EOFError, OSError):
        pass
    except Exception as exc:  # a message that cannot be read: say so, then stop cleanly
        problems.append(f"unreadable command ({type(exc).__name__}: {exc})")
    commands.put(Stop())


def serve(inbox: Connection, outbox: Connection) -> None:
    """Build the target from the first message, then train until told to stop."""
    factory = inbox.recv()
    commands: queue.SimpleQueue = queue.SimpleQueue()
    painted = threading.Event()
    painted.set()
    problems: list[str] = []
    threading.Thread(target=_read_commands, args=(inbox, commands, painted, problems),
                     name="commands", daemon=True).start()
    target = factory()

    def interval() -> float:
        return FRAME_INTERVAL if painted.is_set() else FRAME_WAIT_LIMIT

    for snapshot in training_loop(target, commands, frame_interval=interval):
        painted.clear()
        outbox.send(("snapshot", snapshot))
    if problems:  # sent from this thread only: two writers would interleave their bytes
        outbox.send(("failed", problems[0]))
