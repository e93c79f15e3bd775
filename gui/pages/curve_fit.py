"""The curve-fitting lab through the page interface."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core.settings_table import defaults
from core.worker.protocol import Configure
from gui.labs.curve_fit_page import CurveFitPage
from gui.page import Observables, Page, scalars


def _last(history: dict[str, np.ndarray]) -> float | None:
    losses = history.get("train_loss")
    return float(losses[-1]) if losses is not None and len(losses) else None


class CurveFitAdapter(Page):
    name = "curve_fit"

    def __init__(self, page: CurveFitPage) -> None:
        super().__init__(page)
        self.page = page

    def controls(self) -> dict[str, QWidget]:
        return self.page.binder.widgets

    def settings(self) -> dict[str, Any]:
        """The worker's settings, or before its first frame (it starts when the tab is
        first used) the table's defaults with what the controls show."""
        p, snap = self.page, self.page.snapshot
        values: dict[str, Any] = defaults("curve_fit")
        if snap is not None:
            values.update(vars(snap.config))
        else:
            values.update(hidden=p.hidden.value(), loss=p.loss.currentData(),
                          learning_rate=p.rate.currentData(),
                          optimizer=p.optimizer.currentData())
        values["points"] = p.generator.currentData()
        return values

    def _apply(self, checked: dict[str, Any]) -> None:
        p = self.page
        changes = dict(checked)
        if "points" in changes:
            p.generator.setCurrentIndex(p.generator.findData(changes.pop("points")))
            p.generator.activated.emit(p.generator.currentIndex())
        for name, combo in (("loss", p.loss), ("learning_rate", p.rate),
                            ("optimizer", p.optimizer)):
            if name in changes:
                index = combo.findData(changes[name])
                if index < 0:  # a rate the menu does not list: add it, so the box says it
                    combo.addItem(f"{changes[name]:g}", changes[name])
                    index = combo.count() - 1
                combo.setCurrentIndex(index)
        if "hidden" in changes:
            p.binder.show({"hidden": changes["hidden"]})  # one Configure below says it
        if changes:
            p.controller.send(Configure(changes))

    def _latest(self) -> object:
        return self.page.snapshot

    def observables(self) -> Observables:
        values = scalars(self.settings())
        snap = self.page.snapshot
        values.update(n_points=len(self.page.x), running=self.page.running)
        if snap is not None:
            values.update(step=snap.step, a=snap.slope, b=snap.intercept,
                          curve_loss=_last(snap.curve_history), line_loss=_last(snap.line_history))
        else:  # nothing fitted yet
            values.update(step=0, a=0.0, b=0.0, curve_loss=None, line_loss=None)
        return values

    def points(self) -> list[tuple[float, ...]]:
        return [(float(x), float(y)) for x, y in zip(self.page.x, self.page.y, strict=True)]

    def set_points(self, points: tuple[tuple[float, ...], ...]) -> None:
        if points:
            self.page.x = np.array([p[0] for p in points], dtype=np.float64)
            self.page.y = np.array([p[1] for p in points], dtype=np.float64)
            self.page._send_points()

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"train": lambda: self.set_training(True), "reset": self.page.reset.click}

    def set_training(self, on: bool) -> None:
        if self.page.running != on:
            self.page.play.click()

    def status_message(self) -> str:
        return QCoreApplication.translate(
            "MainWindow", "Press Fit; click to add points, drag to move them.")

    def shutdown(self) -> None:
        self.page.shutdown()
