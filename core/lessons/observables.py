"""What a lesson may read from each page: its live observables and its actions.

Goals (``test_accuracy >= 0.95 and neurons <= 4``) and text placeholders
(``{test_accuracy:.0%}``) may use a page's observables listed here **and** every
scalar setting of that page's settings table under its own name (a number, a
yes/no value, or a text with fixed choices, e.g. ``learning_rate``,
``batch_norm``, ``activation``).  Each page reports a mapping with a value
for every name below (and its settings) while a lesson step is shown; the
names are the contract between lesson files and the pages.

Accuracies are fractions in 0–1 (format them with ``:.0%``).  Texts use the
values listed; yes/no values are ``true``/``false``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from core.labs.descent import Path, Surface, curve_minima
from core.settings_table import table
from core.util.expression import BOOL, NUMBER, Kind, Node

REGIMES = ("crawling", "converging", "oscillating", "diverging")
MINIMA = ("local", "global", "none")


@dataclass(frozen=True)
class Observable:
    """A live value a page reports: ``kind`` is NUMBER, BOOL or its text values."""

    name: str
    kind: Kind
    description: str   # English, for docs/lessons.md


def _declare(*items: tuple[str, Kind, str]) -> dict[str, Observable]:
    return {name: Observable(name, kind, text) for name, kind, text in items}


OBSERVABLES: dict[str, dict[str, Observable]] = {
    "playground": _declare(
        ("step", NUMBER, "training steps (mini-batch updates) since the network was built"),
        ("epoch", NUMBER, "passes over the training points"),
        ("train_loss", NUMBER, "loss on the training points"),
        ("test_loss", NUMBER, "loss on the test points"),
        ("train_accuracy", NUMBER, "share of training points classified right (0–1)"),
        ("test_accuracy", NUMBER, "share of test points classified right (0–1)"),
        ("linear_test_accuracy", NUMBER, "test accuracy of the linear classifier beside it"),
        ("neurons", NUMBER, "hidden neurons in all layers together"),
        ("layers", NUMBER, "hidden layers"),
        ("inputs", NUMBER, "input features switched on"),
        ("parameters", NUMBER, "weights and biases of the network"),
        ("running", BOOL, "training is running"),
        ("diverged", BOOL, "the loss exploded and training stopped"),
    ),
    "digits": _declare(
        ("epoch", NUMBER, "finished training epochs"),
        ("train_loss", NUMBER, "loss on the training digits"),
        ("val_loss", NUMBER, "loss on the held-out digits"),
        ("train_accuracy", NUMBER, "share of training digits recognised (0–1)"),
        ("val_accuracy", NUMBER, "share of held-out digits recognised (0–1)"),
        ("best_epoch", NUMBER, "the epoch with the lowest validation loss so far (0: none)"),
        ("parameters", NUMBER, "weights and biases of the network"),
        ("neurons", NUMBER, "hidden neurons in all layers together"),
        ("predicted_digit", NUMBER, "the digit recognised in the drawing (-1: blank canvas)"),
        ("confidence", NUMBER, "the winning output's probability (0–1)"),
        ("training", BOOL, "training is running"),
    ),
    "descent": _declare(
        ("steps", NUMBER, "steps the walker has taken"),
        ("w", NUMBER, "1D: the walker's weight"),
        ("cost", NUMBER, "the cost where the walker stands (2D: the lowest of the walkers)"),
        ("slope", NUMBER, "1D: the slope under the walker"),
        ("w1", NUMBER, "2D: the first weight of the walker with the lowest cost"),
        ("w2", NUMBER, "2D: the second weight of the walker with the lowest cost"),
        ("regime", REGIMES, "1D: how the walk so far behaves, as the readout says"),
        ("minimum", MINIMA, "the minimum the walker (2D: with the lowest cost) is in"),
        ("diverged", BOOL, "a walker ran off to infinity"),
    ),
    "curve_fit": _declare(
        ("step", NUMBER, "fitting steps so far"),
        ("curve_loss", NUMBER, "the network's loss on the points"),
        ("line_loss", NUMBER, "the straight line's loss on the points"),
        ("a", NUMBER, "the line's slope in y = ax + b"),
        ("b", NUMBER, "the line's intercept in y = ax + b"),
        ("n_points", NUMBER, "points on the plot"),
        ("running", BOOL, "fitting is running"),
    ),
    "backprop": _declare(
        ("stage", NUMBER, "the stage shown, 0 = the network, then forward, loss, backward"),
        ("stages", NUMBER, "how many stages there are for this setup"),
        ("loss", NUMBER, "the loss on the sample with the current weights"),
        ("updates", NUMBER, "weight updates applied since the setup"),
        ("graph_step", NUMBER, "nodes computed in the Computational graph tab: values "
                               "forward, then gradients backward"),
        ("graph_steps", NUMBER, "how many nodes the graph computes, forward and backward"),
    ),
}

ACTIONS: dict[str, dict[str, str]] = {
    "playground": {"reset": "new random weights, step 0", "regenerate": "new points",
                   "train": "start training (until the solution's time or steps are used)"},
    "digits": {"train": "train for the configured epochs", "stop": "stop training"},
    "descent": {"run": "let the walker(s) walk", "reset": "back to the start"},
    "curve_fit": {"train": "start fitting", "reset": "new random weights"},
    "backprop": {"forward": "show the next stage", "update": "apply the weight update",
                 "new_weights": "draw new random weights",
                 "show_graph": "open the Computational graph tab (solution steps then "
                               "press its Next)"},
}


def _setting_kind(page: str, name: str) -> Kind | None:
    setting = table(page)[name]
    if setting.kind is bool:
        return BOOL
    if setting.kind in (int, float):
        return NUMBER
    if setting.kind is str and setting.choices:
        return tuple(setting.choices)
    return None   # tuples and free texts are not compared in goals


def names(page: str) -> Mapping[str, Kind]:
    """Every name a goal or a text on ``page`` may use, with its kind."""
    kinds = {name: kind for name in table(page)
             if (kind := _setting_kind(page, name)) is not None}
    kinds.update({name: o.kind for name, o in OBSERVABLES[page].items()})
    return kinds


# -- the descent lab's text observables, computed the same way for the page and tests ----
def regime(path: Path) -> str:
    """How a 1D walk behaves: one of REGIMES (the readout's words)."""
    if path.diverged:
        return "diverging"
    moves = np.diff(path.points[:, 0])
    if len(moves) > 4 and np.mean(np.sign(moves[1:]) != np.sign(moves[:-1])) > 0.5:
        return "oscillating"
    if abs(path.slopes[-1, 0]) > 0.05 * max(abs(path.slopes[0, 0]), 1e-9):
        return "crawling"
    return "converging"


def minimum(curve: Node, w: float, tolerance: float = 0.05) -> str:
    """Which minimum of ``curve`` the weight ``w`` is in: one of MINIMA.

    "none" unless ``w`` is within ``tolerance`` of one of the lab's minima of the
    curve (:func:`core.labs.descent.curve_minima`, the ones the plot marks).
    """
    found = curve_minima(curve)
    if not found:
        return "none"
    nearest = min(found, key=lambda m: abs(m.w - w))
    if abs(nearest.w - w) > tolerance:
        return "none"
    return "global" if nearest.is_global else "local"


def surface_minimum(surface: Surface, point: tuple[float, float],
                    tolerance: float = 0.05) -> str:
    """Which of ``surface``'s known minima ``point`` is within ``tolerance`` of: MINIMA."""
    if not surface.minima:
        return "none"
    index = surface.nearest_minimum(point)
    if math.dist(point, surface.minima[index]) > tolerance:
        return "none"
    depths = [float(surface.value(np.array(x), np.array(y))) for x, y in surface.minima]
    return "global" if depths[index] <= min(depths) + 1e-6 else "local"
