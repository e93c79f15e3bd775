"""Left panel: choose and shape the data, and edit points by hand."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.data.datasets import DATASETS, FORMULA, REGRESSION
from core.data.formula import CLASSES, VALUES, FormulaError, check_formula_task
from core.playground.config import PlaygroundConfig
from gui.playground.data_set_list import DataSetList
from gui.playground.feature_box import CustomFeatureBox
from gui.playground.formula_line import FormulaLine
from gui.playground.keyboard_slider import KeyboardSlider
from gui.playground.point_edit_box import PointEditBox


def _percent_slider(value: float, maximum: int) -> QSlider:
    slider = KeyboardSlider()
    slider.setRange(0, maximum)
    slider.setValue(round(value * 100))
    return slider


class DataPanel(QWidget):
    """Emits ``changed(dict)`` with config changes and the point-editing actions."""

    changed = Signal(dict)
    regenerate_requested = Signal()
    import_requested = Signal()
    export_requested = Signal()
    show_test_toggled = Signal(bool)
    discretize_toggled = Signal(bool)

    def __init__(self, config: PlaygroundConfig, parent=None) -> None:
        super().__init__(parent)
        self._config = config
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self._build_data_box(config))
        layout.addWidget(self._build_feature_box())
        layout.addWidget(self._build_edit_box())
        layout.addStretch(1)
        self.sync(config, n_classes=2, task="binary")
        self._connect()

    # -- construction ---------------------------------------------------------------
    def _build_data_box(self, config: PlaygroundConfig) -> QGroupBox:
        data_box = QGroupBox(self.tr("Data"))
        data_layout = QVBoxLayout(data_box)
        self.problem = QComboBox()
        self.problem.addItem(self.tr("Classification"), "classification")
        self.problem.addItem(self.tr("Regression"), "regression")
        self.problem.setToolTip(self.tr("Classification sorts points into classes; "
                                        "regression predicts a number for every point."))
        data_layout.addWidget(self.problem)
        self.datasets = DataSetList()
        data_layout.addWidget(self.datasets)
        data_layout.addWidget(self._build_formula_row())
        data_layout.addLayout(self._build_sliders(config))
        self.regenerate = QPushButton(self.tr("Regenerate"))
        self.regenerate.setToolTip(self.tr("New random points from the same distribution; "
                                           "the network keeps training."))
        data_layout.addWidget(self.regenerate)
        self.show_test = QCheckBox(self.tr("Show test data"))
        self.show_test.setToolTip(self.tr("Draw the held-out test points (dark outline) that "
                                          "measure how well the network generalises."))
        self.discretize = QCheckBox(self.tr("Discretize output"))
        self.discretize.setToolTip(self.tr("Colour each region by the predicted class only, "
                                           "hiding how confident the model is."))
        data_layout.addWidget(self.show_test)
        data_layout.addWidget(self.discretize)
        return data_box

    def _build_formula_row(self) -> QWidget:
        """f(x1,x2) = [formula]; shown while the data set is "Formula…"."""
        self.formula_row = FormulaLine(self.tr("f(x1,x2) ="), self.tr("e.g. x1*x2"), self.tr(
            "A formula in x1 and x2 (−6 to 6): numbers, + − * / ^, brackets and sin, cos, "
            "exp, abs, log, sqrt, tanh. Press Enter to make the points."))
        self.formula_edit = self.formula_row.edit
        return self.formula_row

    def _build_sliders(self, config: PlaygroundConfig) -> QFormLayout:
        form = QFormLayout()
        self.ratio = _percent_slider(config.train_ratio, 90)
        self.ratio.setMinimum(10)
        self.ratio_label = QLabel()
        self.ratio.setToolTip(self.tr("The share of points used for training; the rest test "
                                      "the network on points it never saw."))
        self.noise = _percent_slider(config.noise, 50)
        self.noise_label = QLabel()
        self.noise.setToolTip(self.tr("Scatter the points: noisy data tempts a big network to "
                                      "learn the noise (over-fitting)."))
        self.batch = QSpinBox()
        self.batch.setRange(1, 500)
        self.batch.setToolTip(self.tr("Points per gradient step. Small batches are noisy "
                                      "but take many steps; large ones are smooth but slow."))
        form.addRow(self.ratio_label, self.ratio)
        form.addRow(self.noise_label, self.noise)
        form.addRow(self.tr("Batch size"), self.batch)
        return form

    def _build_feature_box(self) -> QGroupBox:
        self.feature_box = CustomFeatureBox()
        self.feature_line, self.feature_edit = (self.feature_box.feature_line,
                                                self.feature_box.feature_edit)
        return self.feature_box

    def _build_edit_box(self) -> QGroupBox:
        self.edit_box = PointEditBox()
        box = self.edit_box
        self.edit_class, self.edit_value = box.edit_class, box.edit_value
        self.import_button, self.export_button = box.import_button, box.export_button
        return box

    def _connect(self) -> None:
        self.problem.currentIndexChanged.connect(self._on_problem_changed)
        self.datasets.currentItemChanged.connect(self._on_datasets_current_changed)
        self.formula_row.entered.connect(self._send_formula)
        self.feature_box.changed.connect(self.changed)
        self._bind_percent_slider(self.ratio, "train_ratio")
        self._bind_percent_slider(self.noise, "noise")
        self.batch.valueChanged.connect(lambda v: self.changed.emit({"batch_size": v}))
        self.regenerate.clicked.connect(self.regenerate_requested)
        self.show_test.toggled.connect(self.show_test_toggled)
        self.discretize.toggled.connect(self.discretize_toggled)
        self.import_button.clicked.connect(self.import_requested)
        self.export_button.clicked.connect(self.export_requested)

    # -- binding ------------------------------------------------------------------
    def sync(self, config: PlaygroundConfig, n_classes: int, task: str) -> None:
        """Show ``config`` without emitting changes."""
        widgets = (self.problem, self.datasets, self.ratio, self.noise, self.batch,
                   self.edit_class)
        for w in widgets:
            w.blockSignals(True)
        regression = task == REGRESSION
        self.problem.setCurrentIndex(1 if regression else 0)
        self.datasets.show_task(regression)
        self.datasets.choose(config.dataset)
        if not self.ratio.isSliderDown():
            self.ratio.setValue(round(config.train_ratio * 100))
        if not self.noise.isSliderDown():
            self.noise.setValue(round(config.noise * 100))
        self.batch.setValue(config.batch_size)
        self.edit_box.sync_classes(n_classes)
        for w in widgets:
            w.blockSignals(False)
        self.edit_box.show_task(regression)
        self._sync_formulas(config)
        self._update_labels()

    def _sync_formulas(self, config: PlaygroundConfig) -> None:
        """The formulas as applied; a line being typed is kept unless its value changed."""
        first = not self.formula_edit.text() and not self.feature_edit.text()
        if first or config.formula != self._config.formula:
            self.formula_edit.setText(config.formula)
        if first or config.feature_formula != self._config.feature_formula:
            self.feature_edit.setText(config.feature_formula)
        self._config = config
        self.feature_box.features = config.features
        self.formula_row.setVisible(config.dataset == FORMULA)
        self.formula_row.set_hint(
            self.tr("Each point's value is f(x1,x2).") if config.formula_task == VALUES
            else self.tr("Class by sign: class 1 where f(x1,x2) > 0, else class 0."))

    def new_point_label(self, task: str) -> float:
        return self.edit_box.new_point_label(task)

    def _update_labels(self) -> None:
        self.ratio_label.setText(self.tr("Training data: {0}%").format(self.ratio.value()))
        self.noise_label.setText(self.tr("Noise: {0}").format(self.noise.value()))

    def _formula_task(self) -> str:
        return VALUES if self.problem.currentData() == "regression" else CLASSES

    # -- user actions ---------------------------------------------------------------
    def _on_problem_changed(self, index: int) -> None:
        regression = self.problem.itemData(index) == "regression"
        self.datasets.show_task(regression)
        if self.datasets.chosen() == FORMULA:  # the same formula, now as values or classes
            if not self._send_formula(self.formula_edit.text()):
                self.problem.blockSignals(True)  # refused: show what is still in force
                self.problem.setCurrentIndex(1 - index)
                self.problem.blockSignals(False)
                self.datasets.show_task(not regression)
            return
        first = next(name for name, (_, task, _) in DATASETS.items()
                     if (task == REGRESSION) == regression)
        self.changed.emit({"dataset": first})

    def _on_datasets_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is None:
            return
        name = current.data(Qt.ItemDataRole.UserRole)
        if name == FORMULA:
            self.formula_row.show()
            self._send_formula(self.formula_edit.text())
            self.formula_edit.setFocus()
        else:
            self.changed.emit({"dataset": name})

    def _send_formula(self, text: str) -> bool:
        """Points from the formula, or its reason in red and nothing changed (False)."""
        task = self._formula_task()
        try:
            check_formula_task(text, task)
        except FormulaError as exc:
            self.formula_row.refuse(str(exc))
            return False
        self.formula_row.accept()
        self.changed.emit({"dataset": FORMULA, "formula": text.strip(), "formula_task": task})
        return True

    def ask_for_feature_formula(self) -> None:
        self.feature_box.ask_for_formula()

    def _bind_percent_slider(self, slider: QSlider, setting: str) -> None:
        """Send ``setting`` = value/100 when released (not on every pixel of a drag)."""

        def on_changed(value: int) -> None:
            self._update_labels()
            if not slider.isSliderDown():
                self.changed.emit({setting: value / 100})

        slider.valueChanged.connect(on_changed)
        slider.sliderReleased.connect(lambda: self.changed.emit({setting: slider.value() / 100}))
