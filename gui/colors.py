"""One palette for points, boundaries and neuron heatmaps, so colours agree.

Negative values and class 0 are orange, positive values and class 1 blue, as
in TensorFlow Playground; further classes get distinct hues.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg

ORANGE = (245, 147, 34)
BLUE = (8, 119, 189)
WHITE = (248, 248, 248)
CLASS_COLOURS = np.array(
    [ORANGE, BLUE, (60, 160, 60), (150, 80, 180), (210, 50, 60)], dtype=np.float32
)


def diverging_colormap() -> pg.ColorMap:
    """Orange (−1 or class 0) through white (0) to blue (+1 or class 1)."""
    return pg.ColorMap([0.0, 0.5, 1.0], [ORANGE, WHITE, BLUE])


def class_colour(label: int) -> tuple[int, int, int]:
    return tuple(int(c) for c in CLASS_COLOURS[label % len(CLASS_COLOURS)])


def class_probability_rgb(probabilities: np.ndarray, discretize: bool) -> np.ndarray:
    """``(k, r, r)`` class probabilities → ``(r, r, 3)`` RGB in [0, 255].

    Each pixel mixes the class colours by probability and fades towards white
    where the network is unsure, so confident regions are saturated.
    """
    k = probabilities.shape[0]
    if discretize:
        winner = probabilities.argmax(axis=0)
        probabilities = (winner[None] == np.arange(k)[:, None, None]).astype(np.float32)
    colours = CLASS_COLOURS[np.arange(k) % len(CLASS_COLOURS)]
    rgb = np.tensordot(probabilities, colours, axes=(0, 0))
    confidence = probabilities.max(axis=0)[..., None]
    strength = 0.35 + 0.45 * (confidence - 1.0 / k) / (1.0 - 1.0 / k)
    white = np.asarray(WHITE, dtype=np.float32)
    return (white + (rgb - white) * strength).astype(np.float32)


def normalise_activation(values: np.ndarray, activation: str) -> np.ndarray:
    """Map a neuron layer's values ``(n, r, r)`` into [-1, 1] for one colour map.

    Bounded activations keep their meaning (sigmoid 0 → orange, 1 → blue);
    unbounded ones are scaled per neuron by their largest magnitude.
    """
    if activation in ("sigmoid", "softmax"):
        return 2.0 * values - 1.0
    if activation == "tanh":
        return values
    scale = np.abs(values).max(axis=(1, 2), keepdims=True)
    return values / np.maximum(scale, 1e-6)
