"""The course as a list: a tick and a number in one column, the title in the next.

Two columns so that a long title wraps under itself, not under its number (in
one column of text, "7. Squared, absolute and cross-entropy" put "errors" at
the left edge, where the numbers are).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QStyledItemDelegate,
    QTreeWidget,
    QTreeWidgetItem,
)


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their title needs at the column's width (a tree view asks its
    delegate without that width, so on its own it keeps one line and cuts the rest)."""

    def sizeHint(self, option, index) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != 1:
            return size
        width = max(self.parent().header().sectionSize(1) - 10, 40)
        text = option.fontMetrics.boundingRect(QRect(0, 0, width, 10_000),
                                               Qt.TextFlag.TextWordWrap, index.data() or "")
        return QSize(size.width(), max(size.height(), text.height() + 4))


class LessonList(QTreeWidget):
    """Emits ``chosen(lesson_id)`` when a lesson is clicked or activated by key."""

    chosen = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setWordWrap(True)
        self.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.setUniformRowHeights(False)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.setItemDelegate(_WrappingDelegate(self))
        self.itemClicked.connect(self._on_item)
        self.itemActivated.connect(self._on_item)

    def show_lessons(self, rows: list[tuple[str, str, str, str]], current: str | None) -> None:
        """``rows``: (lesson id, "✓ 7.", title, tooltip); ``current`` is selected."""
        self.clear()
        for lesson_id, number, title, tip in rows:
            item = QTreeWidgetItem([number, title])
            item.setData(0, Qt.ItemDataRole.UserRole, lesson_id)
            item.setTextAlignment(0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            item.setToolTip(1, tip)
            self.addTopLevelItem(item)
            if lesson_id == current:
                self.setCurrentItem(item)
        self.executeDelayedItemsLayout()  # rows placed now: a click finds its lesson

    def item(self, row: int) -> QTreeWidgetItem:
        return self.topLevelItem(row)

    def count(self) -> int:
        return self.topLevelItemCount()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.scheduleDelayedItemsLayout()  # the titles wrap anew at the new width

    def _on_item(self, item: QTreeWidgetItem, _column: int) -> None:
        self.chosen.emit(item.data(0, Qt.ItemDataRole.UserRole))
