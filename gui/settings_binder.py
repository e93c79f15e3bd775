"""Controls made from a page's settings table and bound to it in both directions.

A page declares each control by its setting's name; the binder gives it the
table's range, choices and label, and reports a person's change as one
``changed(name, value)`` with the value checked by the table.  ``show`` puts a
configuration on the controls with their signals blocked, so showing what the
model runs never sends it back as a change.  The table is the one place a limit
is written: a control cannot offer a value the model would refuse.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QObject, QSignalBlocker, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QSpinBox,
    QWidget,
)

from core.settings_table import Setting, table
from gui.display_names import display_name


@contextmanager
def signals_blocked(*objects: QObject) -> Iterator[None]:
    """Change ``objects`` without their signals: a value shown is not a value chosen."""
    blockers = [QSignalBlocker(o) for o in objects]
    try:
        yield
    finally:
        for blocker in blockers:
            blocker.unblock()


def nice_step(span: float) -> float:
    """About a tenth of ``span``, rounded to 1, 2 or 5 × 10ⁿ (0.5 → 0.05, 0.9 → 0.1)."""
    tenth = span / 10
    exponent = math.floor(math.log10(tenth))
    return min((m * 10.0 ** e for e in (exponent, exponent + 1) for m in (1, 2, 5)),
               key=lambda s: abs(math.log(s / tenth)))


def item_text(value: Any) -> str:
    """A menu item's words: rates as 0.003, counts as 2,000, names by their display name."""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, int):
        return f"{value:,d}"
    return display_name(str(value))


def select_data(combo: QComboBox, value: Any) -> None:
    """Select ``value`` by data; one the menu does not list (a rate typed in a lesson or
    the banner's lr/10) is added, so the box says what the model runs."""
    index = combo.findData(value)
    if index < 0:
        combo.addItem(item_text(value), value)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class _Binding:
    """How to read, show and hear one control."""

    def __init__(self, widget: QWidget) -> None:
        self.widget = widget
        self.read, self.write, self.edited = self._access(widget)
        self.shown = self.read()  # what the model was last told or shown
        # Choosing the item a menu shows again is a choice (new points of the same
        # curve); a value widget repeating its value (Enter in a spin box) is not.
        self.repeats = isinstance(widget, QComboBox)

    @staticmethod
    def _access(widget: QWidget) -> tuple[Callable[[], Any], Callable[[Any], None], Any]:
        if hasattr(widget, "setting_value"):  # a special widget (the rate slider)
            return widget.setting_value, widget.show_setting, widget.valueChanged
        if isinstance(widget, QComboBox):  # activated: only a person's choice
            return widget.currentData, lambda v: select_data(widget, v), widget.activated
        if isinstance(widget, QCheckBox):
            return widget.isChecked, widget.setChecked, widget.toggled
        if isinstance(widget, QDoubleSpinBox):
            return (lambda: round(widget.value(), widget.decimals()), widget.setValue,
                    widget.valueChanged)
        if isinstance(widget, QSpinBox):
            return widget.value, widget.setValue, widget.valueChanged
        raise TypeError(f"cannot bind a {type(widget).__name__}")


class SettingsBinder(QObject):
    """The controls of one settings table (``playground``, ``digits``, …)."""

    changed = Signal(str, object)

    def __init__(self, page: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings: Mapping[str, Setting] = table(page)
        self._bindings: dict[str, _Binding] = {}

    @property
    def widgets(self) -> dict[str, QWidget]:
        """Each bound setting's control, by setting name."""
        return {name: b.widget for name, b in self._bindings.items()}

    # -- declaring controls -------------------------------------------------------------
    def spin(self, name: str, *, step: float | None = None, suffix: str = "",
             special: str = "", tip: str = "") -> QAbstractSpinBox:
        """A spin box over the setting's range; typed values beyond it are pulled back
        to the nearest limit.  ``special`` names the lowest value (0 as "never")."""
        setting = self.settings[name]
        spin = QSpinBox() if setting.kind is int else QDoubleSpinBox()
        if isinstance(spin, QDoubleSpinBox):
            step = step or nice_step(setting.high - setting.low)
            spin.setDecimals(max(2, -math.floor(math.log10(step))))
        kind = setting.kind
        spin.setRange(kind(setting.low), kind(setting.high))
        spin.setSingleStep(step or 1)
        spin.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToNearestValue)
        spin.setSuffix(suffix)
        spin.setSpecialValueText(special)
        spin.setValue(setting.default)
        return self.adopt(name, spin, tip)

    def combo(self, name: str, values: Iterable[Any] | None = None,
              labels: Mapping[Any, str] | None = None, *, tip: str = "",
              widget: QComboBox | None = None) -> QComboBox:
        """A menu of the setting's choices (or of ``values`` inside its range), shown by
        ``labels`` or else by their display names."""
        setting = self.settings[name]
        labels = labels or {}
        combo = widget if widget is not None else QComboBox()
        for value in setting.choices if values is None else values:
            value = setting.check(value)  # a menu item the table refuses is a bug
            combo.addItem(labels.get(value, item_text(value)), value)
        combo.setCurrentIndex(max(0, combo.findData(setting.default)))
        return self.adopt(name, combo, tip)

    def check(self, name: str, text: str = "", *, tip: str = "") -> QCheckBox:
        box = QCheckBox(text)
        box.setChecked(self.settings[name].default)
        return self.adopt(name, box, tip)

    def adopt(self, name: str, widget: QWidget, tip: str = "") -> Any:
        """Bind a control made elsewhere; its changes are checked against the table."""
        if name not in self.settings:
            raise KeyError(f"no setting {name!r} in this table")
        binding = _Binding(widget)
        self._bindings[name] = binding
        binding.edited.connect(lambda *_: self._on_edited(name))
        if tip:
            widget.setToolTip(tip)
        return widget

    # -- both directions ------------------------------------------------------------------
    def value(self, name: str) -> Any:
        """What control ``name`` shows, checked by the table."""
        return self.settings[name].check(self._bindings[name].read())

    def values(self) -> dict[str, Any]:
        return {name: self.value(name) for name in self._bindings}

    def show(self, values: Mapping[str, Any]) -> None:
        """Show ``values`` (names this binder has no control for are skipped) without
        emitting ``changed``."""
        bound = [(self._bindings[n], v) for n, v in values.items() if n in self._bindings]
        changing = [(b, v) for b, v in bound if b.read() != v]
        with signals_blocked(*(b.widget for b, _ in changing)):
            for binding, value in changing:
                binding.write(value)
                binding.shown = binding.read()

    def show_config(self, config: object) -> None:
        """Show the bound settings' values read from ``config``'s attributes."""
        self.show({name: getattr(config, name) for name in self._bindings})

    def _on_edited(self, name: str) -> None:
        binding, value = self._bindings[name], self.value(name)
        if binding.repeats or value != binding.shown:
            binding.shown = value
            self.changed.emit(name, value)
