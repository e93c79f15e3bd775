"""The playground's "Custom feature" box: one more input for the network,
computed by a typed formula in x1 and x2.

Its strings keep the data panel's translation context ("DataPanel").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QGroupBox, QVBoxLayout

from core.playground.features import CUSTOM_FEATURE, check_feature_formula
from gui.playground.formula_line import FormulaLine


class CustomFeatureBox(QGroupBox):
    """Enter adds the formula as an input (``changed``), an empty line removes it;
    a bad formula is refused with its reason and changes nothing."""

    changed = Signal(dict)

    def __init__(self, parent=None) -> None:
        super().__init__(QCoreApplication.translate("DataPanel", "Custom feature f(x1,x2)"),
                         parent)
        self.feature_line = FormulaLine(
            "", QCoreApplication.translate("DataPanel", "e.g. sin(x1*x2)"),
            QCoreApplication.translate(
                "DataPanel", "Enter adds this formula as one more input of the network, "
                "next to x1, x2, x1², …; an empty line removes it."))
        self.feature_edit = self.feature_line.edit
        self.features: tuple[str, ...] = ()  # the network's inputs now
        QVBoxLayout(self).addWidget(self.feature_line)
        self.feature_line.entered.connect(self._on_entered)

    def ask_for_formula(self) -> None:
        """The input f(x1,x2) was clicked before it had a formula: say where to type one."""
        self.feature_line.refuse(QCoreApplication.translate(
            "DataPanel", "Type a formula here first, then press Enter."))
        self.feature_edit.setFocus()

    def _on_entered(self, text: str) -> None:
        text = text.strip()
        features = [f for f in self.features if f != CUSTOM_FEATURE]
        try:
            if text:
                check_feature_formula(text)
                features.append(CUSTOM_FEATURE)
            elif not features:
                raise ValueError(QCoreApplication.translate(
                    "DataPanel", "the network needs another input before this one can go"))
        except ValueError as exc:
            self.feature_line.refuse(str(exc))
            return
        self.feature_line.accept()
        self.changed.emit({"feature_formula": text, "features": tuple(features)})
