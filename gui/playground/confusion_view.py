"""The confusion matrix: which class the network takes for which, live while training.

Accuracy says how often the network is wrong; the matrix says *how*: row = the
point's true class, column = the class the network answered, so the diagonal
holds the right answers and every other cell one kind of mistake.  A cell's
colour is its share of the row (blue on the diagonal, red elsewhere), so a
small class's mistakes show as clearly as a big one's.  Painted with QPainter
in the application font: it follows the text size by itself.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from core.playground.snapshot import PlaygroundSnapshot
from core.training.metrics import Confusion, class_precision, class_recall
from gui.colors import BLUE, class_colour

MISTAKE = (210, 50, 60)


def _mix(base: QColor, colour: tuple[int, int, int], strength: float) -> QColor:
    return QColor(*(round(b + (c - b) * strength)
                    for b, c in zip((base.red(), base.green(), base.blue()), colour, strict=True)))


class ConfusionGrid(QWidget):
    """The k×k cells with their counts, class swatches along both axes, hover tooltips;
    a click on a cell reports it (the page rings its points)."""

    cell_clicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.matrix: np.ndarray | None = None
        self.chosen: tuple[int, int] | None = None  # outlined
        self.empty_text = ""
        self.painted: dict[tuple[int, int], str] = {}  # what the last paint wrote in each cell
        self.setMouseTracking(True)
        # Preferred across: the boundary plots beside it (Expanding) take the spare width.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def minimumSizeHint(self) -> QSize:
        """Room for the axis titles, and across for cells that hold three digits."""
        metrics = self.fontMetrics()
        line = metrics.lineSpacing()
        k = 2 if self.matrix is None else len(self.matrix)
        cells = k * (metrics.horizontalAdvance("888") + 10) + 2 * line + 4
        return QSize(max(cells, metrics.horizontalAdvance(self._axis_titles()[0]) + 4), 6 * line)

    def _axis_titles(self) -> tuple[str, str]:
        return self.tr("predicted class"), self.tr("true class")

    def set_matrix(self, matrix: np.ndarray | None, empty_text: str = "") -> None:
        """Repaint only when something changed: most frames the counts stay."""
        old = self.matrix
        if empty_text == self.empty_text and (matrix is None) == (old is None) and (
                matrix is None or np.array_equal(matrix, old)):
            return
        resized = matrix is not None and (old is None or len(matrix) != len(old))
        self.matrix = None if matrix is None else matrix.copy()
        self.empty_text = empty_text
        if resized:
            self.updateGeometry()  # more classes want more room
        self.update()

    # -- geometry ------------------------------------------------------------------
    def _layout(self) -> tuple[QPoint, int, int]:
        """The grid's top-left corner, a cell's side and the line of each axis title."""
        k = len(self.matrix)
        line = self.fontMetrics().lineSpacing()
        band = 2 * line + 4  # an axis title and a row of class dots, above and to the left
        side = max(4, min((self.width() - band) // k, (self.height() - band) // k))
        left = band + max(0, (self.width() - band - k * side) // 2)
        return QPoint(left, band), side, line

    def cell_rect(self, row: int, column: int) -> QRect:
        corner, side, _ = self._layout()
        return QRect(corner.x() + column * side, corner.y() + row * side, side, side)

    def cell_at(self, pos: QPoint) -> tuple[int, int] | None:
        if self.matrix is None:
            return None
        corner, side, _ = self._layout()
        row, column = (pos.y() - corner.y()) // side, (pos.x() - corner.x()) // side
        k = len(self.matrix)
        return (row, column) if pos.y() >= corner.y() and pos.x() >= corner.x() \
            and row < k and column < k else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPosition().toPoint(),
                              describe_cell(self.matrix, *cell), self)
        super().mouseMoveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        cell = self.cell_at(event.position().toPoint())
        if cell is not None and event.button() == Qt.MouseButton.LeftButton:
            self.cell_clicked.emit(*cell)
        super().mousePressEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        QToolTip.hideText()
        super().leaveEvent(event)

    # -- painting ----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.painted = {}
        if self.matrix is None:
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.empty_text)
            return
        self._paint_axes(painter)
        self._paint_cells(painter)

    def _paint_axes(self, painter: QPainter) -> None:
        corner, side, line = self._layout()
        k = len(self.matrix)
        predicted, true = self._axis_titles()
        painter.setPen(self.palette().windowText().color())
        # Centred over the cells if it fits there, else over the whole width.
        width = max(k * side, self.fontMetrics().horizontalAdvance(predicted))
        left = max(0, min(corner.x() + (k * side - width) // 2, self.width() - width))
        painter.drawText(QRect(left, 0, width, line), Qt.AlignmentFlag.AlignCenter, predicted)
        painter.save()  # the rows' title runs upwards along the left edge
        painter.translate(corner.x() - 2 * line - 4, corner.y() + k * side)
        painter.rotate(-90)
        painter.drawText(QRect(0, 0, k * side, line), Qt.AlignmentFlag.AlignCenter,
                         self.fontMetrics().elidedText(true, Qt.TextElideMode.ElideRight,
                                                       k * side))
        painter.restore()
        dot = max(4, min(line, side - 2))
        for c in range(k):
            painter.setBrush(QColor(*class_colour(c)))
            painter.setPen(Qt.PenStyle.NoPen)
            middle = c * side + (side - dot) // 2
            top = QRect(corner.x() + middle, corner.y() - dot - 2, dot, dot)
            left = QRect(corner.x() - dot - 2, corner.y() + middle, dot, dot)
            for where in (top, left):
                painter.drawEllipse(where)
                painter.setPen(QColor("white"))
                painter.drawText(where, Qt.AlignmentFlag.AlignCenter, str(c))
                painter.setPen(Qt.PenStyle.NoPen)

    def _paint_cells(self, painter: QPainter) -> None:
        m = self.matrix
        rows = np.maximum(m.sum(axis=1, keepdims=True), 1)
        base = self.palette().base().color()
        ink = self.palette().text().color()
        painter.setFont(_fitting_font(self.font(), self.cell_rect(0, 0).width(), int(m.max())))
        for (row, column), n in np.ndenumerate(m):
            strength = float(n / rows[row, 0])
            rect = self.cell_rect(row, column)
            fill = _mix(base, BLUE if row == column else MISTAKE, 0.15 + 0.85 * strength
                        if n else 0.0)
            painter.setPen(QColor(128, 128, 128, 90))
            painter.setBrush(fill)
            painter.drawRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5))
            painter.setPen(QColor("white") if strength > 0.5 else ink)
            text = str(int(n))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            self.painted[(row, column)] = text
        if self.chosen is not None and max(self.chosen) < len(m):
            painter.setPen(QPen(self.palette().windowText().color(), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(self.cell_rect(*self.chosen)).adjusted(1.5, 1.5, -1.5, -1.5))


def _fitting_font(font: QFont, side: int, largest: int) -> QFont:
    """``font``, smaller if the largest count would not fit its cell."""
    font = QFont(font)
    width = QFontMetrics(font).horizontalAdvance(str(largest)) + 4
    if width > side and font.pointSizeF() > 0:
        font.setPointSizeF(max(5.0, font.pointSizeF() * side / width))
    return font


def _percent(value: float) -> str:
    return "–" if np.isnan(value) else f"{100 * value:.0f}%"


def describe_cell(m: np.ndarray, row: int, column: int) -> str:
    """A cell's tooltip: a mistake in words, or on the diagonal the class's recall and
    precision."""
    translate = QCoreApplication.translate
    n = int(m[row, column])
    if row != column:
        if n == 1:
            return translate("ConfusionGrid", "1 point of class {0} was taken for class {1}"
                             ).format(row, column)
        return translate("ConfusionGrid", "{0} points of class {1} were taken for class {2}"
                         ).format(n, row, column)
    found = translate("ConfusionGrid",
                      "{0} of the {1} points of class {2} were recognised (recall {3})").format(
        n, int(m[row].sum()), row, _percent(class_recall(m)[row]))
    right = translate("ConfusionGrid",
                      "{0} of the {1} answers “class {2}” were right (precision {3})").format(
        n, int(m[:, row].sum()), row, _percent(class_precision(m)[row]))
    return f"{found};\n{right}"


class ConfusionView(QWidget):
    """A title, a training/test switch and the grid for the model's snapshot."""

    chosen_changed = Signal()  # a cell was chosen or let go: ring other points

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Confusion matrix"))
        self.title.setToolTip(self.tr(
            "The network's confusion matrix. "
            "Rows: each point's true class; columns: the class the network answered. "
            "The diagonal counts right answers, every other cell one kind of mistake. "
            "Hover a cell for its meaning; click it to mark its points on the network's "
            "plot."))
        # Radio buttons: which one is on reads the same in both themes.
        self.train_button = QRadioButton(self.tr("Training"))
        self.test_button = QRadioButton(self.tr("Test"))
        self.split = QButtonGroup(self)
        for button in (self.train_button, self.test_button):
            button.setToolTip(self.tr("Count the training points or the held-out test points."))
            self.split.addButton(button)
        self.test_button.setChecked(True)
        self.grid = ConfusionGrid()
        switch = QHBoxLayout()  # under the title, not beside it: narrow at a large text size
        switch.setContentsMargins(0, 0, 0, 0)
        switch.addWidget(self.train_button)
        switch.addWidget(self.test_button)
        switch.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addLayout(switch)
        layout.addWidget(self.grid, 1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self._confusion: tuple[Confusion, Confusion | None] | None = None
        self.split.buttonToggled.connect(self._on_split_button_toggled)
        self.grid.cell_clicked.connect(self._on_grid_cell_clicked)

    @property
    def showing_test(self) -> bool:
        return self.test_button.isChecked()

    def show_confusion(self, confusion: tuple[Confusion, Confusion | None] | None) -> None:
        """Draw the chosen set's matrix; ``None`` (regression) leaves it to the page to hide."""
        self._confusion = confusion
        self._show()

    def _show(self) -> None:
        if self._confusion is None:
            self.grid.set_matrix(None)
            return
        shown = self._shown()
        if self.grid.chosen is not None and (shown is None or max(self.grid.chosen) >= len(
                shown.matrix)):
            self.grid.chosen = None  # fewer classes now
        self.grid.set_matrix(None if shown is None else shown.matrix,
                             self.tr("There are no test points."))

    def _shown(self) -> Confusion | None:
        train, test = self._confusion
        return test if self.showing_test else train

    def chosen_points(self, snap: PlaygroundSnapshot) -> tuple[np.ndarray, int]:
        """Where the chosen cell's points are, ``(n, 2)`` (none if no cell is chosen),
        and their true class."""
        shown = None if self._confusion is None else self._shown()
        if self.grid.chosen is None or shown is None:
            return np.empty((0, 2)), 0
        X = snap.test_X if self.showing_test else snap.train_X
        return X[shown.points_in(*self.grid.chosen)], self.grid.chosen[0]

    def _on_grid_cell_clicked(self, row: int, column: int) -> None:
        self.grid.chosen = None if self.grid.chosen == (row, column) else (row, column)
        self.grid.update()
        self.chosen_changed.emit()

    def _on_split_button_toggled(self, _button: QRadioButton, on: bool) -> None:
        if on:
            self._show()
            self.chosen_changed.emit()
