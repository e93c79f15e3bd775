"""The learner's own digits: add the drawing as a digit, see them, click one to remove it.

The set lives in the training worker (core/digits/own_digits.py); this view
sends commands and draws what the worker's snapshots hold, so what is shown
is what training uses.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QSize, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
)

from core.digits.model import DigitsSnapshot
from core.util.limits import MAX_OWN_DIGITS

THUMBNAIL = 36  # pixels of a 28×28 digit in the gallery
WRONG = QColor("#d62728")


def own_score_text(snap: DigitsSnapshot | None) -> str:
    """"Your digits: 9/12 right", what to do to see it, or nothing without own digits."""
    if snap is None or not len(snap.own_digits):
        return ""
    if not snap.trained or snap.own_answers is None:
        return QCoreApplication.translate("OwnDigits",
                                          "Your digits: train the network to score them")
    right = int(np.count_nonzero(snap.own_answers == snap.own_digits.labels))
    return QCoreApplication.translate("OwnDigits", "Your digits: {0}/{1} right").format(
        right, len(snap.own_digits))


def thumbnail(image: np.ndarray, wrong: bool) -> QPixmap:
    """A 28×28 digit (bytes, ink = 255) as dark ink on white, framed red if it is misread."""
    grey = np.ascontiguousarray(255 - image)
    picture = QImage(grey.data, 28, 28, 28, QImage.Format.Format_Grayscale8)
    pixmap = QPixmap.fromImage(picture.scaled(THUMBNAIL, THUMBNAIL))
    painter = QPainter(pixmap)
    painter.setPen(QPen(WRONG if wrong else QColor("#bbb"), 2 if wrong else 1))
    painter.drawRect(pixmap.rect().adjusted(0, 0, -1, -1))
    painter.end()
    return pixmap


def _same(a: tuple, b: tuple) -> bool:
    """Equal arrays (or Nones) and flags, part by part."""
    return all(x is y or (x is not None and y is not None and np.array_equal(x, y))
               for x, y in zip(a, b, strict=True))


class OwnDigitsPanel(QGroupBox):
    """Buttons 0–9 that add the drawing, the gallery, the count and the score."""

    add_requested = Signal(int)     # the label for the drawing on the canvas
    remove_requested = Signal(int)  # index into the set

    def __init__(self, parent=None) -> None:
        super().__init__(self.tr("Your digits"), parent)
        self.add_buttons: list[QPushButton] = []
        self._shown: tuple = (None, None, None, None)  # what the gallery shows
        prompt = QLabel(self.tr("Add this drawing to the training set as digit:"))
        prompt.setWordWrap(True)
        self.gallery = self._build_gallery()
        self.count = QLabel()
        self.score = QLabel(own_score_text(None))
        self.score.setWordWrap(True)
        layout = QGridLayout(self)
        layout.addWidget(prompt, 0, 0, 1, 2)
        layout.addLayout(self._build_add_row(), 1, 0, 1, 2)
        layout.addWidget(self.gallery, 2, 0, 1, 2)
        layout.addWidget(self.count, 3, 0)
        layout.addWidget(self.score, 3, 1)
        layout.setColumnStretch(1, 1)
        self._show_count(0)

    def _build_add_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        for digit in range(10):
            button = QPushButton(str(digit))
            button.setToolTip(self.tr("Add the drawing, as the network sees it (28×28), to "
                                      "the training set as a {0}").format(digit))
            button.clicked.connect(lambda _=False, d=digit: self.add_requested.emit(d))
            row.addWidget(button)
            self.add_buttons.append(button)
        row.addStretch(1)
        self._fit_buttons()
        return row

    def _fit_buttons(self) -> None:
        """Narrow buttons, as wide as three digits of the current text size."""
        for button in self.add_buttons:
            button.setFixedWidth(max(button.fontMetrics().horizontalAdvance("0") * 3, 24))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange):
            self._fit_buttons()  # View → Text size
        super().changeEvent(event)

    def _build_gallery(self) -> QListWidget:
        gallery = QListWidget()
        gallery.setViewMode(QListView.ViewMode.IconMode)
        gallery.setFlow(QListView.Flow.LeftToRight)
        gallery.setWrapping(True)
        gallery.setResizeMode(QListView.ResizeMode.Adjust)
        gallery.setMovement(QListView.Movement.Static)
        gallery.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        gallery.setSpacing(2)
        line = gallery.fontMetrics().lineSpacing()
        gallery.setFixedHeight(THUMBNAIL + line + 18)  # one row; more scroll
        gallery.setToolTip(self.tr("Your digits, in training with the MNIST digits. "
                                   "Click one to remove it. A red frame: the network "
                                   "gets it wrong."))
        gallery.itemClicked.connect(self._on_gallery_item_clicked)
        return gallery

    def _on_gallery_item_clicked(self, item: QListWidgetItem) -> None:
        """Remove it here at once, so a second click's index means what the worker will
        have by then (it takes the commands in order)."""
        row = self.gallery.row(item)
        self.gallery.takeItem(row)
        self._show_count(self.gallery.count())
        self.remove_requested.emit(row)

    def set_can_add(self, can: bool) -> None:
        """Adding needs a drawing on the canvas."""
        for button in self.add_buttons:
            button.setEnabled(can)

    def show_snapshot(self, snap: DigitsSnapshot) -> None:
        own, answers = snap.own_digits, snap.own_answers
        self.score.setText(own_score_text(snap))
        shown = (own.images, own.labels, answers, snap.trained)
        if _same(shown, self._shown):
            return  # nothing new to draw (snapshots come 30 times a second, as copies)
        self._shown = shown
        known = snap.trained and answers is not None
        self.gallery.clear()
        for k, (image, label) in enumerate(zip(own.images, own.labels, strict=True)):
            wrong = known and answers[k] != label
            item = QListWidgetItem(QIcon(thumbnail(image, wrong)), str(label))
            if known:
                item.setToolTip(self.tr("Your {0}; the network says {1}. Click to remove it.")
                                .format(label, answers[k]))
            else:
                item.setToolTip(self.tr("Your {0}. Click to remove it.").format(label))
            self.gallery.addItem(item)
        self._show_count(len(own))

    def _show_count(self, n: int) -> None:
        self.count.setText(self.tr("{0} of your digits").format(n) if n else self.tr(
            "None of your digits yet: draw one and click its number."))
        self.count.setToolTip(self.tr("At most {0}; each comes several times in every "
                                      "epoch, so a few count among thousands of MNIST "
                                      "digits.").format(MAX_OWN_DIGITS))
