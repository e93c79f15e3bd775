"""The playground's grid of data sets, each with a thumbnail of its points."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from core.data.datasets import DATASETS, FORMULA, REGRESSION, make_dataset
from core.playground.features import EXTENT
from gui.colors import class_colour, diverging_colormap
from gui.display_names import display_name

ICON = 56


def dataset_icon(name: str) -> QIcon:
    """A thumbnail of data set ``name``: its points on a white square."""
    data = make_dataset(name, 250, 0.0, np.random.default_rng(0))
    pixmap = QPixmap(ICON, ICON)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    scale = (ICON - 4) / (2 * EXTENT)
    cmap = diverging_colormap()
    for (x1, x2), label in zip(data.X.tolist(), data.y.tolist(), strict=True):
        if data.task == REGRESSION:
            colour = cmap.map((label + 1) / 2, mode="qcolor")
        else:
            colour = QColor(*class_colour(int(label)))
        painter.setBrush(colour)
        painter.drawEllipse(int(2 + (x1 + EXTENT) * scale), int(2 + (EXTENT - x2) * scale), 4, 4)
    painter.end()
    return QIcon(pixmap)


def formula_icon() -> QIcon:
    """The "Formula…" thumbnail: f(x) written on a white square."""
    pixmap = QPixmap(ICON, ICON)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setItalic(True)
    font.setPixelSize(ICON // 3)
    painter.setFont(font)
    painter.setPen(QColor(*class_colour(1)))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "f(x)")
    painter.end()
    return QIcon(pixmap)


class DataSetList(QListWidget):
    """Every data set as an icon with its name (item data: its key); "Formula…" last."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setViewMode(QListWidget.ViewMode.IconMode)
        self.setIconSize(QSize(ICON, ICON))
        self.setMovement(QListWidget.Movement.Static)
        self.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.setMinimumHeight(3 * (ICON + 24))
        self.setToolTip(QCoreApplication.translate(
            "DataPanel", "Pick a data set. Spirals need more neurons "
            "(or sin/cos features) than circles."))
        names = {name: display_name(name) for name in DATASETS}
        names[FORMULA] = QCoreApplication.translate("DataPanel", "Formula…")
        for name, shown in names.items():
            icon = formula_icon() if name == FORMULA else dataset_icon(name)
            item = QListWidgetItem(icon, shown)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.addItem(item)
        # Cells as wide as the longest name, which the icon grid would elide ("3 spi…").
        widest = max(self.fontMetrics().horizontalAdvance(n) for n in names.values())
        self.setGridSize(QSize(max(ICON + 14, widest + 12), ICON + 22))

    def choose(self, name: str) -> None:
        """Make data set ``name`` the current item."""
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == name:
                self.setCurrentItem(item)

    def chosen(self) -> str | None:
        """The data set chosen in the grid, even before the worker has taken it."""
        current = self.currentItem()
        return None if current is None else current.data(Qt.ItemDataRole.UserRole)

    def show_task(self, regression: bool) -> None:
        """Only the data sets of the task (the formula gives either)."""
        for row in range(self.count()):
            item = self.item(row)
            name = item.data(Qt.ItemDataRole.UserRole)
            if name != FORMULA:  # a formula gives classes or values: in both lists
                item.setHidden((DATASETS[name][1] == REGRESSION) != regression)
