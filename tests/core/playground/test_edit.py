"""Weights and biases typed by hand: where they land, what is refused, what follows."""

import numpy as np
import pytest

from core.nn.network import Network, NetworkSpec
from core.playground.commands import Replay
from core.playground.config import PlaygroundConfig
from core.playground.edit import EDIT_LIMIT, EditParameter, edit_parameter
from core.playground.grid import grid_points
from core.playground.model import Playground
from tests.core.playground.conftest import view_of


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-z))


@pytest.fixture
def tiny() -> Network:
    """2 inputs → 3 tanh → 1 sigmoid, with every number known."""
    net = Network(NetworkSpec(2, (3,), 1, "tanh", "sigmoid", dtype="float64"),
                  np.random.default_rng(0))
    net.set_weights([(np.array([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]]), np.array([0.0, 0.1, -0.1])),
                     (np.array([[1.0], [-1.0], [0.5]]), np.array([0.2]))])
    return net


def _by_hand(X, W1, b1, W2, b2):
    return _sigmoid(np.tanh(X @ W1 + b1) @ W2 + b2)


def test_an_edited_weight_is_the_one_from_source_to_unit(tiny):
    X = np.array([[1.0, 2.0], [-0.5, 0.25], [3.0, -1.0]])
    edit_parameter(tiny, EditParameter("weight", layer=0, unit=2, source=1, value=-1.5))
    edit_parameter(tiny, EditParameter("weight", layer=1, unit=0, source=1, value=2.0))
    W1 = np.array([[0.1, -0.2, 0.3], [0.4, 0.5, -1.5]])   # x2 → neuron 3
    W2 = np.array([[1.0], [2.0], [0.5]])                   # neuron 2 → output
    expected = _by_hand(X, W1, np.array([0.0, 0.1, -0.1]), W2, np.array([0.2]))
    assert np.allclose(tiny.predict(X), expected, atol=1e-12)


def test_an_edited_bias_shifts_its_own_neuron_only(tiny):
    X = np.array([[1.0, 2.0], [-0.5, 0.25]])
    edit_parameter(tiny, EditParameter("bias", layer=0, unit=1, value=-0.75))
    edit_parameter(tiny, EditParameter("bias", layer=1, unit=0, value=3.0))  # the output's
    W1 = np.array([[0.1, -0.2, 0.3], [0.4, 0.5, -0.6]])
    W2 = np.array([[1.0], [-1.0], [0.5]])
    expected = _by_hand(X, W1, np.array([0.0, -0.75, -0.1]), W2, np.array([3.0]))
    assert np.allclose(tiny.predict(X), expected, atol=1e-12)


@pytest.mark.parametrize("command", [
    EditParameter("weight", layer=2, unit=0, value=1.0),            # no third layer
    EditParameter("weight", layer=-1, unit=0, value=1.0),
    EditParameter("weight", layer=0, unit=3, value=1.0),            # 3 neurons: 0–2
    EditParameter("weight", layer=0, unit=0, source=2, value=1.0),  # 2 inputs
    EditParameter("bias", layer=1, unit=1, value=1.0),              # one output
    EditParameter("weight", layer=0, unit=0.5, value=1.0),          # not a whole number
    EditParameter("gamma", layer=0, unit=0, value=1.0),
    EditParameter("weight", layer=0, unit=0, value=float("nan")),
    EditParameter("weight", layer=0, unit=0, value=float("inf")),
    EditParameter("weight", layer=0, unit=0, value=1e39),           # inf in float32
    EditParameter("bias", layer=0, unit=0, value=-1.0001 * EDIT_LIMIT),
    EditParameter("bias", layer=0, unit=0, value="abc"),
])
def test_bad_edits_are_refused_and_change_nothing(tiny, command):
    before = tiny.state.copy()
    with pytest.raises(ValueError, match=r"\w"):
        edit_parameter(tiny, command)
    assert np.array_equal(tiny.state, before)


