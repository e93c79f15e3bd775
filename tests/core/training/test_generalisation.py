"""Over-fitting and its cures, in core: batch norm, diagnostics, sweep, history."""

import numpy as np
import pytest

from core.data.datasets import make_dataset, split_dataset
from core.nn.layers import BatchNorm
from core.nn.network import Network, NetworkSpec
from core.playground.commands import ShowHealth
from core.playground.config import PRESETS, PlaygroundConfig
from core.playground.model import Playground
from core.playground.replay import SnapshotHistory, snapshot_nbytes
from core.playground.sweep import complexity_sweep
from core.playground.weight_effect import WeightEffect, summarize_weights
from core.training.diagnostics import InputNoise, dead_fraction, layer_health, saturated_fraction
from core.worker.protocol import Configure
from tests.core.nn.gradcheck import numeric_gradient, relative_error


def test_batch_norm_backward_matches_finite_differences():
    rng = np.random.default_rng(0)
    layer = BatchNorm(4, dtype="float64")
    layer.params["gamma"][:] = rng.normal(1, 0.3, 4)
    layer.params["beta"][:] = rng.normal(0, 0.3, 4)
    X = rng.normal(2, 3, (7, 4))
    G = rng.normal(size=(7, 4))

    def loss() -> float:
        saved = layer.running_mean.copy(), layer.running_var.copy()
        value = float((G * layer.forward(X, training=True)).sum())
        layer.running_mean[:], layer.running_var[:] = saved
        return value

    layer.forward(X, training=True)
    dX = layer.backward(G)
    assert relative_error(dX, numeric_gradient(loss, X)) < 1e-6
    for key in ("gamma", "beta"):
        assert relative_error(layer.grads[key], numeric_gradient(loss, layer.params[key])) < 1e-6


def test_batch_norm_train_and_eval_modes():
    rng = np.random.default_rng(1)
    layer = BatchNorm(3, momentum=0.0, dtype="float64")  # running stats = last batch
    X = rng.normal(5, 2, (200, 3))
    Y = layer.forward(X, training=True)
    assert np.allclose(Y.mean(axis=0), 0, atol=1e-9) and np.allclose(Y.std(axis=0), 1, atol=1e-3)
    assert np.allclose(layer.running_mean, X.mean(axis=0))
    one = layer.forward(X[:1], training=False)  # a single sample uses the running stats
    assert np.allclose(one, Y[:1], atol=1e-3)
    with pytest.raises(RuntimeError):
        layer.backward(one)


def test_dead_and_saturated_fractions_on_hand_built_layers():
    relu = np.array([[0.0, 1.0, 0.0, 0.0], [0.0, 2.0, 0.5, 0.0]])
    assert dead_fraction(relu) == 0.5          # units 1 and 4 never fire
    tanh = np.array([[0.99, 0.1], [-0.999, 0.2]])
    assert saturated_fraction(tanh, "tanh") == 0.5
    sigmoid = np.array([[0.999, 0.5, 0.001, 0.6]])
    assert saturated_fraction(sigmoid, "sigmoid") == 0.5
    assert saturated_fraction(relu, "relu") == 0.0


def test_large_weights_saturate_sigmoid_layers_and_shrink_gradients():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(100, 2))
    small = Network(NetworkSpec(2, (8,), 1, "sigmoid", "sigmoid"), rng)
    big = Network(NetworkSpec(2, (8,), 1, "sigmoid", "sigmoid"), rng)
    big.params[: big.n_weights] *= 40
    assert layer_health(big, X)[0].saturated > 0.5 > layer_health(small, X)[0].saturated
    health = layer_health(small, X)[0]
    assert health.weight_histogram.sum() == small.layers[0].W.size
    # Gradients are binned by order of magnitude: 1e-4 lands in the bin holding −4.
    small.layers[0].grads["W"][:] = 1e-4
    from core.training.diagnostics import GRADIENT_LOG_BINS
    counts = layer_health(small, X)[0].gradient_histogram
    k = np.searchsorted(GRADIENT_LOG_BINS, -4.0, side="right") - 1
    assert counts[k] == small.layers[0].W.size


def test_input_noise_perturbs_only_training_batches():
    X = np.zeros((1000, 2), dtype=np.float32)
    noisy = InputNoise(0.5)(X, np.random.default_rng(0))
    assert noisy.dtype == np.float32 and abs(noisy.std() - 0.5) < 0.03
    assert np.array_equal(InputNoise(0.0)(X, np.random.default_rng(0)), X)


