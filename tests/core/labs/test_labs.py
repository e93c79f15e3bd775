"""The learning labs' core: formulas, descent paths, surfaces, curve fits, backprop."""

import itertools

import numpy as np
import pytest

from core.labs.backprop import trace
from core.labs.curve_fit import CurveFit, SetPoints
from core.labs.descent import (
    CURVES_1D,
    NEURON_T,
    NEURON_X,
    SURFACES,
    W_RANGE,
    curve_minima,
    descend_curve,
    random_starts,
    readable,
    round_values,
    settled_minimum,
)
from core.nn.network import Network, NetworkSpec
from core.nn.optimizers import OPTIMIZERS, SGD
from core.training.trainer import Trainer
from core.util.expression import ExpressionError, parse_expression
from core.worker.protocol import Configure
from tests.core.nn.gradcheck import relative_error


# -- the expression parser -----------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "w", "expected"),
    [
        ("(w-5)^2", 7.0, 4.0),
        ("2w + 3", 1.5, 6.0),
        ("−w × 2 ÷ 4", 2.0, -1.0),
        ("2^3^2", 0.0, 512.0),          # right-associative
        ("-w^2", 3.0, -9.0),            # power binds tighter than the sign
        ("abs(w) + exp(0) + log(exp(2)) + sin(0) + cos(0)", -2.0, 6.0),
        ("sqrt(w) * tanh(0)", 4.0, 0.0),
        (".5w", 4.0, 2.0),
    ],
)
def test_valid_formulas(text, w, expected):
    assert parse_expression(text)(w) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("__import__('os').system('ls')", "not allowed"),
        ("__import__", "unknown name"),
        ("w.real", "not allowed"),
        ("x + 1", "unknown name 'x'"),
        ("eval(w)", "unknown name"),
        ("sin w", "needs brackets"),
        ("(w + 1", "not closed"),
        ("w +", "ends too early"),
        ("", "type a formula"),
        ("w" + "+w" * 150, "longer than"),
        ("(" * 60 + "w" + ")" * 60, "nested too deeply"),
        ("w ) (", "unexpected"),
    ],
)
def test_invalid_and_hostile_formulas_are_refused(text, message):
    with pytest.raises(ExpressionError, match=message):
        parse_expression(text)


@pytest.mark.parametrize("text", [*CURVES_1D.values(), "w^w", "log(w)*sin(3w)", "w/(1+w^2)"])
def test_derivatives_match_finite_differences(text):
    f = parse_expression(text)
    w = np.linspace(0.3, 4.7, 23)
    h = 1e-6
    numeric = (f(w + h) - f(w - h)) / (2 * h)
    assert np.allclose(f.derivative()(w), numeric, rtol=1e-5, atol=1e-6)


# -- descent -------------------------------------------------------------------------
def test_learning_rate_regimes_on_the_bowl():
    slow = descend_curve("(w-5)^2", 0.0, 0.001, 100)
    good = descend_curve("(w-5)^2", 0.0, 0.1, 100)
    oscillating = descend_curve("(w-5)^2", 0.0, 0.95, 30)
    exploding = descend_curve("(w-5)^2", 0.0, 1.1, 500)
    assert abs(slow.final[0] - 5) > 3                          # crawls
    assert good.final[0] == pytest.approx(5.0, abs=1e-6)       # converges
    assert np.all(np.diff(np.sign(oscillating.points[:10, 0] - 5)) != 0)  # jumps across
    assert exploding.diverged and not good.diverged
    # Each step moves exactly −α·slope.
    assert np.allclose(np.diff(good.points[:, 0]), -0.1 * good.slopes[:-1, 0])


def test_constant_slope_of_absolute_error_keeps_overshooting():
    path = descend_curve(CURVES_1D["absolute"], 0.0, 0.3, 60)
    assert np.allclose(np.abs(path.slopes[:, 0]), 1.0)
    assert np.ptp(path.points[-10:, 0]) > 0.1   # never settles: steps stay 0.3 long


def test_double_well_minimum_depends_on_the_start():
    left = descend_curve(CURVES_1D["double_well"], 1.0, 0.05, 2000)
    right = descend_curve(CURVES_1D["double_well"], 9.0, 0.05, 2000)
    assert left.final[0] < 3 < 7 < right.final[0]
    assert left.values[-1] < right.values[-1]   # the left one is the global minimum


