"""A small editor over the network diagram for one weight or bias.

Clicking a link (or choosing "Set bias…" on a neuron) opens it at the click,
prefilled with the current value: Enter applies, Esc cancels, a click
elsewhere cancels too.  Text that is no number, or one out of range, gets a
one-line reason under the field and is not sent, so nothing changes.  A past
moment of the training shows its value read-only, with the reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QLineEdit, QMenu, QVBoxLayout, QWidget

from core.playground.edit import EDIT_LIMIT, EditParameter, value_allowed

# Leaving the field this way means the user went elsewhere: the edit is dropped.
_AWAY = (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.TabFocusReason,
         Qt.FocusReason.BacktabFocusReason)


class ParameterEditor(QFrame):
    """A child of the diagram's viewport, shown at the click; emits the command."""

    edited = Signal(object)  # an EditParameter with the typed value

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)
        self.title = QLabel()
        self.field = QLineEdit()
        self.field.setToolTip(self.tr("Type the new value: the boundary moves at once and "
                                      "training goes on from it."))
        self.reason = QLabel()
        self.reason.setStyleSheet("color: #b00;")
        self.reason.hide()
        keys = QLabel(self.tr("Enter applies, Esc cancels."))
        keys.setStyleSheet("color: #888;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(2)
        for widget in (self.title, self.field, self.reason, keys):
            layout.addWidget(widget)
        self.target: EditParameter | None = None
        self.live = True  # False while the page shows a past moment: values are read-only
        self.menu: QMenu | None = None
        self._where = QPoint()
        self.field.returnPressed.connect(self._on_field_return_pressed)
        self.field.textEdited.connect(self.reason.hide)
        self.field.installEventFilter(self)
        self.hide()

    def open_at(self, target: EditParameter, title: str, value: float, where: QPoint) -> None:
        """Show the editor for ``target`` (its value is ignored) near ``where``
        (the parent's coordinates), prefilled with ``value``; read-only, saying why,
        when not ``live``."""
        self.target = target if self.live else None
        self.title.setText(title)
        self.field.setText(f"{value:.4g}")
        self.field.setReadOnly(not self.live)
        self.reason.setText("" if self.live else self.tr(
            "A past moment: move History to its right end to edit."))
        self.reason.setVisible(not self.live)
        self.field.setMinimumWidth(self.field.fontMetrics().horizontalAdvance("-0.000000") + 16)
        self._where = where
        self._fit()
        self.show()
        self.raise_()
        self.field.selectAll()
        self.field.setFocus(Qt.FocusReason.PopupFocusReason)

    def _fit(self) -> None:
        """Size to the contents, just below and right of the click, inside the part of
        the parent on screen (at a large text size the page scrolls)."""
        self.adjustSize()
        parent = self.parentWidget()
        area = parent.visibleRegion().boundingRect() or parent.rect()
        x = min(self._where.x() + 8, area.right() - self.width())
        y = min(self._where.y() + 8, area.bottom() - self.height())
        self.move(max(0, x), max(0, y))

    def offer_bias(self, where: QPoint, choose: Callable[[], None]) -> None:
        """A context menu with "Set bias…" at ``where``; non-blocking, so frames go on."""
        self.menu = QMenu(self.parentWidget())
        self.menu.addAction(self.tr("Set bias…")).triggered.connect(choose)
        self.menu.popup(self.parentWidget().mapToGlobal(where))

    def cancel(self) -> None:
        self.target = None
        self.hide()

    def _on_field_return_pressed(self) -> None:
        if self.target is None:
            return
        value, reason = self._parse(self.field.text())
        if reason:
            self.reason.setText(reason)
            self.reason.show()
            self._fit()
            return
        target = self.target
        self.cancel()
        self.edited.emit(replace(target, value=value))

    def _parse(self, text: str) -> tuple[float, str]:
        """The typed number, or a reason why it is none the model takes."""
        try:
            value = float(text.strip().replace("−", "-"))  # the tooltips' minus sign too
        except ValueError:
            return 0.0, self.tr("Not a number: try 0.5 or -1.2.")
        if not value_allowed(value):
            return 0.0, self.tr("Use a number between {0:g} and {1:g}.").format(
                -EDIT_LIMIT, EDIT_LIMIT)
        return value, ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc cancels; leaving the field for another widget drops the edit."""
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return True
        if event.type() == QEvent.Type.FocusOut and event.reason() in _AWAY:
            self.cancel()
        return super().eventFilter(watched, event)
