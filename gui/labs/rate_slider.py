"""A learning-rate slider that stops only on round numbers, shown as they are."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSlider

from core.labs.descent import round_values
from gui.settings_binder import SettingsBinder


class RateSlider(QSlider):
    """Stops at 1, 1.5, 2, 3, 5, 7 × 10ⁿ from ``low`` to ``high``: α reads 0.1, not 0.1002."""

    def __init__(self, value: float, low: float, high: float, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.stops = round_values(low, high)
        self.setRange(0, len(self.stops) - 1)
        self.setPageStep(3)
        self.set_rate(value)

    @property
    def rate(self) -> float:
        return self.stops[self.value()]

    # What a settings binder reads and shows (see gui.settings_binder).
    def setting_value(self) -> float:
        return self.rate

    def show_setting(self, value: float) -> None:
        self.set_rate(value)

    def set_rate(self, value: float) -> None:
        """Move to the stop nearest ``value`` (on a log scale)."""
        self.setValue(min(range(len(self.stops)),
                          key=lambda i: abs(math.log(self.stops[i] / value))))


def bound_rate_slider(binder: SettingsBinder, name: str, tip: str) -> RateSlider:
    """The slider for rate ``name``, from its table's default and limits, bound to it."""
    setting = binder.settings[name]
    return binder.adopt(name, RateSlider(setting.default, setting.low, setting.high), tip)
