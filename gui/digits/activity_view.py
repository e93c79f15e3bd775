"""What the digits network does with a drawing: the 28×28 input, each hidden
layer as a grid of tiles, and the 10 outputs as bars."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Signal

from core.digits.network import Recognition
from gui.colors import BLUE, ORANGE
from gui.image_item import ImageItem


def tile_grid(values: np.ndarray) -> np.ndarray:
    """Arrange ``n`` neuron values in a near-square ``(cols, rows)`` image."""
    n = len(values)
    cols = math.ceil(math.sqrt(n))
    rows = math.ceil(n / cols)
    grid = np.full(cols * rows, np.nan, dtype=np.float32)
    grid[:n] = values
    return grid.reshape(rows, cols).T  # image[x, y]: x along columns


def image_plot(title: str) -> tuple[pg.PlotItem, ImageItem]:
    """A titled plot that only shows an image: no axes, menu or mouse (ink is dark)."""
    plot = pg.PlotItem(title=title)
    plot.hideAxis("left")
    plot.hideAxis("bottom")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(False, False)
    plot.hideButtons()
    plot.getViewBox().invertY(True)
    plot.setAspectLocked(True)
    image = ImageItem(axisOrder="col-major")
    image.setColorMap(pg.ColorMap([0, 1], [(250, 250, 250), (20, 20, 20)]))  # ink is dark
    plot.addItem(image)
    return plot, image


class NetworkActivityView(pg.GraphicsLayoutWidget):
    """Input 28×28, each hidden layer as a grid of tiles, and the 10 outputs as bars."""

    neuron_clicked = Signal(int, int)  # layer (1-based hidden), unit

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent)
        self.setBackground(pg.getConfigOption("background"))
        self.input_plot, self.input_image = image_plot(self.tr("input: 28×28 = 784 neurons"))
        self.addItem(self.input_plot, row=0, col=0)
        self.layer_plots: list[tuple[pg.PlotItem, ImageItem]] = []
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7,
                                    brush=pg.mkBrush(*ORANGE))
        self.output_plot = pg.PlotItem(title=self.tr("output: 10 neurons"))
        self.output_plot.addItem(self.bars)
        self.output_plot.setYRange(0, 1)
        self.output_plot.setXRange(-0.6, 9.6)
        self.output_plot.setMouseEnabled(False, False)
        self.output_plot.setMenuEnabled(False)
        self.output_plot.hideButtons()
        axis = self.output_plot.getAxis("bottom")
        axis.setTicks([[(k, str(k)) for k in range(10)]])
        self._sizes: tuple[int, ...] = ()
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def set_layers(self, hidden_sizes: tuple[int, ...]) -> None:
        if hidden_sizes == self._sizes:
            return
        self._sizes = hidden_sizes
        for plot, _ in self.layer_plots:
            self.removeItem(plot)
        if self.output_plot.scene() is not None:
            self.removeItem(self.output_plot)
        self.layer_plots = []
        for i, size in enumerate(hidden_sizes, start=1):
            plot, image = image_plot(self.tr("layer {0}: {1} neurons").format(i, size))
            image.setColorMap(pg.ColorMap([0, 0.5, 1], [ORANGE, (250, 250, 250), BLUE]))
            self.addItem(plot, row=0, col=i)
            self.layer_plots.append((plot, image))
        self.addItem(self.output_plot, row=0, col=len(hidden_sizes) + 1)

    def show(self, recognition: Recognition) -> None:  # type: ignore[override]
        self.input_image.setImage(recognition.digit_image.T, levels=(0, 1), autoLevels=False)
        for (_, image), values in zip(self.layer_plots, recognition.activations[:-1],
                                      strict=True):
            scale = max(float(np.abs(values).max()), 1e-6)
            image.setImage(tile_grid(values / scale), levels=(-1, 1), autoLevels=False)
        probabilities = recognition.probabilities
        winner = recognition.digit
        brushes = [pg.mkBrush(*BLUE) if k == winner and not recognition.blank
                   else pg.mkBrush(200, 200, 200) for k in range(10)]
        self.bars.setOpts(height=probabilities, brushes=brushes)

    def _on_scene_clicked(self, event) -> None:
        for layer, (_, image) in enumerate(self.layer_plots, start=1):
            if image.image is None:
                continue
            point = image.mapFromScene(event.scenePos())
            x, y = int(point.x()), int(point.y())
            cols, rows = image.image.shape
            if 0 <= x < cols and 0 <= y < rows:
                unit = y * cols + x
                if unit < self._sizes[layer - 1]:
                    event.accept()
                    self.neuron_clicked.emit(layer, unit)
                return
