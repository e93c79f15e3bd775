"""The two-valley surface: a shallow local and a deeper global minimum; the start decides."""

import numpy as np

from core.labs.descent import SURFACES, random_starts


def test_its_minima_are_stationary_and_of_different_depths():
    surface = SURFACES["two_valleys"]
    for w1, w2 in surface.minima:
        assert np.hypot(*surface.gradient(np.array(w1), np.array(w2))) < 1e-5
    local, deep = (float(surface.value(np.array(a), np.array(b))) for a, b in surface.minima)
    assert deep < local - 0.5


def test_the_start_decides_which_valley_a_walk_ends_in():
    surface = SURFACES["two_valleys"]
    default = surface.walk(surface.start, "sgd", 0.5, 800)
    assert surface.nearest_minimum(default.final) == 0  # the default start falls in the local
    assert surface.nearest_minimum(surface.walk((3.0, -2.0), "sgd", 0.5, 800).final) == 1
    ends = {surface.nearest_minimum(p.final)
            for p in random_starts(surface, 30, np.random.default_rng(0), "sgd", 0.5, 800)}
    assert ends == {0, 1}
