"""Frames and state on two channels: what changes every frame, and what changes on a command.

A snapshot class may name its ``STATE_FIELDS`` (settings, the data points):
those change only when a command is applied, i.e. when the model's
``state_version`` moved (core.worker.protocol), so the child sends them in a
``("state", …)`` message only then, and every frame as a
``("frame", …)`` message without them.  Both go down the same pipe, in order,
so a state always arrives before the frames that depend on it.  On the
window's side a :class:`Combiner` puts the latest state back into every frame:
the views read the same full snapshot as before.  Snapshots that name no
state fields travel whole, as ``("snapshot", snapshot)``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

Message = tuple[Any, ...]


def state_fields(snapshot: Any) -> tuple[str, ...]:
    return getattr(type(snapshot), "STATE_FIELDS", ())


class FrameSender:
    """The child's side: each snapshot as messages, the state only when its version moved."""

    def __init__(self) -> None:
        self._sent: tuple[type, int] | None = None  # (snapshot type, version) of the last state

    def messages(self, snapshot: Any, version: int) -> list[Message]:
        fields = state_fields(snapshot)
        if not fields:
            return [("snapshot", snapshot)]
        values = {f.name: getattr(snapshot, f.name) for f in dataclasses.fields(snapshot)}
        state = {name: values.pop(name) for name in fields}
        out: list[Message] = []
        if self._sent != (type(snapshot), version):
            self._sent = (type(snapshot), version)
            out.append(("state", type(snapshot), state))
        out.append(("frame", values))
        return out


class Combiner:
    """The window's side: frames with the latest state, rebuilt into whole snapshots."""

    def __init__(self) -> None:
        self._state: tuple[type, dict[str, Any]] | None = None

    def receive(self, message: Message, emit: Callable[[Message], None]) -> None:
        """Emit ``("snapshot", …)`` for a frame, keep a state, pass anything else on."""
        kind = message[0]
        if kind == "state":
            self._state = (message[1], message[2])
        elif kind == "frame":
            if self._state is None:
                raise ValueError("a frame arrived before any state")
            cls, state = self._state
            emit(("snapshot", cls(**state, **message[1])))
        else:
            emit(message)
