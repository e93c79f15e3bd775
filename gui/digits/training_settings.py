"""The digits panel's settings column: the network and training settings,
the data menu, the buttons and the progress of training or of a download.

Its strings keep the training panel's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.digits.data_source import DigitsDataSource
from gui.display_names import display_name
from gui.settings_binder import SettingsBinder
from gui.widgets import combo_box

PRESETS = (("128", "784-128-10"), ("16,16", "784-16-16-10 (the notes)"),
           ("256,128", "784-256-128-10"), ("256,256", "784-256-256-10"))
LEARNING_RATES = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3)
L2_RATES = (0.0, 1e-5, 1e-4, 1e-3, 1e-2)
TRAIN_SIZES = (0, 2000, 1000, 500, 200)  # 0: every training digit
# lupdate reads translate("context", "text") calls: the context stays the panel's.
translate = QCoreApplication.translate


class DigitsSettingsBox(QGroupBox):
    """Every setting of the digits network as a widget (bound to the config by
    ``binder``), with the buttons and progress under them."""

    def __init__(self, binder: SettingsBinder, data: DigitsDataSource, parent=None) -> None:
        super().__init__(translate("DigitsTrainingPanel", "Network and training"), parent)
        self.binder = binder
        self._build_network_settings()
        self._build_training_settings()
        self._build_data_settings(data)
        self._build_buttons()
        self._build_layout()

    def _build_network_settings(self) -> None:
        bind = self.binder
        self.preset = combo_box([(h, display_name(t)) for h, t in PRESETS], "128")
        self.preset.setToolTip(translate(
            "DigitsTrainingPanel",
            "Ready-made hidden layer sizes, from one small layer to a deep network."))
        self.hidden = QLineEdit("128")
        self.hidden.setToolTip(translate("DigitsTrainingPanel",
                                         "Neurons per hidden layer, comma-separated"))
        self.activation = bind.combo("activation", tip=translate(
            "DigitsTrainingPanel",
            "The squashing function of the hidden neurons. Try sigmoid: deep sigmoid networks "
            "learn slowly."))
        self.optimizer = bind.combo("optimizer", tip=translate(
            "DigitsTrainingPanel",
            "How each step is taken: plain SGD, with momentum, or adaptive per weight "
            "(RMSProp, Adam)."))
        self.learning_rate = bind.combo("learning_rate", LEARNING_RATES, tip=translate(
            "DigitsTrainingPanel",
            "The step size. Adam works well near 0.001; plain SGD wants larger steps."))

    def _build_training_settings(self) -> None:
        bind = self.binder
        self.batch = bind.spin("batch_size", tip=translate(
            "DigitsTrainingPanel",
            "Digits per gradient step: larger batches give smoother, faster epochs but fewer "
            "steps."))
        self.epochs = bind.spin("epochs", tip=translate(
            "DigitsTrainingPanel",
            "Passes over the training digits. When the validation accuracy stops rising, more "
            "epochs only over-fit."))
        self.l2 = bind.combo("l2", L2_RATES, tip=translate(
            "DigitsTrainingPanel",
            "L2 penalty: pulls every weight towards zero, a cure for over-fitting."))
        self.dropout = bind.spin("dropout", tip=translate(
            "DigitsTrainingPanel",
            "Switch off this share of hidden neurons at random in each step, so no neuron can "
            "rely on another."))
        self.shift = bind.spin("shift", suffix=" px", tip=translate(
            "DigitsTrainingPanel",
            "Move each training digit by up to this many pixels: more varied data, less "
            "over-fitting."))
        self.rotation = bind.spin("rotation", step=1.0, suffix="°", tip=translate(
            "DigitsTrainingPanel", "Turn each training digit by up to this angle."))
        self.noise = bind.spin("noise", tip=translate(
            "DigitsTrainingPanel", "Add random noise to each training pixel."))
        self.patience = bind.spin(
            "patience", special=translate("DigitsTrainingPanel", "never"),
            suffix=translate("DigitsTrainingPanel", " epochs"), tip=translate(
                "DigitsTrainingPanel",
                "Early stopping: stop when the validation loss has not improved for this many "
                "epochs, and put back the weights of its best epoch."))

    def _build_data_settings(self, data: DigitsDataSource) -> None:
        self.train_size = self.binder.combo(
            "train_size", TRAIN_SIZES, labels={0: translate("DigitsTrainingPanel", "all")},
            tip=translate(
                "DigitsTrainingPanel",
                "Learn from fewer digits: with few examples a large network memorises them "
                "and the validation loss turns up (over-fitting)."))
        self.scaling = self.binder.combo("scaling", tip=translate(
            "DigitsTrainingPanel",
            "The notes scale pixels to 0.01–0.99 so no input is exactly zero."))
        self.data_source = data.combo
        self.cancel_button = data.cancel_button
        self.data_label = QLabel()
        self.data_label.setWordWrap(True)

    def _build_buttons(self) -> None:
        self.train_button = QPushButton(translate("DigitsTrainingPanel", "Train"))
        self.train_button.setToolTip(translate(
            "DigitsTrainingPanel",
            "Start or pause training; each finished epoch goes to the canvas."))
        self.restart_button = QPushButton(translate("DigitsTrainingPanel", "Start over"))
        self.restart_button.setToolTip(translate("DigitsTrainingPanel",
                                                 "New random weights, epoch 0."))
        self.save_button = QPushButton(translate("DigitsTrainingPanel", "Save model…"))
        self.save_button.setToolTip(translate(
            "DigitsTrainingPanel",
            "Save the trained network (.npz) to open it later or on the canvas."))
        self.overfit_button = QPushButton(translate("DigitsTrainingPanel",
                                                    "Over-fitting example"))
        self.overfit_button.setToolTip(translate(
            "DigitsTrainingPanel",
            "500 digits, a wide network, 40 epochs and no cure: watch the validation loss "
            "turn up. Then cure it with L2, dropout, random shifts or early stopping."))
        self.restore_best_button = QPushButton(translate("DigitsTrainingPanel",
                                                         "Restore the best weights"))
        self.restore_best_button.setToolTip(translate(
            "DigitsTrainingPanel",
            "Put back the weights of the epoch with the lowest validation loss (the green "
            "line)."))
        self.restore_best_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)  # a long message must not widen the column

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        restarting = (self.preset, self.hidden, self.activation, self.train_size,
                      self.scaling, self.data_source)
        for label, widget in (
            (translate("DigitsTrainingPanel", "Preset"), self.preset),
            (translate("DigitsTrainingPanel", "Hidden layers"), self.hidden),
            (translate("DigitsTrainingPanel", "Activation"), self.activation),
            (translate("DigitsTrainingPanel", "Optimiser"), self.optimizer),
            (translate("DigitsTrainingPanel", "Learning rate"), self.learning_rate),
            (translate("DigitsTrainingPanel", "Batch size"), self.batch),
            (translate("DigitsTrainingPanel", "Epochs"), self.epochs),
            (translate("DigitsTrainingPanel", "Training digits"), self.train_size),
            (translate("DigitsTrainingPanel", "Stop early after"), self.patience),
            (translate("DigitsTrainingPanel", "L2"), self.l2),
            (translate("DigitsTrainingPanel", "Dropout"), self.dropout),
            (translate("DigitsTrainingPanel", "Random shift"), self.shift),
            (translate("DigitsTrainingPanel", "Random rotation"), self.rotation),
            (translate("DigitsTrainingPanel", "Pixel noise"), self.noise),
            (translate("DigitsTrainingPanel", "Input scaling"), self.scaling),
            (translate("DigitsTrainingPanel", "Data"), self.data_source),
        ):
            form.addRow(f"{label} ↺" if widget in restarting else label, widget)
        return form

    def _build_layout(self) -> None:
        restart_note = QLabel(translate(
            "DigitsTrainingPanel", "↺ changing this starts training over from epoch 0 "
            "with new weights; the other settings act at once."))
        restart_note.setWordWrap(True)
        restart_note.setStyleSheet("color: #777;")
        buttons = QHBoxLayout()
        for b in (self.train_button, self.restart_button, self.save_button):
            buttons.addWidget(b)
        generalisation = QHBoxLayout()
        for b in (self.overfit_button, self.restore_best_button):
            generalisation.addWidget(b)
        settings_layout = QVBoxLayout(self)
        for part in (self._form(), restart_note, self.data_label, buttons, generalisation,
                     self.progress_label, self.progress, self.cancel_button):
            if isinstance(part, QWidget):
                settings_layout.addWidget(part)
            else:
                settings_layout.addLayout(part)
        settings_layout.addStretch(1)
