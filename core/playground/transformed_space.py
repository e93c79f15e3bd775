"""The input plane as a hidden layer sees it: grid lines and points, warped.

Pick two neurons — of one hidden layer or of two, or an input feature, or an
output's weighted sum (before its activation); every point of the plane maps to
their two values.  Straight grid lines bend, and classes that no straight line
could separate in the plane can become separable here — the picture of why
hidden layers help.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.nn.network import Network
from core.playground.features import EXTENT, feature_matrix


@dataclass(frozen=True)
class WatchNeurons:
    """Command: show the plane through unit ``i`` of ``layer`` and unit ``j`` of ``layer_j``.

    Layers count from the input: 0 is the input features, 1… the hidden layers'
    activations, and one past the last hidden layer the output's weighted sum z.
    ``layer_j`` ``None`` means the same layer as ``i``.
    """

    layer: int
    i: int
    j: int
    layer_j: int | None = None

    @property
    def second_layer(self) -> int:
        return self.layer if self.layer_j is None else self.layer_j


@dataclass(frozen=True)
class TransformedSpace:
    layer: int
    i: int
    j: int
    lines: np.ndarray     # (n_points, 2) grid polylines, NaN rows between lines
    points: np.ndarray    # (n_samples, 2) the training points, transformed
    labels: np.ndarray    # (n_samples,)
    layer_j: int | None = None  # the vertical axis's layer, if not ``layer``

    @property
    def second_layer(self) -> int:
        return self.layer if self.layer_j is None else self.layer_j


def _grid_polylines(n_lines: int, samples: int) -> tuple[np.ndarray, np.ndarray]:
    """Points on lines x1 = c and x2 = c over the plane, NaN-separated; and a keep mask."""
    values = np.linspace(-EXTENT, EXTENT, n_lines)
    t = np.linspace(-EXTENT, EXTENT, samples)
    pieces = []
    for c in values:
        pieces.append(np.column_stack([np.full(samples, c), t]))
        pieces.append(np.full((1, 2), np.nan))
        pieces.append(np.column_stack([t, np.full(samples, c)]))
        pieces.append(np.full((1, 2), np.nan))
    lines = np.concatenate(pieces)
    return lines, ~np.isnan(lines[:, 0])


def transform(network: Network, features: Sequence[str], watch: WatchNeurons,
              points: np.ndarray, labels: np.ndarray, n_lines: int = 13,
              samples: int = 60) -> TransformedSpace:
    """Map grid lines and ``points`` ``(n, 2)`` through the network to (a_i, a_j)."""
    sizes = network.spec.layer_sizes
    for layer, unit in ((watch.layer, watch.i), (watch.second_layer, watch.j)):
        if not 0 <= layer < len(sizes):
            raise ValueError(f"choose a layer 0–{len(sizes) - 1} (0: the inputs)")
        if not 0 <= unit < sizes[layer]:
            raise ValueError(f"layer {layer} has neurons 1–{sizes[layer]}")
    lines, keep = _grid_polylines(n_lines, samples)
    last = len(sizes) - 1

    def column(X: np.ndarray, layer: int, unit: int) -> np.ndarray:
        if layer == 0:
            return X[:, unit]
        if layer == last:
            return network.pre_activations[-1][:, unit]
        return network.layer_outputs[layer - 1][:, unit]

    def through(P: np.ndarray) -> np.ndarray:
        X = feature_matrix(P, features, network.dtype)
        network.predict(X)
        return np.column_stack([column(X, watch.layer, watch.i),
                                column(X, watch.second_layer, watch.j)]).astype(np.float64)

    mapped = np.full(lines.shape, np.nan)
    mapped[keep] = through(lines[keep])
    return TransformedSpace(watch.layer, watch.i, watch.j, mapped,
                            through(np.asarray(points, dtype=np.float64)), labels.copy(),
                            watch.layer_j)
