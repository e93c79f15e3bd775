"""The computational graph of one sample, stepped forward (values) and backward (gradients)."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from core.labs.compute_graph import LEAVES, Graph, layout
from gui.colors import BLUE, ORANGE
from gui.theme import plot_ink

SYMBOLS = {"mul": "×", "add": "+", "sigmoid": "σ", "tanh": "tanh", "relu": "ReLU",
           "linear": "id", "softmax": "<small>soft<br>max</small>", "loss": "L"}


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _number(value: float) -> str:
    return f"{value:.3g}" if abs(value) < 1e4 else f"{value:.2e}"


class ComputeGraphView(QWidget):
    """Every operation a node; Next reveals one value, then one gradient, at a time."""

    stage_changed = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.graph: Graph | None = None
        self.stage = 0
        self.selected: int | None = None
        self.plot = pg.PlotWidget()
        for axis in ("left", "bottom"):
            self.plot.hideAxis(axis)
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setAspectLocked(False)
        self.edges = pg.PlotDataItem(pen=pg.mkPen(plot_ink(), width=1), connect="pairs")
        self.lit_edges = pg.PlotDataItem(pen=pg.mkPen(ORANGE, width=2), connect="pairs")
        self.dots = pg.ScatterPlotItem(size=34, pen=pg.mkPen(plot_ink()), hoverable=True)
        self.current = pg.ScatterPlotItem(size=42, brush=None, pen=pg.mkPen(ORANGE, width=3))
        for item in (self.edges, self.lit_edges, self.dots, self.current):
            self.plot.addItem(item)
        self.texts: list[pg.TextItem] = []   # label and numbers under each node
        self.symbols: list[pg.TextItem] = []  # the operation inside each circle
        self.back_button = QPushButton(self.tr("◂ Back"))
        self.next_button = QPushButton(self.tr("Next ▸"))
        self.back_button.setToolTip(self.tr("Hide the last number computed."))
        self.next_button.setToolTip(self.tr("Compute the next node: values forward, then "
                                            "gradients backward."))
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.explain.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.explain, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.plot, 1)
        self.back_button.clicked.connect(lambda: self.go(self.stage - 1))
        self.next_button.clicked.connect(lambda: self.go(self.stage + 1))
        self.dots.sigClicked.connect(self._on_dots_clicked)

    # -- data ---------------------------------------------------------------------------
    def show_graph(self, graph: Graph) -> None:
        """A new graph (new weights or sample): keep the stage, redraw everything."""
        self.graph = graph
        self.positions = layout(graph)
        for text in (*self.texts, *self.symbols):
            self.plot.removeItem(text)
        self.texts, self.symbols = [], []
        for index, node in enumerate(graph.nodes):
            leaf = node.op in LEAVES
            text = pg.TextItem(anchor=(1.08, 0.5) if leaf else (0.5, -0.55), color=plot_ink())
            self.plot.addItem(text)
            self.texts.append(text)
            if not leaf:
                symbol = pg.TextItem(anchor=(0.5, 0.5), color=plot_ink())
                symbol.setHtml(f"<center>{SYMBOLS[node.op]}</center>")
                symbol.setPos(*self.positions[index])
                self.plot.addItem(symbol)
                self.symbols.append(symbol)
        pairs = [(self.positions[s], self.positions[i])
                 for i, n in enumerate(graph.nodes) for s in n.inputs]
        flat = np.array(pairs).reshape(-1, 2) if pairs else np.zeros((0, 2))
        self.edges.setData(flat[:, 0], flat[:, 1])
        leaves = [n.op in LEAVES for n in graph.nodes]
        self.dots.setData(pos=self.positions, data=list(range(len(graph.nodes))),
                          symbol=["s" if leaf else "o" for leaf in leaves],
                          size=[14 if leaf else 34 for leaf in leaves],
                          brush=[pg.mkBrush("#dddddd") if leaf else pg.mkBrush("#ffffff")
                                 for leaf in leaves])
        self.plot.setRange(xRange=(self.positions[:, 0].min() - 0.4,
                                   self.positions[:, 0].max() + 0.4),
                           yRange=(self.positions[:, 1].min() - 0.9,
                                   self.positions[:, 1].max() + 0.4), padding=0)
        self.go(min(self.stage, self.last_stage))

    @property
    def last_stage(self) -> int:
        if self.graph is None:
            return 0
        return len(self.graph.forward_order) + len(self.graph.backward_order)

    # -- stepping -------------------------------------------------------------------------
    def go(self, stage: int) -> None:
        if self.graph is None:
            return
        self.stage = max(0, min(stage, self.last_stage))
        graph = self.graph
        n_forward = len(graph.forward_order)
        valued = {i for i, n in enumerate(graph.nodes) if n.op in LEAVES}
        valued.update(graph.forward_order[:self.stage])
        graded = set(graph.backward_order[:max(0, self.stage - n_forward)])
        for i, (node, text) in enumerate(zip(graph.nodes, self.texts, strict=True)):
            lines = [] if node.op == "mul" else [f"<b>{node.label}</b>"]
            if i in valued:
                lines.append(f'<span style="color:{_hex(BLUE)}">{_number(node.value)}</span>')
            if i in graded:
                lines.append(f'<span style="color:{_hex(ORANGE)}">∂L: '
                             f'{_number(graph.grads[i])}</span>')
            text.setHtml("<center>" + "<br>".join(lines) + "</center>")
            text.setPos(*self.positions[i])
        if self.stage == 0:
            current = None
        elif self.stage <= n_forward:
            current = graph.forward_order[self.stage - 1]
        else:
            current = graph.backward_order[self.stage - n_forward - 1]
        self.selected = current
        self._highlight(current, backward=self.stage > n_forward)
        self.back_button.setEnabled(self.stage > 0)
        self.next_button.setEnabled(self.stage < self.last_stage)
        self.stage_changed.emit(self.stage)

    def _highlight(self, index: int | None, backward: bool) -> None:
        if index is None or self.graph is None:
            self.current.setData([], [])
            self.lit_edges.setData([], [])
            self.explain.setText(self.tr("Next ▸ computes the graph one node at a time: "
                                         "first every value (blue), then every gradient "
                                         "∂L/∂node (orange) by the chain rule."))
            return
        graph = self.graph
        node = graph.nodes[index]
        self.current.setData(pos=self.positions[[index]])
        ends = ([index, c] for c in graph.consumers(index)) if backward else (
            [s, index] for s in node.inputs)
        pairs = [self.positions[pair] for pair in ends]
        flat = np.array(pairs).reshape(-1, 2) if pairs else np.zeros((0, 2))
        self.lit_edges.setData(flat[:, 0], flat[:, 1])
        self.explain.setText(self._backward_text(index) if backward
                             else self._forward_text(index))

    def _forward_text(self, index: int) -> str:
        graph = self.graph
        node = graph.nodes[index]
        args = [graph.nodes[s] for s in node.inputs]
        if node.op == "mul":
            formula = f"{args[0].label} × {args[1].label} = {_number(args[0].value)} × " \
                      f"{_number(args[1].value)}"
        elif node.op == "add":
            formula = " + ".join(_number(a.value) for a in args)
        elif node.op == "loss":
            formula = self.tr("the loss of the outputs against the targets")
        else:
            name = "softmax" if node.op == "softmax" else SYMBOLS[node.op]
            formula = f"{name}({', '.join(_number(a.value) for a in args)})"
        return self.tr("Forward: {0} = {1} = {2}").format(node.label, formula,
                                                          _number(node.value))

    def _backward_text(self, index: int) -> str:
        graph = self.graph
        node = graph.nodes[index]
        if index == graph.loss:
            return self.tr("Backward starts at the loss: ∂L/∂L = 1.")
        terms = graph.chain_rule(index)
        symbolic = " + ".join(f"∂L/∂{graph.nodes[t.consumer].label} · "
                              f"∂{graph.nodes[t.consumer].label}/∂{node.label}" for t in terms)
        numeric = " + ".join(f"{_number(t.upstream)} × {_number(t.local)}" for t in terms)
        return self.tr("Backward (chain rule): ∂L/∂{0} = {1} = {2} = {3}").format(
            node.label, symbolic, numeric, _number(graph.grads[index]))

    def _on_dots_clicked(self, _item, points, _event=None) -> None:
        """Clicking a node explains it with the numbers computed so far."""
        if not len(points) or self.graph is None:
            return
        index = int(points[0].data())
        n_forward = len(self.graph.forward_order)
        backward = index in self.graph.backward_order[:max(0, self.stage - n_forward)]
        self._highlight(index, backward)
