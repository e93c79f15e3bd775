"""The digits mode: draw, and watch every layer of the network light up."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
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
from gui.digits.activity_view import NetworkActivityView, image_plot
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
        draw_layout.addLayout(self._build_canvas_column())
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

    def _build_canvas_column(self) -> QVBoxLayout:
        """The canvas, its tools, and the 28×28 input with the network's answer."""
        self.brush = QSlider(Qt.Orientation.Horizontal)
        self.brush.setRange(6, 40)
        self.brush.setValue(int(self.canvas.brush_width))
        self.brush.setToolTip(self.tr("Pen width. MNIST digits are drawn with a thick pen; "
                                      "a thin line looks faint after shrinking to 28×28."))
        self.eraser = QCheckBox(self.tr("Eraser"))
        self.eraser.setToolTip(self.tr("Draw with the eraser, or erase with the right button."))
        self.undo = QPushButton(self.tr("Undo"))
        self.undo.setToolTip(self.tr("Take back the last stroke."))
        self.clear = QPushButton(self.tr("Clear (Esc)"))
        self.clear.setToolTip(self.tr("Empty the canvas (Esc)."))
        left = QVBoxLayout()
        left.addWidget(self.canvas)
        tools = QGridLayout()
        tools.addWidget(QLabel(self.tr("Brush")), 0, 0)
        tools.addWidget(self.brush, 0, 1, 1, 2)
        tools.addWidget(self.eraser, 1, 0)
        tools.addWidget(self.undo, 1, 1)
        tools.addWidget(self.clear, 1, 2)
        left.addLayout(tools)
        left.addLayout(self._build_answer_row())
        left.addStretch(1)
        return left

    def _build_answer_row(self) -> QHBoxLayout:
        self.preview_widget = pg.GraphicsLayoutWidget()
        self.preview_widget.setBackground(pg.getConfigOption("background"))
        self.preview_widget.setFixedSize(150, 170)
        self.preview_plot, self.preview = image_plot(self.tr("28×28 input"))
        self.preview_widget.addItem(self.preview_plot)
        self.answer = QLabel("–")
        font = QFont()
        font.setPointSize(40)
        font.setBold(True)
        self.answer.setFont(font)
        self.answer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.confidence = QLabel()
        self.confidence.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # Fixed sizes: labels whose text changes on every mouse move and that may
        # grow would lay the whole page out again each time.
        self.answer.setFixedSize(110, 70)
        metrics = self.confidence.fontMetrics()
        self.confidence.setFixedSize(max(110, metrics.horizontalAdvance(self.tr("draw a digit"))
                                         + 16), max(24, metrics.height() + 6))
        answer_row = QHBoxLayout()
        answer_row.addWidget(self.preview_widget)
        answer_box = QVBoxLayout()
        answer_box.addWidget(self.answer)
        answer_box.addWidget(self.confidence)
        answer_row.addLayout(answer_box)
        return answer_row

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
        self.brush.valueChanged.connect(lambda v: setattr(self.canvas, "brush_width", float(v)))
        self.eraser.toggled.connect(lambda on: setattr(self.canvas, "eraser", on))
        self.undo.clicked.connect(self.canvas.undo)
        self.clear.clicked.connect(self.canvas.clear)
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
        self.preview.setImage(rec.digit_image.T, levels=(0, 1), autoLevels=False)
        self.activity.show(rec)
        if rec.blank:
            self.answer.setText("–")
            self.confidence.setText(self.tr("draw a digit"))
        else:
            self.answer.setText(str(rec.digit))
            self.confidence.setText(self.tr("{0:.0%} sure").format(rec.probabilities.max()))
        self.own_digits.set_can_add(not rec.blank)
        self._show_neuron()

    def _on_activity_neuron_clicked(self, layer: int, unit: int) -> None:
        self.selected = (layer, unit)
        self._show_neuron()

    def _show_neuron(self) -> None:
        self.neuron_box.show_neuron(self.network, self.recognition, self.selected)
