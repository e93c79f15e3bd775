"""Every layer, activation, loss and whole networks against finite differences."""

import numpy as np
import pytest

from core.nn.activations import ACTIVATIONS, get_activation, row_max, row_sum
from core.nn.layers import Dense, Dropout
from core.nn.losses import (
    binary_cross_entropy,
    mean_absolute_error,
    mean_squared_error,
    sigmoid_cross_entropy,
    softmax_cross_entropy,
)
from core.nn.network import Network, NetworkSpec
from core.nn.optimizers import SGD
from core.training.trainer import Trainer
from tests.core.nn.gradcheck import numeric_gradient, relative_error

TOL = 1e-6


@pytest.fixture
def rng():
    return np.random.default_rng(1234)


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_activation_backward_matches_finite_differences(name, rng):
    activation = get_activation(name)
    Z = rng.normal(size=(5, 4))
    Z[np.abs(Z) < 1e-3] += 0.01  # keep away from ReLU's kink
    G = rng.normal(size=(5, 4))  # upstream gradient: loss = sum(G * A)
    analytic = activation.backward(Z, activation.forward(Z), G)
    numeric = numeric_gradient(lambda: float((G * activation.forward(Z)).sum()), Z)
    assert relative_error(analytic, numeric) < TOL


def test_dense_backward_matches_finite_differences(rng):
    layer = Dense(rng.normal(size=(3, 4)), rng.normal(size=4))
    X = rng.normal(size=(6, 3))
    G = rng.normal(size=(6, 4))
    layer.forward(X)
    dX = layer.backward(G)
    loss = lambda: float((G * layer.forward(X)).sum())  # noqa: E731
    for key in ("W", "b"):
        numeric = numeric_gradient(loss, layer.params[key])
        assert relative_error(layer.grads[key], numeric) < TOL, key
    assert relative_error(dX, numeric_gradient(loss, X)) < TOL


def test_dropout_backward_uses_the_same_mask(rng):
    layer = Dropout(0.5, np.random.default_rng(0))
    X = rng.normal(size=(8, 5))
    G = rng.normal(size=(8, 5))
    Y = layer.forward(X, training=True)
    dX = layer.backward(G)
    mask = layer._mask
    numeric = numeric_gradient(lambda: float((G * X * mask).sum()), X)
    assert relative_error(dX, numeric) < TOL
    assert set(np.unique(Y[X != 0] / X[X != 0]).round(6)) <= {0.0, 2.0}
    assert np.array_equal(layer.forward(X, training=False), X)


def _targets(rng, shape, kind):
    if kind == "onehot":
        return np.eye(shape[1])[rng.integers(0, shape[1], shape[0])]
    if kind == "binary":
        return rng.integers(0, 2, shape).astype(float)
    return rng.normal(size=shape)


@pytest.mark.parametrize(
    ("loss", "kind", "transform"),
    [
        (mean_squared_error, "real", None),
        (mean_absolute_error, "real", None),
        (binary_cross_entropy, "binary", "probability"),
        (sigmoid_cross_entropy, "binary", None),
        (softmax_cross_entropy, "onehot", None),
    ],
)
def test_loss_gradient_matches_finite_differences(loss, kind, transform, rng):
    P = rng.normal(size=(7, 3))
    if transform == "probability":
        P = rng.uniform(0.1, 0.9, size=(7, 3))
    T = _targets(rng, P.shape, kind)
    _, grad = loss(P, T)
    numeric = numeric_gradient(lambda: loss(P, T)[0], P)
    assert relative_error(grad, numeric) < TOL


def test_fused_losses_equal_their_unfused_definitions(rng):
    Z = rng.normal(size=(6, 1)) * 3
    T = rng.integers(0, 2, (6, 1)).astype(float)
    P = 1 / (1 + np.exp(-Z))
    assert sigmoid_cross_entropy(Z, T)[0] == pytest.approx(binary_cross_entropy(P, T)[0])
    Z = rng.normal(size=(6, 4))
    T = np.eye(4)[rng.integers(0, 4, 6)]
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    assert softmax_cross_entropy(Z, T)[0] == pytest.approx(-np.mean(np.log((P * T).sum(axis=1))))


