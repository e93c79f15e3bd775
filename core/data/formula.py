"""Formulas in the plane's coordinates x1, x2, typed by a person: a data set's
labels ("classes by sign" or "values") and an extra input feature.

Parsing goes through :mod:`core.util.expression` (no ``eval``).  A formula is
checked where it will be used — on a fine grid over the plane [-6, 6]² — and
refused if it is not a finite number of at most ``MAX_VALUE`` in size anywhere
there: an infinite label or input would only turn training into NaN, and
clipping would silently train on a different formula.  Points off that grid
(a point added by hand, jitter past the edge) are clipped instead, so one odd
point cannot stop a network that is already training.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from core.util.expression import MAX_LENGTH, ExpressionError, Function, parse_function

VARIABLES = ("x1", "x2")
PLANE = 6.0           # the plane is [-PLANE, PLANE]², as in core.data.datasets
MAX_VALUE = 1e6       # larger labels or inputs overflow float32 losses and sums
MAX_FORMULA = MAX_LENGTH  # characters
CHECK_POINTS = 201    # per axis: steps of 0.06, through 0 and both edges
CLASSES, VALUES = "classes", "values"
FORMULA_TASKS = (CLASSES, VALUES)


class FormulaError(ExpressionError):
    """A formula that cannot be used; the message is one line saying why."""


def _check_grid() -> tuple[np.ndarray, np.ndarray]:
    axis = np.linspace(-PLANE, PLANE, CHECK_POINTS)
    a, b = np.meshgrid(axis, axis)
    return a.ravel(), b.ravel()


@lru_cache(maxsize=32)
def parse_plane_formula(text: str) -> Function:
    """The formula ``text`` in x1, x2, checked on the grid; :class:`FormulaError` says why not."""
    try:
        function = parse_function(text, VARIABLES)
    except ExpressionError as exc:
        raise FormulaError(str(exc)) from None
    a, b = _check_grid()
    values = function(x1=a, x2=b)
    bad = ~(np.abs(values) <= MAX_VALUE)  # NaN is bad too
    if bad.any():
        i = int(np.argmax(bad))
        what = "not a number" if np.isnan(values[i]) else f"{values[i]:.3g}"
        raise FormulaError(f"{text.strip()} is {what} at x1={a[i]:g}, x2={b[i]:g}: the "
                           f"formula must stay finite and within ±{MAX_VALUE:g} on the plane")
    return function


def formula_values(text: str, points: np.ndarray) -> np.ndarray:
    """The formula at ``points`` ``(n, 2)`` (``(n, 1)``: x2 = 0), float64 ``(n,)``,
    clipped to ±``MAX_VALUE`` where it is not finite (see the module doc)."""
    P = np.asarray(points, dtype=np.float64)
    b = P[:, 1] if P.shape[1] > 1 else np.zeros(len(P))
    values = parse_plane_formula(text)(x1=P[:, 0], x2=b)
    return np.clip(np.nan_to_num(values, nan=0.0, posinf=MAX_VALUE, neginf=-MAX_VALUE),
                   -MAX_VALUE, MAX_VALUE)


def check_formula_task(text: str, task: str | None) -> None:
    """Refuse a data set formula that cannot make ``task``'s labels (e.g. one class only);
    ``None``: the formula is not in use, so only parse and check it."""
    parse_plane_formula(text)
    if task is None:
        return
    if task not in FORMULA_TASKS:
        raise FormulaError(f"a formula data set gives {' or '.join(FORMULA_TASKS)}, "
                           f"not {task!r:.40}")
    if task == CLASSES:
        a, b = _check_grid()
        positive = parse_plane_formula(text)(x1=a, x2=b) > 0
        if positive.all() or not positive.any():
            raise FormulaError(f"{text.strip()} is {'> 0' if positive.all() else '≤ 0'} "
                               "everywhere on the plane: the classes need points on both sides")


def formula_points(text: str, task: str, n: int,
                   rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points uniform on the plane, labelled by the formula.

    ``classes``: 1 where f(x1, x2) > 0, else 0; ``values``: f(x1, x2) itself.
    """
    check_formula_task(text, task)
    X = rng.uniform(-PLANE, PLANE, (n, 2))
    values = formula_values(text, X)
    return X, (values > 0).astype(float) if task == CLASSES else values


def check_formulas(formula: str, formula_task: str | None, feature_formula: str) -> None:
    """Parse and check a playground's typed formulas, even unused ones: they come from
    files too.  ``formula_task`` is None when the data set is not the formula one."""
    check_formula_task(formula, formula_task)
    if feature_formula:
        parse_plane_formula(feature_formula)
