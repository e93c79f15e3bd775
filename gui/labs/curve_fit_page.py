"""Curve fitting: a red line and a blue network chase the same points."""

from __future__ import annotations

from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.data.datasets import make_dataset
from core.labs.curve_fit import X_RANGE, CurveFit, FitSnapshot, SetPoints
from core.worker.loop import Pause, Play
from core.worker.protocol import Configure
from gui.history_plot import HistoryPlot
from gui.settings_binder import SettingsBinder
from gui.worker.training_controller import TrainingController

PICK_RADIUS = 0.4


def generate_points(name: str, noise: float, n: int = 30, seed: int | None = None):
    data = make_dataset(name, n, noise, np.random.default_rng(seed))
    return data.X[:, 0].astype(np.float64), data.y.astype(np.float64)


LEARNING_RATES = (0.001, 0.003, 0.01, 0.02, 0.03, 0.1, 0.3, 1.0)

class CurveFitPage(QWidget):
    """Left-click adds a point, drag moves one, right-click deletes it."""

    status_message = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.x, self.y = generate_points("line", 0.1, seed=0)
        self.snapshot: FitSnapshot | None = None
        self.running = False
        self._dragging: int | None = None
        self.binder = SettingsBinder("curve_fit", self)
        self._build_settings()
        self._build_buttons()
        self._build_plots()
        self._lay_out()
        self.controller = TrainingController(partial(CurveFit, self.x, self.y), self)
        self._connect()
        self.controller.start()
        self._draw_points()

    def _build_settings(self) -> None:
        bind = self.binder
        self.generator = bind.combo("points", tip=self.tr("The curve the points come from."))
        self.noise = QComboBox()  # how the points are made, not a setting of the models
        self.noise.setToolTip(self.tr("How far the points scatter around the curve."))
        for value in (0.0, 0.05, 0.1, 0.2, 0.4):
            self.noise.addItem(f"{value:g}", value)
        self.noise.setCurrentIndex(2)
        self.loss = bind.combo("loss", labels={"mse": self.tr("squared error"),
                                               "mae": self.tr("absolute error")}, tip=self.tr(
            "Squared error chases outliers; absolute error ignores them more."))
        self.rate = bind.combo("learning_rate", LEARNING_RATES, tip=self.tr(
            "Learning rate: how far each step moves the weights. Watch the red line: small "
            "rates tilt it slowly, large ones make it swing."))
        self.optimizer = bind.combo("optimizer", tip=self.tr(
            "How each step is made from the slope: plain SGD, with momentum, or scaled per "
            "weight (Adam, …)."))
        self.hidden = bind.spin("hidden", tip=self.tr(
            "Hidden neurons: each adds one bend to the curve."))

    def _build_buttons(self) -> None:
        self.show_parts = QCheckBox(self.tr("Show each hidden neuron's part"))
        self.play = QPushButton(self.tr("Fit"))
        self.reset = QPushButton(self.tr("Start over"))
        self.show_parts.setToolTip(self.tr("Draw each hidden neuron's contribution: the "
                                           "curve is their sum plus a bias."))
        self.play.setToolTip(self.tr("Fit the line and the network to the points "
                                     "by gradient descent."))
        self.reset.setToolTip(self.tr("New random weights for both models."))

    def _build_plots(self) -> None:
        self.equation = QLabel()
        self.equation.setStyleSheet("font-size: 14pt; color: #d62728;")
        self.equation.setFixedHeight(30)
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setXRange(*X_RANGE)
        self.parts = []
        self.line_item = self.plot.plot(pen=pg.mkPen("#d62728", width=3))
        self.curve_item = self.plot.plot(pen=pg.mkPen("#0877bd", width=3))
        self.points = pg.ScatterPlotItem(size=10, brush=pg.mkBrush("#1f77b4"),
                                         pen=pg.mkPen("w"))
        self.plot.addItem(self.points)
        series = [("line", "train", self.tr("line y = ax + b"), "#d62728", False),
                  ("curve", "train", self.tr("network"), "#0877bd", False)]
        self.loss_view = HistoryPlot("loss", self.tr("Training loss"), series)
        self.loss_view.set_log_scale(True)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for label, widget in ((self.tr("Points"), self.generator), (self.tr("Noise"), self.noise),
                              (self.tr("Loss"), self.loss),
                              (self.tr("Learning rate"), self.rate),
                              (self.tr("Optimiser"), self.optimizer),
                              (self.tr("Hidden neurons"), self.hidden)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        for widget in (self.show_parts, self.play, self.reset):
            top.addWidget(widget)
        top.addStretch(1)
        hint = QLabel(self.tr("Left-click adds a point, drag moves one, right-click removes it. "
                              "The red line can only tilt and shift; the blue network bends."))
        hint.setStyleSheet("color: #888;")
        body = QHBoxLayout()
        body.addWidget(self.plot, 3)
        body.addWidget(self.loss_view, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addWidget(self.equation)
        layout.addLayout(body, 1)

    def _connect(self) -> None:
        self.controller.snapshot_ready.connect(self._on_controller_snapshot)
        self.binder.changed.connect(
            lambda name, _: self._new_points() if name == "points" else self._configure())
        self.noise.activated.connect(lambda _: self._new_points())
        self.show_parts.toggled.connect(lambda _: self._draw_parts())
        self.play.clicked.connect(self.toggle_play)
        self.reset.clicked.connect(self._configure)
        self.plot.scene().sigMouseClicked.connect(self._on_plot_clicked)
        self.plot.viewport().installEventFilter(self)

    # -- training --------------------------------------------------------------------
    def toggle_play(self) -> None:
        self.running = not self.running
        self.controller.send(Play() if self.running else Pause())
        self.play.setText(self.tr("Pause") if self.running else self.tr("Fit"))

    def _configure(self) -> None:
        settings = self.binder.values()
        del settings["points"]  # the points go on their own, below
        self.controller.send(Configure(settings))
        self.controller.send(SetPoints(self.x, self.y))

    def _new_points(self) -> None:
        """Another point set is another problem: both models and their loss curves start anew."""
        self.x, self.y = generate_points(self.generator.currentData(), self.noise.currentData())
        self._send_points(new_set=True)

    def _send_points(self, new_set: bool = False) -> None:
        self._draw_points()
        self.controller.send(SetPoints(self.x.copy(), self.y.copy(), new_set))

    def shutdown(self) -> None:
        self.controller.stop()

    def _on_controller_snapshot(self, snap: FitSnapshot) -> None:
        self.snapshot = snap
        self.line_item.setData(snap.grid, snap.line)
        self.curve_item.setData(snap.grid, snap.curve)
        sign = "−" if snap.intercept < 0 else "+"
        self.equation.setText(self.tr("red line: y = {0:.3f}·x {1} {2:.3f}    (step {3})")
                              .format(snap.slope, sign, abs(snap.intercept), snap.step))
        self.loss_view.show_histories({"line": snap.line_history, "curve": snap.curve_history})
        self._draw_parts()
        if snap.message:
            self.status_message.emit(snap.message)

    def _draw_parts(self) -> None:
        snap = self.snapshot
        wanted = snap.contributions if snap is not None and self.show_parts.isChecked() else []
        while len(self.parts) > len(wanted):
            self.plot.removeItem(self.parts.pop())
        while len(self.parts) < len(wanted):
            self.parts.append(self.plot.plot(pen=pg.mkPen(120, 120, 200, 120, width=1)))
        for item, values in zip(self.parts, wanted, strict=True):
            item.setData(snap.grid, values)

    def _draw_points(self) -> None:
        self.points.setData(self.x, self.y)
        lo, hi = float(min(self.y.min(), -1)), float(max(self.y.max(), 1))
        self.plot.setYRange(lo - 0.2, hi + 0.2)

    # -- editing points ----------------------------------------------------------------
    def _nearest(self, x: float, y: float) -> int | None:
        if not len(self.x):
            return None
        d = np.hypot(self.x - x, self.y - y)
        i = int(d.argmin())
        return i if d[i] <= PICK_RADIUS else None

    def _on_plot_clicked(self, event) -> None:
        p = self.plot.getViewBox().mapSceneToView(event.scenePos())
        x, y = float(p.x()), float(p.y())
        if event.button() == Qt.MouseButton.RightButton:
            i = self._nearest(x, y)
            if i is not None and len(self.x) > 2:
                self.x, self.y = np.delete(self.x, i), np.delete(self.y, i)
                self._send_points()
        elif event.button() == Qt.MouseButton.LeftButton and self._nearest(x, y) is None and \
                X_RANGE[0] <= x <= X_RANGE[1]:
            self.x, self.y = np.append(self.x, x), np.append(self.y, y)
            self._send_points()

    def eventFilter(self, obj, event) -> bool:
        """Drag a point: press on it, move, release (sent to the worker on release)."""
        kind = event.type()
        if kind == event.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            p = self.plot.getViewBox().mapSceneToView(self.plot.mapToScene(event.position()
                                                                            .toPoint()))
            self._dragging = self._nearest(float(p.x()), float(p.y()))
        elif kind == event.Type.MouseMove and self._dragging is not None:
            p = self.plot.getViewBox().mapSceneToView(self.plot.mapToScene(event.position()
                                                                            .toPoint()))
            self.x[self._dragging], self.y[self._dragging] = float(p.x()), float(p.y())
            self.points.setData(self.x, self.y)
            return True
        elif kind == event.Type.MouseButtonRelease and self._dragging is not None:
            self._dragging = None
            self._send_points()
            return True
        return super().eventFilter(obj, event)
