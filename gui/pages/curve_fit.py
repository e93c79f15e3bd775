"""The curve-fitting lab through the page interface."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core.curve_fit import ConfigureFit
from gui.labs.curve_fit_page import CurveFitPage
from gui.page import Observables, Page


class CurveFitAdapter(Page):
    name = "curve_fit"

    def __init__(self, page: CurveFitPage) -> None:
        super().__init__(page)
        self.page = page
        self._wanted: dict[str, Any] = {}

    def controls(self) -> dict[str, QWidget]:
        p = self.page
        return {"hidden": p.hidden, "loss": p.loss, "points": p.generator}

    def settings(self) -> dict[str, Any]:
        snap = self.page.snapshot
        values: dict[str, Any] = {"points": self.page.generator.currentData()}
        if snap is not None:
            values.update(vars(snap.config))
        return values

    def _apply(self, checked: dict[str, Any]) -> None:
        p = self.page
        changes = dict(checked)
        if "points" in changes:
            p.generator.setCurrentIndex(p.generator.findData(changes.pop("points")))
            p.generator.activated.emit(p.generator.currentIndex())
        for combo, key in ((p.loss, "loss"),):
            if key in changes:
                combo.setCurrentIndex(combo.findData(changes[key]))
        if "hidden" in changes:
            p.hidden.blockSignals(True)  # one ConfigureFit below carries every change
            p.hidden.setValue(changes["hidden"])
            p.hidden.blockSignals(False)
        self._wanted = {k: v for k, v in changes.items()}
        if changes:
            p.controller.send(ConfigureFit(changes))

    def ready(self) -> bool:
        snap = self.page.snapshot
        return snap is not None and all(getattr(snap.config, k) == v
                                        for k, v in self._wanted.items())

    def observables(self) -> Observables:
        values: Observables = dict(self.settings())
        snap = self.page.snapshot
        if snap is not None:
            line_loss = snap.line_history.get("train_loss")
            curve_loss = snap.curve_history.get("train_loss")
            values.update(step=snap.step, running=snap.running, slope=snap.slope,
                          intercept=snap.intercept, n_points=len(snap.x),
                          line_loss=float(line_loss[-1]) if len(line_loss) else None,
                          train_loss=float(curve_loss[-1]) if len(curve_loss) else None)
        return values

    def set_training(self, on: bool) -> None:
        if self.page.running != on:
            self.page.toggle_play()

    def status_message(self) -> str:
        return QCoreApplication.translate(
            "MainWindow", "Press Fit; click to add points, drag to move them.")

    def shutdown(self) -> None:
        self.page.shutdown()
