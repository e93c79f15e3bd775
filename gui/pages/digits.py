"""The digits page through the page interface: settings go to its training panel."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import asdict, replace
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core.digits.own_digits import OwnDigits
from gui.digits.digits_page import DigitsPage
from gui.page import Observables, Page, scalars


def _last(history: dict[str, np.ndarray], column: str) -> float | None:
    """The newest finite value of a history column (None before the first epoch)."""
    values = history.get(column)
    if values is None:
        return None
    finite = values[np.isfinite(values)]
    return float(finite[-1]) if len(finite) else None


class DigitsAdapter(Page):
    name = "digits"

    def __init__(self, page: DigitsPage) -> None:
        super().__init__(page)
        self.page = page
        self.panel = page.training

    def controls(self) -> dict[str, QWidget]:
        return {"hidden": self.panel.hidden, **self.panel.binder.widgets}

    def settings(self) -> dict[str, Any]:
        return asdict(self.panel.config)

    def _apply(self, checked: dict[str, Any]) -> None:
        self.panel.config = replace(self.panel.config, **checked)
        self.panel._show_config(self.panel.config)
        self.panel.configure(checked, ask=False)

    def _latest(self) -> object:
        return self.panel.snapshot

    def observables(self) -> Observables:
        config, snap = self.panel.config, self.panel.snapshot
        values = scalars(asdict(config))
        sizes = (784, *config.hidden, 10)
        values.update(neurons=sum(config.hidden), training=self.panel.running,
                      parameters=sum(a * b + b for a, b in itertools.pairwise(sizes)))
        recognition = self.page.recognition
        blank = recognition is None or recognition.blank
        values.update(predicted_digit=-1 if blank else recognition.digit,
                      confidence=0.0 if blank else float(recognition.probabilities.max()))
        # Before the worker's first frame (it starts when the tab is first used): no
        # epoch yet, and no losses or accuracies.
        history = snap.history if snap is not None else {}
        values.update(epoch=snap.epoch if snap is not None else 0,
                      best_epoch=snap.best_epoch if snap is not None else 0,
                      train_loss=_last(history, "train_loss"),
                      val_loss=_last(history, "test_loss"),
                      train_accuracy=_last(history, "train_accuracy"),
                      val_accuracy=_last(history, "test_accuracy"))
        return values

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"train": lambda: self.set_training(True),
                "stop": lambda: self.set_training(False)}

    def set_training(self, on: bool) -> None:
        if self.panel.running != on:
            self.panel.train_button.click()

    def session_state(self) -> object | None:
        """The latest frame: its model if trained, and the learner's own digits."""
        return self.panel.controller.latest

    def restore(self, state: object) -> None:
        """A saved network, or the learner's own digits (a session brings both)."""
        if isinstance(state, OwnDigits):
            self.page.use_own_digits(state)
        else:
            self.panel.restore(state)

    def status_message(self) -> str:
        return QCoreApplication.translate(
            "MainWindow", "Draw a digit on the canvas; right-click or Esc clears it.")

    def shutdown(self) -> None:
        self.page.shutdown()
