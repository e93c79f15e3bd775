"""Batch norm inside a network: gradients, evaluation, the live toggle, saving."""

import numpy as np
import pytest

from core.nn.losses import sigmoid_cross_entropy
from core.nn.model_files import model_bytes, model_from_bytes
from core.nn.network import Network, NetworkSpec, with_batch_norm
from core.nn.optimizers import SGD
from core.playground.config import PlaygroundConfig
from core.playground.model import Playground
from core.training.trainer import Trainer
from core.worker.protocol import Configure
from tests.core.nn.gradcheck import numeric_gradient, relative_error


def _bn_network(rng: np.random.Generator) -> Network:
    spec = NetworkSpec(3, (4, 3), 1, "tanh", "sigmoid", dtype="float64", batch_norm=True)
    net = Network(spec, rng)
    net.params += rng.normal(0, 0.3, net.params.shape)  # γ ≠ 1, β ≠ 0, biases ≠ 0
    return net


def test_batch_norm_network_gradient_matches_finite_differences():
    rng = np.random.default_rng(3)
    net = _bn_network(rng)
    X = rng.normal(1, 2, (8, 3))
    T = rng.integers(0, 2, (8, 1)).astype(float)

    def loss() -> float:
        state = net.state.copy()  # training mode moves the running statistics
        net.forward(X, training=True)
        value = sigmoid_cross_entropy(net.pre_activations[-1], T)[0]
        net.state[len(net.params):] = state[len(net.params):]
        return value

    net.forward(X, training=True)
    _, grad = sigmoid_cross_entropy(net.pre_activations[-1], T)
    dX = net.backward(grad, on_logits=True, need_input_grad=True)
    analytic = net.grads.copy()
    assert relative_error(analytic, numeric_gradient(loss, net.params)) < 1e-6
    assert relative_error(dX, numeric_gradient(loss, X)) < 1e-6
    # γ and β are parameters: they have gradients, and penalties skip them.
    assert np.abs(analytic[net.n_weights:]).max() > 0


def test_evaluation_uses_running_statistics_not_the_batch():
    rng = np.random.default_rng(4)
    net = _bn_network(rng)
    X = rng.normal(size=(50, 3))
    alone = net.predict(X[:1])
    together = net.predict(X)[:1]
    assert np.allclose(alone, together)
    # By hand: Z = XW + b, then (Z − μ)/√(σ² + ε)·γ + β with the running μ, σ².
    W, b = net.get_weights()[0]
    gamma, beta, mean, var = net.get_norms()[0]
    net.predict(X[:1])
    expected = (X[:1] @ W + b - mean) / np.sqrt(var + 1e-5) * gamma + beta
    assert np.allclose(net.pre_activations[0], expected)


@pytest.mark.parametrize("start_on", [False, True])
def test_toggling_batch_norm_keeps_the_answers(start_on):
    rng = np.random.default_rng(5)
    spec = NetworkSpec(2, (6, 5), 1, "relu", "sigmoid", dtype="float64", batch_norm=start_on)
    net = Network(spec, rng)
    X = rng.normal(size=(40, 2))
    if start_on:  # give the normalisers statistics of their own
        for _ in range(5):
            net.forward(X, training=True)
        net.params += rng.normal(0, 0.2, net.params.shape)
    before = net.predict(X).copy()
    toggled = with_batch_norm(net, not start_on, X)
    assert toggled.spec.batch_norm is (not start_on)
    assert np.allclose(toggled.predict(X), before, atol=1e-6)
    assert len(toggled.norms) == (0 if start_on else 2)


def test_divergence_puts_back_the_running_statistics_too():
    rng = np.random.default_rng(6)
    net = _bn_network(rng)
    X = rng.normal(size=(20, 3))
    T = rng.integers(0, 2, (20, 1)).astype(float)
    trainer = Trainer(net, SGD(0.1), "cross_entropy", X, T, rng=rng, batch_size=20)
    trainer.step()
    kept = net.state.copy()
    trainer.X_train[0, 0] = np.nan  # the next batch's statistics become NaN
    trainer.step()
    assert trainer.diverged is not None
    assert np.isfinite(net.state).all()
    assert np.allclose(net.state[len(net.params):], kept[len(net.params):])


def test_model_file_keeps_batch_norm():
    net = _bn_network(np.random.default_rng(7))
    X = np.random.default_rng(8).normal(size=(30, 3))
    net.forward(X, training=True)
    loaded, _ = model_from_bytes(model_bytes(net))
    assert loaded.spec.batch_norm
    assert np.allclose(loaded.predict(X), net.predict(X), atol=1e-6)


def test_playground_toggles_batch_norm_live():
    playground = Playground(PlaygroundConfig(dataset="xor", hidden=(6, 6), seed=2))
    playground.advance(300)
    trainer = playground.trainers["network"]
    step, rows = trainer.step_count, len(trainer.history)
    before = playground.snapshot().network.grid.output.copy()
    playground.apply(Configure({"batch_norm": True}))
    after = playground.snapshot()
    assert trainer.step_count == step and len(trainer.history) == rows  # training goes on
    assert len(after.network.norms) == 2 and not after.linear.norms
    # The same boundary at the moment of the switch (the training set's statistics).
    assert np.abs(after.network.grid.output - before).max() < 1e-4
    loss = trainer.evaluate().train_loss
    playground.advance(1500)
    assert trainer.evaluate().train_loss < loss
    playground.apply(Configure({"batch_norm": False}))
    assert not playground.snapshot().network.norms
