"""A canvas to draw a digit on with the mouse or a pen.

Strokes are anti-aliased lines with round caps between successive mouse
points (not stamped dots), painted into a ``QImage``; ``ink()`` hands the
drawing to core as a numpy array with ink = 1.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

CANVAS = 280  # pixels of the drawing itself (10× MNIST's 28)
UNDO_DEPTH = 30


class DrawingCanvas(QWidget):
    """Emits ``drawing_changed`` on every mouse move that adds ink."""

    drawing_changed = Signal()
    stroke_finished = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.image = QImage(CANVAS, CANVAS, QImage.Format.Format_RGB32)
        self.image.fill(QColor("white"))
        self.brush_width = 22.0
        self.eraser = False
        self._undo: list[QImage] = []
        self._last: QPointF | None = None
        self.setFixedSize(QSize(CANVAS, CANVAS))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip(self.tr("Draw a digit. Right-click or Esc clears, Ctrl+Z undoes."))

    # -- drawing -------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.RightButton:
            self.clear()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self._undo.append(self.image.copy())
            del self._undo[:-UNDO_DEPTH]
            self._last = event.position()
            self._draw_to(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._last is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._draw_to(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._last is not None and event.button() == Qt.MouseButton.LeftButton:
            self._last = None
            self.stroke_finished.emit()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
        elif event.matches(QKeySequence.StandardKey.Undo):
            self.undo()
        else:
            super().keyPressEvent(event)

    def _draw_to(self, point: QPointF) -> None:
        painter = QPainter(self.image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor("white") if self.eraser else QColor("black")
        width = self.brush_width * (1.6 if self.eraser else 1.0)
        painter.setPen(QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                            Qt.PenJoinStyle.RoundJoin))
        painter.drawLine(self._last or point, point)
        painter.end()
        self._last = point
        self.update()
        self.drawing_changed.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self.image)
        painter.setPen(QPen(QColor("#bbb"), 1))
        painter.drawRect(0, 0, CANVAS - 1, CANVAS - 1)

    # -- editing -------------------------------------------------------------------
    def clear(self) -> None:
        if not self.is_blank():
            self._undo.append(self.image.copy())
            del self._undo[:-UNDO_DEPTH]
        self.image.fill(QColor("white"))
        self.update()
        self.drawing_changed.emit()

    def undo(self) -> None:
        if self._undo:
            self.image = self._undo.pop()
            self.update()
            self.drawing_changed.emit()

    def load_digit(self, digit: np.ndarray) -> None:
        """Show a 28×28 digit (ink in [0, 1]) enlarged, e.g. a misclassified one."""
        self._undo.append(self.image.copy())
        big = np.kron(np.clip(digit, 0, 1), np.ones((CANVAS // 28, CANVAS // 28)))
        grey = np.ascontiguousarray((255 * (1 - big)).astype(np.uint8))
        image = QImage(grey.data, CANVAS, CANVAS, CANVAS, QImage.Format.Format_Grayscale8)
        self.image = image.convertToFormat(QImage.Format.Format_RGB32)
        self.update()
        self.drawing_changed.emit()

    def is_blank(self) -> bool:
        return not self.ink().any()

    def ink(self) -> np.ndarray:
        """The drawing as ``(280, 280)`` float ink in [0, 1] (black = 1)."""
        image = self.image
        buffer = np.frombuffer(image.constBits(), dtype=np.uint8)
        rows = buffer.reshape(image.height(), image.bytesPerLine())[:, : 4 * image.width()]
        blue = rows.reshape(image.height(), image.width(), 4)[..., 0]
        return 1.0 - blue.astype(np.float64) / 255.0