def test_softmax_cross_entropy_is_stable_for_huge_logits():
    Z = np.array([[1000.0, -1000.0, 0.0]])
    loss, grad = softmax_cross_entropy(Z, np.array([[0.0, 1.0, 0.0]]))
    assert np.isfinite(loss) and loss == pytest.approx(2000.0)
    assert np.isfinite(grad).all()


@pytest.mark.parametrize(
    ("hidden", "activation", "output", "loss", "n_out", "kind"),
    [
        ((4, 3), "tanh", "sigmoid", "cross_entropy", 1, "binary"),
        ((5,), "sigmoid", "sigmoid", "mse", 1, "binary"),
        ((4, 4), "leaky_relu", "softmax", "cross_entropy", 3, "onehot"),
        ((3,), "relu", "softmax", "mse", 3, "onehot"),
        ((4,), "tanh", "linear", "mae", 2, "real"),
        ((), "linear", "sigmoid", "cross_entropy", 1, "binary"),
    ],
)
def test_whole_network_gradient_matches_finite_differences(
    hidden, activation, output, loss, n_out, kind, rng
):
    spec = NetworkSpec(3, hidden, n_out, activation, output, dtype="float64")
    net = Network(spec, rng)
    net.params += rng.normal(0, 0.1, net.params.shape)  # non-zero biases too
    X = rng.normal(size=(6, 3))
    T = _targets(rng, (6, n_out), kind)
    trainer = Trainer(net, SGD(0.0), loss, X, T, rng=rng)
    fn, on_logits = trainer._loss_fn, trainer._on_logits

    def total_loss() -> float:
        out = net.forward(X)
        return fn(net.pre_activations[-1] if on_logits else out, T)[0]

    out = net.forward(X)
    _, grad = fn(net.pre_activations[-1] if on_logits else out, T)
    dX = net.backward(grad, on_logits=on_logits, need_input_grad=True)
    analytic = net.grads.copy()
    assert relative_error(analytic, numeric_gradient(total_loss, net.params)) < TOL
    assert relative_error(dX, numeric_gradient(total_loss, X)) < TOL


def test_network_records_every_layer(rng):
    net = Network(NetworkSpec(2, (4, 3), 1, "relu", "sigmoid"), rng)
    out = net.forward(rng.normal(size=(5, 2)))
    assert [z.shape for z in net.pre_activations] == [(5, 4), (5, 3), (5, 1)]
    assert [a.shape for a in net.layer_outputs] == [(5, 4), (5, 3), (5, 1)]
    assert np.all(net.layer_outputs[0] >= 0)
    assert np.array_equal(out, net.layer_outputs[-1])
    assert out.dtype == np.float32


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_row_helpers_and_relu_equal_numpys_reductions(dtype, rng):
    Z = rng.normal(size=(7, 10)).astype(dtype)
    Z[2, 3] = np.nan
    assert np.array_equal(row_max(Z), Z.max(axis=1, keepdims=True), equal_nan=True)
    assert np.allclose(row_sum(Z), Z.sum(axis=1, keepdims=True), equal_nan=True)
    A = ACTIVATIONS["relu"]().forward(Z)
    assert A.dtype == dtype
    assert np.array_equal(A, np.where(np.isnan(Z), np.nan, np.where(Z > 0, Z, 0)),
                          equal_nan=True)
    assert ACTIVATIONS["relu"]().forward(Z) is not A  # a fresh array each call
    big = rng.normal(size=(1100, 1000)).astype(dtype)  # past the cached-zeros size
    assert np.array_equal(ACTIVATIONS["relu"]().forward(big), np.maximum(big, 0))


def test_softmax_cross_entropy_takes_soft_targets(rng):
    Z = rng.normal(size=(5, 4))
    T = rng.dirichlet(np.ones(4), 5)  # each row a distribution, not one-hot
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    loss, grad = softmax_cross_entropy(Z, T)
    assert loss == pytest.approx(-(T * np.log(P)).sum() / 5)
    numeric = numeric_gradient(lambda: softmax_cross_entropy(Z, T)[0], Z)
    assert relative_error(grad, numeric) < 1e-6
