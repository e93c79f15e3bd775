"""A line to type a formula in x1, x2: Enter applies it, a refusal shows its reason in red."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

REFUSED = "color: #c62828;"  # the reason a typed formula was refused


class FormulaLine(QWidget):
    """``[prefix] [formula]``, a grey hint and a red reason; emits ``entered(text)`` on Enter."""

    entered = Signal(str)

    def __init__(self, prefix: str, placeholder: str, tooltip: str, parent=None) -> None:
        super().__init__(parent)
        rows = QVBoxLayout(self)
        rows.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        if prefix:
            line.addWidget(QLabel(prefix))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder)
        self.edit.setToolTip(tooltip)
        line.addWidget(self.edit, 1)
        rows.addLayout(line)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.hide()
        rows.addWidget(self.hint)
        self.reason = QLabel()
        self.reason.setStyleSheet(REFUSED)
        self.reason.setWordWrap(True)
        self.reason.hide()
        rows.addWidget(self.reason)
        self.edit.returnPressed.connect(lambda: self.entered.emit(self.edit.text()))

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def refuse(self, reason: str) -> None:
        """Show why the typed formula changed nothing; the text stays to be corrected."""
        self.reason.setText(reason)
        self.reason.show()

    def accept(self) -> None:
        self.reason.hide()
