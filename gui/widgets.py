"""Small widget helpers shared by the modes."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QTabWidget,
    QWidget,
)

from core.training.trainer import Divergence


def divergence_text(divergence: Divergence) -> str:
    """The divergence banner's words, in the interface's language.

    The context is written out in each call: ``pyside6-lupdate`` only finds
    strings whose context is a literal.
    """
    what = (QCoreApplication.translate("Divergence", "exploded")
            if math.isfinite(divergence.loss)
            else QCoreApplication.translate("Divergence", "became NaN or infinite"))
    return QCoreApplication.translate(
        "Divergence", "Training paused: the learning rate is too large: the loss {0} at step "
                      "{1}; the weights from before that step were kept.").format(
        what, f"{divergence.step:,d}")


class FittingComboBox(QComboBox):
    """A combo box at least as wide as its longest item: Qt's own hint comes out a
    few pixels short for some fonts (Chinese punctuation), and cuts the text."""

    def _fitting(self, hint: QSize) -> QSize:
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.rect = QRect(0, 0, 1000, hint.height())
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        widest = max((self.fontMetrics().horizontalAdvance(self.itemText(i))
                      for i in range(self.count())), default=0)
        return QSize(max(hint.width(), widest + 1000 - field.width() + 2), hint.height())

    def sizeHint(self) -> QSize:
        return self._fitting(super().sizeHint())

    def minimumSizeHint(self) -> QSize:
        return self._fitting(super().minimumSizeHint())


def combo_box(items: Iterable[tuple[Any, str]], current: Any) -> QComboBox:
    """A combo of ``(data, text)`` items with ``current`` (by data) selected."""
    combo = QComboBox()
    for data, text in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class _Sheet(QWidget):
    """What a page's scroll area holds: ``page``, as tall as its minimum size asks.

    Given a layout, a scroll area sizes its widget by height-for-width, and
    that made the digits training tab 1,500 pixels tall (a row of columns asks
    each wrapped label for its height at a narrow guess of its width).  The
    sheet has no layout: it passes the page's size hints on and fills itself
    with the page.
    """

    def __init__(self, page: QWidget) -> None:
        super().__init__()
        self.page = page
        page.setParent(self)

    def minimumSizeHint(self) -> QSize:
        return self.page.minimumSizeHint()

    def sizeHint(self) -> QSize:
        return self.page.sizeHint()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the page's hints changed
            self.updateGeometry()
        return super().event(event)

    def resizeEvent(self, event) -> None:
        self.page.setGeometry(self.rect())


def scrolling(widget: QWidget, sideways: bool = True) -> QScrollArea:
    """``widget`` in a frameless scroll area: it scrolls instead of being squeezed.

    A page or panel whose minimum size is larger than a small screen (or than
    what is left at a large text size) then scrolls; where it fits, no scroll
    bar shows and it stretches as before.
    """
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if not sideways:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setMinimumWidth(widget.minimumSizeHint().width()
                             + area.verticalScrollBar().sizeHint().width())
    return area


class PageTabs(QTabWidget):
    """Tabs whose pages scroll (see :func:`scrolling`), spoken of as the pages themselves.

    ``addTab`` puts each page in a scroll area, and ``widget``,
    ``currentWidget``, ``indexOf`` and ``setCurrentWidget`` look through it, so
    code that thinks in pages need not know about the scroll areas.
    """

    def addTab(self, page: QWidget, label: str) -> int:
        return super().addTab(scrolling(_Sheet(page)), label)

    def widget(self, index: int) -> QWidget | None:
        area = super().widget(index)
        return area.widget().page if isinstance(area, QScrollArea) else area

    def currentWidget(self) -> QWidget | None:
        return self.widget(self.currentIndex())

    def indexOf(self, page: QWidget) -> int:
        return next((i for i in range(self.count()) if self.widget(i) is page), -1)

    def setCurrentWidget(self, page: QWidget) -> None:
        self.setCurrentIndex(self.indexOf(page))

    def set_page(self, index: int, page: QWidget) -> None:
        """Put ``page`` in tab ``index`` in place of what it held (a placeholder until the
        page is first wanted)."""
        super().widget(index).setWidget(_Sheet(page))

    def remove_pages(self) -> None:
        """Remove every tab and delete its page with its scroll area (File → New)."""
        while self.count():
            area = super().widget(0)
            self.removeTab(0)
            area.deleteLater()


def resize_to_fit(window: QWidget, width: int, height: int) -> None:
    """``width``×``height``, or less on a screen with less room (a 1280×720 one)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    room = screen.availableGeometry()
    window.resize(min(width, room.width() - 40), min(height, room.height() - 60))


class LiveLabel(QWidget):
    """Text that changes on every frame without re-laying out the window.

    A ``QLabel`` asks its parents to re-lay out on each ``setText`` unless its
    size is fixed both ways, and a re-layout here repainted the whole window,
    ~60 times a second.  This widget has a fixed height and a new text only
    repaints its own rectangle.
    """

    def __init__(self, lines: int = 1, width: int | None = None, font: QFont | None = None,
                 colour: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._lines = lines
        if font is not None:
            self.setFont(font)
        self._colour = QColor(colour) if colour else None
        self._fit_height()
        if width is not None:
            self.setFixedWidth(width)
        else:
            self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def _fit_height(self) -> None:
        metrics = self.fontMetrics()
        # Chinese glyphs come from a fallback font with taller lines than the Latin one.
        line = max(metrics.lineSpacing(), metrics.boundingRect("国").height())
        self.setFixedHeight(self._lines * line + 4)

    def changeEvent(self, event: QEvent) -> None:
        """A larger text size (the application font) needs taller lines."""
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()
        super().changeEvent(event)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.update()

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setPen(self._colour or self.palette().color(QPalette.ColorRole.WindowText))
        flags = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                 | Qt.TextFlag.TextWordWrap)
        painter.drawText(self.rect().adjusted(2, 0, -2, 0), int(flags), self._text)
