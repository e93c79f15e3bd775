"""The gradient-descent lab: optimisers walking down curves and surfaces.

The walkers are the very optimisers that train the networks (``core.
optimizers``), given a 1- or 2-element weight array and its slope.  Curves are
formulas in ``w``; surfaces are functions of ``(w1, w2)`` with exact gradients,
including the real loss of a two-weight neuron on a small data set.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.nn.optimizers import make_optimizer
from core.util.expression import Node, parse_expression

DIVERGED_BEYOND = 1e6
W_RANGE = (-2.0, 12.0)   # where the 1D curves are drawn and their minima looked for
SETTLED_MOVE = 1e-4      # a step shorter than this: the walker has stopped

CURVES_1D = {
    "bowl": "(w-5)^2",
    "absolute": "abs(w-5)",
    "double_well": "0.05(w-2)^2(w-8)^2 + 0.8w",
    "plateau": "1 - exp(-((w-5)/1.5)^2)",
}


@dataclass(frozen=True)
class Path:
    """Where a walk went: points ``(n+1, d)``, values ``(n+1,)``, slopes ``(n+1, d)``."""

    points: np.ndarray
    values: np.ndarray
    slopes: np.ndarray
    diverged: bool

    @property
    def final(self) -> np.ndarray:
        return self.points[-1]


def _walk(value: Callable[[np.ndarray], float], gradient: Callable[[np.ndarray], np.ndarray],
          start: np.ndarray, optimizer: str, learning_rate: float, steps: int) -> Path:
    opt = make_optimizer(optimizer, learning_rate=learning_rate)
    w = np.array(start, dtype=np.float64)
    points, values, slopes = [w.copy()], [value(w)], [gradient(w)]
    diverged = False
    with np.errstate(all="ignore"):
        for _ in range(steps):
            opt.step(w, slopes[-1].copy())
            points.append(w.copy())
            values.append(value(w))
            slopes.append(gradient(w))
            if not (np.isfinite(w).all() and np.isfinite(values[-1])) or \
                    np.abs(w).max() > DIVERGED_BEYOND:
                diverged = True
                break
    return Path(np.array(points), np.array(values, dtype=np.float64), np.array(slopes),
                diverged)


def readable(value: float) -> str:
    """A number a person can read: 4 decimals in a sensible range, else scientific."""
    if not math.isfinite(value):
        return str(value)
    if value == 0 or 1e-3 <= abs(value) < 1e5:
        return f"{value:.4f}"
    return f"{value:.3e}"


def round_values(low: float, high: float) -> tuple[float, ...]:
    """The round numbers 1, 1.5, 2, 3, 5, 7 × 10ⁿ from ``low`` to ``high``: slider stops."""
    values = []
    for exponent in range(math.floor(math.log10(low)) - 1, math.ceil(math.log10(high)) + 1):
        for mantissa in (1, 1.5, 2, 3, 5, 7):
            v = float(f"{mantissa}e{exponent}")  # exact decimal, not 1.5 * 10**n rounding
            if low * (1 - 1e-9) <= v <= high * (1 + 1e-9):
                values.append(v)
    return tuple(values)


@dataclass(frozen=True)
class Minimum:
    """A low point of a 1D cost curve; ``is_global`` if nothing in the range is lower."""

    w: float
    cost: float
    is_global: bool


def curve_minima(curve: Node | str, w_range: tuple[float, float] = W_RANGE,
                 samples: int = 2801) -> tuple[Minimum, ...]:
    """Every local minimum of ``curve`` inside ``w_range``, left to right.

    A dense grid finds the dips; golden-section search then places each one
    to ~1e-9.  A minimum is global when no other point of the range (its ends
    included) is lower, so a curve that falls off the range has no global one.
    """
    f = parse_expression(curve) if isinstance(curve, str) else curve
    w = np.linspace(*w_range, samples)
    with np.errstate(all="ignore"):
        cost = np.asarray(f(w), dtype=np.float64) * np.ones_like(w)
    found = []
    for i in range(1, samples - 1):
        left, mid, right = cost[i - 1], cost[i], cost[i + 1]
        if np.isfinite([left, mid, right]).all() and mid <= left and mid < right:
            found.append(_golden_minimum(f, float(w[i - 1]), float(w[i + 1])))
    if not found:
        return ()
    lowest = float(np.nanmin(cost))
    tolerance = 1e-6 * max(1.0, abs(lowest))
    return tuple(Minimum(m, c, c <= lowest + tolerance) for m, c in found)


def _golden_minimum(f: Node, a: float, b: float) -> tuple[float, float]:
    ratio = (math.sqrt(5) - 1) / 2
    while b - a > 1e-10:
        c, d = b - ratio * (b - a), a + ratio * (b - a)
        if float(f(c)) < float(f(d)):
            b = d
        else:
            a = c
    w = (a + b) / 2
    return w, float(f(w))


def settled_minimum(path: Path, minima: tuple[Minimum, ...], step: int,
                    near: float = 0.05) -> Minimum | None:
    """The minimum the walk rests in at ``step``, or ``None`` while it still moves."""
    if step < 1 or not minima:
        return None
    w = path.points[step, 0]
    if abs(w - path.points[step - 1, 0]) >= SETTLED_MOVE:
        return None
    best = min(minima, key=lambda m: abs(m.w - w))
    return best if abs(best.w - w) <= near else None


def descend_curve(curve: Node | str, start: float, learning_rate: float, steps: int,
                  optimizer: str = "sgd") -> Path:
    """Gradient descent on a 1D cost curve: each step moves −α·slope."""
    f = parse_expression(curve) if isinstance(curve, str) else curve
    df = f.derivative()
    return _walk(lambda w: float(f(w[0])), lambda w: np.array([float(df(w[0]))]),
                 np.array([start]), optimizer, learning_rate, steps)


# -- 2D surfaces -------------------------------------------------------------------
@dataclass(frozen=True)
class Surface:
    """A loss over two weights: vectorised ``value(w1, w2)`` and its gradient."""

    name: str
    value: Callable[[np.ndarray, np.ndarray], np.ndarray]
    gradient: Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]
    extent: tuple[float, float, float, float]  # w1 min, w1 max, w2 min, w2 max
    minima: tuple[tuple[float, float], ...]
    start: tuple[float, float]

    def walk(self, start, optimizer: str, learning_rate: float, steps: int) -> Path:
        return _walk(lambda w: float(self.value(w[0], w[1])),
                     lambda w: np.array(self.gradient(w[0], w[1]), dtype=np.float64),
                     np.asarray(start, dtype=np.float64), optimizer, learning_rate, steps)

    def grid(self, resolution: int = 200) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(w1 axis, w2 axis, values[i1, i2])`` for a contour map."""
        a = np.linspace(self.extent[0], self.extent[1], resolution)
        b = np.linspace(self.extent[2], self.extent[3], resolution)
        W1, W2 = np.meshgrid(a, b, indexing="ij")
        with np.errstate(all="ignore"):
            return a, b, self.value(W1, W2)

    def basin(self, path: Path, near: float = 0.04) -> int | None:
        """Which minimum the walk ended in (its index), or ``None``: it diverged, left
        the map, or stopped elsewhere (a plateau, a saddle).  ``near`` is a share of
        the map's width."""
        if path.diverged or not self.minima:
            return None
        k = self.nearest_minimum(path.final)
        tolerance = near * (self.extent[1] - self.extent[0])
        return k if math.dist(path.final, self.minima[k]) <= tolerance else None

    def nearest_minimum(self, point) -> int:
        d = [math.dist(point, m) for m in self.minima]
        return int(np.argmin(d))