def test_overfit_preset_test_loss_turns_up_while_train_loss_falls():
    playground = Playground(PRESETS["overfit"])
    playground.advance(4000)
    history = playground.trainers["network"].history
    test, train = history.column("test_loss"), history.column("train_loss")
    best = int(np.nanargmin(test))
    assert best < len(test) // 4
    assert test[-1] > 2 * test[best]
    assert train[-1] < train[best] / 4


def test_sweep_gives_one_point_per_size_and_survives_cancel():
    rng = np.random.default_rng(0)
    train, test = split_dataset(make_dataset("circle", 80, 0.2, rng), 0.5, rng)
    points = list(complexity_sweep(train, test, [1, 4, 32], epochs=40))
    assert [p.width for p in points] == [1, 4, 32]
    assert points[0].parameters < points[1].parameters < points[2].parameters
    assert points[-1].train_loss < points[0].train_loss    # bigger fits the training set better
    calls = {"n": 0}

    def cancel_after_first() -> bool:
        calls["n"] += 1
        return calls["n"] > 41   # one width's check + its 40 epochs, then cancel
    kept = list(complexity_sweep(train, test, [1, 4, 32], epochs=40,
                                 cancelled=cancel_after_first))
    assert [p.width for p in kept] == [1]


def test_snapshot_history_stays_under_its_memory_cap():
    history = SnapshotHistory(max_bytes=1_000_000)
    for step in range(5000):
        history.add(step, {"grid": np.zeros((50, 50), np.float32), "w": (np.zeros(100),)})
        assert history.nbytes <= 1_000_000
    steps = history.steps()
    assert steps[0] == 0 and steps[-1] == 4999 and steps == sorted(steps)
    assert snapshot_nbytes(history.get(0)) == 50 * 50 * 4 + 800
    with pytest.raises(ValueError, match="larger than"):
        history.add(1, np.zeros(1_000_000))


def _weights_after_switching(changes: dict) -> WeightEffect:
    playground = Playground(PlaygroundConfig(dataset="xor", hidden=(8, 8), noise=0.1,
                                             learning_rate=0.03, seed=3))
    playground.advance(2000)
    playground.apply(Configure(changes))
    playground.advance(4000)
    view = playground.view_with(playground.initial_view(), ShowHealth(True))
    return playground.snapshot(view=view).weight_effect


def test_weight_effect_shows_l1_zeroing_and_l2_shrinking():
    free = _weights_after_switching({"learning_rate": 0.03})  # not a regulariser: no new mark
    l1 = _weights_after_switching({"l1": 0.01})
    l2 = _weights_after_switching({"l2": 0.01})
    assert free.since_step == 0 and l1.since_step == l2.since_step == 2000
    assert l1.before.rms == l2.before.rms  # the same run up to the switch
    # L1 switches weights off; L2 shrinks them all but leaves few at zero.
    assert l1.now.near_zero > l1.before.near_zero + 0.2
    assert l1.now.near_zero > l2.now.near_zero + 0.2
    # Unregularised, the weights keep growing; under L2 they shrink, the largest most.
    assert l2.now.rms < l2.before.rms < free.now.rms
    assert l2.now.largest < 0.7 * free.now.largest
    # Fractions over the bins, as the dialog draws them.
    assert np.isclose(l1.now.histogram.sum(), 1.0)


def test_weight_summary_by_hand():
    summary = summarize_weights(np.array([0.0, 0.005, -0.5, 3.0]))
    assert summary.near_zero == 0.5
    assert np.isclose(summary.rms, np.sqrt((0.005**2 + 0.25 + 9) / 4))
    assert summary.largest == 3.0
    assert summary.histogram[-1] == 0.25  # 3.0 is counted in the last bin (clipped to 2)


def test_batch_norm_on_a_batch_of_one_uses_the_running_statistics():
    """Its own variance is 0, which would erase the sample; a fixed affine map instead."""
    rng = np.random.default_rng(5)
    layer = BatchNorm(3, dtype="float64")
    layer.forward(rng.normal(2, 3, (50, 3)), training=True)
    layer.params["gamma"][:] = rng.normal(1, 0.3, 3)
    stats = layer.running_mean.copy(), layer.running_var.copy()
    x = rng.normal(size=(1, 3))
    y = layer.forward(x, training=True)
    assert np.allclose(y, layer.forward(x, training=False))
    assert np.array_equal(layer.running_mean, stats[0])  # one sample does not move them
    G = rng.normal(size=(1, 3))
    layer.forward(x, training=True)
    dX = layer.backward(G)
    loss = lambda: float((G * layer.forward(x, training=True)).sum())  # noqa: E731
    assert relative_error(dX, numeric_gradient(loss, x)) < 1e-6
    assert relative_error(layer.grads["gamma"],
                          numeric_gradient(loss, layer.params["gamma"])) < 1e-6