@pytest.mark.parametrize("name", sorted(SURFACES))
def test_surface_gradients_match_finite_differences(name):
    surface = SURFACES[name]
    rng = np.random.default_rng(0)
    x0, x1, y0, y1 = surface.extent
    for w1, w2 in zip(rng.uniform(x0, x1, 5), rng.uniform(y0, y1, 5), strict=True):
        h = 1e-6
        g1 = (surface.value(w1 + h, w2) - surface.value(w1 - h, w2)) / (2 * h)
        g2 = (surface.value(w1, w2 + h) - surface.value(w1, w2 - h)) / (2 * h)
        assert np.allclose(surface.gradient(w1, w2), (g1, g2), rtol=1e-5, atol=1e-7)


@pytest.mark.parametrize("optimizer", sorted(OPTIMIZERS))
def test_every_optimizer_converges_on_the_bowl_and_too_large_rates_diverge(optimizer):
    bowl = SURFACES["bowl"]
    path = bowl.walk(bowl.start, optimizer, 1.0 if optimizer == "adagrad" else 0.05, 2000)
    assert np.linalg.norm(path.final) < 0.05 and not path.diverged
    if optimizer in ("sgd", "momentum", "nesterov"):
        assert bowl.walk(bowl.start, optimizer, 2.5, 500).diverged  # beyond 2(1+μ)/λ


def test_two_weight_surface_is_the_neurons_real_loss():
    rng = np.random.default_rng(0)
    net = Network(NetworkSpec(1, (), 1, output_activation="sigmoid", dtype="float64"), rng)
    trainer = Trainer(net, SGD(0.1), "mse", NEURON_X[:, None], NEURON_T[:, None], rng=rng,
                      task="regression")
    for w1, w2 in ((0.5, -1.0), (-3.0, 2.0), (4.0, 0.3)):
        net.set_weights([(np.array([[w1]]), np.array([w2]))])
        direct, _ = trainer.loss_on(NEURON_X[:, None], NEURON_T[:, None])
        assert SURFACES["neuron"].value(np.array(w1), np.array(w2)) == pytest.approx(direct)


def test_himmelblau_random_starts_find_all_four_minima():
    surface = SURFACES["himmelblau"]
    paths = random_starts(surface, 40, np.random.default_rng(1), "sgd", 0.01, 1500)
    reached = {surface.basin(p) for p in paths if p.values[-1] < 1e-3}
    assert reached == {0, 1, 2, 3}


@pytest.mark.parametrize("name", sorted(SURFACES))
def test_every_listed_minimum_is_a_minimum(name):
    surface = SURFACES[name]
    for w1, w2 in surface.minima:
        assert np.hypot(*surface.gradient(w1, w2)) < 1e-4
        ring = np.linspace(0, 2 * np.pi, 16, endpoint=False)
        around = surface.value(w1 + 0.05 * np.cos(ring), w2 + 0.05 * np.sin(ring))
        assert np.all(around > surface.value(w1, w2))


def test_random_starts_are_classified_on_every_surface():
    """Each start gets a basin or an honest None; the saddle has no minimum to reach."""
    rng = np.random.default_rng(2)
    saddle = SURFACES["saddle"]
    assert {saddle.basin(p) for p in random_starts(saddle, 10, rng, "sgd", 0.05, 300)} == {None}
    neuron = SURFACES["neuron"]
    basins = [neuron.basin(p) for p in random_starts(neuron, 20, rng, "sgd", 2.0, 3000)]
    assert 0 in basins


# -- what the 1D lab knows about its curves ---------------------------------------------
def test_the_double_well_has_a_global_and_a_local_minimum():
    left, right = curve_minima(CURVES_1D["double_well"])
    f = parse_expression(CURVES_1D["double_well"])
    df = f.derivative()
    assert abs(float(df(left.w))) < 1e-6 and abs(float(df(right.w))) < 1e-6
    assert left.w < 3 < 7 < right.w
    assert left.is_global and not right.is_global and left.cost < right.cost
    # The lowest point of a fine grid over the whole range is the global minimum.
    w = np.linspace(*W_RANGE, 200_001)
    assert float(f(w).min()) == pytest.approx(left.cost, abs=1e-8)


