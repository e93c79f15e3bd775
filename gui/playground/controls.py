"""The top bar: run controls, counters and every training hyper-parameter."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.nn.optimizers import OPTIMIZERS
from core.playground.config import PlaygroundConfig
from core.settings_table import PLAYGROUND
from gui.settings_binder import SettingsBinder, select_data
from gui.widgets import LiveLabel, combo_box

LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REG_RATES = (0.0, 0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
# Steps per frame (~30 frames/s), slowest first; ``None`` is as fast as possible.
SPEEDS = (1, 2, 5, 10, 20, 50, 100, 500, None)
DEFAULT_SPEED = 10  # circle takes ~15 s: slow enough to watch the boundary form
OPTIMIZER_DEFAULTS = {name: cls().settings() for name, cls in OPTIMIZERS.items()}
MAX_LAYERS = PLAYGROUND["hidden"].max_items
MAX_NEURONS = int(PLAYGROUND["hidden"].high)


def _labelled(label: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(1)
    caption = QLabel(label)
    caption.setStyleSheet("color: #888; font-size: 9pt;")
    layout.addWidget(caption)
    layout.addWidget(widget)
    return box


def _regularization(config: PlaygroundConfig) -> tuple[str, float]:
    """The menu's two choices for the model's l1 and l2: which penalty, how strong."""
    kind = "l1" if config.l1 > 0 else "l2" if config.l2 > 0 else "none"
    return kind, max(config.l1, config.l2)


class OptimizerSettings(QWidget):
    """The optimiser's own settings (momentum, betas, epsilon), shown on request."""

    changed = Signal(tuple)

    def __init__(self, config: PlaygroundConfig, parent=None) -> None:
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.setVisible(False)
        self._spins: dict[str, QDoubleSpinBox] = {}
        self._config = config
        self._build(config)

    def sync(self, config: PlaygroundConfig) -> None:
        if (config.optimizer, config.optimizer_settings) != (
                self._config.optimizer, self._config.optimizer_settings):
            self._build(config)
        self._config = config

    def _build(self, config: PlaygroundConfig) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self._spins = {}
        values = dict(OPTIMIZER_DEFAULTS[config.optimizer])
        values.update(dict(config.optimizer_settings))
        for name, value in values.items():
            if name == "learning_rate":
                continue
            spin = QDoubleSpinBox()
            spin.setDecimals(8 if name == "epsilon" else 4)
            spin.setRange(0.0, 1.0 if name != "epsilon" else 0.1)
            spin.setSingleStep(0.01 if name != "epsilon" else 1e-7)
            spin.setValue(value)
            spin.valueChanged.connect(self._emit)
            self.form.addRow(name, spin)
            self._spins[name] = spin

    def _emit(self) -> None:
        self.changed.emit(tuple((k, float(s.value())) for k, s in self._spins.items()))


