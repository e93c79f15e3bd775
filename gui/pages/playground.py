"""The playground page through the page interface: settings go the Configure path."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from core.data.datasets import parse_points_csv
from core.playground.commands import LoadData
from core.worker.protocol import Configure
from gui.page import Observables, Page, scalars
from gui.playground.playground_page import PlaygroundPage

# Settings that make new points (and so undo a person's edits).
DATA_SETTINGS = frozenset({"dataset", "n_points", "noise", "train_ratio", "seed"})


def _number(value) -> float | None:
    return None if value is None else float(value)


SETTLED_S = 1.0  # by then the worker has taken a set-up: its frames show it


class PlaygroundAdapter(Page):
    name = "playground"

    def __init__(self, page: PlaygroundPage) -> None:
        super().__init__(page)
        self.page = page
        self._wanted: dict[str, Any] = {}
        self._wanted_at = 0.0
        self._edited = False  # points added, removed or imported since the data was made
        for view in (page.network_boundary, page.linear_boundary):
            view.point_clicked.connect(self._on_points_edited)
        page.data_panel.import_requested.connect(self._on_points_edited)
        page.data_panel.regenerate_requested.connect(self._on_data_made)
        page.data_panel.changed.connect(
            lambda changes: self._on_data_made() if DATA_SETTINGS & set(changes) else None)

    def _on_points_edited(self, *_args) -> None:
        self._edited = True

    def _on_data_made(self) -> None:
        self._edited = False

    def controls(self) -> dict[str, QWidget]:
        bar, data = self.page.controls, self.page.data_panel
        return {
            **bar.binder.widgets, "l1": bar.regularization, "l2": bar.regularization,
            "hidden": self.page.architecture, "layer_activations": self.page.architecture,
            "features": self.page.network_view, "dataset": data.datasets,
            "noise": data.noise, "train_ratio": data.ratio, "batch_size": data.batch,
            "formula": data.formula_edit, "formula_task": data.problem,
            "feature_formula": data.feature_edit,
        }

    def settings(self) -> dict[str, Any]:
        return asdict(self.page.config)

    def _apply(self, checked: dict[str, Any]) -> None:
        self._wanted, self._wanted_at = checked, time.monotonic()
        if DATA_SETTINGS & set(checked):
            self._on_data_made()
        self.page.controller.send(Configure(checked))  # the controls follow its snapshot

    def points(self) -> list[tuple[float, ...]] | None:
        """(x1, x2, label) of every point, once a person has edited them."""
        snap = self.page.snapshot
        if not self._edited or snap is None:
            return None
        X = np.vstack([snap.train_X, snap.test_X])
        y = np.concatenate([snap.train_y, snap.test_y])
        return [(float(a), float(b), float(c)) for (a, b), c in zip(X, y, strict=True)]

    def set_points(self, points: tuple[tuple[float, ...], ...]) -> None:
        if points:  # through the CSV reader: the same task inference as an import
            self._edited = True
            text = "\n".join(",".join(repr(float(v)) for v in p) for p in points)
            self.page.controller.send(LoadData(parse_points_csv(text)))

    def _latest(self) -> object:
        return self.page.snapshot

    def ready(self) -> bool:
        """A frame with the step's settings has arrived; after that the learner's own
        changes (the ones the step asks for) do not make the page unready again."""
        if self._wanted:
            snap = self.page.snapshot
            config = asdict(snap.config) if snap is not None else {}
            arrived = all(config.get(k) == v for k, v in self._wanted.items())
            # The worker takes commands between steps, so a frame a second after the
            # set-up has it even if the learner has already changed those settings.
            if not (super().ready() and (arrived or
                                         time.monotonic() - self._wanted_at > SETTLED_S)):
                return False
            self._wanted = {}
        return super().ready()

    def observables(self) -> Observables:
        snap = self.page.snapshot
        if snap is None:
            return {}
        net = snap.network
        values = scalars(asdict(snap.config))
        values.update(
            step=snap.step, epoch=snap.epoch, running=snap.running,
            train_loss=_number(net.train_loss), test_loss=_number(net.test_loss),
            train_accuracy=_number(net.train_accuracy), test_accuracy=_number(net.test_accuracy),
            linear_test_accuracy=_number(snap.linear.test_accuracy),
            neurons=sum(snap.config.hidden), layers=len(snap.config.hidden),
            inputs=len(snap.config.features),
            parameters=sum(w.size + b.size for w, b in net.weights),
            diverged=snap.divergence is not None,
        )
        return values

    def actions(self) -> dict[str, Callable[[], None]]:
        return {"reset": self.page.controls.reset_button.click,
                "regenerate": self.page.data_panel.regenerate.click,
                "train": lambda: self.set_training(True)}

    def set_training(self, on: bool) -> None:
        if self.page.running != on:
            self.page.controls.play_button.click()

    def session_state(self) -> object | None:
        return self.page.snapshot

    def restore(self, state: object) -> None:
        self.page.restore(state)

    def status_message(self) -> str:
        return QCoreApplication.translate("MainWindow", "Press Space to train or pause.")

    def shutdown(self) -> None:
        self.page.shutdown()
