"""What a trained digits network got right and wrong, and what its neurons look for.

Each view says what it will show until a trained (or restored) model exists:
a random network's confusion matrix looks like a result and is not one.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.digits.network import first_layer_images, tile_images
from gui.colors import BLUE, ORANGE
from gui.image_item import ImageItem

GALLERY_COLUMNS = 12
TILES_PER_PAGE = 64  # 8 × 8 tiles stay large enough to see a stroke in each


class ResultPlot(QStackedWidget):
    """An image plot, or a placeholder sentence while there is nothing real to show."""

    def __init__(self, title: str, placeholder: str, colours, digit_axes: bool = False,
                 parent=None) -> None:
        super().__init__(parent)
        self.placeholder = QLabel(f"<b>{title}</b><br><br>{placeholder}")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setMinimumWidth(22 * self.placeholder.fontMetrics().averageCharWidth())
        self.placeholder.setStyleSheet("color: #777; border: 1px dashed #bbb;")
        self.view = pg.PlotWidget(title=title)
        ticks = [[(k + 0.5, str(k)) for k in range(10)]]
        for side in ("left", "bottom"):
            if digit_axes:
                self.view.getAxis(side).setTicks(ticks)
            else:
                self.view.hideAxis(side)
        self.view.setMenuEnabled(False)
        self.view.setMouseEnabled(False, False)
        self.view.hideButtons()
        self.view.setAspectLocked(True)
        self.view.getViewBox().invertY(True)
        self.image = ImageItem(axisOrder="row-major")
        self.image.setColorMap(pg.ColorMap(np.linspace(0, 1, len(colours)), colours))
        self.view.addItem(self.image)
        self.addWidget(self.placeholder)
        self.addWidget(self.view)

    @property
    def showing_placeholder(self) -> bool:
        return self.currentWidget() is self.placeholder

    def show_placeholder(self) -> None:
        self.image.clear()
        self.setCurrentWidget(self.placeholder)

    def show_image(self, image: np.ndarray, levels: tuple[float, float]) -> None:
        self.image.setImage(image, levels=levels, autoLevels=False)
        self.setCurrentWidget(self.view)


class ConfusionView(ResultPlot):
    """The 10×10 matrix with its counts, lettered to fit the cells at any window size."""

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Confusion matrix"),
                         self.tr("Train a model to see which digits it confuses."),
                         [(250, 250, 250), BLUE], digit_axes=True, parent=parent)
        self.view.setLabel("left", self.tr("true digit"))
        self.view.setLabel("bottom", self.tr("predicted"))
        self.setToolTip(self.tr("How many validation digits of each true digit (row) were "
                                "taken for each digit (column); the diagonal is right."))
        self.counts = np.zeros((10, 10), dtype=np.int64)
        self.labels: list[pg.TextItem] = []
        for k in range(100):
            label = pg.TextItem(anchor=(0.5, 0.5))
            label.setPos(k % 10 + 0.5, k // 10 + 0.5)
            self.view.addItem(label)
            self.labels.append(label)
        self.view.getViewBox().sigResized.connect(self._fit_labels)

    def show_counts(self, counts: np.ndarray) -> None:
        self.counts = np.asarray(counts, dtype=np.int64)
        shade = self.counts / max(int(self.counts.max()), 1)
        self.show_image(shade.astype(np.float32), (0, 1))
        for k, label in enumerate(self.labels):
            count = int(self.counts[k // 10, k % 10])
            # Light text on the dark cells (the diagonal), dark text elsewhere.
            label.setColor("#fff" if shade[k // 10, k % 10] > 0.55 else "#222")
            label.setText(str(count) if count else "")
        self._fit_labels()

    def cell_pixels(self) -> float:
        """The side of one cell on screen, in pixels."""
        width, height = self.view.getViewBox().viewPixelSize()
        return 1.0 / max(width, height, 1e-9)

    def _fit_labels(self) -> None:
        digits = max(len(str(int(self.counts.max()))), 2)
        size = int(min(14.0, 1.6 * self.cell_pixels() / digits))
        font = QFont()
        font.setPixelSize(max(size, 1))
        for label in self.labels:
            label.setFont(font)
            label.setVisible(size >= 7)  # smaller is unreadable: the shading still shows


class MisclassifiedView(ResultPlot):
    """Validation digits the network got wrong; clicking one sends it to the canvas."""

    chosen = Signal(int)  # index into the snapshot's misclassified digits

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Misclassified (click one to draw it)"),
                         self.tr("Train a model to see the digits it gets wrong."),
                         [(250, 250, 250), (20, 20, 20)], parent=parent)
        self.count = 0
        self.view.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def show_digits(self, digits: np.ndarray) -> None:
        self.count = len(digits)
        self.show_image(tile_images(digits / 255.0, GALLERY_COLUMNS), (0, 1))

    def _on_scene_clicked(self, event) -> None:
        if self.image.image is None:
            return
        point = self.image.mapFromScene(event.scenePos())
        column, row = int(point.x()) // 29, int(point.y()) // 29
        index = row * GALLERY_COLUMNS + column
        if 0 <= column < GALLERY_COLUMNS and 0 <= index < self.count:
            event.accept()
            self.chosen.emit(index)


class WeightsView(QWidget):
    """First-layer weights as 28×28 tiles, a page of 64 at a time."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plot = ResultPlot(self.tr("First-layer weights"),
                               self.tr("Train a model to see what each first-layer neuron "
                                       "looks for."),
                               [ORANGE, (250, 250, 250), BLUE])
        self.plot.setToolTip(self.tr("What each first-layer neuron looks for: blue pixels "
                                     "raise its sum, orange ones lower it."))
        self.tiles = np.zeros((0, 28, 28), dtype=np.float32)
        self.page = 0
        self.previous = QPushButton("◂")
        self.next = QPushButton("▸")
        self.previous.setToolTip(self.tr("The previous 64 neurons"))
        self.next.setToolTip(self.tr("The next 64 neurons"))
        self.page_label = QLabel()
        pager = QHBoxLayout()
        pager.addStretch(1)
        pager.addWidget(self.previous)
        pager.addWidget(self.page_label)
        pager.addWidget(self.next)
        pager.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        layout.addLayout(pager)
        self.previous.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next.clicked.connect(lambda: self.show_page(self.page + 1))
        self.show_placeholder()

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.tiles) // TILES_PER_PAGE))

    def show_placeholder(self) -> None:
        self.tiles = np.zeros((0, 28, 28), dtype=np.float32)
        self.plot.show_placeholder()
        self._show_pager()

    def show_weights(self, W: np.ndarray) -> None:
        """``W`` (784, n): keep the page a person is looking at if it still exists."""
        self.tiles = first_layer_images(W)
        self.show_page(self.page)

    def show_page(self, page: int) -> None:
        self.page = int(np.clip(page, 0, self.pages - 1))
        shown = self.tiles[self.page * TILES_PER_PAGE:(self.page + 1) * TILES_PER_PAGE]
        columns = max(1, int(np.ceil(np.sqrt(len(shown)))))
        self.plot.show_image(tile_images(shown, columns), (-1, 1))
        self._show_pager()

    def shown_neurons(self) -> range:
        """The neurons (0-based) whose tiles are on screen."""
        start = self.page * TILES_PER_PAGE
        return range(start, min(start + TILES_PER_PAGE, len(self.tiles)))

    def _show_pager(self) -> None:
        shown = self.shown_neurons()
        paged = self.pages > 1
        for widget in (self.previous, self.next, self.page_label):
            widget.setVisible(paged)
        self.previous.setEnabled(self.page > 0)
        self.next.setEnabled(self.page < self.pages - 1)
        if paged:
            self.page_label.setText(self.tr("neurons {0}–{1} of {2}").format(
                shown.start + 1, shown.stop, len(self.tiles)))
