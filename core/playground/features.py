"""Input features computed from the 2D point (x1, x2).

Points live in the plane [-6, 6]²; features are scaled to about [-1, 1]
(x1 → x1/6, x1² → (x1/6)², x1·x2 → x1·x2/36) because unscaled inputs of
size 36 saturate tanh/sigmoid neurons at the first step.  sin and cos take the
raw coordinate, which already gives values in [-1, 1].

``f(x1,x2)`` is a formula the person types (``PlaygroundConfig.feature_formula``),
taken as it is, unscaled.  Settings name it by that fixed slot; the network and
model files get the *resolved* name ``f(x1,x2)=<formula>`` (see
:func:`resolve_features`), so the formula travels with the features wherever
they go and is parsed again wherever they are read.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from core.data.formula import FormulaError, formula_values, parse_plane_formula

EXTENT = 6.0
CUSTOM_FEATURE = "f(x1,x2)"
_FORMULA_PREFIX = CUSTOM_FEATURE + "="

_FEATURES: dict[str, Callable[[np.ndarray, np.ndarray], np.ndarray]] = {
    "x1": lambda a, b: a / EXTENT,
    "x2": lambda a, b: b / EXTENT,
    "x1^2": lambda a, b: (a / EXTENT) ** 2,
    "x2^2": lambda a, b: (b / EXTENT) ** 2,
    "x1*x2": lambda a, b: a * b / EXTENT**2,
    "sin(x1)": lambda a, b: np.sin(a),
    "sin(x2)": lambda a, b: np.sin(b),
    "cos(x1)": lambda a, b: np.cos(a),
    "cos(x2)": lambda a, b: np.cos(b),
}
FIXED_FEATURES: tuple[str, ...] = tuple(_FEATURES)
FEATURE_NAMES: tuple[str, ...] = (*FIXED_FEATURES, CUSTOM_FEATURE)  # every input slot
DEFAULT_FEATURES: tuple[str, ...] = ("x1", "x2")


def parse_features(text: str) -> tuple[str, ...]:
    """Parse a comma-separated feature list such as ``"x1,x2,x1*x2"``."""
    names = tuple(part.strip() for part in text.split(",") if part.strip())
    validate_features(names)
    return names


def resolve_features(names: Sequence[str], formula: str) -> tuple[str, ...]:
    """``names`` with the slot ``f(x1,x2)`` replaced by ``f(x1,x2)=formula``."""
    return tuple(_FORMULA_PREFIX + formula if n == CUSTOM_FEATURE else n for n in names)


def feature_formula(name: str) -> str | None:
    """The formula of a resolved custom feature name, else None."""
    return name.removeprefix(_FORMULA_PREFIX) if name.startswith(_FORMULA_PREFIX) else None


def check_feature_formula(formula: str) -> None:
    """Refuse a custom feature's formula with a one-line reason (core.data.formula)."""
    parse_plane_formula(formula)


def validate_features(names: Sequence[str]) -> None:
    """Refuse unknown or repeated names; a resolved formula feature is parsed and checked."""
    if not names:
        raise ValueError("choose at least one input feature")
    for name in names:
        formula = feature_formula(name)
        if name == CUSTOM_FEATURE:
            raise ValueError(f"type a formula for the custom feature {CUSTOM_FEATURE}")
        if formula is not None:
            try:
                check_feature_formula(formula)
            except FormulaError as exc:
                raise ValueError(f"the custom feature: {exc}") from None
        elif name not in _FEATURES:
            choices = ", ".join(FEATURE_NAMES)
            raise ValueError(f"unknown feature {name!r:.60} (choose from {choices})")
    if len(set(names)) != len(names):
        raise ValueError("each feature may be chosen once")


def _column(name: str, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    formula = feature_formula(name)
    if formula is None:
        return _FEATURES[name](a, b)
    return formula_values(formula, np.stack([a, b], axis=1))


def feature_matrix(
    points: np.ndarray, names: Sequence[str], dtype: str | np.dtype = "float32"
) -> np.ndarray:
    """Map ``points`` ``(n, 2)`` (or ``(n, 1)`` for curves) to ``(n, len(names))``.

    For 1D points only ``x1``-based features make sense; ``x2`` is taken as 0.
    """
    validate_features(names)
    P = np.asarray(points, dtype=np.float64)
    a = P[:, 0]
    b = P[:, 1] if P.shape[1] > 1 else np.zeros_like(a)
    cols = [_column(name, a, b) for name in names]
    return np.stack(cols, axis=1).astype(dtype, copy=False)
