"""Curve fitting: the learning rate, optimiser and loss act on the running fit."""

import numpy as np

from core.labs.curve_fit import CurveFit
from core.worker.protocol import Configure


def _fit():
    x = np.linspace(-3, 3, 20)
    fit = CurveFit(x, 0.5 * x + 0.2)
    fit.advance(20)
    return fit


def test_a_new_rate_keeps_the_weights_and_changes_the_step():
    fit = _fit()
    before = fit.slope_intercept
    fit.apply(Configure({"learning_rate": 0.001, "optimizer": "sgd"}))
    assert fit.slope_intercept == before                      # nothing was rebuilt
    assert fit.line.optimizer.learning_rate == 0.001
    slow = _fit()
    slow.apply(Configure({"learning_rate": 0.001, "optimizer": "sgd"}))
    fast = _fit()
    fast.apply(Configure({"learning_rate": 0.1, "optimizer": "sgd"}))
    for f in (slow, fast):
        f.advance(10)
    moved = [abs(f.slope_intercept[0] - before[0]) for f in (slow, fast)]
    assert moved[1] > 10 * moved[0]   # SGD's step is proportional to the rate


def test_a_new_size_still_starts_over():
    fit = _fit()
    fit.apply(Configure({"hidden": 3}))
    assert fit.net.network.layers[0].W.shape == (1, 3) and fit.net.step_count == 0
