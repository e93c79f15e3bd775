"""The training generator the GUI worker thread runs.

It trains continuously, drains a command queue between steps, and yields a
snapshot at most once per ``frame_interval`` of an injectable clock, so the
window's paint rate never decides the training speed and tests can drive it
with a fake clock.  Commands are small frozen dataclasses; the loop's own are
looked up in ``LOOP_COMMANDS``; a target's view commands (its
``view_handlers``) only change the view the loop keeps and passes to every
snapshot; all others go to the target's ``apply`` (see core.worker.protocol).
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
    """What the loop drives: a trainer, the two-model playground, …

    A :class:`~core.worker.protocol.Model` also has ``initial_view``,
    ``view_handlers`` and ``view_with``; a target without them has no views
    and its snapshots get ``view=None``.
    """

    @property
    def can_train(self) -> bool: ...

    def advance(self, n_steps: int) -> int: ...

    def apply(self, command: Any) -> None: ...

    def snapshot(self, running: bool, message: str | None, view: Any) -> Any: ...


@dataclass
class _LoopState:
    running: bool = False
    steps_per_frame: int | None = None
    message: str | None = None
    dirty: bool = True
    stop: bool = False
    chunk: int = 1  # steps per turn at full speed, adapted to ``chunk_seconds``
    view: Any = None  # what the window chose to look at: never the model's state


class FramePacer:
    """When the next frame is due, at a steady cadence of ``interval()`` seconds.

    ``interval`` is read anew for every frame (the GUI widens it when painting
    is slow).  A frame sent a little late does not push every later one back
    (that alone cost 10 % of the frame rate).
    """

    def __init__(self, interval: Callable[[], float]) -> None:
        self.interval = interval
        self.last = -float("inf")

    def due(self, now: float) -> bool:
        return now - self.last >= self.interval()

    def sent(self, now: float) -> None:
        period = self.interval()
        self.last = self.last + period if now - self.last < 2 * period else now

    def remaining(self, now: float) -> float:
        return max(0.0, self.interval() - (now - self.last))


def _stop(state: _LoopState, _target: Trainable, _command: Stop) -> None:
    state.stop = True


def _play(state: _LoopState, target: Trainable, _command: Play) -> None:
    state.running = target.can_train


def _pause(state: _LoopState, _target: Trainable, _command: Pause) -> None:
    state.running = False


def _step(state: _LoopState, target: Trainable, command: Step) -> None:
    state.running = False
    target.advance(command.n)


def _set_speed(state: _LoopState, _target: Trainable, command: SetSpeed) -> None:
    state.steps_per_frame = command.steps_per_frame


def _apply(state: _LoopState, target: Trainable, command: Any) -> None:
    """Any other command is the target's; its refusal travels in the next snapshot."""
    try:
        if type(command) in getattr(target, "view_handlers", ()):
            state.view = target.view_with(state.view, command)
        else:
            target.apply(command)
    except ValueError as exc:
        state.message = str(exc)
    except Exception as exc:  # a bug must not kill the worker and its model
        state.message = f"{type(command).__name__} failed ({type(exc).__name__}: {exc})"


# The loop's own commands; everything else goes to ``_apply``.
LOOP_COMMANDS: dict[type, Callable[[_LoopState, Trainable, Any], None]] = {
    Stop: _stop, Play: _play, Pause: _pause, Step: _step, SetSpeed: _set_speed,
}


def _handle(state: _LoopState, target: Trainable, command: Any) -> None:
    if isinstance(command, Wake):  # only ends a wait
        return
    state.dirty = True
    state.message = None
    LOOP_COMMANDS.get(type(command), _apply)(state, target, command)


def _train(state: _LoopState, target: Trainable, frame_due: bool,
           clock: Callable[[], float], chunk_seconds: float) -> None:
    """One turn of training: a chunk at full speed, else the frame's steps when due."""
    if state.steps_per_frame is None:
        started = clock()
        target.advance(state.chunk)
        # Adapt the chunk so that draining the queue stays cheap but prompt.
        fast = clock() - started < chunk_seconds
        state.chunk = max(1, state.chunk * 2 if fast else state.chunk // 2)
        state.dirty = True
    elif frame_due:
        target.advance(state.steps_per_frame)
        state.dirty = True
    if not target.can_train:  # paused in the frame that says why
        state.running = False


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
    pacer = FramePacer(frame_interval if callable(frame_interval) else lambda: frame_interval)
    state = _LoopState(view=target.initial_view() if hasattr(target, "initial_view") else None)
    while True:
        with contextlib.suppress(queue.Empty):
            while True:
                _handle(state, target, commands.get_nowait())
        if state.stop:
            return
        now = clock()
        frame_due = pacer.due(now)
        if state.running:
            _train(state, target, frame_due, clock, chunk_seconds)
        if state.dirty and frame_due:
            pacer.sent(now)
            state.dirty = False
            yield target.snapshot(state.running, state.message, state.view)
            continue
        if state.running and state.steps_per_frame is None:
            continue
        timeout = pacer.remaining(now) if state.dirty or state.running else idle_timeout
        with contextlib.suppress(queue.Empty):
            _handle(state, target, commands.get(timeout=timeout))
