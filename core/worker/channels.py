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

It may also name ``GROWING_FIELDS``, paths such as ``"network.history"`` to
dicts of arrays that mostly grow by a few rows a frame (the loss curves): a
frame carries only the rows after the part the window already has, checked
value by value, so a cleared or thinned history is simply sent whole again.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

import numpy as np

Message = tuple[Any, ...]
Columns = dict[str, np.ndarray]


@dataclasses.dataclass(frozen=True)
class Tail:
    """The rows of a growing dict of arrays from row ``start`` on."""

    start: int
    rows: Columns


def _rows(columns: Columns) -> int:
    return len(next(iter(columns.values()), ()))


def _kept_rows(old: Columns | None, new: Columns) -> int:
    """How many leading rows ``new`` shares with ``old`` (0 unless all of ``old``)."""
    if old is None or old.keys() != new.keys():
        return 0
    n = _rows(old)
    same = all(len(new[k]) >= n and np.array_equal(new[k][:n], old[k], equal_nan=True)
               for k in old)
    return n if same else 0


def _at(fields: dict[str, Any], path: str) -> Any:
    outer, _, inner = path.partition(".")
    return getattr(fields[outer], inner)


def _with(fields: dict[str, Any], path: str, value: Any) -> None:
    """Put ``value`` at ``path`` into the frame's fields (a new outer dataclass)."""
    outer, _, inner = path.partition(".")
    fields[outer] = dataclasses.replace(fields[outer], **{inner: value})


class FrameSender:
    """The child's side: each snapshot as messages, the state only when its version moved."""

    def __init__(self) -> None:
        self._sent: tuple[type, int] | None = None  # (snapshot type, version) of the last state
        self._grown: dict[str, Columns] = {}  # what the window has of each growing field

    def messages(self, snapshot: Any, version: int) -> list[Message]:
        fields = getattr(type(snapshot), "STATE_FIELDS", ())
        if not fields:
            return [("snapshot", snapshot)]
        values = {f.name: getattr(snapshot, f.name) for f in dataclasses.fields(snapshot)}
        state = {name: values.pop(name) for name in fields}
        for path in getattr(type(snapshot), "GROWING_FIELDS", ()):
            columns = _at(values, path)
            start = _kept_rows(self._grown.get(path), columns)
            self._grown[path] = columns
            _with(values, path, Tail(start, {k: v[start:] for k, v in columns.items()}))
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
        self._grown: dict[str, Columns] = {}

    def receive(self, message: Message, emit: Callable[[Message], None]) -> None:
        """Emit ``("snapshot", …)`` for a frame, keep a state, pass anything else on."""
        kind = message[0]
        if kind == "state":
            self._state = (message[1], message[2])
        elif kind == "frame":
            if self._state is None:
                raise ValueError("a frame arrived before any state")
            cls, state = self._state
            values = dict(message[1])
            for path in getattr(cls, "GROWING_FIELDS", ()):
                _with(values, path, self._grow(path, _at(values, path)))
            emit(("snapshot", cls(**state, **values)))
        else:
            emit(message)

    def _grow(self, path: str, tail: Tail) -> Columns:
        """The whole columns: the rows kept from the last frame, then the tail."""
        columns = tail.rows
        if tail.start:
            old = self._grown.get(path, {})
            if _rows(old) != tail.start:  # the sender assumed another frame came before
                raise ValueError(f"{path} continues rows this window never received")
            columns = {k: np.concatenate([old[k], rows]) for k, rows in tail.rows.items()}
        self._grown[path] = columns
        return columns

