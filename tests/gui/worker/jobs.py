"""Jobs and trainables the worker tests run in a child (importable there by name)."""

from __future__ import annotations

import os
import sys
import time

from core.worker.loop import Stop


def echo(inbox, outbox) -> None:
    """Sends back each message as a snapshot until told to stop."""
    while not isinstance(message := inbox.recv(), Stop):
        outbox.send(("snapshot", message))


def environment(inbox, outbox) -> None:
    """Reports the BLAS thread limits the child was started with, and which of
    the heavy modules were imported before this job ran."""
    names = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
    report = {name: os.environ.get(name) for name in names}
    report["imported"] = sorted({"numpy", "PySide6", "pytest"} & set(sys.modules))
    outbox.send(("succeeded", report))


def crash(inbox, outbox) -> None:
    raise RuntimeError("the model exploded")


def vanish(inbox, outbox) -> None:
    """Ends the process without a word, as a segfault or the OOM killer would."""
    os._exit(3)


def deaf(inbox, outbox) -> None:
    """Computes forever and never reads its inbox: only a kill ends it."""
    outbox.send(("snapshot", os.getpid()))
    while True:
        time.sleep(0.01)


class CountingTarget:
    """Trains without end; every snapshot carries how many were computed."""

    def __init__(self) -> None:
        self.snapshots = 0

    @property
    def can_train(self) -> bool:
        return True

    def advance(self, n_steps: int) -> int:
        time.sleep(0.0005 * n_steps)
        return n_steps

    def apply(self, command) -> None:
        pass

    def snapshot(self, running: bool, message: str | None, view: None) -> int:
        self.snapshots += 1
        return self.snapshots


class Exploding:
    """A model factory that fails in the child."""

    def __init__(self) -> None:
        raise ValueError("no such layer size: -3")
