"""A one-off computation (the complexity sweep, a download, …) reporting as it goes.

The same call runs in a thread (waiting: downloads, reading files) or in a
child process (computing: painting holds the GIL, so a computing thread would
only run between paints).  The function gets ``progress(text, done, total)``
and ``cancelled()``; its result or its error goes back as one message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from core.worker.process import resolve


class Inbox(Protocol):
    """Messages from the window: any message at all asks the task to stop."""

    def poll(self, timeout: float = 0.0) -> bool: ...

    def recv(self) -> Any: ...


class Outbox(Protocol):
    def send(self, message: Any) -> None: ...


def call_reporting(function: Callable[..., Any], kwargs: dict[str, Any], inbox: Inbox,
                   outbox: Outbox) -> None:
    """Call ``function`` with ``progress`` and ``cancelled``; report its outcome.

    Sends ``("progress", text, done, total)`` as it goes, then ``("succeeded",
    result)`` or ``("failed", reason)``.
    """
    try:
        result = function(
            progress=lambda text, done, total: outbox.send(("progress", text, done, total)),
            cancelled=inbox.poll, **kwargs)
    except (BrokenPipeError, ConnectionResetError):
        return  # the window is gone
    except Exception as exc:  # the window shows it
        outbox.send(("failed", f"{type(exc).__name__}: {exc}"))
    else:
        outbox.send(("succeeded", result))


def run_task(inbox: Inbox, outbox: Outbox) -> None:
    """Process job: the first message is ``("module:function", kwargs)``.

    The target is named, not pickled, so its module (and numpy) is imported
    here, in the child.
    """
    target, kwargs = inbox.recv()
    call_reporting(resolve(target), kwargs, inbox, outbox)  # run_child reports a bad name
