"""Curve thinning: long histories are drawn from bin means, gaps stay gaps."""

import numpy as np

from gui.history_plot import thin


def test_short_histories_are_drawn_as_they_are():
    x, y = np.arange(10.0), np.arange(10.0) ** 2
    tx, ty = thin(x, y, points=10)
    assert tx is x and ty is y


def test_long_histories_become_bin_means_at_each_bins_last_step():
    x = np.arange(1000.0)
    y = 3.0 * x + 1.0
    tx, ty = thin(x, y, points=100)
    assert len(tx) == len(ty) == 100
    assert tx[0] == 9 and tx[-1] == 999          # each bin drawn at its last step
    assert np.allclose(ty, 3.0 * (x.reshape(100, 10).mean(axis=1)) + 1.0)


def test_nan_only_bins_stay_nan_and_partial_bins_ignore_nan():
    x = np.arange(40.0)
    y = np.ones(40)
    y[:10] = np.nan          # a whole bin missing
    y[10] = np.nan           # one value of the next bin missing
    y[11:20] = 5.0
    _, ty = thin(x, y, points=4)
    assert np.isnan(ty[0]) and ty[1] == 5.0 and ty[2] == ty[3] == 1.0
