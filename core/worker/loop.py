"""The training generator the GUI worker thread runs.

It trains continuously, drains a command queue between steps, and yields a
snapshot at most once per ``frame_interval`` of an injectable clock, so the
window's paint rate never decides the training speed and tests can drive it
with a fake clock.  Commands are small frozen dataclasses; the ones that are
not about the loop itself go to the target's ``apply``.
"""

from __future__ import annotations

import contextlib
import queue
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Play:
    """Train continuously."""


@dataclass(frozen=True)
class Pause:
    """Stop training; the loop idles until the next command."""


@dataclass(frozen=True)
class Step:
    """Run ``n`` optimiser steps now, then stay paused."""

    n: int = 1


@dataclass(frozen=True)
class SetSpeed:
    """Steps per frame; ``None`` trains as fast as the machine allows."""

    steps_per_frame: int | None


@dataclass(frozen=True)
class Stop:
    """End the generator (the worker then finishes)."""


@dataclass(frozen=True)
class Wake:
    """Changes nothing; only ends a wait, so a frame that became due is sent."""



class Trainable(Protocol):
    """What the loop drives: a trainer, the two-model playground, …"""

    @property
    def can_train(self) -> bool: ...

    def advance(self, n_steps: int) -> int: ...

    def apply(self, command: Any) -> None: ...

    def snapshot(self, running: bool, message: str | None) -> Any: ...


@dataclass
class _LoopState:
    running: bool = False
    steps_per_frame: int | None = None
    message: str | None = None
    dirty: bool = True
    stop: bool = False


def training_loop(
    target: Trainable,
    commands: queue.SimpleQueue,
    *,
    clock: Callable[[], float] = time.monotonic,
    frame_interval: float | Callable[[], float] = 1.0 / 30.0,
    idle_timeout: float = 0.05,
    chunk_seconds: float = 0.002,
) -> Iterator[Any]:
    """Yield ``target.snapshot(...)`` whenever something changed, ≤ 1 per frame.

    ``frame_interval`` may be a function, read anew for every frame (the GUI
    worker widens it when painting is slow).  A command that ``target.apply``
    rejects with ``ValueError`` does not end the loop: its message travels in
    the next snapshot.  When the target can no longer train (diverged,
    stopped early) the loop pauses by itself.
    """
    interval = frame_interval if callable(frame_interval) else lambda: frame_interval
    state = _LoopState()
    chunk = 1
    last_frame = -float("inf")

    def handle(command: Any) -> None:
        if isinstance(command, Wake):
            return
        state.dirty = True
        state.message = None
        if isinstance(command, Stop):
            state.stop = True
        elif isinstance(command, Play):
            state.running = target.can_train
        elif isinstance(command, Pause):
            state.running = False
        elif isinstance(command, Step):
            state.running = False
            target.advance(command.n)
        elif isinstance(command, SetSpeed):
            state.steps_per_frame = command.steps_per_frame
        else:
            try:
                target.apply(command)
            except ValueError as exc:
                state.message = str(exc)
            except Exception as exc:  # a bug must not kill the worker and its model
                state.message = f"{type(command).__name__} failed ({type(exc).__name__}: {exc})"

    while True:
        while True:
            try:
                handle(commands.get_nowait())
            except queue.Empty:
                break
        if state.stop:
            return
        now = clock()
        frame_due = now - last_frame >= interval()
        if state.running:
            if state.steps_per_frame is None:
                started = clock()
                target.advance(chunk)
                # Adapt the chunk so that draining the queue stays cheap but prompt.
                chunk = max(1, chunk * 2 if clock() - started < chunk_seconds else chunk // 2)
                state.dirty = True
            elif frame_due:
                target.advance(state.steps_per_frame)
                state.dirty = True
            if not target.can_train:  # paused in the frame that says why
                state.running = False
        if state.dirty and frame_due:
            # Keep a steady cadence: a frame sent a little late does not push
            # every later one back (that alone cost 10 % of the frame rate).
            period = interval()
            last_frame = last_frame + period if now - last_frame < 2 * period else now
            state.dirty = False
            yield target.snapshot(state.running, state.message)
            continue
        if state.running and state.steps_per_frame is None:
            continue
        remaining = max(0.0, interval() - (now - last_frame))
        timeout = remaining if state.dirty or state.running else idle_timeout
        with contextlib.suppress(queue.Empty):
            handle(commands.get(timeout=timeout))
