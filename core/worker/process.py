"""Runs a training loop in a child process that talks over two pipes.

Why a process: painting pyqtgraph's views is Python code, so it holds the GIL,
and a training thread in the window's process could only run while nothing
paints (measured: 20 % of the headless step rate at 21 frames/s).  A child
process has its own interpreter and trains on the second core while the
window paints on the first.

Protocol (pickle frames, trusted: both ends are this program):

- parent → child: first a ``functools.partial``-like factory that builds the
  :class:`~core.worker.loop.Trainable`, then commands, and
  :data:`FRAME_PAINTED` whenever the window has painted the last snapshot;
- child → parent: ``("snapshot", snapshot)`` at most once per frame, and only
  after the previous one was painted (so the child never computes frames the
  window would drop), or ``("failed", text)`` before it ends.

The child ends when it reads :class:`~core.worker.loop.Stop` or the parent
goes away (end of file on its input).
"""

from __future__ import annotations

import os
import pickle
import queue
import struct
import sys
import threading
from typing import Any, BinaryIO

from core.worker.allocator import keep_freed_memory
from core.worker.loop import Stop, Wake, training_loop

HEADER = struct.Struct("<Q")  # the byte length of the pickle that follows
FRAME_PAINTED = "frame-painted"
FRAME_INTERVAL = 1.0 / 32.0  # "about 30": a late frame now and then still leaves ≥ 30 painted
FRAME_WAIT_LIMIT = 0.25  # a window that never answers still sees 4 frames/s


def write_frame(stream: BinaryIO, message: Any) -> None:
    """One length-prefixed pickle, written at once."""
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(data)) + data)
    stream.flush()


def read_sized_frame(stream: BinaryIO) -> tuple[Any, int]:
    """The next message and its size in bytes; ``EOFError`` when the other end has closed.

    The whole frame is read in one call and then unpickled: ``pickle.load``
    on the stream would read piece by piece, and in the window's process each
    piece is a fight for the GIL with painting (a convoy that made frames late).
    """
    header = stream.read(HEADER.size)
    if len(header) < HEADER.size:
        raise EOFError("the other end has closed")
    (size,) = HEADER.unpack(header)
    data = stream.read(size)
    if len(data) < size:
        raise EOFError("the other end closed mid-frame")
    return pickle.loads(data), HEADER.size + size


def read_frame(stream: BinaryIO) -> Any:
    """The next message (see :func:`read_sized_frame`)."""
    return read_sized_frame(stream)[0]


def serve(source: BinaryIO, sink: BinaryIO) -> None:
    """Build the target from the first frame, then train until told to stop."""
    factory = read_frame(source)
    commands: queue.SimpleQueue = queue.SimpleQueue()
    painted = threading.Event()
    painted.set()

    def read_commands() -> None:
        try:
            while True:
                message = read_frame(source)
                if message == FRAME_PAINTED:
                    painted.set()
                    commands.put(Wake())
                else:
                    commands.put(message)
        except (EOFError, OSError):
            commands.put(Stop())
        except Exception as exc:  # a frame that cannot be read: say so, then stop cleanly
            write_frame(sink, ("failed", f"unreadable command ({type(exc).__name__}: {exc})"))
            commands.put(Stop())

    threading.Thread(target=read_commands, name="commands", daemon=True).start()
    try:
        target = factory()

        def interval() -> float:
            return FRAME_INTERVAL if painted.is_set() else FRAME_WAIT_LIMIT

        for snapshot in training_loop(target, commands, frame_interval=interval):
            painted.clear()
            write_frame(sink, ("snapshot", snapshot))
    except (BrokenPipeError, ConnectionResetError):
        return  # the window is gone; nobody to tell
    except Exception as exc:  # the window shows it; never a silent dead worker
        write_frame(sink, ("failed", f"{type(exc).__name__}: {exc}"))


def main() -> None:
    """Entry point of the child: frames on stdin/stdout, stray prints to stderr."""
    keep_freed_memory()
    sink = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    with sink:
        serve(sys.stdin.buffer, sink)
    sys.stderr.flush()
    # Not a normal exit: the command reader is blocked reading stdin, and
    # finalising the interpreter under it aborts.  Nothing is left to flush.
    os._exit(0)


if __name__ == "__main__":
    main()
