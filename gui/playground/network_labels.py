"""The network diagram's words: column titles and the inputs' names, and the
view range that leaves room for them."""

from __future__ import annotations

from collections.abc import Iterator

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, QSize
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QGraphicsItem

from core.playground.features import FEATURE_NAMES
from gui.display_names import feature_label
from gui.playground.network_layout import TILE, NetworkLayout, label_room
from gui.theme import plot_ink

CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


class NetworkLabels:
    """Text items in ``view`` around the tiles, redone for each layout."""

    def __init__(self, view: pg.ViewBox) -> None:
        self.view = view
        self.items: list[pg.TextItem] = []

    def __iter__(self) -> Iterator[pg.TextItem]:
        return iter(self.items)

    def lay_out(self, layout: NetworkLayout, viewport: QSize) -> None:
        """Fit the diagram and its labels in ``viewport`` and place the labels.

        Labels keep their size in pixels while the diagram scales: room for
        them is made in the view's pixels, converted at the scale it will have.
        """
        font = QApplication.font()
        metrics = QFontMetrics(font)
        line = metrics.height() + 4
        output = QCoreApplication.translate("NetworkView", "output")
        title_room = metrics.horizontalAdvance(output) / 2
        scale = min(max(viewport.width() - label_room() - title_room, 50) / layout.width,
                    max(viewport.height() - line, 50) / layout.height)
        margin, bottom = label_room() / scale, line / scale
        right = metrics.horizontalAdvance(output) / 2 / scale
        self.view.setRange(QRectF(-margin, -bottom, layout.width + margin + right,
                                  layout.height + bottom + 6), padding=0.0)
        for label in self.items:
            self.view.removeItem(label)
        self.items = []
        for column, title in enumerate(self._titles(layout, scale * layout.column_pitch)):
            label = pg.TextItem(title, color=plot_ink(), anchor=(0.5, 0))
            label.setPos(column * layout.column_pitch + TILE / 2, -2)
            self._add(label, font)
        for tile in layout.tiles:
            if tile.column == 0:
                label = pg.TextItem(feature_label(FEATURE_NAMES[tile.unit]), color=plot_ink(),
                                    anchor=(1, 0.5))
                label.setPos(tile.x - 3, tile.y + TILE / 2)
                self._add(label, font)

    @staticmethod
    def _titles(layout: NetworkLayout, column_width: float) -> list[str]:
        """Each column's title; short ones when the columns are narrow on screen."""
        metrics = QFontMetrics(QApplication.font())
        long_title = QCoreApplication.translate("NetworkView", "layer {0}")
        gap = metrics.averageCharWidth()  # between neighbouring titles
        fits = metrics.horizontalAdvance(long_title.format(8)) + 2 * gap < column_width
        layer_title = long_title if fits else QCoreApplication.translate("NetworkView", "L{0}")
        return [QCoreApplication.translate("NetworkView", "inputs"),
                *(layer_title.format(i) for i in range(1, layout.columns - 1)),
                QCoreApplication.translate("NetworkView", "output")]

    def _add(self, label: pg.TextItem, font: QFont) -> None:
        label.setFont(font)
        label.setCacheMode(CACHED)
        self.view.addItem(label)
        self.items.append(label)
