"""Inside the network: step through forward and backward passes with real numbers."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.labs.backprop import Trace, trace
from core.labs.compute_graph import build_graph
from core.nn.network import Network, NetworkSpec
from gui.labs.compute_graph_view import ComputeGraphView
from gui.settings_binder import signals_blocked
from gui.theme import plot_ink
from gui.widgets import FittingComboBox

SETUPS = {
    "notes": ((2, 2, 1), "sigmoid", "sigmoid", "squared_error"),
    "softmax": ((2, 3, 2), "sigmoid", "softmax", "cross_entropy"),
}


class BackpropPage(QWidget):
    """Forward → loss → errors sent back through Wᵀ → gradients → update."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.stage = 0
        self.trace: Trace | None = None
        self.network: Network | None = None
        self._build_inputs()
        self._build_buttons()
        self._build_views()
        self._lay_out()
        self._connect()
        self._new_network(seed=1)

    def _build_inputs(self) -> None:
        self.setup = FittingComboBox()
        self.setup.addItem(self.tr("2-2-1, sigmoid + squared error (the notes)"), "notes")
        self.setup.addItem(self.tr("2-3-2, softmax + cross-entropy"), "softmax")
        self.inputs = [self._spin(v) for v in (0.9, 0.1)]
        self.target = self._spin(0.8, 0.0, 1.0)
        self.rate = self._spin(0.5, 0.001, 10.0)
        self.setup.setToolTip(self.tr("The network to follow: the notes' 2-2-1 example, or "
                                      "a softmax classifier."))
        for spin in self.inputs:
            spin.setToolTip(self.tr("An input value of the sample."))
        self.target.setToolTip(self.tr("The answer the network should give."))
        self.rate.setToolTip(self.tr("Learning rate of the update step."))

    def _build_buttons(self) -> None:
        self.forward_button = QPushButton(self.tr("Next step ▸"))
        self.back_button = QPushButton(self.tr("◂ Previous"))
        self.apply_button = QPushButton(self.tr("Apply the update"))
        self.randomise = QPushButton(self.tr("New random weights"))
        self.forward_button.setToolTip(self.tr("Compute the next number, forward then backward."))
        self.back_button.setToolTip(self.tr("Go back one step."))
        self.apply_button.setToolTip(self.tr("Subtract learning rate × gradient from every "
                                             "weight, then start the next sample."))
        self.randomise.setToolTip(self.tr("Start from other random weights."))
        self.stage_label = QLabel()
        self.stage_label.setStyleSheet("font-weight: bold;")

    def _build_views(self) -> None:
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("weight"), self.tr("value"), self.tr("dL/dw (backprop)"),
             self.tr("dL/dw (finite difference)")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.text = QTextEdit()
        self.text.setReadOnly(True)
        self.diagram = pg.PlotWidget()
        self.diagram.hideAxis("left")
        self.diagram.hideAxis("bottom")
        self.diagram.setMenuEnabled(False)
        self.diagram.setMouseEnabled(False, False)
        self.diagram.hideButtons()
        self.labels: list[pg.TextItem] = []
        self.graph_view = ComputeGraphView()
        self.views = QTabWidget()
        self.views.addTab(self.diagram, self.tr("Network"))
        self.views.addTab(self.graph_view, self.tr("Computational graph"))
        self.views.setTabToolTip(1, self.tr("Every ×, + and activation as a node: step the "
                                            "values forward and the gradients back by the "
                                            "chain rule."))

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.setup)
        for label, widget in ((self.tr("x1"), self.inputs[0]), (self.tr("x2"), self.inputs[1]),
                              (self.tr("target"), self.target),
                              (self.tr("learning rate"), self.rate)):
            top.addWidget(QLabel(label))
            top.addWidget(widget)
        top.addWidget(self.randomise)
        top.addStretch(1)
        steps = QHBoxLayout()
        for w in (self.back_button, self.forward_button, self.apply_button):
            steps.addWidget(w)
        steps.addWidget(self.stage_label, 1)
        right = QVBoxLayout()
        right.addWidget(self.text, 2)
        right.addWidget(self.table, 3)
        body = QHBoxLayout()
        body.addWidget(self.views, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(steps)
        layout.addLayout(body, 1)

    def _connect(self) -> None:
        self.setup.activated.connect(lambda _: self._new_network(seed=1))
        for spin in (*self.inputs, self.target, self.rate):
            spin.valueChanged.connect(lambda _: self.recompute())
        self.forward_button.clicked.connect(lambda: self.go(self.stage + 1))
        self.back_button.clicked.connect(lambda: self.go(self.stage - 1))
        self.apply_button.clicked.connect(self.apply_update)
        self.randomise.clicked.connect(lambda: self._new_network(seed=None))
        self.table.itemChanged.connect(self._on_table_item_changed)

    @staticmethod
    def _spin(value: float, low: float = -5.0, high: float = 5.0) -> QDoubleSpinBox:
        spin = QDoubleSpinBox()
        spin.setRange(low, high)
        spin.setDecimals(3)
        spin.setSingleStep(0.1)
        spin.setValue(value)
        return spin

    # -- model -------------------------------------------------------------------------
    @property
    def _setup(self):
        return SETUPS[self.setup.currentData()]

    def _new_network(self, seed: int | None) -> None:
        sizes, hidden_act, out_act, _ = self._setup
        spec = NetworkSpec(sizes[0], sizes[1:-1], sizes[-1], hidden_act, out_act,
                           init="small_uniform", dtype="float64")
        self.network = Network(spec, np.random.default_rng(seed))
        self.network.params += np.random.default_rng(seed).uniform(-1, 1, self.network.n_params)
        self.stage = 0
        self.recompute()

    def _targets(self) -> np.ndarray:
        sizes, _, out_act, _ = self._setup
        if out_act == "softmax":  # the target spin gives the probability of class 1
            return np.array([1.0 - self.target.value(), self.target.value()])
        return np.full(sizes[-1], self.target.value())

    def recompute(self) -> None:
        if self.network is None:
            return
        x = np.array([s.value() for s in self.inputs])
        self.trace = trace(self.network, x, self._targets(), self._setup[3], self.rate.value())
        self.graph_view.show_graph(build_graph(
            self.network.get_weights(), [a.name for a in self.network.activations], x,
            self._targets(), self._setup[3]))
        self._fill_table()
        self.go(self.stage)

    def apply_update(self) -> None:
        if self.trace is None or self.network is None:
            return
        before = self.trace.loss
        self.network.set_weights(list(self.trace.updated_weights))
        self.stage = 0
        self.recompute()
        self.stage_label.setText(self.tr("Updated: loss {0:.5f} → {1:.5f}. Step through "
                                         "again to see the next round.")
                                 .format(before, self.trace.loss))

    # -- the stages --------------------------------------------------------------------
    @property
    def n_stages(self) -> int:
        layers = len(self.trace.weights) if self.trace else 0
        return 2 * layers + 3  # inputs, each layer, loss, each error, gradients

    def go(self, stage: int) -> None:
        self.stage = int(np.clip(stage, 0, self.n_stages - 1))
        self.text.setPlainText(self.explain(self.stage))
        self._draw_diagram()
        # The gradient columns appear when the step-through reaches them.
        for column in (2, 3):
            self.table.setColumnHidden(column, self.stage < self.n_stages - 1)
        self.back_button.setEnabled(self.stage > 0)
        self.forward_button.setEnabled(self.stage < self.n_stages - 1)

    def explain(self, stage: int) -> str:
        """The computations of ``stage`` with the actual numbers, as plain text."""
        t = self.trace
        L = len(t.weights)
        fmt = lambda v: ", ".join(f"{x:.4f}" for x in np.atleast_1d(v))  # noqa: E731
        names = [a.name for a in self.network.activations]
        if stage == 0:
            title = self.tr("The sample")
            body = self.tr("inputs x = [{0}]\ntarget t = [{1}]").format(fmt(t.x), fmt(t.target))
        elif stage <= L:
            i = stage - 1
            W, b = t.weights[i]
            prev = t.x if i == 0 else t.outputs[i - 1]
            title = self.tr("Forward, layer {0}: weighted sums, then {1}").format(stage, names[i])
            rows = [f"z{j + 1} = " + " + ".join(f"{W[k, j]:.3f}·{prev[k]:.3f}"
                                                for k in range(W.shape[0]))
                    + f" + {b[j]:.3f} = {t.weighted_sums[i][j]:.4f}   →   "
                    f"a{j + 1} = {names[i]}(z{j + 1}) = {t.outputs[i][j]:.4f}"
                    for j in range(W.shape[1])]
            body = "\n".join(rows)
        elif stage == L + 1:
            title = self.tr("The loss")
            kind = self._setup[3]
            formula = "Σ (o − t)²" if kind == "squared_error" else "−Σ t·log(p)"
            body = f"L = {formula} = {t.loss:.6f}\n" + self.tr("output o = [{0}]").format(
                fmt(t.outputs[-1]))
        elif stage < self.n_stages - 1:
            i = L - (stage - L - 2) - 1          # errors go from the output backwards
            title = self.tr("Backward: the error δ of layer {0}").format(i + 1)
            if i == L - 1:
                how = ("δ = p − t (softmax with cross-entropy)" if self._setup[3] ==
                       "cross_entropy" else "δ = 2(o − t) ⊙ o(1 − o)   (sigmoid's slope)")
            else:
                how = (f"δ{i + 1} = (W{i + 2} · δ{i + 2}) ⊙ {names[i]}'(z{i + 1})   — the error "
                       "sent back through the weights, times the activation's slope")
            body = f"{how}\nδ{i + 1} = [{fmt(t.errors[i])}]"
        else:
            title = self.tr("Gradients: dL/dW = a_prev · δ, dL/db = δ")
            worst = max(float(np.abs(a - n).max()) for a, n in
                        zip(t.weight_gradients, t.numeric_weight_gradients, strict=True))
            body = self.tr("Every weight's gradient is in the table, beside the "
                           "finite-difference estimate (L(w+h) − L(w−h)) / 2h.\n"
                           "Largest difference: {0:.2e}.\nApply the update: w ← w − {1} · dL/dw; "
                           "the loss becomes {2:.6f} (was {3:.6f}).").format(
                worst, t.learning_rate, t.loss_after, t.loss)
        self.stage_label.setText(self.tr("Step {0} of {1}: {2}").format(
            stage + 1, self.n_stages, title))
        return body

    def _fill_table(self) -> None:
        t = self.trace
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
        with signals_blocked(self.table):  # the numbers shown are no edit
            self.table.setRowCount(len(rows))
            for r, (name, key, value, grad, numeric) in enumerate(rows):
                for c, text in enumerate((name, f"{value:.4f}", f"{grad:.6f}", f"{numeric:.6f}")):
                    item = QTableWidgetItem(text)
                    if c == 1:
                        item.setData(Qt.ItemDataRole.UserRole, key)  # which weight this is
                    else:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.table.setItem(r, c, item)

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        try:
            value = float(item.text())
        except ValueError:
            self.recompute()
            return
        layer, kind, k, j = key
        weights = self.network.get_weights()
        W, b = weights[layer]
        if kind == "W":
            W[k, j] = value
        else:
            b[k] = value
        self.network.set_weights(weights)
        self.recompute()

    @staticmethod
    def node_name(column: int, row: int, sizes: list[int]) -> str:
        """x1, x2 for inputs, h1… for hidden neurons (h1_1… when deeper), o or o1… for outputs."""
        if column == 0:
            return f"x{row + 1}"
        if column == len(sizes) - 1:
            return "o" if sizes[-1] == 1 else f"o{row + 1}"
        prefix = "h" if len(sizes) == 3 else f"h{column}_"
        return f"{prefix}{row + 1}"

    @staticmethod
    def _free_spot(start, end, taken, size=(0.75, 0.5)) -> tuple[float, float]:
        """The first point along an edge, from near its start, clear of ``taken`` labels."""
        (x0, y0), (x1, y1) = start, end
        spots = [(x0 + t * (x1 - x0), y0 + t * (y1 - y0))
                 for t in (0.3, 0.45, 0.2, 0.6, 0.7, 0.38, 0.52)]
        for x, y in spots:
            if all(abs(x - p.x()) > size[0] or abs(y - p.y()) > size[1] for p in taken):
                return x, y
        return spots[0]

    def _draw_edges(self, pos: dict, paper) -> None:
        """Each weight as a line, thicker for larger weights, with its value on a box."""
        placed = [pg.QtCore.QPointF(x, y) for x, y in pos.values()]  # nodes count as taken
        for layer, (W, _) in enumerate(self.trace.weights):
            for k in range(W.shape[0]):
                for j in range(W.shape[1]):
                    (x0, y0), (x1, y1) = pos[(layer, k)], pos[(layer + 1, j)]
                    colour = "#0877bd" if W[k, j] > 0 else "#f59322"
                    self.diagram.plot([x0, x1], [y0, y1],
                                      pen=pg.mkPen(colour, width=1 + 2 * min(abs(W[k, j]), 2)))
                    label = pg.TextItem(f"{W[k, j]:.2f}", color=colour, anchor=(0.5, 0.5),
                                        fill=paper, border=pg.mkPen(colour))
                    label.setPos(*self._free_spot((x0, y0), (x1, y1), placed))
                    placed.append(label.pos())
                    label.setZValue(5)
                    self.diagram.addItem(label)

    def _node_lines(self, c: int, r: int, name: str) -> list[str]:
        """The numbers a node shows at this stage: its input, or z and a once the forward
        pass has reached it, and δ once the errors have come back to it."""
        t = self.trace
        layers = len(t.weights)
        lines = []
        if c == 0:
            lines.append(f"{name} = {t.x[r]:.3f}")
        elif c <= min(self.stage, layers):
            lines.append(f"z = {t.weighted_sums[c - 1][r]:.3f}")
            lines.append(f"a = {t.outputs[c - 1][r]:.3f}")
        backward_from = self.stage - layers - 2   # how many error layers are shown
        if c > 0 and backward_from >= 0 and c >= layers - backward_from:
            lines.append(f"δ = {t.errors[c - 1][r]:.4f}")
        return lines

    def _draw_node(self, c: int, r: int, at: tuple[float, float], sizes: list[int],
                   paper) -> None:
        x, y = at
        name = self.node_name(c, r, sizes)
        self.diagram.plot([x], [y], symbol="o", symbolSize=40, symbolBrush="#eef3f8",
                          symbolPen="#183d4e")
        inside = pg.TextItem(f"<b>{name}</b>", anchor=(0.5, 0.5))
        inside.setHtml(f'<b style="color:#183d4e">{name}</b>')
        inside.setPos(x, y)
        inside.setZValue(10)
        self.diagram.addItem(inside)
        self.node_labels[name] = inside
        lines = self._node_lines(c, r, name)
        if not lines:
            return
        # Inputs read to the left of their node, outputs to the right, hidden above.
        if c == 0:
            anchor, place = (1.0, 0.5), (x - 0.45, y)
        elif c == len(sizes) - 1:
            anchor, place = (0.0, 0.5), (x + 0.45, y)
        else:
            anchor, place = (0.5, 1.0), (x, y + 0.4)
        text = pg.TextItem("\n".join(lines), color=plot_ink(), anchor=anchor, fill=paper)
        text.setPos(*place)
        text.setZValue(10)
        self.diagram.addItem(text)

    def _draw_diagram(self) -> None:
        """Nodes named inside their circles, numbers beside them on a background, weights
        on a label box near each edge's start: no text lies on a line."""
        t = self.trace
        sizes = [len(t.x), *(len(o) for o in t.outputs)]
        gap_x, gap_y = 3.0, 2.0
        pos = {(c, r): (c * gap_x, gap_y * ((n - 1) / 2 - r))
               for c, n in enumerate(sizes) for r in range(n)}
        self.diagram.clear()
        self.node_labels: dict[str, pg.TextItem] = {}
        paper = pg.mkBrush(self.palette().base().color())
        self._draw_edges(pos, paper)
        for (c, r), (x, y) in pos.items():
            self._draw_node(c, r, (x, y), sizes, paper)
        top = gap_y * (max(sizes) - 1) / 2
        self.diagram.setRange(xRange=(-2.2, gap_x * (len(sizes) - 1) + 2.2),
                              yRange=(-top - 0.7, top + 1.6), padding=0)
