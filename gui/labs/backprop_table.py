"""The backprop page's table: every weight and bias with its gradient by
backprop and by finite differences; its value column can be edited."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from core.labs.backprop import Trace
from gui.settings_binder import signals_blocked


def _rows(t: Trace) -> list[tuple]:
    """(name, (layer, "W" or "b", k, j), value, gradient, numeric gradient) per parameter."""
    rows = []
    for layer, (W, b) in enumerate(t.weights):
        for k in range(W.shape[0]):
            for j in range(W.shape[1]):
                rows.append((f"W{layer + 1}[{k + 1}→{j + 1}]", (layer, "W", k, j), W[k, j],
                             t.weight_gradients[layer][k, j],
                             t.numeric_weight_gradients[layer][k, j]))
        for j in range(len(b)):
            rows.append((f"b{layer + 1}[{j + 1}]", (layer, "b", j, 0), b[j],
                         t.bias_gradients[layer][j], t.numeric_bias_gradients[layer][j]))
    return rows


class WeightTable(QTableWidget):
    """A typed value comes out as ``weight_edited``; one that is no number as
    ``edit_rejected`` (the page then shows the numbers again)."""

    weight_edited = Signal(object, float)  # (layer, "W" or "b", k, j), value
    edit_rejected = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [QCoreApplication.translate("BackpropPage", "weight"),
             QCoreApplication.translate("BackpropPage", "value"),
             QCoreApplication.translate("BackpropPage", "dL/dw (backprop)"),
             QCoreApplication.translate("BackpropPage", "dL/dw (finite difference)")])
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.itemChanged.connect(self._on_item_changed)

    def show_trace(self, t: Trace) -> None:
        rows = _rows(t)
        with signals_blocked(self):  # the numbers shown are no edit
            self.setRowCount(len(rows))
            for r, (name, key, value, grad, numeric) in enumerate(rows):
                for c, text in enumerate((name, f"{value:.4f}", f"{grad:.6f}", f"{numeric:.6f}")):
                    item = QTableWidgetItem(text)
                    if c == 1:
                        item.setData(Qt.ItemDataRole.UserRole, key)  # which weight this is
                    else:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.setItem(r, c, item)

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        try:
            value = float(item.text())
        except ValueError:
            self.edit_rejected.emit()
            return
        self.weight_edited.emit(item.data(Qt.ItemDataRole.UserRole), value)
