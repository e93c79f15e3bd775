"""One table of settings per page: the single source of names, types, ranges and defaults.

Core validation, the GUI's controls, the command line and lesson files all read these
tables, so a limit is written once and every front end agrees on it.  A value is
checked *as it will live*: floats must stay finite in float32 (1e300 passes a float64
check and becomes inf in a float32 network), integers must be integers, strings must be
one of the choices.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from core.data.datasets import CURVES, DATASETS, FORMULA
from core.data.formula import CLASSES, FORMULA_TASKS, MAX_FORMULA
from core.digits.network import SCALINGS
from core.labs.descent import CURVES_1D, SURFACES
from core.nn.activations import HIDDEN_ACTIVATIONS
from core.nn.initializers import INITIALIZERS
from core.nn.losses import LOSS_NAMES
from core.nn.optimizers import OPTIMIZERS
from core.playground.features import FEATURE_NAMES

FLOAT32_MAX = float(np.finfo(np.float32).max)


class SettingError(ValueError):
    """A setting's value was refused; the message is one line a person can act on."""


@dataclass(frozen=True)
class Setting:
    """One named setting: its type, limits, default and whether it applies live.

    ``kind`` is ``bool``, ``int``, ``float``, ``str`` or ``tuple``; a tuple's items are
    ``item`` (``int`` or ``str``) and obey ``low``/``high`` or ``choices`` themselves;
    a ``str``'s ``high`` is its greatest length.
    ``live`` settings change a running model; the others rebuild or restart it.
    """

    name: str
    kind: type
    default: Any
    low: float | None = None
    high: float | None = None
    choices: tuple[str, ...] = ()
    live: bool = True
    label: str = ""
    item: type | None = None
    min_items: int = 0
    max_items: int | None = None

    def check(self, value: Any) -> Any:
        """The value converted to its kind, or :class:`SettingError` saying what is wrong."""
        if self.kind is tuple:
            return self._check_items(value)
        return self._check_scalar(self.kind, value)

    def _check_items(self, value: Any) -> tuple:
        if isinstance(value, str) or not isinstance(value, (list, tuple)):
            raise SettingError(f"{self.name} must be a list, not {value!r:.40}")
        if len(value) < self.min_items or (self.max_items is not None
                                           and len(value) > self.max_items):
            most = "" if self.max_items is None else f" and at most {self.max_items}"
            raise SettingError(f"{self.name} takes at least {self.min_items}{most} items")
        return tuple(self._check_scalar(self.item or str, v) for v in value)

    def _check_scalar(self, kind: type, value: Any) -> Any:
        if kind is bool:
            if not isinstance(value, (bool, np.bool_)):
                raise SettingError(f"{self.name} must be true or false, not {value!r:.40}")
            return bool(value)
        if kind is str:
            if not isinstance(value, str):
                raise SettingError(f"{self.name} must be a name, not {value!r:.40}")
            if self.choices and value not in self.choices:
                raise SettingError(f"{self.name} must be one of {', '.join(self.choices)}, "
                                   f"not {value!r:.40}")
            if self.high is not None and len(value) > self.high:
                raise SettingError(f"{self.name} takes at most {self.high:g} characters")
            return value
        number = self._number(kind, value)
        if (self.low is not None and number < self.low) or (
                self.high is not None and number > self.high):
            raise SettingError(f"{self.name} must be between {self.low:g} and {self.high:g}, "
                               f"not {number:g}")
        return number

    def _number(self, kind: type, value: Any) -> int | float:
        if isinstance(value, (bool, np.bool_)) or not isinstance(
                value, (int, float, np.integer, np.floating)):
            raise SettingError(f"{self.name} must be a number, not {value!r:.40}")
        if not math.isfinite(value) or abs(float(value)) > FLOAT32_MAX:
            raise SettingError(f"{self.name} must be a finite number, not {value!r:.40}")
        if kind is int:
            if float(value) != int(value):
                raise SettingError(f"{self.name} must be a whole number, not {value!r:.40}")
            return int(value)
        return float(value)


def _table(*settings: Setting) -> Mapping[str, Setting]:
    return {s.name: s for s in settings}


PLAYGROUND = _table(
    Setting("dataset", str, "circle", choices=(*DATASETS, FORMULA, *CURVES),
            live=False, label="Data set"),
    # The formulas are parsed (never run) by PlaygroundConfig.validate; here only their size.
    Setting("formula", str, "x1*x2/36", high=MAX_FORMULA, live=False,
            label="Data formula f(x1,x2)"),
    Setting("formula_task", str, CLASSES, choices=FORMULA_TASKS, live=False,
            label="Formula gives"),
    Setting("n_points", int, 500, 10, 10_000, live=False, label="Points"),
    Setting("noise", float, 0.0, 0.0, 0.5, live=False, label="Noise"),
    Setting("train_ratio", float, 0.5, 0.1, 0.9, live=False, label="Training share"),
    Setting("seed", int, 0, 0, 2**31 - 1, live=False, label="Seed"),
    Setting("features", tuple, ("x1", "x2"), item=str, choices=FEATURE_NAMES, min_items=1,
            max_items=len(FEATURE_NAMES), live=False, label="Input features"),
    Setting("feature_formula", str, "", high=MAX_FORMULA, live=False,
            label="Custom feature f(x1,x2)"),
    Setting("hidden", tuple, (4, 2), 1, 32, item=int, max_items=8, live=False,
            label="Hidden layers"),
    Setting("activation", str, "tanh", choices=HIDDEN_ACTIVATIONS, live=False,
            label="Activation"),
    Setting("layer_activations", tuple, (), item=str, choices=HIDDEN_ACTIVATIONS,
            max_items=8, live=False, label="Activation per layer"),
    Setting("init", str, "xavier", choices=tuple(INITIALIZERS), live=False,
            label="Initialiser"),
    Setting("loss", str, "cross_entropy", choices=LOSS_NAMES, live=False, label="Loss"),
    Setting("optimizer", str, "sgd", choices=tuple(OPTIMIZERS), label="Optimiser"),
    Setting("learning_rate", float, 0.03, 1e-5, 10.0, label="Learning rate"),
    Setting("batch_size", int, 10, 1, 500, label="Batch size"),
    Setting("l1", float, 0.0, 0.0, 1.0, label="L1"),
    Setting("l2", float, 0.0, 0.0, 1.0, label="L2"),
    Setting("dropout", float, 0.0, 0.0, 0.9, label="Dropout"),
    Setting("input_noise", float, 0.0, 0.0, 0.5, label="Input noise"),
    Setting("batch_norm", bool, False, label="Batch norm"),
    Setting("layer_norm", bool, False, label="Layer norm"),
)

