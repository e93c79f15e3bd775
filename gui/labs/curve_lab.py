"""1D descent: a walker on a cost curve, its tangent, its step, and where it settles."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.labs.descent import (
    CURVES_1D,
    W_RANGE,
    Path,
    curve_minima,
    descend_curve,
    readable,
    settled_minimum,
)
from core.util.expression import ExpressionError, parse_expression
from gui.labs.path_player import PathPlayer
from gui.labs.rate_slider import bound_rate_slider
from gui.settings_binder import SettingsBinder
from gui.theme import plot_ink

STEPS_1D = 200


def clip_to_view(x: np.ndarray, y: np.ndarray, view: tuple[tuple[float, float], ...]
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Points pinned to the visible rectangle: a walk that runs away ends at the edge."""
    (x0, x1), (y0, y1) = view
    with np.errstate(invalid="ignore"):
        return np.clip(np.nan_to_num(x, posinf=x1, neginf=x0), x0, x1), \
            np.clip(np.nan_to_num(y, posinf=y1, neginf=y0), y0, y1)


class CurveLab(QWidget):
    """1D: the tangent, the step −α·slope, and what the learning rate does."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.formula = parse_expression(CURVES_1D["bowl"])
        self.start = 0.0
        self.path: Path | None = None
        self.minima = curve_minima(self.formula)
        self.binder = SettingsBinder("descent", self)
        self._build_controls()
        self._build_plot()
        self.player = PathPlayer(self)
        self._lay_out()
        self._connect()
        self._draw_curve()
        self.recompute()

    def _build_controls(self) -> None:
        # The menu holds formulas, not the table's names: picking one fills the formula
        # box, where a person may also type a curve of their own.
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
        self.rate = bound_rate_slider(self.binder, "learning_rate", self.tr(
            "Learning rate: each step moves by this times the slope. Too large overshoots and "
            "bounces."))
        self.rate_label = QLabel()
        self.play = QPushButton(self.tr("Play"))
        self.step_button = QPushButton(self.tr("Step"))
        self.play.setToolTip(self.tr("Walk downhill step after step."))
        self.step_button.setToolTip(self.tr("Take one step."))
        self.readout = QLabel()
        self.readout.setWordWrap(True)
        self.readout.setFixedHeight(4 * self.readout.fontMetrics().lineSpacing() + 8)

    def _build_plot(self) -> None:
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
        # A walker that has left the plot waits at its edge, pointing where it went.
        self.away_arrow = pg.ArrowItem(headLen=18, brush="#d62728", pen=None)
        self.away_note = pg.TextItem(color="#d62728", anchor=(0.5, 1.2))
        for item in (self.away_arrow, self.away_note):
            self.plot.addItem(item)
            item.hide()
        self.minimum_labels: list[pg.TextItem] = []

    def _lay_out(self) -> None:
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

    def _connect(self) -> None:
        self.curve_choice.activated.connect(self._on_curve_choice_activated)
        self.formula_edit.editingFinished.connect(self._on_formula_edited)
        self.binder.changed.connect(lambda *_: self.recompute())
        self.play.clicked.connect(self._on_play_clicked)
        self.step_button.clicked.connect(self.player.step)
        self.player.changed.connect(self._draw_walker)
        self.plot.scene().sigMouseClicked.connect(self._on_plot_clicked)

    @property
    def learning_rate(self) -> float:
        return self.rate.rate

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
        self.minima = curve_minima(self.formula)
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
        self._mark_minima()

    def _mark_minima(self) -> None:
        """Name each low point of the curve, so a walker's resting place can be compared."""
        for label in self.minimum_labels:
            self.plot.removeItem(label)
        self.minimum_labels = []
        for m in self.minima:
            text = self.tr("global minimum") if m.is_global else self.tr("local minimum")
            colour = "#2ca02c" if m.is_global else "#8c564b"
            # The mark sits on the low point; its name one line above it.
            for shown, anchor in (("▼", (0.5, 1.0)), (text, (0.5, 1.9))):
                label = pg.TextItem(shown, color=colour, anchor=anchor)
                label.setPos(m.w, m.cost)
                self.plot.addItem(label)
                self.minimum_labels.append(label)

    def recompute(self) -> None:
        """New start, formula or rate: recompute the path in core and replay it."""
        self.rate_label.setText(self.tr("Learning rate α = {0}").format(f"{self.learning_rate:g}"))
        self.path = descend_curve(self.formula, self.start, self.learning_rate, STEPS_1D)
        self.player.reset(len(self.path.points) - 1)

    def _draw_walker(self, shown: int) -> None:
        path = self.path
        if path is None:
            return
        w, cost, slope = path.points[shown, 0], path.values[shown], path.slopes[shown, 0]
        view = tuple(tuple(r) for r in self.plot.getViewBox().viewRange())
        self.trail.setData(*clip_to_view(path.points[: shown + 1, 0],
                                         path.values[: shown + 1], view))
        (x0, x1), (y0, y1) = view
        # A hair's slack: the view's floor is the lowest grid value, and a walker resting
        # in the minimum between two grid points sits a hair below it — still on the plot.
        slack_x, slack_y = 0.01 * (x1 - x0), 0.01 * (y1 - y0)
        inside = bool(x0 - slack_x <= w <= x1 + slack_x and y0 - slack_y <= cost <= y1 + slack_y)
        self._show_away(w, cost, view, inside)
        if inside:
            self.walker.setData([w], [cost])
            span = np.array([w - 1.5, w + 1.5])
            self.tangent.setData(span, cost + slope * (span - w))
        else:
            self.walker.setData([], [])
            self.tangent.setData([], [])
        move = -self.learning_rate * slope
        arrow = bool(inside and np.isfinite(move))
        self.step_arrow.setVisible(arrow)
        if arrow:
            self.step_arrow.setPos(w + move, cost)
            self.step_arrow.setStyle(angle=180 if move > 0 else 0)  # points along the move
        self.readout.setText(self.tr(
            "step {0}: w = {1}, cost = {2}, slope = {3}\n"
            "next move = −α × slope = −{4:g} × {3} = {5}\n{6}"
        ).format(shown, readable(w), readable(cost), readable(slope), self.learning_rate,
                 readable(move), self._regime(path, shown)))

    def _show_away(self, w: float, cost: float, view, inside: bool) -> None:
        """Off the plot: an arrow at the edge towards the walker and where it is."""
        for item in (self.away_arrow, self.away_note):
            item.setVisible(not inside)
        if inside:
            return
        (x0, x1), (y0, y1) = view
        x, y = clip_to_view(np.array([w]), np.array([cost]), view)
        x, y = float(x[0]), float(y[0])
        # pyqtgraph's arrow angle is where the head points from: 180 = right, 90 = down.
        w, cost = float(w), float(cost)
        dx = int(w > x1) - int(w < x0) if np.isfinite(w) else 0
        dy = int(cost > y1) - int(cost < y0) if np.isfinite(cost) else 1
        angle = float(np.degrees(np.arctan2(-dy, dx))) + 180.0
        inset_x, inset_y = 0.04 * (x1 - x0), 0.06 * (y1 - y0)
        x = min(max(x, x0 + inset_x), x1 - inset_x)
        y = min(max(y, y0 + inset_y), y1 - inset_y)
        self.away_arrow.setStyle(angle=angle)
        self.away_arrow.setPos(x, y)
        self.away_note.setText(self.tr("off the plot: w = {0}").format(readable(w)))
        self.away_note.setPos(min(max(x, x0 + 0.2 * (x1 - x0)), x1 - 0.2 * (x1 - x0)), y)

    def _regime(self, path: Path, shown: int) -> str:
        settled = settled_minimum(path, self.minima, shown)
        if settled is not None:
            return self._settled_text(settled)
        if path.diverged:
            return self.tr("Diverging: each step overshoots further — lower the learning rate.")
        moves = np.diff(path.points[:, 0])
        if len(moves) > 4 and np.mean(np.sign(moves[1:]) != np.sign(moves[:-1])) > 0.5:
            return self.tr("Oscillating: the steps jump across the minimum.")
        if abs(path.slopes[-1, 0]) > 0.05 * max(abs(path.slopes[0, 0]), 1e-9):
            return self.tr("Crawling: steps are tiny — the learning rate (or the slope) is small.")
        return self.tr("Converging: the slope shrinks, so the steps shrink too.")

    def _settled_text(self, settled) -> str:
        if settled.is_global:
            return self.tr("Settled in the global minimum at w = {0} (cost {1}).").format(
                readable(settled.w), readable(settled.cost))
        best = [m for m in self.minima if m.is_global]
        elsewhere = self.tr(" The global minimum is at w = {0} (cost {1}).").format(
            readable(best[0].w), readable(best[0].cost)) if best else ""
        return self.tr("Settled in a local minimum at w = {0} (cost {1}): the slope is 0 here, "
                       "so it never finds lower ground.").format(
            readable(settled.w), readable(settled.cost)) + elsewhere
