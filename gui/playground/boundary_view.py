"""A decision-boundary heatmap with the data points on top.

Draws one model's output over the plane (or one chosen neuron's activation)
from a snapshot.  Clicks are reported as plane coordinates for hand editing.
"""

from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QGraphicsItem

from core.data.datasets import MULTICLASS, REGRESSION
from core.playground.features import EXTENT
from core.playground.snapshot import ModelSnapshot, PlaygroundSnapshot
from gui import text_size
from gui.colors import class_colour, class_probability_rgb, diverging_colormap
from gui.image_item import ImageItem
from gui.theme import plot_ink

TITLE_SECONDS = 0.5  # a number changing while training is read at most twice a second


class BoundaryView(pg.PlotWidget):
    """Heatmap of a model's answer over [-6, 6]² plus training/test points."""

    point_clicked = Signal(float, float, object)  # x1, x2, Qt.MouseButton

    def __init__(self, title: str, parent=None) -> None:
        super().__init__(parent=parent)
        self._title = title
        self.setMenuEnabled(False)
        self.setMouseEnabled(False, False)
        self.hideButtons()
        # No axes: they cost more to repaint than the heatmap, and the plane's
        # extent is fixed ([-6, 6]²), so a frame is enough.
        for side in ("left", "bottom"):
            self.hideAxis(side)
        self.getViewBox().setBorder(pg.mkPen("#bbb"))
        self.setAspectLocked(True)
        self.setRange(xRange=(-EXTENT, EXTENT), yRange=(-EXTENT, EXTENT), padding=0)
        self.image = ImageItem(axisOrder="col-major")
        self.image.setColorMap(diverging_colormap())
        self.addItem(self.image)
        self.train_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen("w", width=1))
        self.test_points = pg.ScatterPlotItem(size=7, pen=pg.mkPen("k", width=1.2))
        self.addItem(self.train_points)
        self.addItem(self.test_points)
        for points in (self.train_points, self.test_points):
            # Points rarely change: repaint them from a cached pixmap.
            points.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        # The points of a confusion-matrix cell the user chose, ringed (and drawn: they
        # may be test points, hidden).
        self.ringed = pg.ScatterPlotItem(size=12, pen=pg.mkPen(plot_ink(), width=2.5))
        self.addItem(self.ringed)
        self.ringed_at = np.empty((0, 2))
        self.setTitle(title, color=plot_ink(), size="11pt")
        self._shown_title = title
        self._title_at = 0.0
        self._rect_for: int | None = None
        self.show_test = False
        self.discretize = False
        self.neuron: tuple[int, int] | None = None  # (layer, unit) shown instead of output
        self._points_key: tuple | None = None
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)

    # -- drawing -------------------------------------------------------------
    def show_snapshot(self, snap: PlaygroundSnapshot, model: ModelSnapshot,
                      caption: str) -> None:
        self._draw_image(snap, model)
        self._draw_points(snap)
        title = self._fitting_title(caption)
        now = time.monotonic()
        # setTitle re-lays out the plot (about 1 ms): only on a change, and while
        # training at most every TITLE_SECONDS — the accuracy changes each epoch.
        if title != self._shown_title and (not snap.running
                                           or now - self._title_at >= TITLE_SECONDS):
            self._shown_title, self._title_at = title, now
            text_size.set_title(self.getPlotItem(), title, 11, plot_ink())

    def _fitting_title(self, caption: str) -> str:
        """"Name — caption" on one line where it fits the plot, else on two (large text)."""
        font = QFont(self.font())
        font.setPointSizeF(11 * text_size.scale())
        metrics = QFontMetrics(font)
        one_line = f"{self._title} — {caption}"
        widest = max(metrics.horizontalAdvance(line) for line in one_line.split("<br>"))
        return one_line if widest <= self.width() - 12 else f"{self._title}<br>{caption}"

    def _set_image(self, image: np.ndarray, levels: tuple[float, float]) -> None:
        self.image.setImage(image, levels=levels, autoLevels=False)
        # The rect maps pixels to the plane; it depends on the image size, so it
        # is set after the image (before the first one it would scale nothing).
        if self.image.width() != self._rect_for:
            self._rect_for = self.image.width()
            self.image.setRect(QRectF(-EXTENT, -EXTENT, 2 * EXTENT, 2 * EXTENT))

    def _draw_image(self, snap: PlaygroundSnapshot, model: ModelSnapshot) -> None:
        focus = model.grid.focus
        if self.neuron is not None and focus is not None:
            layer = self.neuron[0]
            if layer == 0:
                lo, hi = -1.0, 1.0
            else:
                activation = model.activations[layer - 1]
                lo, hi = (0.0, 1.0) if activation in ("sigmoid", "softmax") else (-1.0, 1.0)
                if activation in ("relu", "leaky_relu", "linear"):
                    scale = max(float(np.abs(focus).max()), 1e-6)
                    lo, hi = -scale, scale
            self._set_image(focus, (lo, hi))
            return
        output = model.grid.output
        if snap.task == MULTICLASS:
            rgb = class_probability_rgb(output, self.discretize)
            self._set_image(rgb, (0, 255))
        elif snap.task == REGRESSION:
            values = np.sign(output[0]) * 0.7 if self.discretize else output[0]
            self._set_image(values, (-1.0, 1.0))
        else:
            values = np.where(output[0] > 0.5, 0.85, 0.15) if self.discretize else output[0]
            # Pale colours: the points must stay visible on top.
            self._set_image(0.5 + 0.8 * (values - 0.5), (0.0, 1.0))

    def _draw_points(self, snap: PlaygroundSnapshot) -> None:
        # Points change only on edits and new data: skip the rebuild otherwise.
        key = (snap.train_X.shape, float(snap.train_X.sum()), snap.test_X.shape,
               float(snap.test_X.sum()), self.show_test, snap.task,
               hash(snap.train_y.tobytes()))  # a new formula relabels the same points
        if key == self._points_key:
            return
        self._points_key = key
        self.train_points.setData(pos=snap.train_X, brush=self._brushes(snap, snap.train_y))
        if self.show_test:
            self.test_points.setData(pos=snap.test_X, brush=self._brushes(snap, snap.test_y))
        else:
            self.test_points.setData([])

    @staticmethod
    def _brushes(snap: PlaygroundSnapshot, labels: np.ndarray) -> list:
        if snap.task == REGRESSION:
            colours = diverging_colormap().map((np.clip(labels, -1, 1) + 1) / 2, mode="qcolor")
            return [pg.mkBrush(c) for c in colours]
        cache = {k: pg.mkBrush(QColor(*class_colour(k))) for k in range(max(snap.n_classes, 2))}
        return [cache[int(label)] for label in labels]

    def ring(self, positions: np.ndarray, label: int) -> None:
        """Ring the points of class ``label`` at ``positions`` ``(n, 2)``; none if empty."""
        if not np.array_equal(positions, self.ringed_at):  # most frames: the same points
            self.ringed_at = positions
            self.ringed.setData(pos=positions, brush=pg.mkBrush(QColor(*class_colour(label))))

    # -- interaction -----------------------------------------------------------
    def _on_scene_clicked(self, event) -> None:
        point = self.getViewBox().mapSceneToView(event.scenePos())
        x1, x2 = point.x(), point.y()
        if abs(x1) <= EXTENT and abs(x2) <= EXTENT and event.button() in (
            Qt.MouseButton.LeftButton, Qt.MouseButton.RightButton
        ):
            event.accept()
            self.point_clicked.emit(float(x1), float(x2), event.button())
