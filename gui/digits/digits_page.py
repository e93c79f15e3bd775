"""The digits mode: draw, and watch every layer of the network light up."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.digits.model import DigitsSnapshot
from core.digits.network import Recognition, recognise
from core.digits.own_digits import AddOwnDigit, OwnDigits, RemoveOwnDigit, SetOwnDigits
from core.digits.preprocess import as_bytes, to_mnist
from core.nn.model_files import ModelFileError, load_model
from core.nn.network import Network
from core.util.resources import resource_path
from gui.digits.activity_view import NetworkActivityView
from gui.digits.canvas_column import CanvasColumn
from gui.digits.drawing_canvas import DrawingCanvas
from gui.digits.neuron_box import NeuronBox
from gui.digits.own_digits_view import OwnDigitsPanel, own_score_text
from gui.digits.training_panel import DigitsTrainingPanel

SHIPPED_MODEL = resource_path("models", "digits.npz")


class DigitsPage(QWidget):
    """Draw a digit; the network's answer and every layer update as you draw."""

    status_message = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.network: Network | None = None
        self.scaling = "0-1"
        self.recognition: Recognition | None = None
        self.selected: tuple[int, int] | None = None

        self.canvas = DrawingCanvas()
        self.training = DigitsTrainingPanel()
        self.own_digits = OwnDigitsPanel()
        draw_tab = QWidget()
        draw_layout = QHBoxLayout(draw_tab)
        self.canvas_column = CanvasColumn(self.canvas)
        column = self.canvas_column
        self.brush, self.eraser = column.brush, column.eraser
        self.preview, self.answer = column.preview, column.answer
        draw_layout.addWidget(column)
        draw_layout.addLayout(self._build_watch_column(), 1)
        draw_layout.addWidget(self._build_neuron_box())
        self.tabs = QTabWidget()
        self.tabs.addTab(draw_tab, self.tr("Draw and recognise"))
        self.tabs.addTab(self.training, self.tr("Train on MNIST"))
        self.tabs.setCornerWidget(self._build_own_score(), Qt.Corner.TopRightCorner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self._connect()
        self._show_neuron()
        if SHIPPED_MODEL.exists():
            self.load_model(SHIPPED_MODEL)
        self._on_canvas_drawing_changed()

    def _build_watch_column(self) -> QVBoxLayout:
        """Every layer's activations, and under them the learner's own digits."""
        self.activity = NetworkActivityView()
        watch = QLabel(self.tr("Watch the network think: every neuron's activation "
                               "for your drawing (blue = high). The brightest "
                               "output is the network's choice."))
        watch.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(watch)
        right.addWidget(self.activity, 1)
        right.addWidget(self.own_digits)
        return right

    def _build_neuron_box(self) -> NeuronBox:
        self.neuron_box = NeuronBox()
        box = self.neuron_box
        self.neuron_text, self.neuron_weights = box.neuron_text, box.neuron_weights
        self.open_model, self.model_label = box.open_model, box.model_label
        return box

    def _build_own_score(self) -> QLabel:
        """How the learner's own digits fare, beside the tabs: seen while training and drawing."""
        self.own_score = QLabel(own_score_text(None))
        self.own_score.setContentsMargins(8, 0, 8, 0)
        self.own_score.setToolTip(self.tr(
            "How many of your own digits the network in training gets right, after each "
            "epoch; counted apart from the MNIST validation accuracy, since your digits are "
            "in the training set."))
        return self.own_score

    def _connect(self) -> None:
        self.training.model_trained.connect(self._on_training_model_trained)
        self.training.misclassified_chosen.connect(self._on_training_misclassified_chosen)
        self.training.status_message.connect(self.status_message)
        self.training.controller.snapshot_ready.connect(self._on_controller_snapshot)
        self.own_digits.add_requested.connect(self._on_own_digits_add_requested)
        self.own_digits.remove_requested.connect(
            lambda index: self.training.controller.send(RemoveOwnDigit(index)))
        self.canvas.drawing_changed.connect(self._on_canvas_drawing_changed)
        self.open_model.clicked.connect(self._on_open_model_clicked)
        self.activity.neuron_clicked.connect(self._on_activity_neuron_clicked)

    # -- the learner's own digits ----------------------------------------------------
    def _on_own_digits_add_requested(self, label: int) -> None:
        """Send the drawing as the network sees it; the canvas is cleared for the next."""
        if self.canvas.is_blank():
            return
        self.training.controller.send(AddOwnDigit(as_bytes(to_mnist(self.canvas.ink())), label))
        self.canvas.clear()
        self.status_message.emit(self.tr("Added your drawing as a {0}; it is in the training "
                                         "set from the next step (Undo brings the drawing "
                                         "back).").format(label))

    def _on_controller_snapshot(self, snap: DigitsSnapshot) -> None:
        self.own_digits.show_snapshot(snap)
        self.own_score.setText(own_score_text(snap))

    def use_own_digits(self, own: OwnDigits) -> None:
        """Train with ``own`` (a session's) instead of the digits added so far."""
        self.training.controller.send(SetOwnDigits(own))

    # -- model ---------------------------------------------------------------------
    def load_model(self, path: Path | str) -> bool:
        try:
            network, meta = load_model(path)
        except ModelFileError as exc:
            QMessageBox.warning(self, self.tr("Cannot open model"), str(exc))
            return False
        if network.spec.n_inputs != 784 or network.spec.n_outputs != 10:
            QMessageBox.warning(self, self.tr("Cannot open model"),
                                self.tr("{0} is not a digits model (784 inputs, 10 outputs).")
                                .format(Path(path).name))
            return False
        self.use_network(network, meta.get("scaling", "0-1"), Path(path).name)
        return True

    def use_network(self, network: Network, scaling: str, name: str) -> None:
        """Recognise with ``network``; the chosen neuron shows the new model's numbers."""
        self.network, self.scaling = network, scaling
        if self.selected is not None:
            layer, unit = self.selected
            hidden = network.spec.hidden
            if layer > len(hidden) or unit >= hidden[layer - 1]:
                self.selected = None  # that neuron does not exist in this model
        sizes = "-".join(str(s) for s in network.spec.layer_sizes)
        self.model_label.setText(self.tr("Model: {0} ({1}, {2} parameters)")
                                 .format(name, sizes, f"{network.n_params:,}"))
        self.activity.set_layers(network.spec.hidden)
        self._on_canvas_drawing_changed()

    def _on_training_model_trained(self, network: Network, scaling: str) -> None:
        self.use_network(network, scaling, self.tr("trained in this window"))

    def _on_training_misclassified_chosen(self, digit: np.ndarray) -> None:
        self.canvas.load_digit(digit)
        self.tabs.setCurrentIndex(0)

    def shutdown(self) -> None:
        self.training.shutdown()

    def _on_open_model_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open model"), "",
                                              self.tr("Models (*.npz)"))
        if path:
            self.load_model(path)

    # -- recognition ---------------------------------------------------------------
    def _on_canvas_drawing_changed(self) -> None:
        if self.network is None:
            return
        rec = recognise(self.network, self.canvas.ink(), self.scaling)
        self.recognition = rec
        self.canvas_column.show_recognition(rec)
        self.activity.show(rec)
        self.own_digits.set_can_add(not rec.blank)
        self._show_neuron()

    def _on_activity_neuron_clicked(self, layer: int, unit: int) -> None:
        self.selected = (layer, unit)
        self._show_neuron()

    def _show_neuron(self) -> None:
        self.neuron_box.show_neuron(self.network, self.recognition, self.selected)
