"""Over-fitting on digits and its cures: few digits, early stopping, restoring the best."""

from dataclasses import replace

import numpy as np
import pytest

from core.digits.model import OVERFIT_DIGITS, DigitsSession
from core.worker.protocol import Configure, RestoreBest


def _train(session: DigitsSession) -> None:
    while session.can_train:
        session.advance(10_000)


@pytest.fixture(scope="module")
def overfit() -> DigitsSession:
    session = DigitsSession(OVERFIT_DIGITS)
    _train(session)
    return session


def test_the_overfit_example_learns_from_its_few_digits_only(overfit):
    assert len(overfit.trainer.X_train) == OVERFIT_DIGITS.train_size
    assert len(overfit.trainer.X_test) == 1000


def test_overfit_example_validation_loss_turns_up_while_training_loss_falls(overfit):
    history = overfit.trainer.history
    train, validation = history.column("train_loss"), history.column("test_loss")
    assert len(validation) == OVERFIT_DIGITS.epochs
    best = int(np.argmin(validation))
    assert best < len(validation) - 10          # the minimum comes early...
    assert validation[-1] > validation[best] + 0.05  # ...then the validation loss climbs
    assert train[-1] < train[best] / 5          # while the training loss keeps falling
    assert overfit.snapshot().best_epoch == best + 1


def test_restore_best_puts_back_the_lowest_validation_loss(overfit):
    trainer = overfit.trainer
    lowest = float(np.min(trainer.history.column("test_loss")))
    assert trainer.loss_on(trainer.X_test, trainer.T_test)[0] > lowest + 0.05
    overfit.apply(RestoreBest())
    # Recomputed on the validation set from the restored weights, not read from the history.
    assert trainer.loss_on(trainer.X_test, trainer.T_test)[0] == pytest.approx(lowest, rel=1e-5)
    assert overfit.snapshot().restores == 1


def test_early_stopping_stops_after_patience_and_restores_the_best():
    session = DigitsSession(replace(OVERFIT_DIGITS, patience=3))
    _train(session)
    snap = session.snapshot()
    trainer = session.trainer
    assert snap.stopped_early and snap.epoch == snap.best_epoch + 3 < OVERFIT_DIGITS.epochs
    lowest = float(np.min(trainer.history.column("test_loss")))
    assert trainer.loss_on(trainer.X_test, trainer.T_test)[0] == pytest.approx(lowest, rel=1e-5)
    assert snap.restores == 1
    # Switching early stopping off lets training go on.
    session.apply(Configure({"patience": 0}))
    assert session.can_train
    session.advance(100)
    assert session.snapshot().step > snap.step


def test_negative_sizes_are_refused():
    session = DigitsSession(replace(OVERFIT_DIGITS, epochs=1))
    with pytest.raises(ValueError, match="negative"):
        session.apply(Configure({"train_size": -5}))
    assert session.config.train_size == 500
