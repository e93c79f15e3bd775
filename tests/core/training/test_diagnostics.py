"""What went wrong in training, judged on networks built by hand to be wrong."""

import numpy as np
import pytest

from core.nn.network import Network, NetworkSpec
from core.training.diagnostics import MIN_EPOCHS, STALL_ROWS, diagnose, stalled, unit_shares

RNG = np.random.default_rng(0)
X = RNG.uniform(-3, 3, (200, 2)).astype(np.float32)
CIRCLE = (np.hypot(X[:, 0], X[:, 1]) < 2.2).astype(np.float32)[:, None]  # ~half inside
FALLING = np.linspace(1.0, 0.5, 3 * MIN_EPOCHS)  # a loss that is still going down


def _network(activation: str, weights) -> Network:
    hidden = tuple(W.shape[1] for W, _ in weights[:-1])
    net = Network(NetworkSpec(2, hidden, 1, activation), np.random.default_rng(1))
    net.set_weights([(np.asarray(W, np.float32), np.asarray(b, np.float32))
                     for W, b in weights])
    return net


def _ring_detector(activation: str) -> Network:
    """Four units that see the distance from the centre well enough (not dead, not flat)."""
    W1 = np.array([[1.0, -1.0, 0.0, 0.0], [0.0, 0.0, 1.0, -1.0]])
    return _network(activation, [(W1, np.zeros(4)), (-np.ones((4, 1)), np.array([2.5]))])


def test_a_healthy_network_that_still_learns_has_no_problem():
    net = _ring_detector("relu")
    assert diagnose(net, X, CIRCLE, "binary", 500, FALLING) is None
    assert unit_shares(net) == (0.0, 0.0)


def test_nothing_is_judged_before_a_few_epochs():
    dead = _network("relu", [(np.ones((2, 4)), -100 * np.ones(4)), (np.ones((4, 1)), [0.0])])
    assert diagnose(dead, X, CIRCLE, "binary", 10, FALLING[: MIN_EPOCHS - 1]) is None


def test_all_relus_dead_and_one_answer_everywhere_is_a_collapse():
    # Every ReLU's sum is below 0 for every point: outputs 0, so the network
    # answers sigmoid(bias) everywhere — one class.
    net = _network("relu", [(np.ones((2, 4)), -100 * np.ones(4)), (np.ones((4, 1)), [0.3])])
    problem = diagnose(net, X, CIRCLE, "binary", 700, FALLING)
    assert problem is not None and problem.kind == "collapsed" and problem.step == 700
    assert problem.share == 1.0
    assert unit_shares(net) == (1.0, 0.0)


def test_saturated_tanh_units_with_one_answer_are_a_collapse_too():
    net = _network("tanh", [(np.zeros((2, 3)), [50.0, -50.0, 50.0]), (np.ones((3, 1)), [0.0])])
    problem = diagnose(net, X, CIRCLE, "binary", 300, FALLING)
    assert problem.kind == "collapsed"
    assert unit_shares(net)[1] == 1.0


def test_most_relus_of_a_layer_dead_while_the_answer_still_varies():
    # Three of four units dead; the fourth still separates left from right.
    W1 = np.array([[1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 0.0]])
    b1 = np.array([-100.0, -100.0, -100.0, 0.0])
    net = _network("relu", [(W1, b1), (np.ones((4, 1)), [-1.0])])
    problem = diagnose(net, X, CIRCLE, "binary", 400, FALLING)
    assert problem.kind == "dead" and problem.share == pytest.approx(0.75)


def test_most_outputs_saturated_while_the_answer_still_varies():
    # x1·20 saturates tanh except in a thin band around x1 = 0.
    W1 = np.array([[20.0, 20.0], [0.0, 0.0]])
    net = _network("tanh", [(W1, np.zeros(2)), (np.ones((2, 1)), [0.0])])
    problem = diagnose(net, X, CIRCLE, "binary", 400, FALLING)
    share = float((np.abs(np.tanh(20 * X[:, 0])) > 0.97).mean())
    assert problem.kind == "saturated" and problem.share == pytest.approx(share)
    assert share > 0.9


def test_a_network_that_fits_its_data_has_no_problem_whatever_its_units_do():
    # The circle's own labels as the targets of a saturated, dead-ish network
    # that happens to answer right: solved, so nothing to say.
    net = _network("tanh", [(np.zeros((2, 3)), [50.0, -50.0, 50.0]), (np.ones((3, 1)), [0.0])])
    targets = (net.predict(X)[:, 0] > 0.5).astype(np.float32)[:, None]
    assert diagnose(net, X, targets, "binary", 300, np.full(100, 0.7)) is None


def test_a_loss_that_stopped_improving_is_stuck():
    flat = np.concatenate([np.linspace(0.9, 0.7, 10), np.full(STALL_ROWS, 0.7)])
    assert stalled(flat)
    assert not stalled(np.linspace(0.9, 0.5, STALL_ROWS + 10))  # still falling
    assert not stalled(flat[: STALL_ROWS])  # too short to tell
    learned = np.concatenate([np.linspace(0.7, 0.3, 10), np.full(STALL_ROWS, 0.3)])
    assert not stalled(learned)  # levelled off after learning: noise, not a stuck network
    problem = diagnose(_ring_detector("tanh"), X, CIRCLE, "binary", 2000, flat)
    assert problem.kind == "stuck"
    wrong = 1 - np.mean((_ring_detector("tanh").predict(X)[:, 0] > 0.5) == (CIRCLE[:, 0] > 0.5))
    assert problem.share == pytest.approx(wrong)
    assert 0.05 < wrong < 0.95


def test_regression_is_solved_by_a_small_error_and_never_collapses():
    net_targets = np.full((len(X), 1), 0.3, np.float32)
    net = Network(NetworkSpec(2, (4,), 1, "relu", output_activation="linear"),
                  np.random.default_rng(1))
    net.set_weights([(np.ones((2, 4), np.float32), -100 * np.ones(4, np.float32)),
                     (np.ones((4, 1), np.float32), np.array([0.3], np.float32))])
    assert diagnose(net, X, net_targets, "regression", 500, FALLING) is None  # exact
    varied = X[:, :1] / 3
    problem = diagnose(net, X, varied, "regression", 500, FALLING)
    assert problem.kind == "dead"  # not "collapsed": that is about classes
