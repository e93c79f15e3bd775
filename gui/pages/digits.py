"""The digits page through the page interface: settings go to its training panel."""

from __future__ import annotations

from dataclasses import asdict, replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gui.digits.digits_page import DigitsPage
from gui.page import Observables, Page


class DigitsAdapter(Page):
    name = "digits"

    def __init__(self, page: DigitsPage) -> None:
        super().__init__(page)
        self.page = page
        self.panel = page.training

    def controls(self) -> dict[str, QWidget]:
        p = self.panel
        return {"hidden": p.hidden, "activation": p.activation, "optimizer": p.optimizer,
                "learning_rate": p.learning_rate, "batch_size": p.batch, "epochs": p.epochs,
                "l2": p.l2, "dropout": p.dropout, "shift": p.shift, "rotation": p.rotation,
                "noise": p.noise, "scaling": p.scaling, "train_size": p.train_size,
                "patience": p.patience}

    def settings(self) -> dict[str, Any]:
        return asdict(self.panel.config)

    def _apply(self, checked: dict[str, Any]) -> None:
        self.panel.config = replace(self.panel.config, **checked)
        self.panel._show_config(self.panel.config)  # noqa: SLF001 - the panel's own sync
        self.panel.configure(checked)

    def ready(self) -> bool:
        snap = self.panel.snapshot
        return snap is not None and snap.config == self.panel.config

    def observables(self) -> Observables:
        snap = self.panel.snapshot
        values: Observables = {k: v for k, v in asdict(self.panel.config).items()
                               if isinstance(v, int | float | str | bool)}
        hidden = self.panel.config.hidden
        values.update(hidden_layers=len(hidden), hidden_neurons=sum(hidden))
        recognition = self.page.recognition
        values["recognised"] = recognition.digit if recognition is not None else None
        if snap is not None:
            values.update(step=snap.step, epoch=snap.epoch, running=snap.running,
                          train_loss=snap.train_loss,
                          test_accuracy=snap.validation_accuracy,
                          validation_accuracy=snap.validation_accuracy)
        return values

    def set_training(self, on: bool) -> None:
        if self.panel.running != on:
            self.panel.toggle_training()

    def status_message(self) -> str:
        return QCoreApplication.translate(
            "MainWindow", "Draw a digit on the canvas; right-click or Esc clears it.")

    def shutdown(self) -> None:
        self.page.shutdown()
