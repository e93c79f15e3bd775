"""The input plane as a hidden layer sees it: grid lines and points, warped.

Pick two neurons of a hidden layer; every point of the plane maps to their two
activations.  Straight grid lines bend, and classes that no straight line
could separate in the plane can become separable here — the picture of why
hidden layers help.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from core.features import EXTENT, feature_matrix
from core.network import Network


@dataclass(frozen=True)
class WatchNeurons:
    """Command: show the plane through neurons ``i`` and ``j`` of hidden ``layer`` (1-based)."""

    layer: int
    i: int
    j: int


@dataclass(frozen=True)
class TransformedSpace:
    layer: int
    i: int
    j: int
    lines: np.ndarray     # (n_points, 2) grid polylines, NaN rows between lines
    points: np.ndarray    # (n_samples, 2) the training points, transformed
    labels: np.ndarray    # (n_samples,)


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
    hidden = len(network.layers) - 1
    if not 1 <= watch.layer <= hidden:
        raise ValueError(f"choose a hidden layer 1–{hidden}")
    width = network.layers[watch.layer - 1].W.shape[1]
    if not (0 <= watch.i < width and 0 <= watch.j < width):
        raise ValueError(f"layer {watch.layer} has neurons 1–{width}")
    lines, keep = _grid_polylines(n_lines, samples)

    def through(P: np.ndarray) -> np.ndarray:
        network.predict(feature_matrix(P, features, network.dtype))
        A = network.layer_outputs[watch.layer - 1]
        return np.column_stack([A[:, watch.i], A[:, watch.j]]).astype(np.float64)

    mapped = np.full(lines.shape, np.nan)
    mapped[keep] = through(lines[keep])
    return TransformedSpace(watch.layer, watch.i, watch.j, mapped,
                            through(np.asarray(points, dtype=np.float64)), labels.copy())
