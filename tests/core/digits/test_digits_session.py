"""The digits session: live settings keep training; a restored model counts as trained."""

import numpy as np
import pytest

from core.digits.model import DigitsConfig, DigitsSession, DigitsState
from core.worker.protocol import Configure, Restart, Restore


@pytest.fixture
def session() -> DigitsSession:
    s = DigitsSession(DigitsConfig(hidden=(16,), train_size=200, batch_size=50))
    s.advance(6)
    return s


def _weights(s: DigitsSession) -> list[np.ndarray]:
    return [W.copy() for W, _ in s.trainer.network.get_weights()]


@pytest.mark.parametrize(("changes", "check"), [
    ({"dropout": 0.4}, lambda s: s.trainer.network.dropout_rate == 0.4),
    ({"optimizer": "sgd"}, lambda s: type(s.trainer.optimizer).__name__.lower() == "sgd"),
])
def test_dropout_and_optimiser_act_on_the_running_network(session, changes, check):
    before, step = _weights(session), session.trainer.step_count
    session.apply(Configure(changes))
    assert check(session)
    assert session.trainer.step_count == step == 6
    assert all(np.array_equal(a, b) for a, b in zip(before, _weights(session), strict=True))
    assert session.snapshot().config == DigitsConfig(
        hidden=(16,), train_size=200, batch_size=50, **changes)
    session.advance(1)  # and training goes on from there
    assert session.trainer.step_count == 7


def test_the_new_optimiser_uses_the_current_learning_rate(session):
    session.apply(Configure({"learning_rate": 0.01}))
    session.apply(Configure({"optimizer": "momentum"}))
    assert session.trainer.optimizer.learning_rate == 0.01


def test_activation_builds_a_new_network_at_step_zero(session):
    session.apply(Configure({"activation": "tanh"}))
    assert session.trainer.step_count == 0
    assert session.snapshot().spec.hidden_activations == ("tanh",)


def test_a_refused_change_changes_nothing(session):
    before = session.config
    with pytest.raises(ValueError, match="dropout"):
        session.apply(Configure({"dropout": 1.5}))
    with pytest.raises(ValueError, match="optimiser"):
        session.apply(Configure({"optimizer": "newton"}))
    assert session.config == before and session.trainer.step_count == 6


def test_trained_means_learned_or_restored_never_a_fresh_network(session):
    assert session.snapshot().trained
    weights = tuple(session.trainer.network.get_weights())
    config = session.config
    fresh = DigitsSession(DigitsConfig(hidden=(16,), train_size=200))
    assert not fresh.snapshot().trained
    # Reopened from a session: epoch 0, but these are learned weights, and saving
    # them again must keep them (the autosave after a second restart).
    fresh.apply(Restore(DigitsState(config, weights)))
    snap = fresh.snapshot()
    assert snap.trained and snap.step == 0
    assert np.array_equal(snap.weights[0][0], weights[0][0])
    fresh.apply(Restart())
    assert not fresh.snapshot().trained
