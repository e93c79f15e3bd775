"""Every control explains itself: a tooltip on each button, box, slider and field."""

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QSlider,
    QTabBar,
)

CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QSlider, QLineEdit)
# Parts Qt builds inside other widgets (a spin box's text field, a table's corner…).
INTERNAL = (QComboBox, QAbstractSpinBox, QTabBar, QAbstractItemView)


def controls_without_tooltips(root):
    missing = []
    for kind in CONTROLS:
        for control in root.findChildren(kind):
            parent = control.parent()
            if isinstance(parent, INTERNAL) or control.objectName().startswith("qt_"):
                continue
            if not control.toolTip().strip():
                text = control.text() if hasattr(control, "text") else ""
                missing.append(f"{type(control).__name__} {text!r} in {type(parent).__name__}")
    return sorted(missing)


def test_every_control_in_every_mode_has_a_tooltip(window):
    assert controls_without_tooltips(window) == []


def test_dialogs_explain_their_controls_too(window):
    page = window.playground
    for dialog in (page.open_health(), page.open_transformed(), page.open_sweep()):
        assert controls_without_tooltips(dialog) == [], type(dialog).__name__
        dialog.close()
