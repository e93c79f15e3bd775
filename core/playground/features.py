"""Input features computed from the 2D point (x1, x2).

Points live in the plane [-6, 6]²; features are scaled to about [-1, 1]
(x1 → x1/6, x1² → (x1/6)², x1·x2 → x1·x2/36) because unscaled inputs of
size 36 saturate tanh/sigmoid neurons at the first step.  sin and cos take the
raw coordinate, which already gives values in [-1, 1].
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

EXTENT = 6.0

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
FEATURE_NAMES: tuple[str, ...] = tuple(_FEATURES)
DEFAULT_FEATURES: tuple[str, ...] = ("x1", "x2")


def parse_features(text: str) -> tuple[str, ...]:
    """Parse a comma-separated feature list such as ``"x1,x2,x1*x2"``."""
    names = tuple(part.strip() for part in text.split(",") if part.strip())
    validate_features(names)
    return names


def validate_features(names: Sequence[str]) -> None:
    if not names:
        raise ValueError("choose at least one input feature")
    unknown = [n for n in names if n not in _FEATURES]
    if unknown:
        choices = ", ".join(FEATURE_NAMES)
        raise ValueError(f"unknown feature {unknown[0]!r} (choose from {choices})")
    if len(set(names)) != len(names):
        raise ValueError("each feature may be chosen once")


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
    cols = [_FEATURES[name](a, b) for name in names]
    return np.stack(cols, axis=1).astype(dtype, copy=False)
