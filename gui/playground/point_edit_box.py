"""The playground's "Edit points" box: what a click adds, and CSV import/export."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
)

from core.data.datasets import REGRESSION
from gui.colors import class_colour


class PointEditBox(QGroupBox):
    """A class menu (classification) or a value (regression) for new points."""

    def __init__(self, parent=None) -> None:
        super().__init__(QCoreApplication.translate("DataPanel", "Edit points"), parent)
        edit_layout = QFormLayout(self)
        self.edit_class = QComboBox()
        self.edit_class.setToolTip(QCoreApplication.translate(
            "DataPanel", "The class a left-click adds."))
        self.edit_value = QDoubleSpinBox()
        self.edit_value.setToolTip(QCoreApplication.translate(
            "DataPanel", "The value (−1 to 1) a left-click adds."))
        self.edit_value.setRange(-1.0, 1.0)
        self.edit_value.setSingleStep(0.1)
        self.edit_value.setValue(1.0)
        edit_layout.addRow(QLabel(QCoreApplication.translate(
            "DataPanel", "Left-click a plot to add a point, right-click to remove the nearest.")))
        edit_layout.itemAt(0).widget().setWordWrap(True)
        self.edit_class_label = QLabel(QCoreApplication.translate("DataPanel",
                                                                  "New point's class"))
        edit_layout.addRow(self.edit_class_label, self.edit_class)
        self.edit_value_label = QLabel(QCoreApplication.translate("DataPanel",
                                                                  "New point's value"))
        edit_layout.addRow(self.edit_value_label, self.edit_value)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(QCoreApplication.translate("DataPanel", "Import CSV…"))
        self.import_button.setToolTip(QCoreApplication.translate(
            "DataPanel", "Load points from a CSV file: x1, x2 and a label per line."))
        self.export_button = QPushButton(QCoreApplication.translate("DataPanel", "Export CSV…"))
        self.export_button.setToolTip(QCoreApplication.translate(
            "DataPanel",
            "Save the training and test points, including the ones you added, as CSV."))
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        edit_layout.addRow(buttons)

    def sync_classes(self, n_classes: int) -> None:
        """One menu entry, with its colour, per class."""
        if self.edit_class.count() == n_classes:
            return
        current = self.edit_class.currentIndex()
        self.edit_class.clear()
        for k in range(n_classes):
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(*class_colour(k)))
            self.edit_class.addItem(QIcon(pixmap), QCoreApplication.translate(
                "DataPanel", "class {0}").format(k), k)
        self.edit_class.setCurrentIndex(min(max(current, 0), n_classes - 1))

    def show_task(self, regression: bool) -> None:
        """The class menu for classification, the value for regression."""
        self.edit_class.setVisible(not regression)
        self.edit_class_label.setVisible(not regression)
        self.edit_value.setVisible(regression)
        self.edit_value_label.setVisible(regression)

    def new_point_label(self, task: str) -> float:
        if task == REGRESSION:
            return float(self.edit_value.value())
        return float(self.edit_class.currentData() or 0)
