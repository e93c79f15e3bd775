"""Watching the playground's network train: what went wrong since the last change,
and what the regularisers did to its weights."""

from __future__ import annotations

from core.playground.weight_effect import WeightEffect, summarize_weights
from core.training.diagnostics import Problem, diagnose
from core.training.trainer import Trainer

DIAGNOSE_EVERY = 5  # epochs between two checks of what went wrong (a pass over the data)


class Judge:
    """Judges training afresh after each change, every ``DIAGNOSE_EVERY`` epochs."""

    def __init__(self, trainer: Trainer) -> None:
        self.restart(trainer)
        self.mark_weights(trainer)

    def restart(self, trainer: Trainer) -> None:
        """Settings or data changed: forget the problem and judge from now on."""
        self.problem: Problem | None = None
        self._from = (trainer.step_count, trainer.epoch)

    def check(self, trainer: Trainer, task: str) -> None:
        """Look for what went wrong, once enough epochs passed (see ``diagnose``)."""
        if trainer.epoch < self._from[1] + DIAGNOSE_EVERY:
            return
        steps, losses = trainer.history.column("step"), trainer.history.column("train_loss")
        self.problem = diagnose(trainer.network, trainer.X_train, trainer.T_train, task,
                                trainer.step_count, losses[steps > self._from[0]])
        self._from = (self._from[0], trainer.epoch)

    def mark_weights(self, trainer: Trainer) -> None:
        """Remember the weights now: the regularisers' effect is measured from here."""
        net = trainer.network
        self._mark = (trainer.step_count, summarize_weights(net.params[:net.n_weights]))

    def weight_effect(self, trainer: Trainer) -> WeightEffect:
        net = trainer.network
        step, before = self._mark
        return WeightEffect(step, before, summarize_weights(net.params[:net.n_weights]))