@pytest.mark.parametrize(("formula", "derivative", "global_ones"), [
    ("(w-5)^2", [2, -10], [True]),
    ("(w-2)^2 (w-9)^2 - w", np.polyder(np.polyadd(
        np.polymul(np.poly([2, 2]), np.poly([9, 9])), [-1, 0])), [False, True]),
    ("(w-1)^2 - w^3 / 10", [-0.3, 2, -2], [False]),  # falls below it at the right end
    ("w", [1], []), ("-(w-5)^2", [-2, 10], []),
])
def test_curve_minima_of_typed_formulas_are_the_roots_of_the_slope(
        formula, derivative, global_ones):
    """Checked against numpy's polynomial roots: the minima are where the slope's sign
    turns from − to + inside the range."""
    roots = np.roots(derivative) if len(derivative) > 1 else np.array([])
    real = np.sort(roots[np.isreal(roots)].real)
    slope = np.poly1d(derivative)
    expected = [r for r in real if W_RANGE[0] < r < W_RANGE[1]
                and slope(r - 1e-3) < 0 < slope(r + 1e-3)]
    found = curve_minima(formula)
    assert [m.w for m in found] == pytest.approx(expected, abs=1e-6)
    assert [m.is_global for m in found] == global_ones


def test_a_walk_is_settled_only_once_it_stops_near_a_minimum():
    minima = curve_minima(CURVES_1D["double_well"])
    path = descend_curve(CURVES_1D["double_well"], 9.0, 0.05, 400)
    assert settled_minimum(path, minima, 1) is None          # still rolling down
    settled = settled_minimum(path, minima, 400)
    assert settled is not None and not settled.is_global
    left = descend_curve(CURVES_1D["double_well"], 0.0, 0.05, 400)
    assert settled_minimum(left, minima, 400).is_global
    bouncing = descend_curve(CURVES_1D["absolute"], 0.0, 0.3, 60)
    assert settled_minimum(bouncing, curve_minima(CURVES_1D["absolute"]), 60) is None


@pytest.mark.parametrize(("value", "text"), [
    (0.5, "0.5000"), (-12.25, "-12.2500"), (0.0, "0.0000"), (1.234e40, "1.234e+40"),
    (-3e-7, "-3.000e-07"), (123456.0, "1.235e+05"), (float("inf"), "inf"),
])
def test_readable_numbers_switch_to_scientific_beyond_sensible_sizes(value, text):
    assert readable(value) == text


def test_rate_slider_stops_are_round_numbers():
    stops = round_values(0.001, 1.5)
    assert stops[0] == 0.001 and stops[-1] == 1.5 and 0.1 in stops
    assert all(float(f"{v:g}") == v and len(f"{v:g}") <= 6 for v in stops)
    assert all(b > a for a, b in itertools.pairwise(stops))
    assert max(b / a for a, b in itertools.pairwise(stops)) <= 5 / 3 + 1e-12  # 3 → 5


# -- curve fitting ---------------------------------------------------------------------
def test_line_fit_recovers_slope_and_intercept():
    x = np.linspace(-3, 3, 25)
    fit = CurveFit(x, 2 * x - 1)
    fit.advance(3000)
    a, b = fit.slope_intercept
    assert a == pytest.approx(2.0, abs=0.01) and b == pytest.approx(-1.0, abs=0.01)


def test_network_bends_where_the_line_cannot():
    x = np.linspace(-6, 6, 60)
    fit = CurveFit(x, np.sin(x))
    fit.advance(4000)
    snap = fit.snapshot()
    line_error = np.mean((np.interp(x, snap.grid, snap.line) - np.sin(x)) ** 2)
    curve_error = np.mean((np.interp(x, snap.grid, snap.curve) - np.sin(x)) ** 2)
    assert curve_error < line_error / 5
    # The curve is the sum of the hidden neurons' contributions plus the output bias.
    bias = fit.net.network.layers[1].b[0]
    assert np.allclose(snap.contributions.sum(axis=0) + bias, snap.curve)


def test_absolute_error_line_ignores_an_outlier_more_than_squared_error():
    x = np.linspace(-3, 3, 21)
    y = 0.5 * x
    y[-1] = 30.0  # one wild point
    slopes = {}
    for loss in ("mse", "mae"):
        fit = CurveFit(x, y)
        fit.apply(Configure({"loss": loss, "learning_rate": 0.02}))
        fit.advance(6000)
        slopes[loss] = fit.slope_intercept[0]
    assert abs(slopes["mae"] - 0.5) < abs(slopes["mse"] - 0.5)


