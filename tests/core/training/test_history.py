"""The metric history stays bounded on long runs and keeps its time span."""

import numpy as np
import pytest

from core.training.history import History


def test_history_thins_itself_and_keeps_the_whole_span():
    history = History(capacity=100)
    for step in range(100_000):
        history.append(step=step, train_loss=1.0 / (step + 1))
    steps = history.column("step")
    assert 50 <= len(history) <= 100
    assert steps[0] == 0 and steps[-1] > 90_000
    assert np.all(np.diff(steps) > 0)
    assert np.all(np.isnan(history.column("test_loss")))


def test_last_and_clear():
    history = History(capacity=4)
    assert history.last("step") is None
    history.append(step=3, test_accuracy=None)
    assert history.last("step") == 3 and history.last("test_accuracy") is None
    history.clear()
    assert len(history) == 0


def test_capacity_must_be_even():
    with pytest.raises(ValueError, match="even"):
        History(3)
