"""The plane as a hidden layer sees it: pick a layer and two of its neurons."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout

from core.playground import PlaygroundSnapshot
from core.transformed_space import WatchNeurons
from gui.colors import class_colour
from gui.widgets import FittingComboBox, resize_to_fit


class TransformedDialog(QDialog):
    """Draws ``snapshot.transformed``: warped grid lines and the training points."""

    watch_changed = Signal(object)  # WatchNeurons

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("The plane as a hidden layer sees it"))
        resize_to_fit(self, 620, 640)
        self.layer, self.neuron_i, self.neuron_j = (FittingComboBox(), FittingComboBox(),
                                                    FittingComboBox())
        self.layer.setToolTip(self.tr("The hidden layer to look through."))
        self.neuron_i.setToolTip(self.tr("The neuron whose activation is the horizontal axis."))
        self.neuron_j.setToolTip(self.tr("The neuron whose activation is the vertical axis."))
        self.explain = QLabel(self.tr(
            "Each point of the input plane goes to the activations of two neurons. Straight "
            "grid lines bend; classes a line could not split may become separable here."))
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
        for label, combo in ((self.tr("Layer"), self.layer), (self.tr("Neuron (x axis)"),
                                                              self.neuron_i),
                             (self.tr("Neuron (y axis)"), self.neuron_j)):
            row.addWidget(QLabel(label))
            row.addWidget(combo)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.explain)
        layout.addWidget(self.plot, 1)
        self._sizes: tuple[int, ...] = ()
        for combo in (self.layer, self.neuron_i, self.neuron_j):
            combo.activated.connect(self._on_choice_activated)

    def sync_layers(self, hidden: tuple[int, ...]) -> bool:
        """Offer the current layers and neurons; True when they changed."""
        if hidden == self._sizes:
            return False
        self._sizes = hidden
        self.layer.clear()
        for k in range(1, len(hidden) + 1):
            self.layer.addItem(self.tr("layer {0}").format(k), k)
        self._fill_neurons()
        return True

    def _fill_neurons(self) -> None:
        layer = self.layer.currentData() or 1
        width = self._sizes[layer - 1] if self._sizes else 0
        for combo, default in ((self.neuron_i, 0), (self.neuron_j, 1)):
            keep = combo.currentIndex()
            combo.clear()
            for n in range(width):
                combo.addItem(self.tr("neuron {0}").format(n + 1), n)
            combo.setCurrentIndex(keep if 0 <= keep < width else min(default, width - 1))

    def _on_choice_activated(self, _index: int) -> None:
        if self.sender() is self.layer:
            self._fill_neurons()
        self.request()

    def request(self) -> None:
        if self.layer.count() and self.neuron_i.count():
            self.watch_changed.emit(WatchNeurons(self.layer.currentData(),
                                                 self.neuron_i.currentData(),
                                                 self.neuron_j.currentData()))

    def show_snapshot(self, snap: PlaygroundSnapshot) -> None:
        if self.sync_layers(snap.config.hidden):
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
        self.plot.setLabel("bottom", self.tr("neuron {0}").format(t.i + 1))
        self.plot.setLabel("left", self.tr("neuron {0}").format(t.j + 1))
        finite = t.lines[np.isfinite(t.lines[:, 0])]
        if len(finite):
            self.plot.setRange(xRange=(finite[:, 0].min(), finite[:, 0].max()),
                               yRange=(finite[:, 1].min(), finite[:, 1].max()), padding=0.05)
