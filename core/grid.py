"""Evaluate a network — and every neuron in it — over a grid on the input plane.

This is what the decision-boundary and neuron heatmaps draw.  Grids are
indexed ``[i1, i2]`` with ``i1`` along x1 (image x) and ``i2`` along x2 (image
y), the layout pyqtgraph's ``ImageItem`` expects.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.features import EXTENT, feature_matrix
from core.network import Network


def grid_axis(resolution: int, extent: float = EXTENT) -> np.ndarray:
    """Centres of ``resolution`` cells spanning [-extent, extent]."""
    step = 2.0 * extent / resolution
    return -extent + step * (np.arange(resolution) + 0.5)


def grid_points(resolution: int, extent: float = EXTENT) -> np.ndarray:
    """``(resolution², 2)`` points; ``reshape(resolution, resolution)`` gives ``[i1, i2]``."""
    axis = grid_axis(resolution, extent)
    x1, x2 = np.meshgrid(axis, axis, indexing="ij")
    return np.stack([x1.ravel(), x2.ravel()], axis=1)


@dataclass(frozen=True)
class GridEvaluation:
    """Every neuron's value over the plane.

    ``layers[0]`` holds the input features ``(n_features, r, r)``; then one
    ``(n_units, r, r)`` array per hidden layer; ``layers[-1]`` is the output
    layer.  ``output`` is the network's answer ``(n_outputs, r, r)``.
    """

    layers: tuple[np.ndarray, ...]

    @property
    def output(self) -> np.ndarray:
        return self.layers[-1]


class GridEvaluator:
    """Keeps the grid's feature matrix, which only changes with the features."""

    def __init__(
        self, features: Sequence[str], resolution: int, dtype: str = "float32"
    ) -> None:
        self.features = tuple(features)
        self.resolution = resolution
        self.inputs = feature_matrix(grid_points(resolution), self.features, dtype)
        self._feature_images = self._images(self.inputs)

    def _images(self, A: np.ndarray) -> np.ndarray:
        r = self.resolution
        return np.ascontiguousarray(A.T.reshape(A.shape[1], r, r), dtype=np.float32)

    def evaluate_inputs(self) -> np.ndarray:
        """The input features alone ``(n_features, r, r)`` (a copy)."""
        return self._feature_images.copy()

    def evaluate(self, network: Network) -> GridEvaluation:
        network.predict(self.inputs)
        layers = [self._feature_images.copy()]
        layers.extend(self._images(A) for A in network.layer_outputs)
        return GridEvaluation(tuple(layers))
