"""The descent lab's text observables, checked against walks whose behaviour is known."""

from __future__ import annotations

import numpy as np
import pytest

from core.labs.descent import CURVES_1D, SURFACES, descend_curve
from core.lessons.observables import MINIMA, REGIMES, minimum, names, regime, surface_minimum
from core.settings_table import PAGES
from core.util.expression import parse_expression


@pytest.mark.parametrize(
    ("rate", "steps", "expected"),
    [(0.001, 100, "crawling"), (0.1, 100, "converging"), (0.95, 30, "oscillating"),
     (1.1, 500, "diverging")],
)
def test_regimes_on_the_bowl(rate, steps, expected):
    # (w-5)^2 from 0: each step multiplies the distance to 5 by 1 - 2·rate.
    factor = 1 - 2 * rate
    assert expected == ("diverging" if abs(factor) > 1 else "oscillating" if factor < -0.5
                        else "converging" if abs(factor) ** steps < 0.05 else "crawling")
    assert regime(descend_curve("(w-5)^2", 0.0, rate, steps)) == expected


def test_minimum_of_the_double_well_against_a_fine_grid():
    curve = parse_expression(CURVES_1D["double_well"])
    grid = np.linspace(-2, 12, 200_001)
    values = curve(grid)
    lowest = grid[np.argmin(values)]                      # the global minimum, independently
    left = descend_curve(curve, 1.0, 0.05, 2000).final[0]
    right = descend_curve(curve, 9.0, 0.05, 2000).final[0]
    assert abs(left - lowest) < 1e-3
    assert minimum(curve, left) == "global"
    assert minimum(curve, right) == "local"
    assert minimum(curve, 5.0) == "none"                  # on the hump, not in a valley
    assert minimum(curve, lowest + 0.2) == "none"


def test_surface_minima():
    himmelblau = SURFACES["himmelblau"]
    for point in himmelblau.minima:                       # four minima, all of value 0
        assert surface_minimum(himmelblau, point) == "global"
    assert surface_minimum(himmelblau, (0.0, 0.0)) == "none"
    assert surface_minimum(SURFACES["saddle"], (0.0, 0.0)) == "none"   # no minimum at all


def test_every_page_declares_its_names():
    for page in PAGES:
        kinds = names(page)
        assert kinds and all(k in ("number", "bool") or isinstance(k, tuple)
                             for k in kinds.values())
    assert names("descent")["regime"] == REGIMES and names("descent")["minimum"] == MINIMA
    assert names("playground")["activation"] == names("digits")["activation"]
    assert "hidden" not in names("playground")            # lists are not compared in goals
