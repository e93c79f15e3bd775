"""The gradient-descent lab through the page interface.

Settings are set on the lab's own widgets and the signals a person's choice
would send are emitted, so the lab recomputes its paths as usual.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTabWidget, QWidget

from core.descent_lab import CURVES_1D
from gui.labs.descent_page import DescentPage, regime_of
from gui.page import Observables, Page

RATE_RANGES = {"learning_rate": (0.001, 1.5), "learning_rate_2d": (0.05, 20.0)}


class DescentAdapter(Page):
    name = "descent"

    def __init__(self, page: DescentPage) -> None:
        super().__init__(page)
        self.page = page
        self.tabs = page.findChild(QTabWidget)

    @property
    def mode(self) -> str:
        return "2d" if self.tabs.currentWidget() is self.page.surface else "1d"

    def controls(self) -> dict[str, QWidget]:
        curve, surface = self.page.curve, self.page.surface
        return {"mode": self.tabs.tabBar(), "curve": curve.curve_choice,
                "surface": surface.surface_choice, "learning_rate": curve.rate,
                "learning_rate_2d": surface.rate,
                "start_w": curve.plot, "start_x": surface.map, "start_y": surface.map}

    def settings(self) -> dict[str, Any]:
        curve, surface = self.page.curve, self.page.surface
        curve_key = next((k for k, f in CURVES_1D.items() if f == curve.formula_edit.text()),
                         "bowl")
        values: dict[str, Any] = {
            "mode": self.mode, "curve": curve_key,
            "surface": surface.surface_choice.currentData(), "start_w": curve.start,
            "start_x": surface.start[0], "start_y": surface.start[1],
            "optimizers": tuple(n for n, c in surface.checks.items() if c.isChecked()),
            "learning_rate": curve.learning_rate, "learning_rate_2d": surface.rate_scale}
        return values

    def _apply(self, checked: dict[str, Any]) -> None:
        curve, surface = self.page.curve, self.page.surface
        if "mode" in checked:
            self.tabs.setCurrentWidget(surface if checked["mode"] == "2d" else curve)
        if "curve" in checked:
            curve.curve_choice.setCurrentIndex(
                curve.curve_choice.findData(CURVES_1D[checked["curve"]]))
            curve.curve_choice.activated.emit(curve.curve_choice.currentIndex())
        if "surface" in checked:
            surface.surface_choice.setCurrentIndex(
                surface.surface_choice.findData(checked["surface"]))
            surface.surface_choice.activated.emit(surface.surface_choice.currentIndex())
        if "optimizers" in checked:
            for name, check in surface.checks.items():
                check.setChecked(name in checked["optimizers"])
        for key, lab in (("learning_rate", curve), ("learning_rate_2d", surface)):
            if key in checked:
                low, high = RATE_RANGES[key]
                lab.rate.setValue(round(1000 * np.log(checked[key] / low) / np.log(high / low)))
        if "start_w" in checked:
            curve.start = float(checked["start_w"])
            curve.recompute()
        if "start_x" in checked or "start_y" in checked:
            x, y = surface.start
            surface.start = (float(checked.get("start_x", x)), float(checked.get("start_y", y)))
            surface.recompute()

    def observables(self) -> Observables:
        values: Observables = dict(self.settings())
        values.pop("optimizers")
        curve, surface = self.page.curve, self.page.surface
        if curve.path is not None:
            path, shown = curve.path, curve.player.shown
            values.update(step=shown, w=float(path.points[shown, 0]),
                          cost=float(path.values[shown]),
                          final_w=float(path.points[-1, 0]), final_cost=float(path.values[-1]),
                          regime=regime_of(path), diverged=bool(path.diverged))
        for name, path in surface.paths.items():
            values[f"loss_{name}"] = None if path.diverged else float(path.values[-1])
        sgd = surface.paths.get("sgd")
        if sgd is not None and not sgd.diverged and surface.surface.minima:
            values["minimum"] = surface.surface.nearest_minimum(sgd.final)
        return values

    def set_training(self, on: bool) -> None:
        lab = self.page.surface if self.mode == "2d" else self.page.curve
        if lab.player.playing != on:
            lab.play.click()

    def status_message(self) -> str:
        return QCoreApplication.translate(
            "MainWindow", "Pick a curve, click where to start, then press Play.")

