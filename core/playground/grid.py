"""Evaluate a network — and every neuron in it — over a grid on the input plane.

This is what the decision-boundary and neuron heatmaps draw.  Grids are
indexed ``[i1, i2]`` with ``i1`` along x1 (image x) and ``i2`` along x2 (image
y), the layout pyqtgraph's ``ImageItem`` expects.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.nn.network import Network
from core.playground.features import EXTENT, feature_matrix


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
WIDE_LAYER = 16  # a layer this wide makes the diagram's tiles small on screen
# Multiply-adds a frame may spend on the full-resolution output: the default
# network (2-8-8-8-1, 152 a point) at 150² needs 3.4 M; 32 × 8 would need
# 163 M (35 ms a frame in the worker, as long as training between frames).
OUTPUT_BUDGET = 18_000_000


def tile_side(layer_sizes: Sequence[int]) -> int:
    """Points across a neuron's tile: half as many when a layer is wide.

    Wide layers are drawn with tiles about 20 px on screen, and 256 tiles of
    30² would be 0.9 MB to compute, send and colour on every frame.
    """
    return TILE_SIDE // 2 if max(layer_sizes[1:-1], default=0) >= WIDE_LAYER else TILE_SIDE


def output_resolution(layer_sizes: Sequence[int], resolution: int) -> int:
    """Grid points across at which the output is computed within :data:`OUTPUT_BUDGET`."""
    macs = sum(a * b for a, b in itertools.pairwise(layer_sizes))
    return min(resolution, max(2, int(np.sqrt(OUTPUT_BUDGET / max(macs, 1)))))


def interpolation_matrix(coarse: int, fine: int, extent: float = EXTENT) -> np.ndarray:
    """``(fine, coarse)`` weights: linear interpolation from one grid axis to a finer one."""
    rows = np.empty((fine, coarse), dtype=np.float32)
    for j, column in enumerate(np.eye(coarse)):
        rows[:, j] = np.interp(grid_axis(fine, extent), grid_axis(coarse, extent), column)
    return rows


@dataclass(frozen=True)
class GridEvaluation:
    """Every neuron's value over the plane, at the sizes the window draws.

    ``tiles[0]`` holds the input features ``(n_features, t, t)``, then one
    ``(n_units, t, t)`` array per hidden layer, and ``tiles[-1]`` the output
    layer, sampled to :func:`tile_side` points a side: the diagram's
    heatmaps are that small, and full grids of every neuron would be most of
    what a frame costs to compute, send and draw.  ``output`` is the
    network's answer at full resolution, ``focus`` the one neuron the user
    enlarged (full resolution), if any.  A network too large to evaluate at
    every point of the full grid each frame is evaluated on a coarser one and
    both images are interpolated linearly (:func:`output_resolution`).
    """

    tiles: tuple[np.ndarray, ...]
    output: np.ndarray
    focus: np.ndarray | None = None


class _Sampling:
    """One grid's feature matrix and its tile sampling, kept while features stay."""

    def __init__(self, features: tuple[str, ...], resolution: int, dtype: str) -> None:
        self.resolution = resolution
        self.inputs = feature_matrix(grid_points(resolution), features, dtype)

    def images(self, A: np.ndarray) -> np.ndarray:
        r = self.resolution
        return A.T.reshape(A.shape[1], r, r)

    def tiles(self, A: np.ndarray, side: int) -> np.ndarray:
        s = max(1, self.resolution // side)
        sampled = self.images(A)[:, ::s, ::s][:, :side, :side]
        return np.ascontiguousarray(sampled, dtype=np.float32)


class GridEvaluator:
    """Keeps the grids' feature matrices, which only change with the features."""

    def __init__(
        self, features: Sequence[str], resolution: int, dtype: str = "float32"
    ) -> None:
        self.features = tuple(features)
        self.resolution = resolution
        self._dtype = dtype
        self._full = _Sampling(self.features, resolution, dtype)
        self.inputs = self._full.inputs
        self._samplings: dict[int, _Sampling] = {resolution: self._full}
        self._tile_points: dict[int, np.ndarray] = {}
        self._upsample: dict[int, np.ndarray] = {}

    def _sampling(self, resolution: int) -> _Sampling:
        if resolution not in self._samplings:
            self._samplings[resolution] = _Sampling(self.features, resolution, self._dtype)
        return self._samplings[resolution]

    def _tile_inputs(self, side: int) -> np.ndarray:
        """The feature rows of the full grid's points that the tiles sample."""
        if side not in self._tile_points:
            r = self.resolution
            axis = np.arange(0, r, max(1, r // side))[:side]
            self._tile_points[side] = self.inputs[(axis[:, None] * r + axis[None, :]).ravel()]
        return self._tile_points[side]

    def feature_tiles(self, side: int = TILE_SIDE) -> np.ndarray:
        """The input features alone, as tiles ``(n_features, t, t)`` (a copy)."""
        return self._full.tiles(self.inputs, side)

    def _full_size(self, images: np.ndarray, resolution: int) -> np.ndarray:
        """``(n, r, r)`` images interpolated to the full resolution."""
        if resolution == self.resolution:
            return np.ascontiguousarray(images, dtype=np.float32)
        if resolution not in self._upsample:
            self._upsample[resolution] = interpolation_matrix(resolution, self.resolution)
        m = self._upsample[resolution]
        return np.ascontiguousarray(m @ images.astype(np.float32) @ m.T)

    def evaluate(self, network: Network,
                 focus: tuple[int, int] | None = None) -> GridEvaluation:
        """Tiles of every neuron, the full output, and neuron ``focus`` = (column, unit)."""
        sizes = network.spec.layer_sizes
        side = tile_side(sizes)
        resolution = output_resolution(sizes, self.resolution)
        grid = self._sampling(resolution)
        network.predict(grid.inputs)
        columns = [grid.inputs, *network.layer_outputs]
        image = None
        if focus is not None and focus[0] < len(columns) and focus[1] < columns[focus[0]].shape[1]:
            image = self._full_size(grid.images(columns[focus[0]])[focus[1]:focus[1] + 1],
                                    resolution)[0]
        output = self._full_size(grid.images(columns[-1]), resolution)
        if resolution != self.resolution:
            network.predict(self._tile_inputs(side))
            tiles = tuple(np.ascontiguousarray(A.T.reshape(A.shape[1], side, side))
                          for A in network.layer_outputs)
        else:
            tiles = tuple(grid.tiles(A, side) for A in columns[1:])
        return GridEvaluation((self.feature_tiles(side), *tiles), output, image)