def test_the_limit_itself_is_allowed(tiny):
    edit_parameter(tiny, EditParameter("bias", layer=0, unit=0, value=-EDIT_LIMIT))
    assert tiny.get_weights()[0][1][0] == -EDIT_LIMIT


# -- through the playground ---------------------------------------------------------------
@pytest.fixture
def playground() -> Playground:
    return Playground(PlaygroundConfig(dataset="xor", features=("x1", "x2"), hidden=(2,),
                                       resolution=12))


def test_the_playground_draws_its_boundary_from_the_edited_weights(playground):
    playground.advance(30)
    (W1, b1), (W2, b2) = (tuple(a.astype(np.float64) for a in pair)
                          for pair in playground.snapshot().network.weights)
    playground.apply(EditParameter("weight", layer=0, unit=1, source=0, value=2.5))  # x1 → N2
    playground.apply(EditParameter("bias", layer=1, unit=0, value=-0.5))            # output
    snap = playground.snapshot()
    W1[0, 1], b2[0] = 2.5, -0.5
    inputs = grid_points(12) / 6.0  # x1, x2 are scaled to [-1, 1]
    expected = _by_hand(inputs, W1, b1, W2, b2)[:, 0].reshape(12, 12)
    assert np.allclose(snap.network.grid.output[0], expected, atol=1e-5)
    assert snap.network.weights[0][0][0, 1] == np.float32(2.5)
    assert snap.network.weights[1][1][0] == np.float32(-0.5)


def test_training_goes_on_from_the_edited_value(playground):
    playground.advance(40)
    old = float(playground.snapshot().network.weights[0][0][1, 0])
    playground.apply(EditParameter("weight", layer=0, unit=0, source=1, value=old + 4.0))
    assert playground.advance(10) == 10
    snap = playground.snapshot()
    assert snap.step == 50  # the count goes on
    now = float(snap.network.weights[0][0][1, 0])
    # Ten SGD steps at rate 0.03 move it a little from the typed value, not back.
    assert abs(now - (old + 4.0)) < 0.5 < abs(now - old)


def test_a_refused_edit_leaves_the_playground_training(playground):
    playground.advance(20)
    before = playground.trainers["network"].network.state.copy()
    with pytest.raises(ValueError, match="no neuron 2"):
        playground.apply(EditParameter("bias", layer=0, unit=2, value=1.0))
    assert np.array_equal(playground.trainers["network"].network.state, before)
    assert playground.advance(5) == 5 and playground.step_count == 25


def test_an_edit_changes_the_live_weights_while_a_past_moment_is_shown(playground):
    """The page makes the editor read-only while it replays; an edit that still
    arrives acts on the live network, and the recorded past stays as it was."""
    playground.advance(10)
    view = view_of(playground, Replay(0))
    past = playground.snapshot(view=view).replay.weights[0][1].copy()
    playground.apply(EditParameter("bias", layer=0, unit=0, value=1.0))
    snap = playground.snapshot(view=view)
    assert snap.network.weights[0][1][0] == 1.0
    assert np.array_equal(snap.replay.weights[0][1], past) and past[0] != 1.0


def test_a_divergence_after_an_edit_rolls_back_to_the_edited_weights():
    """A huge output weight on a regression blows the loss up at the next step:
    training stops there and shows what was typed, not what it replaced."""
    playground = Playground(PlaygroundConfig(dataset="plane", features=("x1", "x2"),
                                             hidden=(2,), loss="mse", resolution=12))
    playground.advance(5)
    playground.apply(EditParameter("weight", layer=1, unit=0, source=0, value=EDIT_LIMIT))
    edited = playground.trainers["network"].network.state.copy()
    playground.advance(1)
    snap = playground.snapshot()
    assert snap.divergence is not None
    assert np.array_equal(playground.trainers["network"].network.state, edited)
    assert snap.network.weights[1][0][0, 0] == EDIT_LIMIT
