"""Grid evaluation of large networks: small tiles, a coarser output interpolated."""

import itertools

import numpy as np

from core.nn.network import Network, NetworkSpec
from core.playground.features import feature_matrix
from core.playground.grid import (
    OUTPUT_BUDGET,
    GridEvaluator,
    grid_axis,
    grid_points,
    output_resolution,
    tile_side,
)


def _network(hidden: tuple[int, ...]) -> Network:
    return Network(NetworkSpec(2, hidden), np.random.default_rng(3))


def test_the_default_network_is_evaluated_exactly_at_full_resolution():
    assert output_resolution((2, 8, 8, 8, 1), 150) == 150
    assert tile_side((2, 8, 8, 8, 1)) == 30


def test_a_wide_network_gets_half_size_tiles_equal_to_a_direct_forward_pass():
    net = _network((32,) * 8)
    grid = GridEvaluator(("x1", "x2"), 150).evaluate(net)
    assert [t.shape for t in grid.tiles[:2]] == [(2, 15, 15), (32, 15, 15)]
    net.predict(feature_matrix(grid_points(150), ("x1", "x2")))
    for tiles, A in zip(grid.tiles[1:], net.layer_outputs, strict=True):
        full = A.T.reshape(A.shape[1], 150, 150)
        assert np.allclose(tiles, full[:, ::10, ::10], atol=1e-5)


def test_a_costly_network_output_is_interpolated_from_a_coarser_grid():
    sizes = (2, *(32,) * 8, 1)
    r = output_resolution(sizes, 150)
    macs = sum(a * b for a, b in itertools.pairwise(sizes))
    assert r < 150 and r * r * macs <= OUTPUT_BUDGET
    net = _network((32,) * 8)
    grid = GridEvaluator(("x1", "x2"), 150).evaluate(net, focus=(2, 5))
    coarse = net.predict(feature_matrix(grid_points(r), ("x1", "x2")))[:, 0].reshape(r, r)
    hidden = net.layer_outputs[1][:, 5].reshape(r, r)
    fine, axis = grid_axis(150), grid_axis(r)

    def bilinear(image: np.ndarray) -> np.ndarray:
        rows = np.array([np.interp(fine, axis, column) for column in image.T]).T
        return np.array([np.interp(fine, axis, row) for row in rows])

    assert grid.output.shape == (1, 150, 150)
    assert np.allclose(grid.output[0], bilinear(coarse), atol=1e-5)
    assert np.allclose(grid.focus, bilinear(hidden), atol=1e-5)
