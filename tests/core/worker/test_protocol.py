"""One command protocol: every model refuses what it does not know, and a command
that fails midway leaves the model exactly as it was (compared array by array)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np
import pytest

import core.digits.model as digits_module
import core.labs.curve_fit as fit_module
import core.playground.networks as playground_networks
from core.digits.model import DigitsConfig, DigitsSession, DigitsState
from core.labs.curve_fit import CurveFit, FitState, SetPoints
from core.playground.commands import AddPoint, PlaygroundState
from core.playground.config import PlaygroundConfig
from core.playground.model import Playground
from core.worker.protocol import Configure, Model, Restart, Restore, RestoreBest, handles


def assert_same(a: object, b: object, where: str = "snapshot") -> None:
    """Equal field by field, arrays element by element (NaN equals NaN)."""
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        assert np.array_equal(np.asarray(a), np.asarray(b), equal_nan=True), where
    elif dataclasses.is_dataclass(a) and not isinstance(a, type):
        assert type(a) is type(b), where
        for f in dataclasses.fields(a):
            assert_same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, dict):
        assert a.keys() == b.keys(), where
        for key in a:
            assert_same(a[key], b[key], f"{where}[{key!r}]")
    elif isinstance(a, (tuple, list)):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            assert_same(x, y, f"{where}[{i}]")
    elif isinstance(a, float) and isinstance(b, float) and np.isnan(a):
        assert np.isnan(b), where
    else:
        assert a == b, where


def fail_on_call(monkeypatch, module, name: str, after: int = 0) -> None:
    """Make ``module.name`` raise on its call number ``after + 1`` (earlier calls work)."""
    real, calls = getattr(module, name), []

    def broken(*args, **kwargs):
        calls.append(1)
        if len(calls) > after:
            raise RuntimeError("injected failure")
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, broken)


def layers_view_their_buffer(network) -> bool:
    return all(np.shares_memory(layer.W, network.params) for layer in network.layers)


# -- playground -----------------------------------------------------------------------
@pytest.fixture
def playground() -> Playground:
    p = Playground(PlaygroundConfig(dataset="xor", hidden=(4,), resolution=20))
    p.advance(30)
    return p


def test_a_playground_retune_failing_after_half_its_work_changes_nothing(playground,
                                                                         monkeypatch):
    before = playground.snapshot()
    rate = playground.trainers["network"].optimizer.learning_rate
    # The network's learning rate, batch size and dropout are set before the norm switch.
    fail_on_call(monkeypatch, playground_networks, "switch_norms")
    with pytest.raises(RuntimeError, match="injected"):
        playground.apply(Configure({"learning_rate": 0.5, "batch_size": 3, "dropout": 0.3,
                                    "batch_norm": True}))
    assert_same(playground.snapshot(), before)
    network = playground.trainers["network"]
    assert network.optimizer.learning_rate == rate and network.batch_size == 10
    assert network.network.dropout_rate == 0.0
    assert layers_view_their_buffer(network.network)
    playground.advance(5)  # and it trains on as before
    assert playground.step_count == before.step + 5


def test_a_playground_session_that_fails_after_the_rebuild_changes_nothing(playground):
    before = playground.snapshot()
    other = Playground(PlaygroundConfig(dataset="circle", hidden=(3, 2), resolution=20))
    snap = other.snapshot()
    state = PlaygroundState(snap.config, other.train, other.test,
                            {"network": snap.network.weights, "linear": snap.linear.weights},
                            norms=((np.ones(3), np.zeros(3)),),  # no batch norm to take them
                            step=99)
    with pytest.raises(ValueError, match="batch norm"):
        playground.apply(Restore(state))
    assert_same(playground.snapshot(), before)


def test_a_failed_point_edit_keeps_the_points(playground, monkeypatch):
    before = playground.snapshot()
    fail_on_call(monkeypatch, playground_networks, "feature_matrix", after=1)
    with pytest.raises(RuntimeError):
        playground.apply(AddPoint(0.5, 0.5, 1))
    assert_same(playground.snapshot(), before)


# -- digits ---------------------------------------------------------------------------
@pytest.fixture
def digits() -> DigitsSession:
    s = DigitsSession(DigitsConfig(hidden=(8,), train_size=120, batch_size=40))
    s.advance(4)
    return s


def test_a_digits_retune_failing_midway_changes_nothing(digits, monkeypatch):
    before = digits.snapshot()
    fail_on_call(monkeypatch, digits_module, "Penalty")  # after config, dropout, rate
    with pytest.raises(RuntimeError, match="injected"):
        digits.apply(Configure({"learning_rate": 0.5, "dropout": 0.4, "l2": 0.1}))
    assert_same(digits.snapshot(), before)
    assert digits.trainer.optimizer.learning_rate == before.config.learning_rate
    assert digits.trainer.network.dropout_rate == 0.0
    assert layers_view_their_buffer(digits.trainer.network)


def test_a_digits_restart_that_cannot_build_keeps_the_network(digits, monkeypatch):
    before = digits.snapshot()
    fail_on_call(monkeypatch, digits_module, "make_digits_trainer")
    with pytest.raises(RuntimeError):
        digits.apply(Restart())
    assert_same(digits.snapshot(), before)


def test_digits_weights_that_do_not_fit_leave_the_session(digits):
    before = digits.snapshot()
    wrong = ((np.zeros((784, 5)), np.zeros(5)), (np.zeros((5, 10)), np.zeros(10)))
    with pytest.raises(ValueError, match="shape"):
        digits.apply(Restore(DigitsState(DigitsConfig(hidden=(6,)), wrong)))
    assert_same(digits.snapshot(), before)


# -- curve fit ------------------------------------------------------------------------
@pytest.fixture
def fit() -> CurveFit:
    x = np.linspace(-3, 3, 12)
    f = CurveFit(x, np.sin(x))
    f.advance(20)
    return f


def test_a_fit_retune_failing_on_the_second_model_changes_nothing(fit, monkeypatch):
    before, line_optimizer = fit.snapshot(), fit.line.optimizer
    fail_on_call(monkeypatch, fit_module, "make_optimizer", after=1)  # the line's works
    with pytest.raises(RuntimeError, match="injected"):
        fit.apply(Configure({"optimizer": "sgd", "learning_rate": 0.5}))
    assert_same(fit.snapshot(), before)
    assert type(fit.line.optimizer) is type(line_optimizer)
    assert fit.line.optimizer.learning_rate == before.config.learning_rate


def test_a_fit_state_whose_network_does_not_fit_changes_nothing(fit):
    before = fit.snapshot()
    x = np.linspace(0, 1, 5)
    state = FitState(fit.config, x, x, fit.line.network.get_weights(),
                     ((np.zeros((1, 2)), np.zeros(2)), (np.zeros((2, 1)), np.zeros(1))))
    with pytest.raises(ValueError, match="shape"):
        fit.apply(Restore(state))
    assert_same(fit.snapshot(), before)


def test_a_fit_state_comes_back_exactly(fit):
    x = np.linspace(-1, 1, 4)
    other = CurveFit(x, x ** 2)
    other.advance(30)
    fit.apply(Restore(FitState(other.config, other.x, other.y, other.line.network.get_weights(),
                               other.net.network.get_weights())))
    mine, theirs = fit.snapshot(), other.snapshot()
    assert np.array_equal(mine.curve, theirs.curve) and np.array_equal(mine.x, x)
    assert mine.step == 0  # training goes on from the restored weights


# -- the vocabulary -------------------------------------------------------------------
@pytest.mark.parametrize("make", [
    lambda: Playground(PlaygroundConfig(hidden=(2,), resolution=10)),
    lambda: DigitsSession(DigitsConfig(hidden=(4,), train_size=50)),
    lambda: CurveFit(np.arange(3.0), np.arange(3.0)),
])
def test_every_model_answers_the_shared_commands_and_refuses_others(make):
    model = make()
    assert {Configure, Restart, RestoreBest, Restore} <= set(model.handlers)
    before = model.snapshot()
    with pytest.raises(ValueError, match=f"{type(model).__name__} does not understand Ping"):
        model.apply(Ping())
    with pytest.raises(ValueError, match="not a saved"):
        model.apply(Restore("a string"))
    assert_same(model.snapshot(), before)
    model.apply(Restart())
    model.apply(RestoreBest())


def test_a_models_table_holds_only_its_own_data_commands():
    assert SetPoints in CurveFit.handlers and SetPoints not in Playground.handlers
    assert AddPoint in Playground.handlers and AddPoint not in DigitsSession.handlers


@dataclass(frozen=True)
class Ping:
    times: int = 1


def test_adding_a_command_is_one_registration_and_subclasses_inherit_it():
    class Counter(Model):
        def __init__(self) -> None:
            self.count = 0
            self.log: list[int] = []

        @handles(Ping)
        def _ping(self, command: Ping) -> None:
            self.log.append(command.times)
            self.count += command.times
            if self.count > 3:
                raise ValueError("too many")

    class Louder(Counter):
        @handles(Restart)
        def _restart(self, _: Restart) -> None:
            self.count = 0

    counter = Louder()
    log = counter.log
    counter.apply(Ping(2))
    with pytest.raises(ValueError, match="too many"):
        counter.apply(Ping(5))
    assert counter.count == 2 and counter.log == [2] and counter.log is log
    counter.apply(Restart())
    assert counter.count == 0 and Restart not in Counter.handlers
