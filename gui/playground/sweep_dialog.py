"""The complexity sweep: train models of growing width, plot train vs test error."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from core.data.datasets import Dataset
from core.playground.sweep import SweepPoint
from gui.history_plot import legend_above
from gui.widgets import resize_to_fit
from gui.worker.background_task import BackgroundTask

WIDTHS = (1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 96, 128)


class SweepDialog(QDialog):
    """Runs ``core.playground.sweep.sweep_task`` in a child process; keeps partial results."""

    def __init__(self, train: Dataset, test: Dataset, features: tuple[str, ...],
                 depth: int, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Complexity sweep"))
        resize_to_fit(self, 760, 520)
        self.train, self.test, self.features = train, test, features
        self.points: list[SweepPoint] = []
        self.task: BackgroundTask | None = None
        self.depth = QSpinBox()
        self.depth.setRange(1, 4)
        self.depth.setValue(max(1, depth))
        self.epochs = QSpinBox()
        self.epochs.setRange(10, 2000)
        self.epochs.setValue(200)
        self.measure = QComboBox()
        self.measure.addItem(self.tr("error (misclassified share)"), "error")
        self.measure.addItem(self.tr("loss (shows over-confidence)"), "loss")
        self.start = QPushButton(self.tr("Run"))
        self.cancel = QPushButton(self.tr("Stop"))
        self.depth.setToolTip(self.tr("Hidden layers of every network in the sweep."))
        self.epochs.setToolTip(self.tr("Training epochs for each network."))
        self.measure.setToolTip(self.tr("Plot the share of misclassified points, or the loss."))
        self.start.setToolTip(self.tr("Train networks of growing width, one after another."))
        self.cancel.setToolTip(self.tr("Stop; the networks already trained stay on the plot."))
        self.cancel.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, len(WIDTHS))
        self.status = QLabel(self.tr(
            "Each point is a network of that many parameters, trained from scratch on the "
            "same data. Too small under-fits; too big over-fits: the test error turns up."))
        self.status.setWordWrap(True)
        self.plot = pg.PlotWidget()
        self.plot.setLogMode(x=True)
        self.plot.setLabel("bottom", self.tr("parameters (log scale)"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.train_curve = self.plot.plot(pen=pg.mkPen("#0877bd", width=2), symbol="o",
                                          symbolBrush="#0877bd")
        self.test_curve = self.plot.plot(pen=pg.mkPen("#f59322", width=2), symbol="o",
                                         symbolBrush="#f59322")
        legend_above(self.plot.getPlotItem(), [(self.train_curve, self.tr("training")),
                                               (self.test_curve, self.tr("test"))],
                     text_size="9pt")
        row = QHBoxLayout()
        for label, widget in ((self.tr("Hidden layers"), self.depth),
                              (self.tr("Epochs per model"), self.epochs),
                              (self.tr("Plot"), self.measure)):
            row.addWidget(QLabel(label))
            row.addWidget(widget)
        row.addStretch(1)
        row.addWidget(self.start)
        row.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.plot, 1)
        self.start.clicked.connect(self.run)
        self.cancel.clicked.connect(self.stop)
        self.measure.currentIndexChanged.connect(lambda _: self._draw())

    def run(self) -> None:
        self.points = []
        self._draw()
        depth, epochs = self.depth.value(), self.epochs.value()

        self.task = BackgroundTask.in_process(
            "core.playground.sweep:sweep_task", {"train": self.train, "test": self.test,
                                      "widths": WIDTHS, "depth": depth,
                                      "features": tuple(self.features), "epochs": epochs},
            self)
        self.task.progress.connect(self._on_task_progress)
        self.task.succeeded.connect(self._on_task_finished)
        self.task.failed.connect(self.status.setText)
        self.start.setEnabled(False)
        self.cancel.setEnabled(True)
        self.task.start()

    def stop(self) -> None:
        if self.task is not None and self.task.is_running():
            self.task.cancel()
        self._on_task_finished(self.points)

    def _on_task_progress(self, _text: str, points, _total) -> None:
        self.points = points
        self.progress.setValue(len(points))
        self._draw()

    def _on_task_finished(self, points) -> None:
        self.points = list(points)
        self.start.setEnabled(True)
        self.cancel.setEnabled(False)
        self._draw()

    def _draw(self) -> None:
        if not self.points:
            self.train_curve.setData([], [])
            self.test_curve.setData([], [])
            return
        params = np.array([p.parameters for p in self.points], dtype=float)
        measure = self.measure.currentData()

        def value(p: SweepPoint, split: str) -> float:
            error = getattr(p, f"{split}_error")
            # Regression has no error rate: its loss is the measure.
            return getattr(p, f"{split}_loss") if measure == "loss" or error is None else error

        self.train_curve.setData(params, [value(p, "train") for p in self.points])
        self.test_curve.setData(params, [value(p, "test") for p in self.points])

    def done(self, result: int) -> None:  # closing the dialog stops the sweep
        if self.task is not None and self.task.is_running():
            self.task.cancel()
        super().done(result)
