"""Small widget helpers shared by the modes."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox


def combo_box(items: Iterable[tuple[Any, str]], current: Any) -> QComboBox:
    """A combo of ``(data, text)`` items with ``current`` (by data) selected."""
    combo = QComboBox()
    for data, text in items:
        combo.addItem(text, data)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo
