"""Each optimiser's first two steps against updates computed by hand."""

import math

import numpy as np
import pytest

from core.nn.optimizers import OPTIMIZERS, make_optimizer

W0 = np.array([1.0, -2.0])
G1 = np.array([0.5, -1.0])
G2 = np.array([-0.25, 2.0])


def run_two(name, **settings):
    opt = make_optimizer(name, **settings)
    w = W0.copy()
    opt.step(w, G1.copy())
    first = w.copy()
    opt.step(w, G2.copy())
    return first, w


def test_sgd():
    first, second = run_two("sgd", learning_rate=0.1)
    assert np.allclose(first, W0 - 0.1 * G1)
    assert np.allclose(second, W0 - 0.1 * G1 - 0.1 * G2)


def test_momentum():
    first, second = run_two("momentum", learning_rate=0.1, momentum=0.9)
    v1 = G1
    v2 = 0.9 * v1 + G2
    assert np.allclose(first, W0 - 0.1 * v1)
    assert np.allclose(second, W0 - 0.1 * v1 - 0.1 * v2)


def test_nesterov():
    first, second = run_two("nesterov", learning_rate=0.1, momentum=0.9)
    v1 = G1
    v2 = 0.9 * v1 + G2
    w1 = W0 - 0.1 * (G1 + 0.9 * v1)
    assert np.allclose(first, w1)
    assert np.allclose(second, w1 - 0.1 * (G2 + 0.9 * v2))


def test_adagrad():
    first, second = run_two("adagrad", learning_rate=0.1, epsilon=1e-7)
    s1 = G1**2
    w1 = W0 - 0.1 * G1 / (np.sqrt(s1) + 1e-7)
    s2 = s1 + G2**2
    assert np.allclose(first, w1)
    assert np.allclose(second, w1 - 0.1 * G2 / (np.sqrt(s2) + 1e-7))


def test_rmsprop():
    first, second = run_two("rmsprop", learning_rate=0.01, rho=0.9, epsilon=1e-7)
    s1 = 0.1 * G1**2
    w1 = W0 - 0.01 * G1 / (np.sqrt(s1) + 1e-7)
    s2 = 0.9 * s1 + 0.1 * G2**2
    assert np.allclose(first, w1)
    assert np.allclose(second, w1 - 0.01 * G2 / (np.sqrt(s2) + 1e-7))


def test_adam_textbook_form():
    lr, b1, b2, eps = 0.01, 0.9, 0.999, 1e-7
    first, second = run_two("adam", learning_rate=lr, beta1=b1, beta2=b2, epsilon=eps)
    w, m, v = W0.copy(), np.zeros(2), np.zeros(2)
    expected = []
    for t, g in enumerate((G1, G2), start=1):
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        m_hat, v_hat = m / (1 - b1**t), v / (1 - b2**t)
        w = w - lr * m_hat / (np.sqrt(v_hat) + eps)
        expected.append(w.copy())
    assert np.allclose(first, expected[0], rtol=1e-10)
    assert np.allclose(second, expected[1], rtol=1e-10)
    # Adam's first step moves every weight by about the learning rate.
    assert np.allclose(np.abs(first - W0), lr, rtol=1e-4)


def test_changing_a_setting_keeps_the_state():
    opt = make_optimizer("momentum", learning_rate=0.1, momentum=0.9)
    w = W0.copy()
    opt.step(w, G1.copy())
    opt.learning_rate = 0.2  # between steps, as the GUI does
    opt.step(w, G2.copy())
    v2 = 0.9 * G1 + G2
    assert np.allclose(w, W0 - 0.1 * G1 - 0.2 * v2)


@pytest.mark.parametrize("name", sorted(OPTIMIZERS))
def test_every_optimizer_descends_a_bowl(name):
    # AdaGrad's steps shrink with every use, so it needs a larger rate.
    opt = make_optimizer(name, learning_rate=1.0 if name == "adagrad" else 0.1)
    w = np.array([3.0, -4.0])
    for _ in range(500):
        opt.step(w, 2 * w)  # gradient of |w|²
    assert math.hypot(*w) < 0.1


def test_float32_parameters_stay_float32():
    w = np.ones(3, dtype=np.float32)
    for name in OPTIMIZERS:
        make_optimizer(name).step(w, np.ones(3, dtype=np.float32))
    assert w.dtype == np.float32


def test_unknown_optimizer_and_setting_are_rejected():
    with pytest.raises(ValueError, match="unknown optimiser"):
        make_optimizer("lion")
    with pytest.raises(ValueError, match="no setting"):
        make_optimizer("sgd", momentum=0.9)


def test_adam_betas_changed_live_continue_the_textbook_moments():
    rng = np.random.default_rng(2)
    grads = rng.normal(size=(4, 3))
    opt = make_optimizer("adam", learning_rate=0.01)
    w = np.zeros(3)
    m, v, expected = np.zeros(3), np.zeros(3), np.zeros(3)
    for t, g in enumerate(grads, start=1):
        if t == 3:
            opt.beta1, opt.beta2 = 0.5, 0.9  # between steps, as the ⚙ settings do
        b1, b2 = opt.beta1, opt.beta2
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        expected -= 0.01 * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + opt.epsilon)
        opt.step(w, g.copy())
        assert np.allclose(w, expected, rtol=1e-10), t
