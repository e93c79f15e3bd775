"""The command vocabulary every trainable model answers, and its one transaction.

Why one protocol: the playground, the digits network and the curve fit are
driven the same way (the training loop hands them commands between steps), so
they share the commands that mean the same thing — :class:`Configure`,
:class:`Restart`, :class:`RestoreBest`, :class:`Restore` — and each adds only its
own data commands.

A model subclasses :class:`Model` and marks one method per command type with
``@handles(CommandType)``; the class's table (command type → handler) is built
once, when the class is made.  :meth:`Model.apply` runs the handler inside a
transaction: the contents of the model's attributes are deep-copied first and
put back if the handler raises, so a command is applied entirely or not at
all, whatever the handler had already changed.  Plain values (numbers, strings,
tuples, frozen dataclasses such as configs) are never changed in place, so
they are not copied.  Objects a model lists in :meth:`Model.kept_whole`
(data sets, recorded histories) are kept by reference instead of copied: its
handlers replace them, never change them in place.  Every command applied
bumps :attr:`Model.state_version`, so the worker resends the model's settings
and data only after a command (see core.worker.channels).

View-only commands (which neuron is drawn large, …) are not training state:
a method marked ``@views(CommandType)`` returns the new view value from the
old one and the command, and the training loop keeps that value and hands it
to ``snapshot`` — the model computes for it but never stores it, so a rollback
never has to copy or restore it.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, is_dataclass
from types import MappingProxyType
from typing import Any, ClassVar, TypeVar

import numpy as np

Handler = Callable[[Any, Any], None]
ViewHandler = Callable[[Any, Any, Any], Any]
H = TypeVar("H", bound=Callable[..., Any])


@dataclass(frozen=True)
class Configure:
    """Change settings by name, e.g. ``Configure({"learning_rate": 0.1})``.

    Live settings act on the running model; structural ones rebuild it.
    """

    changes: dict[str, Any]


@dataclass(frozen=True)
class Restart:
    """New random weights, same settings and data; counters and history cleared."""


@dataclass(frozen=True)
class RestoreBest:
    """Put back the weights from the lowest held-out loss so far (early stopping)."""


@dataclass(frozen=True)
class Restore:
    """Put back a saved state (a session); ``state`` is the model's own state type."""

    state: Any


def handles(*command_types: type) -> Callable[[H], H]:
    """Mark a :class:`Model` method as the handler of ``command_types``."""

    def mark(method: H) -> H:
        method.handled_commands = command_types  # type: ignore[attr-defined]
        return method

    return mark


def views(*command_types: type) -> Callable[[H], H]:
    """Mark a :class:`Model` method ``(view, command) -> view`` as the view handler of
    ``command_types``; it raises ``ValueError`` for a choice that cannot be shown."""

    def mark(method: H) -> H:
        method.view_commands = command_types  # type: ignore[attr-defined]
        return method

    return mark


class Model:
    """Base of every trainable model: one command table, one transaction.

    Subclasses implement ``can_train``, ``advance`` and ``snapshot`` for the
    training loop; ``apply`` comes from here.
    """

    handlers: ClassVar[Mapping[type, Handler]] = MappingProxyType({})
    view_handlers: ClassVar[Mapping[type, ViewHandler]] = MappingProxyType({})
    state_version = 0  # bumped by every command applied

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.handlers = _table(cls, cls.handlers, "handled_commands")
        cls.view_handlers = _table(cls, cls.view_handlers, "view_commands")

    def initial_view(self) -> Any:
        """The view before the window chose anything (``None``: the model has no views)."""
        return None

    def view_with(self, view: Any, command: Any) -> Any:
        """The view after the view command ``command``; changes nothing in the model."""
        return self.view_handlers[type(command)](self, view, command)

    def apply(self, command: Any) -> None:
        """Run ``command``'s handler; if it raises, the model is as it was before."""
        handler = self.handlers.get(type(command))
        if handler is None:
            raise ValueError(f"{type(self).__name__} does not understand "
                             f"{type(command).__name__} commands")
        originals, contents = self._checkpoint()
        try:
            handler(self, command)
        except BaseException:
            self.__dict__.clear()
            self.__dict__.update(originals)
            for value in originals.values():
                if id(value) in contents:
                    _refill(value, contents[id(value)])
            raise
        self.state_version += 1

    def kept_whole(self) -> Iterable[object]:
        """Objects the handlers replace but never change in place: not copied."""
        return ()

    def _checkpoint(self) -> tuple[dict[str, Any], dict[int, Any]]:
        """The attributes, and a deep copy of the contents of each mutable one.

        Attributes keep their identity through a rollback (their contents are
        put back), so whoever holds ``model.trainers`` still holds the model's.
        """
        originals = dict(self.__dict__)
        kept = {id(obj) for obj in self.kept_whole()}
        memo: dict[int, Any] = {id(obj): obj for obj in (*self.kept_whole(), *originals.values())}
        contents = {}
        for value in originals.values():
            inside = None if id(value) in kept else _contents(value)
            if inside is not None:
                contents[id(value)] = copy.deepcopy(inside, memo)
        return originals, contents


def _table(cls: type, inherited: Mapping[type, Any], mark: str) -> Mapping[type, Any]:
    """The class's handlers marked with ``mark``, over those it inherits."""
    table = dict(inherited)
    for member in vars(cls).values():
        for command_type in getattr(member, mark, ()):
            table[command_type] = member
    return MappingProxyType(table)


def _contents(value: Any) -> Any:
    """What a rollback puts back into ``value``; ``None`` for values that cannot change."""
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (dict, list)):
        return copy.copy(value)
    frozen = is_dataclass(value) and value.__dataclass_params__.frozen  # type: ignore[union-attr]
    if hasattr(value, "__dict__") and not frozen and not isinstance(value, type):
        return dict(vars(value))
    return None


def _refill(value: Any, contents: Any) -> None:
    if isinstance(value, np.ndarray):
        np.copyto(value, contents)
    elif isinstance(value, dict):
        value.clear()
        value.update(contents)
    elif isinstance(value, list):
        value[:] = contents
    else:
        vars(value).clear()
        vars(value).update(contents)