class ControlsBar(QFrame):
    """Emits ``changed(dict)`` with settings and the run-control signals."""

    changed = Signal(dict)
    play_toggled = Signal()
    step_requested = Signal()
    reset_requested = Signal()
    speed_changed = Signal(object)

    def __init__(self, config: PlaygroundConfig, parent=None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.binder = SettingsBinder("playground", self)
        row = QHBoxLayout(self)
        self._build_run_buttons(row)
        self._build_counters(row)
        self._build_settings(config)
        row.addLayout(self._settings_grid())
        row.addStretch(1)
        self.optimizer_settings = OptimizerSettings(config)
        self._connect()
        self.sync(config)

    def _build_run_buttons(self, row: QHBoxLayout) -> None:
        style = self.style()
        self._play_icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPlay)
        self._pause_icon = style.standardIcon(QStyle.StandardPixmap.SP_MediaPause)
        self.reset_button = QToolButton()
        self.reset_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_BrowserReload))
        self.reset_button.setToolTip(self.tr("Reset: new random weights (R)"))
        self.play_button = QPushButton()
        self.play_button.setIcon(self._play_icon)
        self._shows_running = False
        self.play_button.setIconSize(QSize(26, 26))
        self.play_button.setFixedSize(46, 46)
        self.play_button.setStyleSheet("border-radius: 23px; background: #dfe9f0;")
        self.play_button.setToolTip(self.tr("Play / pause training (Space)"))
        self.step_button = QToolButton()
        self.step_button.setIcon(style.standardIcon(QStyle.StandardPixmap.SP_MediaSkipForward))
        self.step_button.setToolTip(self.tr("One training step (→)"))
        for widget in (self.reset_button, self.play_button, self.step_button):
            row.addWidget(widget)

    def _build_counters(self, row: QHBoxLayout) -> None:
        counters = QVBoxLayout()
        big = QFont("monospace")
        big.setPointSize(15)
        width = QFontMetrics(big).horizontalAdvance("Epoch 000,000,000") + 60
        self.epoch_label = LiveLabel(width=width, font=big)
        self.step_label = LiveLabel(width=width, colour="#888")
        counters.addWidget(self.epoch_label)
        counters.addWidget(self.step_label)
        row.addLayout(counters)
        self.set_counters(0, 0)

    def _build_settings(self, config: PlaygroundConfig) -> None:
        """The table's settings through the binder; regularisation and speed by hand
        (one menu pair stands for l1 and l2; the speed is no model setting)."""
        bind = self.binder
        self.learning_rate = bind.combo("learning_rate", LEARNING_RATES, tip=self.tr(
            "How far each step moves the weights, in proportion to the slope. "
            "Too small crawls; too large overshoots and can explode."))
        self.activation = bind.combo("activation", tip=self.tr(
            "The squashing function of every hidden layer (each layer can also have its own, "
            "next to its neurons). Changing it restarts training."))
        self.loss = bind.combo("loss", labels={
            "cross_entropy": self.tr("cross-entropy"), "mse": self.tr("squared error"),
            "mae": self.tr("absolute error")}, tip=self.tr(
            "What the network minimises. Absolute error has the "
            "same slope everywhere, so it never slows down near 0."))
        self.optimizer = bind.combo("optimizer", tip=self.tr(
            "How the gradient becomes a step: plain SGD, with momentum, or with per-weight "
            "rates."))
        self.init = bind.combo("init", tip=self.tr(
            "How the starting weights are drawn. Try 'zeros' to see every hidden neuron stay "
            "identical."))
        self.dropout = bind.spin("dropout", tip=self.tr(
            "During training, switch off this fraction of hidden neurons at random, so none "
            "can be relied on alone."))
        self.input_noise = bind.spin("input_noise", tip=self.tr(
            "Jiggle every training input a little at random: the network cannot memorise "
            "exact points."))
        self.batch_norm = self._switch("batch_norm", self.tr(
            "Normalise each hidden neuron's weighted sum over the batch (batch "
            "normalisation). Switching it changes how the network learns from now on, "
            "not what it answers now."))
        self.layer_norm = self._switch("layer_norm", self.tr(
            "Normalise each hidden layer's weighted sums within each sample (layer "
            "normalisation): no batch needed. Switching it keeps nearly the same answers "
            "(a fit, not exact); batch norm goes off."))
        self._build_by_hand(config)

    def _build_by_hand(self, config: PlaygroundConfig) -> None:
        kind, rate = _regularization(config)
        self.regularization = combo_box([("none", self.tr("none")), ("l1", "L1"), ("l2", "L2")],
                                        kind)
        self.regularization.setToolTip(self.tr(
            "Penalise large weights: L2 shrinks all of them, L1 pushes unneeded ones to zero."))
        self.reg_rate = combo_box([(v, f"{v:g}") for v in REG_RATES], rate)
        self.reg_rate.setToolTip(self.tr("How strongly weights are penalised."))
        self.speed = combo_box([(v, self.tr("max") if v is None else str(v)) for v in SPEEDS],
                               DEFAULT_SPEED)
        self.speed.setToolTip(self.tr(
            "Training steps per frame, about 30 frames a second: 1 lets you follow every "
            "step; 'max' trains as fast as the machine allows."))
        self.optimizer_button = QToolButton()
        self.optimizer_button.setText("⚙")
        self.optimizer_button.setCheckable(True)
        self.optimizer_button.setToolTip(self.tr("Show the optimiser's own settings"))

    def _settings_grid(self) -> QGridLayout:
        """Two rows: in one, the bar alone was wider than a 1280-pixel screen."""
        opt_box = QWidget()
        opt_row = QHBoxLayout(opt_box)
        opt_row.setContentsMargins(0, 0, 0, 0)
        opt_row.addWidget(self.optimizer)
        opt_row.addWidget(self.optimizer_button)
        settings = QGridLayout()
        settings.setVerticalSpacing(2)
        for index, (label, widget) in enumerate((
            (self.tr("Learning rate"), self.learning_rate),
            (self.tr("Activation"), self.activation),
            (self.tr("Loss"), self.loss),
            (self.tr("Optimiser"), opt_box),
            (self.tr("Initialiser"), self.init),
            (self.tr("Regularisation"), self.regularization),
            (self.tr("Regularisation rate"), self.reg_rate),
            (self.tr("Dropout"), self.dropout),
            (self.tr("Input noise"), self.input_noise),
            (self.tr("Batch norm"), self.batch_norm),
            (self.tr("Layer norm"), self.layer_norm),
            (self.tr("Steps per frame"), self.speed),
        )):
            settings.addWidget(_labelled(label, widget), index // 6, index % 6)
        return settings

    def _connect(self) -> None:
        self.play_button.clicked.connect(self.play_toggled)
        self.step_button.clicked.connect(self.step_requested)
        self.reset_button.clicked.connect(self.reset_requested)
        self.binder.changed.connect(self._on_binder_changed)
        self.optimizer_button.toggled.connect(self.optimizer_settings.setVisible)
        self.optimizer_settings.changed.connect(
            lambda values: self.changed.emit({"optimizer_settings": values}))
        self.regularization.activated.connect(self._emit_regularization)
        self.reg_rate.activated.connect(self._emit_regularization)
        self.speed.activated.connect(lambda _: self.speed_changed.emit(self.speed.currentData()))

    def _switch(self, name: str, tip: str) -> QCheckBox:
        """An "on" box as wide as its box and its word: in the settings grid it would
        span the column, and a click right of "on" would miss it."""
        box = self.binder.check(name, self.tr("on"), tip=tip)
        box.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return box

    def _on_binder_changed(self, name: str, value) -> None:
        """A new optimiser starts from its own settings; one normaliser at a time:
        switching one on switches the other off."""
        changes = {name: value}
        if name == "optimizer":
            changes["optimizer_settings"] = ()
        elif name in ("batch_norm", "layer_norm") and value:
            changes["layer_norm" if name == "batch_norm" else "batch_norm"] = False
        self.changed.emit(changes)

    # -- binding ----------------------------------------------------------------
    def set_running(self, running: bool) -> None:
        if running != self._shows_running:  # a new icon repaints the styled button's parents
            self._shows_running = running
            self.play_button.setIcon(self._pause_icon if running else self._play_icon)

    def set_counters(self, epoch: int, step: int) -> None:
        self.epoch_label.setText(self.tr("Epoch {0}").format(f"{epoch:,d}"))
        self.step_label.setText(self.tr("step {0}").format(f"{step:,d}"))

    def sync(self, config: PlaygroundConfig) -> None:
        """Show ``config`` without emitting changes (the menus emit only a person's
        choice, ``activated``; the binder blocks its own controls)."""
        self.binder.show_config(config)
        kind, rate = _regularization(config)
        for combo, value in ((self.regularization, kind), (self.reg_rate, rate)):
            select_data(combo, value)
        self.optimizer_settings.sync(config)

    def _emit_regularization(self, _index: int = 0) -> None:
        kind, rate = self.regularization.currentData(), self.reg_rate.currentData()
        self.changed.emit({"l1": rate if kind == "l1" else 0.0,
                           "l2": rate if kind == "l2" else 0.0})


class ArchitectureBar(QWidget):
    """+ / − for hidden layers and for the neurons of each layer."""

    changed = Signal(dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._hidden: tuple[int, ...] = ()
        self._activations: tuple[str, ...] = ()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.layers_label = QLabel()
        self.add_layer = QToolButton()
        self.add_layer.setText("+")
        self.add_layer.setToolTip(self.tr("Add a hidden layer"))
        self.remove_layer = QToolButton()
        self.remove_layer.setText("−")
        self.remove_layer.setToolTip(self.tr("Remove the last hidden layer"))
        head = QHBoxLayout()
        head.addWidget(self.remove_layer)
        head.addWidget(self.add_layer)
        head.addWidget(self.layers_label)
        head.addStretch(1)
        self.grid.addLayout(head, 0, 0, 1, MAX_LAYERS + 2)
        self.neuron_boxes: list[QWidget] = []
        self.add_layer.clicked.connect(lambda: self._emit((*self._hidden, 4)))
        self.remove_layer.clicked.connect(lambda: self._emit(self._hidden[:-1]))

    def _emit(self, hidden: tuple[int, ...]) -> None:
        self.changed.emit({"hidden": tuple(hidden)})

    def sync(self, hidden: tuple[int, ...], activations: tuple[str, ...]) -> None:
        if (hidden, activations) == (self._hidden, self._activations) and self.neuron_boxes:
            return
        self._hidden, self._activations = hidden, activations
        self.layers_label.setText(self.tr("{0} hidden layers").format(len(hidden)))
        self.add_layer.setEnabled(len(hidden) < MAX_LAYERS)
        self.remove_layer.setEnabled(len(hidden) > 0)
        for box in self.neuron_boxes:
            box.deleteLater()
        self.neuron_boxes = []
        # Column 0 sits over the inputs, then one column per hidden layer.
        for column in range(MAX_LAYERS + 2):
            self.grid.setColumnStretch(column, 1 if column <= len(hidden) + 1 else 0)
        for i, size in enumerate(hidden):
            box = self._layer_box(i, size, activations[i])
            self.grid.addWidget(box, 1, i + 1)
            self.neuron_boxes.append(box)

    def _layer_box(self, i: int, size: int, activation_name: str) -> QWidget:
        """Layer ``i``'s − / + buttons, its size and its activation, stacked so that
        eight layers still fit above the diagram."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        row = QHBoxLayout()
        minus, plus = QToolButton(), QToolButton()
        minus.setText("−")
        plus.setText("+")
        minus.setEnabled(size > 1)
        plus.setEnabled(size < MAX_NEURONS)
        minus.setToolTip(self.tr("One neuron fewer in layer {0}").format(i + 1))
        plus.setToolTip(self.tr("One neuron more in layer {0}").format(i + 1))
        label = QLabel(self.tr("{0} neurons").format(size))
        activation = combo_box([(a, a) for a in PLAYGROUND["layer_activations"].choices],
                               activation_name)
        activation.setToolTip(self.tr("Layer {0}'s activation function").format(i + 1))
        activation.activated.connect(
            lambda _=0, combo=activation: self._set_activation(i, combo.currentData()))
        for w in (minus, plus, label):
            row.addWidget(w)
        row.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        column.addLayout(row)
        column.addWidget(activation, alignment=Qt.AlignmentFlag.AlignHCenter)
        minus.clicked.connect(lambda _=False: self._resize(i, -1))
        plus.clicked.connect(lambda _=False: self._resize(i, +1))
        return box

    def _set_activation(self, layer: int, name: str) -> None:
        if layer >= len(self._activations):
            return  # a layer just removed: its control is on its way out
        activations = list(self._activations)
        activations[layer] = name
        self.changed.emit({"layer_activations": tuple(activations)})

    def _resize(self, layer: int, delta: int) -> None:
        if layer >= len(self._hidden):
            return  # a layer just removed: its buttons are on their way out
        hidden = list(self._hidden)
        hidden[layer] = min(MAX_NEURONS, max(1, hidden[layer] + delta))
        self._emit(tuple(hidden))
