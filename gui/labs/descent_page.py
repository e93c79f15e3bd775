"""The gradient-descent lab: a walker on a cost curve, and optimisers racing on surfaces."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gui.labs.curve_lab import CurveLab
from gui.labs.surface_lab import SurfaceLab


class DescentPage(QWidget):
    """Both halves of the lab, 1D and 2D, each with its own status hint."""

    status_message = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.curve = CurveLab()
        self.surface = SurfaceLab()
        self.tabs = QTabWidget()
        self.tabs.addTab(self.curve, self.tr("1D: one weight"))
        self.tabs.addTab(self.surface, self.tr("2D: two weights, six optimisers"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(lambda _: self.status_message.emit(self.hint()))

    def hint(self) -> str:
        """What to do on the tab in front."""
        if self.tabs.currentWidget() is self.surface:
            return self.tr("Pick a surface, click the map where to start, then press Play.")
        return self.tr("Pick a curve, click where to start, then press Play.")
