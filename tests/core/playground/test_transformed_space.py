"""The transformed plane through any two units: inputs, hidden layers, the output's z."""

import numpy as np
import pytest

from core.nn.network import Network, NetworkSpec
from core.playground.features import feature_matrix
from core.playground.transformed_space import WatchNeurons, transform

FEATURES = ("x1", "x2", "x1*x2")


@pytest.fixture
def network():
    return Network(NetworkSpec(3, (4, 3), 1, "tanh", "sigmoid", dtype="float64"),
                   np.random.default_rng(0))


def _by_hand(network, points, layer, unit):
    """The unit's value computed layer by layer from the weights, independently."""
    a = feature_matrix(points, FEATURES, "float64")
    if layer == 0:
        return a[:, unit]
    for k, (W, b) in enumerate(network.get_weights()):
        z = a @ W + b
        if k == layer - 1:
            return z[:, unit] if k == len(network.layers) - 1 else np.tanh(z)[:, unit]
        a = np.tanh(z)
    raise AssertionError


@pytest.mark.parametrize(("watch", "axes"), [
    (WatchNeurons(1, 0, 3), ((1, 0), (1, 3))),
    (WatchNeurons(0, 2, 1, layer_j=2), ((0, 2), (2, 1))),      # x1·x2 against a deep unit
    (WatchNeurons(2, 2, 0, layer_j=3), ((2, 2), (3, 0))),      # against the output's z
])
def test_points_map_to_the_chosen_units_values(network, watch, axes):
    points = np.random.default_rng(1).uniform(-6, 6, (20, 2))
    space = transform(network, FEATURES, watch, points, np.zeros(20))
    for column, (layer, unit) in enumerate(axes):
        np.testing.assert_allclose(space.points[:, column], _by_hand(network, points, layer, unit),
                                   rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("watch", [WatchNeurons(4, 0, 0), WatchNeurons(1, 0, 4),
                                   WatchNeurons(0, 3, 0), WatchNeurons(1, 0, 1, layer_j=-1)])
def test_units_that_do_not_exist_are_refused(network, watch):
    with pytest.raises(ValueError, match="layer"):
        transform(network, FEATURES, watch, np.zeros((1, 2)), np.zeros(1))
