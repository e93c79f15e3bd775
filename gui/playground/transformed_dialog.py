"""The plane as a hidden layer sees it: pick a layer and two of its neurons."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout

from core.playground.snapshot import PlaygroundSnapshot
from core.playground.transformed_space import WatchNeurons
from gui.colors import class_colour
from gui.display_names import display_name
from gui.widgets import FittingComboBox, resize_to_fit


class TransformedDialog(QDialog):
    """Draws ``snapshot.transformed``: warped grid lines and the training points."""

    watch_changed = Signal(object)  # WatchNeurons

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The plane as a hidden layer sees it"))
        resize_to_fit(self, 620, 640)
        self.x_axis, self.y_axis = FittingComboBox(), FittingComboBox()
        self.x_axis.setToolTip(self.tr("What the horizontal axis shows: an input feature, a "
                                       "hidden neuron's activation, or an output's weighted "
                                       "sum before its activation."))
        self.y_axis.setToolTip(self.tr("What the vertical axis shows; it may come from "
                                       "another layer than the horizontal one."))
        self.explain = QLabel(self.tr(
            "Each point of the input plane goes to the values of two units. Straight grid "
            "lines bend; classes a line could not split may become separable here."))
        self.explain.setWordWrap(True)
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        for side in ("left", "bottom"):  # activations read as 0.3, not as 300 (x0.001)
            self.plot.getAxis(side).enableAutoSIPrefix(False)
        self.lines = self.plot.plot(pen=pg.mkPen(120, 120, 120, 140, width=1), connect="finite")
        self.points = pg.ScatterPlotItem(size=7, pen=pg.mkPen("w"))
        self.plot.addItem(self.points)
        row = QHBoxLayout()
        for label, combo in ((self.tr("x axis"), self.x_axis), (self.tr("y axis"), self.y_axis)):
            row.addWidget(QLabel(label))
            row.addWidget(combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.explain)
        layout.addWidget(self.plot, 1)
        self._units: tuple = ()
        self._choices: list[tuple[int, int]] = []  # (layer, unit) of each combo item
        for combo in (self.x_axis, self.y_axis):
            combo.activated.connect(lambda _: self.request())

    def unit_name(self, layer: int, unit: int) -> str:
        if layer == 0:
            return display_name(self._units[0][unit])
        if layer == len(self._units) - 1:
            return self.tr("output {0} (weighted sum z)").format(unit + 1)
        return self.tr("layer {0} · neuron {1}").format(layer, unit + 1)

    def sync_units(self, features: tuple[str, ...], hidden: tuple[int, ...],
                   n_outputs: int) -> bool:
        """Offer every unit of the current network; True when they changed."""
        units = (features, *hidden, n_outputs)
        if units == self._units:
            return False
        self._units = units
        sizes = (len(features), *hidden, n_outputs)
        kept = [self._choice(combo) for combo in (self.x_axis, self.y_axis)]
        self._choices = [(layer, unit) for layer, size in enumerate(sizes)
                         for unit in range(size)]
        defaults = ((1, 0), (1, 1)) if hidden else ((0, 0), (0, min(1, sizes[0] - 1)))
        for combo, old, default in zip((self.x_axis, self.y_axis), kept, defaults, strict=True):
            combo.clear()
            for layer, unit in self._choices:
                combo.addItem(self.unit_name(layer, unit))
            choice = old if old in self._choices else default
            combo.setCurrentIndex(self._choices.index(choice) if choice in self._choices else 0)
        return True

    def _choice(self, combo) -> tuple[int, int] | None:
        index = combo.currentIndex()
        return self._choices[index] if 0 <= index < len(self._choices) else None

    def request(self) -> None:
        if self.x_axis.count():
            (layer, i), (layer_j, j) = self._choice(self.x_axis), self._choice(self.y_axis)
            self.watch_changed.emit(WatchNeurons(layer, i, j, layer_j))

    def show_snapshot(self, snap: PlaygroundSnapshot) -> None:
        n_outputs = len(snap.network.weights[-1][1])
        if self.sync_units(snap.config.features, snap.config.hidden, n_outputs):
            self.request()  # the network was rebuilt: watch a choice that exists
        t = snap.transformed
        if t is None:
            self.lines.setData([], [])
            self.points.setData([])
            return
        self.lines.setData(t.lines[:, 0], t.lines[:, 1])
        if snap.n_classes:
            brushes = [pg.mkBrush(*class_colour(int(k))) for k in t.labels]
        else:
            brushes = [pg.mkBrush(*class_colour(int(v > 0))) for v in t.labels]
        self.points.setData(pos=t.points, brush=brushes)
        self.plot.setLabel("bottom", self.unit_name(t.layer, t.i))
        self.plot.setLabel("left", self.unit_name(t.second_layer, t.j))
        finite = t.lines[np.isfinite(t.lines[:, 0])]
        if len(finite):
            self.plot.setRange(xRange=(finite[:, 0].min(), finite[:, 0].max()),
                               yRange=(finite[:, 1].min(), finite[:, 1].max()), padding=0.05)
