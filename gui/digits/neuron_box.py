"""The digits page's "One neuron" box: a chosen neuron's weights and numbers,
and under it the model in use with its Open button.

Its strings keep the page's translation context ("DigitsPage").
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout

from core.digits.network import Recognition
from core.nn.network import Network
from gui.colors import BLUE, ORANGE
from gui.digits.activity_view import image_plot, tile_grid


class NeuronBox(QGroupBox):
    """Shows one hidden neuron of the network for the current drawing."""

    def __init__(self, parent=None) -> None:
        super().__init__(QCoreApplication.translate("DigitsPage", "One neuron"), parent)
        self.neuron_plot_widget = pg.GraphicsLayoutWidget()
        self.neuron_plot_widget.setBackground(pg.getConfigOption("background"))
        self.neuron_plot_widget.setFixedSize(220, 240)
        self.neuron_plot, self.neuron_weights = image_plot("")
        self.neuron_weights.setColorMap(pg.ColorMap([0, 0.5, 1], [ORANGE, (250, 250, 250), BLUE]))
        self.neuron_plot_widget.addItem(self.neuron_plot)
        self.neuron_text = QLabel()
        self.neuron_text.setWordWrap(True)
        self.open_model = QPushButton(QCoreApplication.translate("DigitsPage", "Open model…"))
        self.open_model.setToolTip(QCoreApplication.translate(
            "DigitsPage", "Recognise with a network saved before (a .npz "
            "file with 784 inputs and 10 outputs)."))
        self.model_label = QLabel()
        self.model_label.setWordWrap(True)
        # wide enough that a model's name wraps in a few lines, not a word per line
        self.model_label.setMinimumWidth(24 * self.fontMetrics().averageCharWidth())
        neuron_layout = QVBoxLayout(self)
        neuron_layout.addWidget(self.neuron_plot_widget)
        neuron_layout.addWidget(self.neuron_text)
        neuron_layout.addStretch(1)
        # The model under the neuron, not under the canvas: there the column was
        # taller than a 1280×720 window.
        neuron_layout.addWidget(self.open_model)
        neuron_layout.addWidget(self.model_label)
        self._neuron_shown = True  # a neuron, not the placeholder (yet)

    def show_neuron(self, network: Network | None, recognition: Recognition | None,
                    selected: tuple[int, int] | None) -> None:
        """The ``selected`` (layer, unit)'s weights and sum, or how to choose one."""
        if selected is None or network is None or recognition is None:
            if self._neuron_shown:  # once: this runs on every mouse move, and a new title
                self._neuron_shown = False  # and text lay the panel out again each time
                self.neuron_plot.setTitle(QCoreApplication.translate("DigitsPage",
                                                                     "click a neuron"))
                self.neuron_weights.clear()
                self.neuron_text.setText(QCoreApplication.translate(
                    "DigitsPage",
                    "Click a neuron of the first hidden layer to see the 784 weights it "
                    "multiplies the pixels by — what it looks for."))
            return
        self._neuron_shown = True
        layer, unit = selected
        W, b = network.get_weights()[layer - 1]
        z = recognition.pre_activations[layer - 1][unit]
        a = recognition.activations[layer - 1][unit]
        activation = network.activations[layer - 1].name
        self.neuron_plot.setTitle(QCoreApplication.translate(
            "DigitsPage", "layer {0}, neuron {1}").format(layer, unit + 1))
        if layer == 1:
            weights = W[:, unit].reshape(28, 28)
            scale = max(float(np.abs(weights).max()), 1e-6)
            self.neuron_weights.setImage(weights.T, levels=(-scale, scale), autoLevels=False)
            looks = QCoreApplication.translate(
                "DigitsPage", "Blue pixels raise its sum, orange ones lower it.")
        else:
            self.neuron_weights.setImage(tile_grid(W[:, unit]), autoLevels=True)
            looks = QCoreApplication.translate(
                "DigitsPage", "Its weights from the previous layer's neurons.")
        self.neuron_text.setText(QCoreApplication.translate(
            "DigitsPage",
            "weighted sum Σwᵢxᵢ + b = {0:.3f} (bias {1:.3f})\n{2}(sum) = {3:.3f}\n{4}"
        ).format(float(z), float(b[unit]), activation, float(a), looks))
