"""Inside the network: step through forward and backward passes with real numbers."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from core.labs.backprop import Trace, trace
from core.labs.compute_graph import build_graph
from core.nn.network import Network, NetworkSpec
from gui.labs import backprop_text
from gui.labs.backprop_diagram import BackpropDiagram
from gui.labs.backprop_table import WeightTable
from gui.labs.compute_graph_view import ComputeGraphView
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
        self.table = WeightTable()
        self.text = QTextEdit()
        self.text.setReadOnly(True)
        self.diagram = BackpropDiagram()
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
        self.table.weight_edited.connect(self._on_weight_edited)
        self.table.edit_rejected.connect(self.recompute)

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
        self.table.show_trace(self.trace)
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
        return backprop_text.n_stages(self.trace)

    @property
    def node_labels(self) -> dict[str, pg.TextItem]:
        return self.diagram.node_labels

    def go(self, stage: int) -> None:
        self.stage = int(np.clip(stage, 0, self.n_stages - 1))
        self.text.setPlainText(self.explain(self.stage))
        self.diagram.show_trace(self.trace, self.stage,
                                pg.mkBrush(self.palette().base().color()))
        # The gradient columns appear when the step-through reaches them.
        for column in (2, 3):
            self.table.setColumnHidden(column, self.stage < self.n_stages - 1)
        self.back_button.setEnabled(self.stage > 0)
        self.forward_button.setEnabled(self.stage < self.n_stages - 1)

    def explain(self, stage: int) -> str:
        """The computations of ``stage`` with the actual numbers, as plain text."""
        names = [a.name for a in self.network.activations]
        title, body = backprop_text.explain(self.trace, stage, names, self._setup[3])
        self.stage_label.setText(self.tr("Step {0} of {1}: {2}").format(
            stage + 1, self.n_stages, title))
        return body

    def _on_weight_edited(self, key: tuple, value: float) -> None:
        layer, kind, k, j = key
        weights = self.network.get_weights()
        W, b = weights[layer]
        if kind == "W":
            W[k, j] = value
        else:
            b[k] = value
        self.network.set_weights(weights)
        self.recompute()
