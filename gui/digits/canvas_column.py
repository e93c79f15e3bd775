"""The digits page's left column: the drawing canvas, its tools, and the 28×28
input with the network's answer.

Its strings keep the page's translation context ("DigitsPage").
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QVBoxLayout,
    QWidget,
)

from core.digits.network import Recognition
from gui.digits.activity_view import image_plot
from gui.digits.drawing_canvas import DrawingCanvas


class CanvasColumn(QWidget):
    """Draw on ``canvas`` with the tools under it; ``show_recognition`` shows the answer."""

    def __init__(self, canvas: DrawingCanvas, parent=None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.brush = QSlider(Qt.Orientation.Horizontal)
        self.brush.setRange(6, 40)
        self.brush.setValue(int(canvas.brush_width))
        self.brush.setToolTip(QCoreApplication.translate(
            "DigitsPage", "Pen width. MNIST digits are drawn with a thick pen; "
            "a thin line looks faint after shrinking to 28×28."))
        self.eraser = QCheckBox(QCoreApplication.translate("DigitsPage", "Eraser"))
        self.eraser.setToolTip(QCoreApplication.translate(
            "DigitsPage", "Draw with the eraser, or erase with the right button."))
        self.undo = QPushButton(QCoreApplication.translate("DigitsPage", "Undo"))
        self.undo.setToolTip(QCoreApplication.translate("DigitsPage",
                                                        "Take back the last stroke."))
        self.clear = QPushButton(QCoreApplication.translate("DigitsPage", "Clear (Esc)"))
        self.clear.setToolTip(QCoreApplication.translate("DigitsPage",
                                                         "Empty the canvas (Esc)."))
        left = QVBoxLayout(self)
        left.setContentsMargins(0, 0, 0, 0)
        left.addWidget(canvas)
        tools = QGridLayout()
        tools.addWidget(QLabel(QCoreApplication.translate("DigitsPage", "Brush")), 0, 0)
        tools.addWidget(self.brush, 0, 1, 1, 2)
        tools.addWidget(self.eraser, 1, 0)
        tools.addWidget(self.undo, 1, 1)
        tools.addWidget(self.clear, 1, 2)
        left.addLayout(tools)
        left.addLayout(self._build_answer_row())
        left.addStretch(1)
        self.brush.valueChanged.connect(lambda v: setattr(canvas, "brush_width", float(v)))
        self.eraser.toggled.connect(lambda on: setattr(canvas, "eraser", on))
        self.undo.clicked.connect(canvas.undo)
        self.clear.clicked.connect(canvas.clear)

    def _build_answer_row(self) -> QHBoxLayout:
        self.preview_widget = pg.GraphicsLayoutWidget()
        self.preview_widget.setBackground(pg.getConfigOption("background"))
        self.preview_widget.setFixedSize(150, 170)
        self.preview_plot, self.preview = image_plot(
            QCoreApplication.translate("DigitsPage", "28×28 input"))
        self.preview_widget.addItem(self.preview_plot)
        self.answer = QLabel("–")
        font = QFont()
        font.setPointSize(40)
        font.setBold(True)
        self.answer.setFont(font)
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confidence = QLabel()
        self.confidence.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Fixed sizes: labels whose text changes on every mouse move and that may
        # grow would lay the whole page out again each time.
        self.answer.setFixedSize(110, 70)
        metrics = self.confidence.fontMetrics()
        self.confidence.setFixedSize(
            max(110, metrics.horizontalAdvance(
                QCoreApplication.translate("DigitsPage", "draw a digit")) + 16),
            max(24, metrics.height() + 6))
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.preview_widget)
        answer_box = QVBoxLayout()
        answer_box.addWidget(self.answer)
        answer_box.addWidget(self.confidence)
        answer_row.addLayout(answer_box)
        return answer_row

    def show_recognition(self, rec: Recognition) -> None:
        """The input as the network sees it, its answer and how sure it is."""
        self.preview.setImage(rec.digit_image.T, levels=(0, 1), autoLevels=False)
        if rec.blank:
            self.answer.setText("–")
            self.confidence.setText(QCoreApplication.translate("DigitsPage", "draw a digit"))
        else:
            self.answer.setText(str(rec.digit))
            self.confidence.setText(QCoreApplication.translate(
                "DigitsPage", "{0:.0%} sure").format(rec.probabilities.max()))