def _himmelblau(x, y):
    return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2


def _himmelblau_grad(x, y):
    a, b = x * x + y - 11, x + y * y - 7
    return 4 * x * a + 2 * b, 2 * a + 4 * y * b


# A small 1D data set for the two-weight neuron: y = sigmoid(w1·x + w2).
NEURON_X = np.array([-3.0, -2.0, -1.5, -1.0, 0.5, 1.0, 2.0, 3.0])
NEURON_T = np.array([0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0])


def neuron_loss(w1, w2):
    """Mean squared error of ``sigmoid(w1·x + w2)`` on ``NEURON_X, NEURON_T``."""
    z = np.multiply.outer(np.asarray(w1), NEURON_X) + np.asarray(w2)[..., None]
    p = 0.5 * (1 + np.tanh(0.5 * z))
    return ((p - NEURON_T) ** 2).mean(axis=-1)


def neuron_loss_gradient(w1, w2):
    z = np.multiply.outer(np.asarray(w1), NEURON_X) + np.asarray(w2)[..., None]
    p = 0.5 * (1 + np.tanh(0.5 * z))
    dz = 2 * (p - NEURON_T) * p * (1 - p) / len(NEURON_X)
    return (dz * NEURON_X).sum(axis=-1), dz.sum(axis=-1)


