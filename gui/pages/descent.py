"""The gradient-descent lab through the page interface.

Settings are set on the lab's own widgets and the signals a person's choice
would send are emitted, so the lab recomputes its paths as usual.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabWidget, QWidget

from core.labs.descent import CURVES_1D, Path
from core.lessons.observables import minimum, regime, surface_minimum
from gui.labs.descent_page import DescentPage
from gui.page import Observables, Page, scalars


class DescentAdapter(Page):
    name = "descent"

    def __init__(self, page: DescentPage) -> None:
        super().__init__(page)
        self.page = page
        self.tabs = page.findChild(QTabWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)

    @property
    def mode(self) -> str:
        return "2d" if self.tabs.currentWidget() is self.page.surface else "1d"

    def controls(self) -> dict[str, QWidget]:
        curve, surface = self.page.curve, self.page.surface
        return {"mode": self.tabs.tabBar(), "curve": curve.curve_choice,
                **curve.binder.widgets, **surface.binder.widgets,
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
                lab.rate.set_rate(checked[key])
        if "start_w" in checked:
            curve.start = float(checked["start_w"])
            curve.recompute()
        if "start_x" in checked or "start_y" in checked:
            x, y = surface.start
            surface.start = (float(checked.get("start_x", x)), float(checked.get("start_y", y)))
            surface.recompute()

    def observables(self) -> Observables:
        values = scalars(self.settings())
        values.update(self._walker() if self.mode == "1d" else self._walkers())
        return values

    def _walker(self) -> Observables:
        """1D: the walker as far as it has walked."""
        curve = self.page.curve
        path = curve.path
        if path is None:
            return {}
        shown = min(curve.player.shown, len(path.points) - 1)
        end = shown + 1
        so_far = Path(path.points[:end], path.values[:end], path.slopes[:end],
                      path.diverged and end == len(path.points))
        w = float(path.points[shown, 0])
        return {"steps": shown, "w": w, "cost": float(path.values[shown]),
                "slope": float(path.slopes[shown, 0]), "regime": regime(so_far),
                "diverged": so_far.diverged,
                "minimum": "none" if so_far.diverged else minimum(curve.formula, w)}

    def _walkers(self) -> Observables:
        """2D: the shown walker with the lowest cost."""
        surface = self.page.surface
        shown_paths = [path for name, path in surface.paths.items()
                       if surface.checks[name].isChecked()]
        if not shown_paths:
            return {}
        at = [min(surface.player.shown, len(p.points) - 1) for p in shown_paths]
        costs = [float(p.values[i]) if np.isfinite(p.values[i]) else np.inf
                 for p, i in zip(shown_paths, at, strict=True)]
        best = int(np.argmin(costs))
        path, shown = shown_paths[best], at[best]
        point = (float(path.points[shown, 0]), float(path.points[shown, 1]))
        return {"steps": surface.player.shown, "w1": point[0], "w2": point[1],
                "cost": costs[best], "diverged": any(p.diverged for p in shown_paths),
                "minimum": surface_minimum(surface.surface, point)}

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"run": lambda: self.set_training(True), "reset": self._reset}

    def _reset(self) -> None:
        self.set_training(False)
        self._lab().recompute()

    def _lab(self):
        return self.page.surface if self.mode == "2d" else self.page.curve

    def set_training(self, on: bool) -> None:
        lab = self._lab()
        if lab.player.playing != on:
            lab.play.click()

    def status_message(self) -> str:
        return self.page.hint()

