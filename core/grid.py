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


TILE_SIDE = 30  # points across each small heatmap of the network diagram


@dataclass(frozen=True)
class GridEvaluation:
    """Every neuron's value over the plane, at the sizes the window draws.

    ``tiles[0]`` holds the input features ``(n_features, t, t)``, then one
    ``(n_units, t, t)`` array per hidden layer, and ``tiles[-1]`` the output
    layer, sampled to at most :data:`TILE_SIDE` points a side: the diagram's
    heatmaps are that small, and full grids of every neuron would be most of
    what a frame costs to compute, send and draw.  ``output`` is the
    network's answer at full resolution, ``focus`` the one neuron the user
    enlarged (full resolution), if any.
    """

    tiles: tuple[np.ndarray, ...]
    output: np.ndarray
    focus: np.ndarray | None = None


class GridEvaluator:
    """Keeps the grid's feature matrix, which only changes with the features."""

    def __init__(
        self, features: Sequence[str], resolution: int, dtype: str = "float32"
    ) -> None:
        self.features = tuple(features)
        self.resolution = resolution
        self.inputs = feature_matrix(grid_points(resolution), self.features, dtype)
        self._stride = max(1, resolution // TILE_SIDE)
        self._feature_tiles = self._tiles(self.inputs)

    def _images(self, A: np.ndarray) -> np.ndarray:
        r = self.resolution
        return A.T.reshape(A.shape[1], r, r)

    def _tiles(self, A: np.ndarray) -> np.ndarray:
        s = self._stride
        sampled = self._images(A)[:, ::s, ::s][:, :TILE_SIDE, :TILE_SIDE]
        return np.ascontiguousarray(sampled, dtype=np.float32)

    def feature_tiles(self) -> np.ndarray:
        """The input features alone, as tiles ``(n_features, t, t)`` (a copy)."""
        return self._feature_tiles.copy()

    def evaluate(self, network: Network,
                 focus: tuple[int, int] | None = None) -> GridEvaluation:
        """Tiles of every neuron, the full output, and neuron ``focus`` = (column, unit)."""
        network.predict(self.inputs)
        columns = [self.inputs, *network.layer_outputs]
        tiles = (self.feature_tiles(), *(self._tiles(A) for A in columns[1:]))
        image = None
        if focus is not None and focus[0] < len(columns) and focus[1] < columns[focus[0]].shape[1]:
            image = np.ascontiguousarray(self._images(columns[focus[0]])[focus[1]],
                                         dtype=np.float32)
        output = np.ascontiguousarray(self._images(columns[-1]), dtype=np.float32)
        return GridEvaluation(tiles, output, image)
