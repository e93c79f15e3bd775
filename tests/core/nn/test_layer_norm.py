"""Layer norm: its gradients, a network with it, the switch, and saving."""

import numpy as np
import pytest

from core.nn.layers import LayerNorm
from core.nn.losses import sigmoid_cross_entropy
from core.nn.model_files import model_bytes, model_from_bytes
from core.nn.network import Network, NetworkSpec, with_batch_norm, with_layer_norm
from tests.core.nn.gradcheck import numeric_gradient, relative_error


def test_layer_norm_backward_matches_finite_differences():
    rng = np.random.default_rng(5)
    norm = LayerNorm(4, dtype="float64")
    norm.params["gamma"][...] = rng.normal(1, 0.5, 4)
    norm.params["beta"][...] = rng.normal(0, 0.5, 4)
    X = rng.normal(1, 2, (6, 4))
    G = rng.normal(size=(6, 4))
    loss = lambda: float((G * norm.forward(X)).sum())  # noqa: E731
    norm.forward(X)
    dX = norm.backward(G)
    for key in ("gamma", "beta"):
        assert relative_error(norm.grads[key], numeric_gradient(loss, norm.params[key])) < 1e-6
    assert relative_error(dX, numeric_gradient(loss, X)) < 1e-6


def test_layer_norm_standardises_each_sample_by_itself():
    X = np.array([[1.0, 2.0, 3.0, 6.0], [10.0, 10.0, 10.0, 30.0]])
    out = LayerNorm(4, dtype="float64").forward(X)
    mean, std = X.mean(axis=1, keepdims=True), np.sqrt(X.var(axis=1, keepdims=True) + 1e-5)
    np.testing.assert_allclose(out, (X - mean) / std)
    # the same sample gives the same answer whatever else is in the batch
    np.testing.assert_allclose(LayerNorm(4, dtype="float64").forward(X[:1]), out[:1])


def _ln_network(rng: np.random.Generator) -> Network:
    spec = NetworkSpec(3, (4, 3), 1, "tanh", "sigmoid", dtype="float64", layer_norm=True)
    net = Network(spec, rng)
    net.params += rng.normal(0, 0.3, net.params.shape)
    return net


def test_layer_norm_network_gradient_matches_finite_differences():
    rng = np.random.default_rng(3)
    net = _ln_network(rng)
    X = rng.normal(1, 2, (8, 3))
    T = rng.integers(0, 2, (8, 1)).astype(float)

    def loss() -> float:
        net.forward(X, training=True)
        return sigmoid_cross_entropy(net.pre_activations[-1], T)[0]

    net.forward(X, training=True)
    _, grad = sigmoid_cross_entropy(net.pre_activations[-1], T)
    dX = net.backward(grad, on_logits=True, need_input_grad=True)
    assert relative_error(net.grads, numeric_gradient(loss, net.params)) < 1e-6
    assert relative_error(dX, numeric_gradient(loss, X)) < 1e-6
    assert len(net.state) == len(net.params)  # no running statistics to keep


def test_batch_and_layer_norm_together_are_refused():
    with pytest.raises(ValueError, match="not both"):
        NetworkSpec(2, (3,), batch_norm=True, layer_norm=True)


@pytest.mark.parametrize("start_on", [False, True])
def test_switching_layer_norm_keeps_nearly_every_answer(start_on):
    rng = np.random.default_rng(0)
    X = rng.uniform(-6, 6, (400, 2))
    spec = NetworkSpec(2, (8, 8), 1, "tanh", "sigmoid", layer_norm=start_on)
    net = Network(spec, rng)
    for layer in net.layers:
        layer.params["W"] *= 2.0  # a boundary with some shape to keep
        layer.params["b"][...] = rng.normal(0, 0.5, layer.params["b"].shape)
    before = net.predict(X).copy()
    switched = with_layer_norm(net, not start_on, X)
    assert switched.spec.layer_norm is not start_on
    after = switched.predict(X)
    agree = np.mean((before > 0.5) == (after > 0.5))
    assert agree > 0.9, agree
    # and the fit is much better than leaving γ, β or W, b as they were
    naive = Network(switched.spec, rng)
    naive.set_weights(net.get_weights())
    assert np.abs(after - before).mean() < np.abs(naive.predict(X) - before).mean()


def test_switching_layer_norm_on_from_batch_norm_drops_batch_norm():
    rng = np.random.default_rng(1)
    net = Network(NetworkSpec(2, (5,), 1, "tanh", "sigmoid", batch_norm=True), rng)
    X = rng.normal(size=(100, 2))
    net = with_batch_norm(net, True, X)
    switched = with_layer_norm(net, True, X)
    assert switched.spec.layer_norm and not switched.spec.batch_norm


def test_model_file_keeps_layer_norm():
    net = _ln_network(np.random.default_rng(2))
    X = np.random.default_rng(3).normal(size=(5, 3))
    loaded, _ = model_from_bytes(model_bytes(net))
    assert loaded.spec.layer_norm
    np.testing.assert_allclose(loaded.predict(X), net.predict(X))


def test_the_playground_switches_layer_norm_live_and_keeps_most_answers():
    from dataclasses import replace

    from core.playground.config import PlaygroundConfig
    from core.playground.features import feature_matrix
    from core.playground.model import Playground
    from core.worker.protocol import Configure

    playground = Playground(PlaygroundConfig(dataset="circle", hidden=(6, 6), resolution=20,
                                             batch_norm=True, seed=0))
    playground.advance(400)
    X = feature_matrix(playground.train.X, playground.config.features)
    old = playground.trainers["network"].network
    before = old.predict(X) > 0.5
    # the switch a fit does better than: the same weights (batch norm folded in), γ = 1, β = 0
    folded = with_batch_norm(old, False, X)
    naive = Network(replace(folded.spec, layer_norm=True), np.random.default_rng(0))
    naive.set_weights(folded.get_weights())
    step = playground.snapshot().step
    playground.apply(Configure({"layer_norm": True, "batch_norm": False}))
    network = playground.trainers["network"].network
    assert network.spec.layer_norm and not network.spec.batch_norm
    assert playground.snapshot().step == step  # a switch, not a restart
    kept = np.mean((network.predict(X) > 0.5) == before)
    assert kept > 0.9 and kept > np.mean((naive.predict(X) > 0.5) == before)
    with pytest.raises(ValueError, match="not both"):
        playground.apply(Configure({"batch_norm": True}))
    assert playground.config.layer_norm and not playground.config.batch_norm
