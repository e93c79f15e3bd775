"""The linear classifier's equation: points on the printed line are where the model is 50 %."""

import numpy as np
import pytest

from core.playground.features import feature_matrix
from core.playground.linear_equation import linear_equation


def _logit(W, b, points, features):
    return feature_matrix(points, features, "float64") @ W + b


@pytest.mark.parametrize(("w1", "w2", "b"), [(1.5, -2.0, 0.3), (-0.4, 0.9, -1.1), (3.0, 0.5, 0)])
def test_points_on_the_line_are_on_the_boundary(w1, w2, b):
    W, bias = np.array([[w1], [w2]]), np.array([b])
    eq = linear_equation(W, bias, ("x1", "x2"))
    assert eq.kind == "line"
    x1 = np.linspace(-5, 5, 7)
    points = np.column_stack([x1, eq.slope * x1 + eq.intercept])
    np.testing.assert_allclose(_logit(W, bias, points, ("x1", "x2")), 0, atol=1e-9)
    assert "x2 =" in eq.text() and "x1" in eq.text()


def test_a_line_with_no_x2_weight_is_vertical():
    eq = linear_equation(np.array([[2.0], [0.0]]), np.array([1.0]), ("x1", "x2"))
    assert eq.kind == "vertical"
    assert _logit(np.array([[2.0], [0.0]]), 1.0, np.array([[eq.intercept, 3.0]]),
                  ("x1", "x2"))[0, 0] == pytest.approx(0)
    assert eq.text() == f"x1 = {eq.intercept:.2g}"


def test_other_features_give_an_equation_in_those_features():
    eq = linear_equation(np.array([[0.5], [-1.25], [2.0]]), np.array([-0.2]),
                         ("x1", "x1^2", "sin(x2)"))
    assert eq.kind == "features"
    assert eq.text() == "0.5·x1 − 1.2·x1^2 + 2·sin(x2) − 0.2 = 0"


def test_all_zero_weights_have_no_boundary():
    assert linear_equation(np.zeros((2, 1)), np.array([0.1]), ("x1", "x2")).kind == "none"
