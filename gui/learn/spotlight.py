"""Point at a control, and the student mode that hides or locks the others.

The highlight is a frame drawn *over* the control (a mouse-transparent child
of the window), so the control's own style sheet is never touched.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFrame, QWidget

HIGHLIGHT = "#f59322"


class Spotlight(QFrame):
    """An orange frame that follows one control while it is shown."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("lessonSpotlight")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(f"#lessonSpotlight {{ border: 3px solid {HIGHLIGHT};"
                           " border-radius: 5px; background: transparent; }")
        self.target: QWidget | None = None
        self.hide()

    def point_at(self, control: QWidget | None) -> None:
        self.target = control
        self.follow()

    def follow(self) -> None:
        """Move over the target (layouts move controls); hide when it is not on screen."""
        target, window = self.target, self.parentWidget()
        if target is None or not target.isVisible() or not target.isEnabled():
            self.hide()
            return
        corner = target.mapTo(window, QPoint(0, 0))
        self.setGeometry(corner.x() - 4, corner.y() - 4, target.width() + 8,
                         target.height() + 8)
        self.raise_()
        self.show()


class StudentMode:
    """Hides or locks controls for a lesson and gives each back as it was.

    Only what the lesson changed is given back: a locked control's visibility
    stays the page's business, and so does a hidden control's enabled state.
    """

    def __init__(self) -> None:
        self._hidden: dict[QWidget, bool] = {}   # control → was it shown
        self._locked: dict[QWidget, bool] = {}   # control → was it enabled

    def apply(self, hidden: Iterable[QWidget], locked: Iterable[QWidget]) -> None:
        self.restore()
        for widget in hidden:
            self._hidden.setdefault(widget, not widget.isHidden())
            widget.setVisible(False)
        for widget in locked:
            self._locked.setdefault(widget, widget.isEnabledTo(widget.parentWidget() or widget))
            widget.setEnabled(False)

    def restore(self) -> None:
        for widget, shown in self._hidden.items():
            widget.setVisible(shown)
        for widget, enabled in self._locked.items():
            widget.setEnabled(enabled)
        self._hidden, self._locked = {}, {}