def _two_valleys(x, y):
    """A shallow valley (local minimum, loss −0.81) and a deeper one (global, −1.76)."""
    return (0.05 * (x * x + y * y) - np.exp(-((x + 2) ** 2 + y * y) / 1.5)
            - 2 * np.exp(-((x - 2) ** 2 + (y - 1) ** 2) / 2))


def _two_valleys_grad(x, y):
    near = np.exp(-((x + 2) ** 2 + y * y) / 1.5) / 0.75
    far = 2 * np.exp(-((x - 2) ** 2 + (y - 1) ** 2) / 2)
    return 0.1 * x + near * (x + 2) + far * (x - 2), 0.1 * y + near * y + far * (y - 1)


SURFACES = {
    "bowl": Surface("bowl", lambda x, y: x * x + y * y, lambda x, y: (2 * x, 2 * y),
                    (-4, 4, -4, 4), ((0.0, 0.0),), (-3.0, 3.5)),
    "valley": Surface("valley", lambda x, y: 0.05 * x * x + 2 * y * y,
                      lambda x, y: (0.1 * x, 4 * y), (-10, 10, -3, 3), ((0.0, 0.0),),
                      (-9.0, 2.0)),
    "rosenbrock": Surface(
        "rosenbrock", lambda x, y: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
        lambda x, y: (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)),
        (-2, 2, -1, 3), ((1.0, 1.0),), (-1.5, 2.5)),
    "saddle": Surface("saddle", lambda x, y: x * x - y * y, lambda x, y: (2 * x, -2 * y),
                      (-3, 3, -3, 3), (), (-2.5, 0.01)),
    "himmelblau": Surface(
        "himmelblau", _himmelblau, _himmelblau_grad, (-5, 5, -5, 5),
        ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)),
        (0.0, 0.0)),
    "neuron": Surface("neuron", neuron_loss, neuron_loss_gradient, (-6, 6, -6, 6),
                      ((0.639150, 0.076224),), (-5.0, 5.0)),
    "two_valleys": Surface("two_valleys", _two_valleys, _two_valleys_grad, (-5, 5, -5, 5),
                           ((-1.856730, 0.000505), (1.904188, 0.952107)), (-3.5, 2.0)),
}


def random_starts(surface: Surface, n: int, rng: np.random.Generator, optimizer: str = "sgd",
                  learning_rate: float = 0.01, steps: int = 500) -> list[Path]:
    """Walks from ``n`` random starting points: which minimum each reaches."""
    x0, x1, y0, y1 = surface.extent
    starts = np.column_stack([rng.uniform(x0, x1, n), rng.uniform(y0, y1, n)])
    return [surface.walk(s, optimizer, learning_rate, steps) for s in starts]