def test_points_can_be_replaced_without_resetting():
    fit = CurveFit(np.array([0.0, 1.0]), np.array([0.0, 1.0]))
    fit.advance(10)
    fit.apply(SetPoints(np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.0, 2.0])))
    assert fit.net.step_count == 10 and len(fit.snapshot().x) == 3
    with pytest.raises(ValueError, match="at least 2"):
        fit.apply(SetPoints(np.array([1.0]), np.array([1.0])))


def test_a_new_point_set_starts_new_loss_curves():
    fit = CurveFit(np.array([0.0, 1.0]), np.array([0.0, 1.0]))
    fit.advance(10)
    assert len(fit.snapshot().curve_history["step"]) > 0
    fit.apply(SetPoints(np.array([-1.0, 0.0, 2.0]), np.array([1.0, 0.0, 4.0]), new_set=True))
    snap = fit.snapshot()
    assert snap.step == 0 and fit.line.step_count == 0
    assert len(snap.curve_history["step"]) == 0 and len(snap.line_history["step"]) == 0
    fit.advance(5)
    assert list(fit.snapshot().line_history["step"])[-1] == 5


@pytest.mark.parametrize(("changes", "reason"), [
    ({"hidden": 0}, "hidden neurons"), ({"hidden": 1000}, "hidden neurons"),
    ({"loss": "hinge"}, "loss"), ({"activation": "cubic"}, "activation"),
    ({"optimizer": "newton"}, "optimiser"), ({"learning_rate": 0.0}, "learning rate"),
    ({"depth": 3}, "unknown setting"),
])
def test_a_refused_fit_setting_changes_nothing_and_the_next_one_works(changes, reason):
    fit = CurveFit(np.linspace(-2, 2, 5), np.linspace(-2, 2, 5) ** 2)
    fit.advance(7)
    before, net = fit.config, fit.net
    with pytest.raises(ValueError, match=reason):
        fit.apply(Configure(changes))
    assert fit.config == before and fit.net is net and fit.net.step_count == 7
    fit.apply(Configure({"hidden": 3}))  # the next valid change is not poisoned
    assert fit.config.hidden == 3 and fit.net.network.spec.hidden == (3,)


# -- backpropagation, step by step -----------------------------------------------------
@pytest.mark.parametrize(
    ("sizes", "activation", "output", "loss"),
    [((2, 2, 1), "sigmoid", "sigmoid", "squared_error"),
     ((2, 3, 2), "tanh", "softmax", "cross_entropy"),
     ((3, 2, 2, 2), "sigmoid", "sigmoid", "squared_error")],
)
def test_step_through_gradients_equal_backward_and_finite_differences(
        sizes, activation, output, loss):
    rng = np.random.default_rng(3)
    net = Network(NetworkSpec(sizes[0], sizes[1:-1], sizes[-1], activation, output,
                              dtype="float64"), rng)
    net.params += rng.normal(0, 0.3, net.params.shape)
    x = rng.normal(size=sizes[0])
    t = np.eye(sizes[-1])[0] if output == "softmax" else rng.uniform(0, 1, sizes[-1])
    tr = trace(net, x, t, loss, learning_rate=0.5)
    # The engine's own backward on the same sample.
    out = net.forward(x[None])
    if loss == "cross_entropy":
        grad, on_logits = (out - t) , True
    else:
        grad, on_logits = 2 * (out - t), False
    net.backward(grad, on_logits=on_logits)
    for layer, dense in enumerate(net.layers):
        assert relative_error(tr.weight_gradients[layer], dense.grads["W"]) < 1e-9
        assert relative_error(tr.bias_gradients[layer], dense.grads["b"]) < 1e-9
        assert relative_error(tr.weight_gradients[layer], tr.numeric_weight_gradients[layer]) < 1e-6
        assert relative_error(tr.bias_gradients[layer], tr.numeric_bias_gradients[layer]) < 1e-6
    assert tr.loss_after < tr.loss   # one step downhill makes the loss smaller
    assert np.allclose(tr.outputs[-1], out[0])


def test_step_through_refuses_unsupported_setups():
    net = Network(NetworkSpec(2, (2,), 1, "tanh", "sigmoid"), np.random.default_rng(0))
    with pytest.raises(ValueError, match="softmax"):
        trace(net, [0.1, 0.2], [1.0], "cross_entropy")
    with pytest.raises(ValueError, match="loss must be"):
        trace(net, [0.1, 0.2], [1.0], "hinge")