DIGITS = _table(
    Setting("hidden", tuple, (128,), 1, 1024, item=int, min_items=1, max_items=4, live=False,
            label="Hidden layers"),
    Setting("activation", str, "relu", choices=HIDDEN_ACTIVATIONS, live=False,
            label="Activation"),
    Setting("optimizer", str, "adam", choices=tuple(OPTIMIZERS), live=False,
            label="Optimiser"),
    Setting("learning_rate", float, 1e-3, 1e-6, 10.0, label="Learning rate"),
    Setting("batch_size", int, 64, 1, 1024, label="Batch size"),
    Setting("epochs", int, 10, 1, 500, label="Epochs"),
    Setting("l2", float, 0.0, 0.0, 1.0, label="L2"),
    Setting("dropout", float, 0.0, 0.0, 0.8, live=False, label="Dropout"),
    Setting("shift", int, 0, 0, 4, label="Random shift"),
    Setting("rotation", float, 0.0, 0.0, 30.0, label="Random rotation"),
    Setting("noise", float, 0.0, 0.0, 0.5, label="Pixel noise"),
    Setting("scaling", str, "0-1", choices=SCALINGS, live=False, label="Input scaling"),
    Setting("seed", int, 0, 0, 2**31 - 1, live=False, label="Seed"),
    Setting("train_size", int, 0, 0, 60_000, live=False, label="Training digits"),
    Setting("patience", int, 0, 0, 50, label="Stop early after"),
)

CURVE_FIT = _table(
    Setting("points", str, "line", choices=tuple(CURVES), live=False, label="Points"),
    Setting("hidden", int, 8, 1, 32, live=False, label="Hidden neurons"),
    Setting("activation", str, "tanh", choices=HIDDEN_ACTIVATIONS, live=False,
            label="Activation"),
    Setting("loss", str, "mse", choices=("mse", "mae"), label="Error"),
    Setting("optimizer", str, "adam", choices=tuple(OPTIMIZERS), label="Optimiser"),
    Setting("learning_rate", float, 0.02, 1e-5, 10.0, label="Learning rate"),
    Setting("seed", int, 0, 0, 2**31 - 1, live=False, label="Seed"),
)

DESCENT = _table(
    Setting("mode", str, "1d", choices=("1d", "2d"), label="View"),
    Setting("curve", str, "bowl", choices=tuple(CURVES_1D), label="Cost curve"),
    Setting("learning_rate", float, 0.1, 0.001, 1.5, label="Learning rate (1D)"),
    Setting("start_w", float, 0.0, -10.0, 20.0, label="Start w"),
    Setting("surface", str, "bowl", choices=tuple(SURFACES), label="Surface"),
    Setting("learning_rate_2d", float, 1.0, 0.05, 20.0, label="Learning rate (2D)"),
    Setting("start_x", float, 0.0, -10.0, 10.0, label="Start x"),
    Setting("start_y", float, 0.0, -10.0, 10.0, label="Start y"),
    Setting("optimizers", tuple, ("sgd",), item=str, choices=tuple(OPTIMIZERS), min_items=1,
            max_items=len(OPTIMIZERS), label="Optimisers"),
)

BACKPROP = _table(
    Setting("setup", str, "2-2-1", choices=("2-2-1", "2-3-2"), label="Network"),
)

TABLES: Mapping[str, Mapping[str, Setting]] = {
    "playground": PLAYGROUND,
    "digits": DIGITS,
    "descent": DESCENT,
    "curve_fit": CURVE_FIT,
    "backprop": BACKPROP,
}
PAGES = tuple(TABLES)


def table(page: str) -> Mapping[str, Setting]:
    """The settings of ``page``; :class:`SettingError` for a page that does not exist."""
    try:
        return TABLES[page]
    except (KeyError, TypeError):
        raise SettingError(f"unknown page {page!r:.40}; pages are {', '.join(PAGES)}") from None


def check_settings(page: str, changes: Mapping[str, Any]) -> dict[str, Any]:
    """Every change converted and checked, or :class:`SettingError` for the first bad one.

    All or nothing: the caller applies the returned dict only when no change is refused.
    """
    settings = table(page)
    checked = {}
    for name, value in changes.items():
        if name not in settings:
            raise SettingError(f"{page} has no setting {name!r:.40}")
        checked[name] = settings[name].check(value)
    return checked


def defaults(page: str) -> dict[str, Any]:
    """Every setting of ``page`` at its default value."""
    return {name: s.default for name, s in table(page).items()}
