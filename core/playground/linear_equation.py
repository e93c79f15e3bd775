"""The linear classifier's boundary as an equation a learner can read: x2 = k·x1 + c.

The model computes ``w·f + b`` on its input features ``f`` (x1/6, x2/6, …, see
:mod:`core.playground.features`); its boundary is where that is 0.  With exactly the features
x1 and x2 that is one straight line in the plane, written here in the plane's own
units; with other features it is still linear — in those features — and the
equation says so.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.playground.features import EXTENT

FLAT = 1e-9  # a weight this small does not tilt the line


@dataclass(frozen=True)
class LinearEquation:
    """``kind``: "line" (x2 = slope·x1 + intercept), "vertical" (x1 = intercept),
    "features" (Σ weights·features + bias = 0) or "none" (all weights 0)."""

    kind: str
    slope: float = 0.0
    intercept: float = 0.0
    weights: tuple[float, ...] = ()
    bias: float = 0.0
    features: tuple[str, ...] = ()

    def text(self) -> str:
        """Plain-text equation with 2-significant-digit numbers."""
        if self.kind == "line":
            sign = "+" if self.intercept >= 0 else "−"
            return f"x2 = {self.slope:.2g}·x1 {sign} {abs(self.intercept):.2g}"
        if self.kind == "vertical":
            return f"x1 = {self.intercept:.2g}"
        if self.kind == "features":
            terms = " ".join(f"{'+' if w >= 0 else '−'} {abs(w):.2g}·{f}"
                             for w, f in zip(self.weights, self.features, strict=True))
            sign = "+" if self.bias >= 0 else "−"
            return f"{terms.lstrip('+ ')} {sign} {abs(self.bias):.2g} = 0"
        return "no boundary: every weight is 0"


def linear_equation(W: np.ndarray, b: np.ndarray, features: tuple[str, ...]) -> LinearEquation:
    """The boundary of a one-output linear model ``sigmoid(f·W + b)`` (W: (n_features, 1))."""
    w = np.asarray(W, dtype=np.float64).reshape(-1)
    bias = float(np.asarray(b, dtype=np.float64).reshape(-1)[0])
    if tuple(features) == ("x1", "x2"):
        # w1·x1/E + w2·x2/E + b = 0  ⇔  x2 = −(w1/w2)·x1 − E·b/w2
        w1, w2 = w
        if abs(w2) > FLAT:
            return LinearEquation("line", slope=-w1 / w2, intercept=-EXTENT * bias / w2)
        if abs(w1) > FLAT:
            return LinearEquation("vertical", intercept=-EXTENT * bias / w1)
        return LinearEquation("none")
    if not np.any(np.abs(w) > FLAT):
        return LinearEquation("none")
    return LinearEquation("features", weights=tuple(float(v) for v in w), bias=bias,
                          features=tuple(features))
