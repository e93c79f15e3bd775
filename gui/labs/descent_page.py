"""The gradient-descent lab: a walker on a cost curve, and optimisers racing on surfaces."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.descent_lab import CURVES_1D, SURFACES, Path, descend_curve, random_starts
from core.expression import ExpressionError, parse_expression
from core.optimizers import OPTIMIZERS
from gui.image_item import ImageItem
from gui.labs.path_player import PathPlayer
from gui.theme import plot_ink

W_RANGE = (-2.0, 12.0)
STEPS_1D = 200
STEPS_2D = 600
OPTIMIZER_COLOURS = {"sgd": "#d62728", "momentum": "#1f77b4", "nesterov": "#17becf",
                     "rmsprop": "#9467bd", "adam": "#2ca02c", "adagrad": "#ff7f0e"}
# Rates that suit each optimiser on these surfaces; the slider scales them all.
BASE_RATES = {"sgd": 0.01, "momentum": 0.002, "nesterov": 0.002, "rmsprop": 0.01,
              "adam": 0.05, "adagrad": 0.5}


def log_slider(value: float, low: float, high: float) -> QSlider:
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(0, 1000)
    slider.setValue(round(1000 * np.log(value / low) / np.log(high / low)))
    return slider


def log_value(slider: QSlider, low: float, high: float) -> float:
    return float(low * (high / low) ** (slider.value() / 1000))


class CurveLab(QWidget):
    """1D: the tangent, the step −α·slope, and what the learning rate does."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.formula = parse_expression(CURVES_1D["bowl"])
        self.start = 0.0
        self.path: Path | None = None
        self.curve_choice = QComboBox()
        self.curve_choice.setToolTip(self.tr("The cost curve to walk down; some have more "
                                             "than one valley."))
        names = {"bowl": self.tr("bowl (w−5)²"), "absolute": self.tr("absolute |w−5|"),
                 "double_well": self.tr("double well (local + global minimum)"),
                 "plateau": self.tr("flat plateau")}
        for key, label in names.items():
            self.curve_choice.addItem(label, CURVES_1D[key])
        self.formula_edit = QLineEdit(CURVES_1D["bowl"])
        self.formula_edit.setToolTip(self.tr("Type your own cost in w: + − × ÷ ^, sin, cos, "
                                             "exp, abs, log, sqrt, tanh"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00;")
        self.rate = log_slider(0.1, 0.001, 1.5)
        self.rate_label = QLabel()
        self.play = QPushButton(self.tr("Play"))
        self.step_button = QPushButton(self.tr("Step"))
        self.rate.setToolTip(self.tr("Learning rate: each step moves by this times the slope. "
                                     "Too large overshoots and bounces."))
        self.play.setToolTip(self.tr("Walk downhill step after step."))
        self.step_button.setToolTip(self.tr("Take one step."))
        self.readout = QLabel()
        self.readout.setFixedHeight(3 * self.readout.fontMetrics().lineSpacing() + 8)
        self.plot = pg.PlotWidget()
        self.plot.setLabel("bottom", "w")
        self.plot.setLabel("left", self.tr("cost"))
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.curve_item = self.plot.plot(pen=pg.mkPen(plot_ink(), width=2))
        self.trail = self.plot.plot(pen=pg.mkPen("#f59322", width=1),
                                    symbol="o", symbolSize=6, symbolBrush="#f59322")
        self.tangent = self.plot.plot(pen=pg.mkPen("#0877bd", width=2, style=Qt.PenStyle.DashLine))
        self.step_arrow = pg.ArrowItem(angle=180, headLen=12, brush="#d62728", pen=None)
        self.plot.addItem(self.step_arrow)
        self.walker = self.plot.plot(symbol="o", symbolSize=13, symbolBrush="#d62728", pen=None)
        self.player = PathPlayer(self)

        controls = QGridLayout()
        controls.addWidget(QLabel(self.tr("Cost curve")), 0, 0)
        controls.addWidget(self.curve_choice, 0, 1)
        controls.addWidget(QLabel(self.tr("or type one")), 0, 2)
        controls.addWidget(self.formula_edit, 0, 3)
        controls.addWidget(self.rate_label, 1, 0)
        controls.addWidget(self.rate, 1, 1, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.play)
        buttons.addWidget(self.step_button)
        buttons.addWidget(QLabel(self.tr("Click the plot to choose the starting w.")))
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)

        self.curve_choice.activated.connect(self._on_curve_choice_activated)
        self.formula_edit.editingFinished.connect(self._on_formula_edited)
        self.rate.valueChanged.connect(lambda _: self.recompute())
        self.play.clicked.connect(self._on_play_clicked)
        self.step_button.clicked.connect(self.player.step)
        self.player.changed.connect(self._draw_walker)
        self.plot.scene().sigMouseClicked.connect(self._on_plot_clicked)
        self._draw_curve()
        self.recompute()

    @property
    def learning_rate(self) -> float:
        return log_value(self.rate, 0.001, 1.5)

    def _on_curve_choice_activated(self, _index: int) -> None:
        self.formula_edit.setText(self.curve_choice.currentData())
        self._on_formula_edited()

    def _on_formula_edited(self) -> None:
        try:
            self.formula = parse_expression(self.formula_edit.text())
        except ExpressionError as exc:
            self.error.setText(str(exc))
            return
        self.error.setText("")
        self._draw_curve()
        self.recompute()

    def _on_plot_clicked(self, event) -> None:
        point = self.plot.getViewBox().mapSceneToView(event.scenePos())
        if W_RANGE[0] <= point.x() <= W_RANGE[1]:
            self.start = float(point.x())
            self.recompute()

    def _on_play_clicked(self) -> None:
        self.player.toggle()
        self.play.setText(self.tr("Pause") if self.player.playing else self.tr("Play"))

    def _draw_curve(self) -> None:
        w = np.linspace(*W_RANGE, 600)
        cost = self.formula(w)
        self.curve_item.setData(w, cost, connect="finite")
        finite = cost[np.isfinite(cost)]
        if len(finite):
            lo, hi = float(finite.min()), float(finite.max())
            self.plot.setRange(xRange=W_RANGE, yRange=(lo, hi + 0.05 * (hi - lo + 1)), padding=0)

    def recompute(self) -> None:
        """New start, formula or rate: recompute the path in core and replay it."""
        self.rate_label.setText(self.tr("Learning rate α = {0:.4f}").format(self.learning_rate))
        self.path = descend_curve(self.formula, self.start, self.learning_rate, STEPS_1D)
        self.player.reset(len(self.path.points) - 1)

    def _draw_walker(self, shown: int) -> None:
        path = self.path
        if path is None:
            return
        w, cost, slope = path.points[shown, 0], path.values[shown], path.slopes[shown, 0]
        visible = path.points[: shown + 1, 0]
        self.trail.setData(visible, path.values[: shown + 1])
        self.walker.setData([w], [cost])
        span = np.array([w - 1.5, w + 1.5])
        self.tangent.setData(span, cost + slope * (span - w))
        move = -self.learning_rate * slope
        self.step_arrow.setPos(w + move, cost)
        self.step_arrow.setStyle(angle=180 if move > 0 else 0)  # the arrow points along the move
        regime = self._regime(path)
        self.readout.setText(self.tr(
            "step {0}: w = {1:.4f}, cost = {2:.4f}, slope = {3:.4f}\n"
            "next move = −α × slope = −{4:.4f} × {3:.4f} = {5:+.4f}\n{6}"
        ).format(shown, w, cost, slope, self.learning_rate, move, regime))

    def _regime(self, path: Path) -> str:
        if path.diverged:
            return self.tr("Diverging: each step overshoots further — lower the learning rate.")
        moves = np.diff(path.points[:, 0])
        if len(moves) > 4 and np.mean(np.sign(moves[1:]) != np.sign(moves[:-1])) > 0.5:
            return self.tr("Oscillating: the steps jump across the minimum.")
        if abs(path.slopes[-1, 0]) > 0.05 * max(abs(path.slopes[0, 0]), 1e-9):
            return self.tr("Crawling: steps are tiny — the learning rate (or the slope) is small.")
        return self.tr("Converging: the slope shrinks, so the steps shrink too.")


class SurfaceLab(QWidget):
    """2D: six optimisers race from the same start over a loss surface."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.surface = SURFACES["bowl"]
        self.start = self.surface.start
        self.paths: dict[str, Path] = {}
        self.surface_choice = QComboBox()
        self.surface_choice.setToolTip(self.tr("The cost surface over two weights."))
        labels = {"bowl": self.tr("bowl"), "valley": self.tr("elongated valley"),
                  "rosenbrock": self.tr("Rosenbrock's banana"), "saddle": self.tr("saddle"),
                  "himmelblau": self.tr("Himmelblau (four minima)"),
                  "neuron": self.tr("a two-weight neuron's real loss")}
        for key, label in labels.items():
            self.surface_choice.addItem(label, key)
        self.rate = log_slider(1.0, 0.05, 20.0)
        self.rate_label = QLabel()
        optimizer_tips = {
            "sgd": self.tr("Plain gradient descent: a step down the slope."),
            "momentum": self.tr("Keeps a velocity: rolls through flat parts and small bumps."),
            "nesterov": self.tr("Momentum that looks ahead before it steps: overshoots less."),
            "rmsprop": self.tr("Divides each step by the recent size of that gradient."),
            "adam": self.tr("Momentum plus RMSProp's per-weight scaling of the steps."),
            "adagrad": self.tr("Shrinks each weight's steps by all its past gradients."),
        }
        self.checks = {name: QCheckBox(name) for name in OPTIMIZERS}
        for name, check in self.checks.items():
            check.setChecked(True)
            check.setStyleSheet(f"color: {OPTIMIZER_COLOURS[name]}; font-weight: bold;")
        self.play = QPushButton(self.tr("Play"))
        self.starts_button = QPushButton(self.tr("Drop 30 random starts"))
        self.starts_button.setToolTip(self.tr("Thirty starting points at once: which minimum "
                                              "you reach depends on where you start."))
        self.rate.setToolTip(self.tr("Scales every optimiser's learning rate together."))
        self.play.setToolTip(self.tr("Run the ticked optimisers side by side."))
        for name, check in self.checks.items():
            check.setToolTip(optimizer_tips[name])
        gl = QCheckBox(self.tr("3D view"))
        gl.setEnabled(False)
        gl.setToolTip(self.tr("The 3D surface needs OpenGL (PyOpenGL), which is not installed; "
                              "the contour map shows the same surface from above."))
        self.map = pg.PlotWidget()
        self.map.setMenuEnabled(False)
        self.map.setAspectLocked(False)
        self.map.setLabel("bottom", "w1")
        self.map.setLabel("left", "w2")
        self.image = ImageItem(axisOrder="col-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.map.addItem(self.image)
        self.contours: list[pg.IsocurveItem] = []
        self.path_items = {name: self.map.plot(pen=pg.mkPen(colour, width=2))
                           for name, colour in OPTIMIZER_COLOURS.items()}
        self.start_item = self.map.plot(symbol="x", symbolSize=14, symbolPen="w", pen=None)
        self.ends = pg.ScatterPlotItem(size=9, pen=pg.mkPen("w"))
        self.map.addItem(self.ends)
        self.loss_plot = pg.PlotWidget(title=self.tr("loss along each path"))
        self.loss_plot.setLogMode(y=True)
        self.loss_plot.setLabel("bottom", self.tr("step"))
        self.loss_items = {name: self.loss_plot.plot(pen=pg.mkPen(colour, width=2))
                           for name, colour in OPTIMIZER_COLOURS.items()}
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.player = PathPlayer(self, interval_ms=30)
        self.player.steps_per_tick = 4

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Surface")))
        top.addWidget(self.surface_choice)
        top.addWidget(self.rate_label)
        top.addWidget(self.rate, 1)
        top.addWidget(self.play)
        top.addWidget(self.starts_button)
        top.addWidget(gl)
        checks = QHBoxLayout()
        for check in self.checks.values():
            checks.addWidget(check)
        checks.addWidget(QLabel(self.tr("Click the map to choose the start.")))
        checks.addStretch(1)
        plots = QHBoxLayout()
        plots.addWidget(self.map, 3)
        plots.addWidget(self.loss_plot, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(checks)
        layout.addLayout(plots, 1)
        layout.addWidget(self.info)

        self.surface_choice.activated.connect(self._on_surface_activated)
        self.rate.valueChanged.connect(lambda _: self.recompute())
        for check in self.checks.values():
            check.toggled.connect(lambda _: self._draw(self.player.shown))
        self.play.clicked.connect(self._on_play_clicked)
        self.starts_button.clicked.connect(self._on_starts_clicked)
        self.player.changed.connect(self._draw)
        self.map.scene().sigMouseClicked.connect(self._on_map_clicked)
        self._draw_surface()
        self.recompute()

    @property
    def rate_scale(self) -> float:
        return log_value(self.rate, 0.05, 20.0)

    def _on_surface_activated(self, _index: int) -> None:
        self.surface = SURFACES[self.surface_choice.currentData()]
        self.start = self.surface.start
        self.ends.setData([])
        self._draw_surface()
        self.recompute()

    def _on_map_clicked(self, event) -> None:
        p = self.map.getViewBox().mapSceneToView(event.scenePos())
        x0, x1, y0, y1 = self.surface.extent
        if x0 <= p.x() <= x1 and y0 <= p.y() <= y1:
            self.start = (float(p.x()), float(p.y()))
            self.recompute()

    def _on_play_clicked(self) -> None:
        self.player.toggle()
        self.play.setText(self.tr("Pause") if self.player.playing else self.tr("Play"))

    def _draw_surface(self) -> None:
        a, b, values = self.surface.grid(200)
        self._loss_floor = float(np.nanmin(values))
        shown = np.log1p(values - self._loss_floor)  # log: valleys stay visible
        self.image.setImage(shown.astype(np.float32), autoLevels=True)
        self.image.setRect(a[0], b[0], a[-1] - a[0], b[-1] - b[0])
        for item in self.contours:
            self.map.removeItem(item)
        self.contours = []
        for level in np.linspace(np.nanmin(shown), np.nanmax(shown), 12)[1:-1]:
            iso = pg.IsocurveItem(data=shown, level=level, pen=pg.mkPen(255, 255, 255, 90))
            iso.setParentItem(self.image)
            self.contours.append(iso)
        self.map.setRange(xRange=(a[0], a[-1]), yRange=(b[0], b[-1]), padding=0)

    def recompute(self) -> None:
        self.rate_label.setText(self.tr("rates × {0:.2f}").format(self.rate_scale))
        self.paths = {name: self.surface.walk(self.start, name, BASE_RATES[name] * self.rate_scale,
                                              STEPS_2D) for name in OPTIMIZERS}
        self.start_item.setData([self.start[0]], [self.start[1]])
        self.player.reset(STEPS_2D)
        self._draw(STEPS_2D if not self.player.playing else 0)

    def _draw(self, shown: int) -> None:
        lines = []
        for name, path in self.paths.items():
            visible = self.checks[name].isChecked()
            n = min(shown, len(path.points) - 1)
            points = path.points[: n + 1] if visible else np.zeros((0, 2))
            self.path_items[name].setData(points[:, 0], points[:, 1])
            losses = path.values[: n + 1] if visible else np.zeros(0)
            self.loss_items[name].setData(np.arange(len(losses)),
                                          np.maximum(losses - self._loss_floor, 1e-12))
            state = self.tr("diverged") if path.diverged else f"{path.values[n]:.4g}"
            lines.append(f"{name}: {state}")
        self.info.setText(self.tr("Loss after {0} steps — ").format(shown) + ", ".join(lines))

    def _on_starts_clicked(self) -> None:
        rng = np.random.default_rng()
        paths = random_starts(self.surface, 30, rng, "sgd", BASE_RATES["sgd"] * self.rate_scale,
                              STEPS_2D)
        colours = ["#e41a1c", "#377eb8", "#4daf4a", "#984ea3", "#ff7f00"]
        spots = []
        for path in paths:
            if path.diverged or not len(self.surface.minima):
                continue
            k = self.surface.nearest_minimum(path.final)
            spots.append({"pos": tuple(path.points[0]), "brush": colours[k % len(colours)]})
        self.ends.setData(spots)
        self.info.setText(self.tr("Each dot is a random start, coloured by the minimum plain "
                                  "gradient descent reached from it."))


class DescentPage(QWidget):
    """Both halves of the lab, 1D and 2D."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.curve = CurveLab()
        self.surface = SurfaceLab()
        tabs = QTabWidget()
        tabs.addTab(self.curve, self.tr("1D: one weight"))
        tabs.addTab(self.surface, self.tr("2D: two weights, six optimisers"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(tabs)
