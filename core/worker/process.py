"""The child side of a worker process, and the training job it runs.

Why a process: painting pyqtgraph's views is Python code, so it holds the GIL,
and a training thread in the window's process could only run while nothing
paints (measured: 20 % of the headless step rate at 21 frames/s).  A child
process has its own interpreter and computes on the second core while the
window paints on the first.

The parent (:mod:`gui.worker.backings`) starts a fresh interpreter running
this module (:func:`child_command`, :func:`child_environment`) that inherits
two one-way pipes; messages are pickles (``multiprocessing``'s
``Connection.send``/``recv``) between two ends of this program.  Not
``multiprocessing.Process``: its spawn start also starts a resource-tracker
process (13 MB more at rest) and runs the parent's main module in the child.
A job is a ``module:function`` taking ``(inbox, outbox)``; what it works on is
its first message, so the job's module (and numpy) is imported only in the
child.

Training protocol (:func:`serve`):

- parent → child: first a ``functools.partial``-like factory that builds the
  :class:`~core.worker.loop.Trainable`, then commands, and
  :data:`FRAME_PAINTED` whenever the window has painted the last snapshot;
- child → parent: one frame at most once per frame, and only after the
  previous one was painted (so the child never computes frames the window
  would drop) — ``("frame", …)`` preceded by ``("state", …)`` when the model's
  settings or data changed (:mod:`core.worker.channels`), or a whole
  ``("snapshot", snapshot)`` — or ``("failed", text)`` before it ends.

The child ends when it reads :class:`~core.worker.loop.Stop` or the parent
goes away (end of file on its inbox).
"""

from __future__ import annotations

import importlib
import os
import queue
import sys
import threading
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from core.worker.allocator import keep_freed_memory
from core.worker.loop import Stop, Wake, training_loop

BLAS_THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
FRAME_PAINTED = "frame-painted"
FRAME_INTERVAL = 1.0 / 32.0  # "about 30": a late frame now and then still leaves ≥ 30 painted
FRAME_WAIT_LIMIT = 0.25  # a window that never answers still sees 4 frames/s


def child_command(job: str, inbox_fd: int, outbox_fd: int) -> list[str]:
    """The command line of a child running ``job`` on the two pipe ends it inherits."""
    return [sys.executable, "-m", "core.worker.process", job, str(inbox_fd), str(outbox_fd)]


def child_environment() -> dict[str, str]:
    """This process's environment, with one BLAS thread and this program importable.

    BLAS reads its thread count once, when numpy is imported, so the limit must be
    in the environment the child starts with (the other core is the window's); a
    limit the user set is kept.
    """
    env = dict(os.environ)
    for name in BLAS_THREADS:
        env.setdefault(name, "1")
    root = str(Path(__file__).resolve().parents[2])  # the folder holding core/
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [root, env.get("PYTHONPATH")]))
    return env


def resolve(name: str) -> Callable[..., Any]:
    """The function named ``module:function``."""
    module, _, function = name.partition(":")
    return getattr(importlib.import_module(module), function)


def child_main(job: str, inbox: Connection, outbox: Connection) -> None:
    """Run the job, then leave at once.

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
    from core.worker.channels import FrameSender  # numpy: for training children only

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

    sender = FrameSender()
    for snapshot in training_loop(target, commands, frame_interval=interval):
        painted.clear()
        # Read now: the loop applies no command until this generator is resumed.
        for message in sender.messages(snapshot, getattr(target, "state_version", 0)):
            outbox.send(message)
    if problems:  # sent from this thread only: two writers would interleave their bytes
        outbox.send(("failed", problems[0]))


if __name__ == "__main__":  # a child started by gui.worker.backings.ProcessBacking
    _job, _inbox_fd, _outbox_fd = sys.argv[1:]
    child_main(_job, Connection(int(_inbox_fd), writable=False),
               Connection(int(_outbox_fd), readable=False))
