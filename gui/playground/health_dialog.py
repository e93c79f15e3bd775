"""Inside the training: each hidden layer's weights and gradients over time.

Every row is one layer: how its weights spread (a histogram per moment, time
running left to right), how large its gradients are (by order of magnitude —
vanishing gradients sink, exploding ones rise), and how many of its units are
dead (ReLUs that never fire) or saturated (sigmoid/tanh stuck at a flat end).
Below them, what the regularisers did to all the weights since they last changed.
"""

from __future__ import annotations

from collections import deque

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QVBoxLayout, QWidget

from core.playground.snapshot import PlaygroundSnapshot
from core.training.diagnostics import GRADIENT_LOG_BINS, WEIGHT_BINS
from gui.image_item import ImageItem
from gui.playground.weight_effect_view import WeightEffectView
from gui.widgets import resize_to_fit

FRAMES = 240  # columns of history kept per layer
LEVELS = (0.0, 0.5)  # colour range of the histories: a bin's share of the layer


def _history_view(title: str, bins: np.ndarray,
                  label: str) -> tuple[pg.PlotWidget, ImageItem]:
    view = pg.PlotWidget(title=title)
    # the title is drawn a little larger than the application font: leave it room
    view.setMinimumWidth(int(1.3 * view.fontMetrics().horizontalAdvance(title)) + 40)
    view.setMenuEnabled(False)
    view.setMouseEnabled(False, False)
    view.hideButtons()
    view.setLabel("left", label)
    view.getAxis("bottom").setStyle(showValues=False)
    image = ImageItem(axisOrder="col-major")
    image.setColorMap(pg.colormap.get("viridis"))
    view.addItem(image)
    view.setRange(xRange=(0, FRAMES), yRange=(bins[0], bins[-1]), padding=0)
    return view, image


def _colour_scale(label: str) -> pg.GraphicsLayoutWidget:
    """The key to the histories' colours: what share of a layer falls in a bin."""
    scale = pg.GraphicsLayoutWidget()
    scale.setBackground(pg.getConfigOption("background"))
    bar = pg.ColorBarItem(values=LEVELS, colorMap=pg.colormap.get("viridis"), label=label,
                          interactive=False, orientation="horizontal", colorMapMenu=False)
    bar.axis.enableAutoSIPrefix(False)
    bar.axis.setTicks([[(v, f"{v:.0%}" if v < LEVELS[1] else f"≥ {v:.0%}")
                        for v in np.linspace(*LEVELS, 6)]])
    scale.addItem(bar)
    scale.setFixedHeight(4 * scale.fontMetrics().lineSpacing() + 20)
    return scale


class HealthDialog(QDialog):
    """Shows the network model's ``health`` from each snapshot it is given."""

    shown_changed = Signal(bool)  # the worker computes health only while it is shown

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inside the training"))
        resize_to_fit(self, 900, 840)
        layout = QVBoxLayout(self)
        layout.addWidget(_colour_scale(self.tr("share of the layer's weights (or gradients) "
                                               "in a row's bin")))
        layers = QWidget()
        self.grid = QGridLayout(layers)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.weight_effect = WeightEffectView()
        self.weight_effect.setFixedHeight(220)
        layout.addWidget(layers, 1)
        layout.addWidget(self.weight_effect)
        self.rows: list[tuple[ImageItem, ImageItem, QLabel]] = []
        self.buffers: list[tuple[deque, deque]] = []
        self._layers: tuple[int, ...] | None = None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.shown_changed.emit(True)

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self.shown_changed.emit(False)

    def _rebuild(self, sizes: tuple[int, ...]) -> None:
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.rows, self.buffers = [], []
        for i in range(1, len(sizes) + 1):
            last = i == len(sizes) and i > 1  # the output layer, after the hidden ones
            w_view, w_image = _history_view(
                self.tr("output layer: weights over time") if last else
                self.tr("layer {0}: weights over time").format(i), WEIGHT_BINS, "w")
            g_view, g_image = _history_view(
                self.tr("output layer: gradients over time") if last else
                self.tr("layer {0}: gradients over time").format(i), GRADIENT_LOG_BINS,
                "log10|dL/dw|")
            label = QLabel()
            self.grid.addWidget(w_view, i, 0)
            self.grid.addWidget(g_view, i, 1)
            self.grid.addWidget(label, i, 2)
            self.rows.append((w_image, g_image, label))
            self.buffers.append((deque(maxlen=FRAMES), deque(maxlen=FRAMES)))
        if not sizes:
            self.grid.addWidget(QLabel(self.tr("The network has no hidden layer.")), 0, 0)

    def show_snapshot(self, snap: PlaygroundSnapshot) -> None:
        # hidden layers and the output layer; the linear model (no hidden layer) has none
        sizes = snap.network.layer_sizes[1:] if len(snap.network.layer_sizes) > 2 else ()
        if sizes != self._layers:
            self._layers = sizes
            self._rebuild(sizes)
        if snap.weight_effect is not None:
            self.weight_effect.show_effect(snap.weight_effect, snap.config)
        if len(snap.network.health) != len(sizes):
            return  # a frame from before the worker heard that this view is open
        for (w_image, g_image, label), (w_buf, g_buf), health in zip(
                self.rows, self.buffers, snap.network.health, strict=True):
            w_buf.append(health.weight_histogram / max(health.weight_histogram.sum(), 1))
            g_buf.append(health.gradient_histogram / max(health.gradient_histogram.sum(), 1))
            for image, buf, bins in ((w_image, w_buf, WEIGHT_BINS),
                                     (g_image, g_buf, GRADIENT_LOG_BINS)):
                history = np.zeros((FRAMES, len(buf[0])), dtype=np.float32)
                history[FRAMES - len(buf):] = np.array(buf)
                image.setImage(history, levels=LEVELS, autoLevels=False)
                # After setImage: the rect's scale depends on the image's size.
                image.setRect(0, bins[0], FRAMES, bins[-1] - bins[0])
            label.setText(self.tr(
                "{0}\ndead: {1:.0%}\nsaturated: {2:.0%}\nweights RMS: {3:.3f}\n"
                "gradients RMS: {4:.2e}").format(health.activation, health.dead,
                                                 health.saturated, health.weight_scale,
                                                 health.gradient_scale))
