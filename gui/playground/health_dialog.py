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
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.playground.snapshot import PlaygroundSnapshot
from core.training.diagnostics import GRADIENT_LOG_BINS, WEIGHT_BINS
from gui import text_size
from gui.image_item import ImageItem
from gui.playground.weight_effect_view import WeightEffectView
from gui.widgets import resize_to_fit

FRAMES = 240  # columns of history kept per layer
LEVELS = (0.0, 0.5)  # colour range of the histories: a bin's share of the layer


SUPERSCRIPT = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


def _power_of_ten(exponent: int) -> str:
    return "1" if exponent == 0 else f"10{str(exponent).translate(SUPERSCRIPT)}"


def _history_view(bins: np.ndarray, label: str,
                  ticks: list[tuple[float, str]]) -> tuple[pg.PlotWidget, ImageItem]:
    """A layer's histograms over time; ticks stay clear of the ends, where a label
    half outside the plot was cut off."""
    view = pg.PlotWidget()
    view.setMenuEnabled(False)
    view.setMouseEnabled(False, False)
    view.hideButtons()
    view.setLabel("left", label)
    view.getAxis("left").setTicks([ticks])
    view.getAxis("bottom").setStyle(showValues=False)
    view.setMinimumHeight(5 * view.fontMetrics().lineSpacing())
    image = ImageItem(axisOrder="col-major")
    image.setColorMap(pg.colormap.get("viridis"))
    view.addItem(image)
    view.setRange(xRange=(0, FRAMES), yRange=(bins[0], bins[-1]), padding=0)
    return view, image


WEIGHT_TICKS = [(v, f"{v:g}") for v in (-2.0, 0.0, 2.0)]
GRADIENT_TICKS = [(float(e), _power_of_ten(e)) for e in (0, -2, -4, -6, -8)]


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
        resize_to_fit(self, int(900 * text_size.scale()), 840)
        layout = QVBoxLayout(self)
        layout.addWidget(_colour_scale(self.tr("share of the layer's weights (or gradients) "
                                               "in a row's bin")))
        layers = QWidget()
        self.grid = QGridLayout(layers)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(0, 1)
        self.grid.setColumnStretch(1, 1)
        scroll = QScrollArea()  # eight layers at the largest text size do not fit
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(layers)
        self.weight_effect = WeightEffectView()
        layout.addWidget(scroll, 1)
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
        if sizes:
            self.grid.addWidget(QLabel(self.tr("weights over time (newest on the right)")), 0, 0)
            self.grid.addWidget(QLabel(self.tr("gradients |dL/dw| over time (log scale)")),
                                0, 1)
        for i in range(1, len(sizes) + 1):
            w_view, w_image = _history_view(WEIGHT_BINS, "w", WEIGHT_TICKS)
            g_view, g_image = _history_view(GRADIENT_LOG_BINS, "|dL/dw|", GRADIENT_TICKS)
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
        for i, ((w_image, g_image, label), (w_buf, g_buf), health) in enumerate(zip(
                self.rows, self.buffers, snap.network.health, strict=True), start=1):
            # the output layer comes after the hidden ones
            layer = self.tr("output layer") if i == len(self.rows) and i > 1 else \
                self.tr("layer {0}").format(i)
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
                "{0} · {1}\ndead: {2:.0%}\nsaturated: {3:.0%}\nweights RMS: {4:.3f}\n"
                "gradients RMS: {5:.2e}").format(layer, health.activation, health.dead,
                                                 health.saturated, health.weight_scale,
                                                 health.gradient_scale))
