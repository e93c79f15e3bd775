"""The inside-the-network lab through the page interface."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gui.labs.backprop_page import BackpropPage
from gui.page import Observables, Page, scalars

SETUP_KEYS = {"2-2-1": "notes", "2-3-2": "softmax"}  # table name → the page's combo data


class BackpropAdapter(Page):
    name = "backprop"

    def __init__(self, page: BackpropPage) -> None:
        super().__init__(page)
        self.page = page
        self._updates = 0  # updates applied since the setup or new weights
        page.apply_button.clicked.connect(self._count_update)
        page.randomise.clicked.connect(self._forget_updates)
        page.setup.activated.connect(self._forget_updates)

    def _count_update(self) -> None:
        self._updates += 1

    def _forget_updates(self) -> None:
        self._updates = 0

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
        values = scalars(self.settings())
        values.update(stage=page.stage, stages=page.n_stages, updates=self._updates,
                      loss=page.trace.loss if page.trace is not None else None,
                      graph_step=page.graph_view.stage, graph_steps=page.graph_view.last_stage)
        return values

    def set_weights(self, weights: tuple[tuple[tuple[float, ...], ...], ...]) -> None:
        """Each layer's matrix as (outputs × inputs+1): the weights, then the bias column."""
        network = self.page.network
        if network is None or not weights:
            return
        layers = []
        for matrix in weights:
            m = np.asarray(matrix, dtype=np.float64)
            layers.append((m[:, :-1].T.copy(), m[:, -1].copy()))
        network.set_weights(layers)
        self.page.stage = 0
        self.page.recompute()

    def advance(self, steps: int) -> bool:
        """Press Next: the graph's when its tab is showing, else the page's."""
        graph = self.page.views.currentWidget() is self.page.graph_view
        button = self.page.graph_view.next_button if graph else self.page.forward_button
        for _ in range(steps):
            button.click()
        return True

    def actions(self) -> dict[str, Callable[[], None]]:
        page = self.page
        return {"forward": page.forward_button.click, "update": page.apply_button.click,
                "new_weights": page.randomise.click,
                "show_graph": lambda: page.views.setCurrentWidget(page.graph_view)}

    def status_message(self) -> str:
        return QCoreApplication.translate(
            "MainWindow", "Press Next step to follow one sample forward and back.")
