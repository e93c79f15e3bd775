"""A slider whose own keys win over the window's single-key shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QSlider

# The keys QAbstractSlider acts on; the window binds → to "one training step",
# and without this a focused slider never saw that key.
SLIDER_KEYS = frozenset({
    Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
    Qt.Key.Key_PageUp, Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End,
})


class KeyboardSlider(QSlider):
    """A horizontal ``QSlider`` that keeps its navigation keys while focused."""

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and event.key() in SLIDER_KEYS \
                and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()  # deliver the key to keyPressEvent, not to a shortcut
            return True
        return super().event(event)
