"""The inside-the-network lab through the page interface."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gui.labs.backprop_page import BackpropPage
from gui.page import Observables, Page

SETUP_KEYS = {"2-2-1": "notes", "2-3-2": "softmax"}  # table name → the page's combo data


class BackpropAdapter(Page):
    name = "backprop"

    def __init__(self, page: BackpropPage) -> None:
        super().__init__(page)
        self.page = page

    def controls(self) -> dict[str, QWidget]:
        return {"setup": self.page.setup}

    def settings(self) -> dict[str, Any]:
        current = self.page.setup.currentData()
        return {"setup": next(k for k, v in SETUP_KEYS.items() if v == current)}

    def _apply(self, checked: dict[str, Any]) -> None:
        if "setup" in checked:
            combo = self.page.setup
            combo.setCurrentIndex(combo.findData(SETUP_KEYS[checked["setup"]]))
            combo.activated.emit(combo.currentIndex())

    def observables(self) -> Observables:
        page = self.page
        values: Observables = dict(self.settings())
        values.update(stage=page.stage, stages=page.n_stages,
                      learning_rate=page.rate.value(), target=page.target.value())
        if page.trace is not None:
            values.update(loss=page.trace.loss, loss_after=page.trace.loss_after)
        return values

    def status_message(self) -> str:
        return QCoreApplication.translate(
            "MainWindow", "Press Next step to follow one sample forward and back.")
