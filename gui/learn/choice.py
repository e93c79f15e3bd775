"""A prediction choice: a button whose text wraps, so long answers fit a narrow dock."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel

STYLE = """
ChoiceButton { border: 1px solid #9aa7b0; border-radius: 4px; padding: 5px; }
ChoiceButton:hover { border-color: #0877bd; }
ChoiceButton[chosen="true"] { border: 2px solid #0877bd; background: rgba(8, 119, 189, 40); }
ChoiceButton:disabled { color: #777; }
"""


class ChoiceButton(QLabel):
    """Word-wrapped, clickable; shows the learner's choice once it is made."""

    clicked = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setStyleSheet(STYLE)
        self.set_chosen(False)

    def set_chosen(self, chosen: bool) -> None:
        self.setProperty("chosen", chosen)
        self.style().unpolish(self)
        self.style().polish(self)

    def is_chosen(self) -> bool:
        return bool(self.property("chosen"))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
