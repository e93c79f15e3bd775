"""A one-off computation (the complexity sweep, …) in a child process.

The window's process paints, and painting pyqtgraph views holds the GIL: a
computation there only runs between paints.  In a child it has a core of its own.
The child is started with ``multiprocessing``'s spawn context and talks over its
pipes (``Connection.send``/``recv``): progress and the result go up, a cancel
request comes down.  Messages are pickles between two ends of this program.
"""

from __future__ import annotations

import importlib
import os
from multiprocessing.connection import Connection
from typing import Any

BLAS_THREADS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def run_task(target: str, kwargs: dict[str, Any], results: Connection,
             cancel: Connection) -> None:
    """Child entry: call ``module:function`` with ``progress`` and ``cancelled``.

    Sends ``("progress", text, done, total)`` as it goes, then ``("succeeded",
    result)`` or ``("failed", reason)``.  The target is named, not pickled, so that
    BLAS is limited to one thread (the window has the other core) before the
    target's module imports numpy.
    """
    for name in BLAS_THREADS:
        os.environ.setdefault(name, "1")
    try:
        module, _, name = target.partition(":")
        function = getattr(importlib.import_module(module), name)
        result = function(
            progress=lambda text, done, total: results.send(("progress", text, done, total)),
            cancelled=cancel.poll, **kwargs)
    except (BrokenPipeError, ConnectionResetError):
        return  # the window is gone
    except Exception as exc:  # the window shows it
        results.send(("failed", f"{type(exc).__name__}: {exc}"))
    else:
        results.send(("succeeded", result))
    finally:
        results.close()
