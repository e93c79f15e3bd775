"""Left panel: choose and shape the data, and edit points by hand."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSlider,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.data.datasets import DATASETS, FORMULA, REGRESSION, make_dataset
from core.data.formula import CLASSES, VALUES, FormulaError, check_formula_task
from core.playground.config import PlaygroundConfig
from core.playground.features import CUSTOM_FEATURE, EXTENT, check_feature_formula
from gui.colors import class_colour, diverging_colormap
from gui.display_names import display_name
from gui.playground.formula_line import FormulaLine
from gui.playground.keyboard_slider import KeyboardSlider

ICON = 56


def dataset_icon(name: str) -> QIcon:
    """A thumbnail of data set ``name``: its points on a white square."""
    data = make_dataset(name, 250, 0.0, np.random.default_rng(0))
    pixmap = QPixmap(ICON, ICON)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    scale = (ICON - 4) / (2 * EXTENT)
    cmap = diverging_colormap()
    for (x1, x2), label in zip(data.X.tolist(), data.y.tolist(), strict=True):
        if data.task == REGRESSION:
            colour = cmap.map((label + 1) / 2, mode="qcolor")
        else:
            colour = QColor(*class_colour(int(label)))
        painter.setBrush(colour)
        painter.drawEllipse(int(2 + (x1 + EXTENT) * scale), int(2 + (EXTENT - x2) * scale), 4, 4)
    painter.end()
    return QIcon(pixmap)


def formula_icon() -> QIcon:
    """The "Formula…" thumbnail: f(x) written on a white square."""
    pixmap = QPixmap(ICON, ICON)
    pixmap.fill(QColor("white"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setItalic(True)
    font.setPixelSize(ICON // 3)
    painter.setFont(font)
    painter.setPen(QColor(*class_colour(1)))
    painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, "f(x)")
    painter.end()
    return QIcon(pixmap)


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
        data_layout.addWidget(self._build_dataset_list())
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

    def _build_dataset_list(self) -> QListWidget:
        self.datasets = QListWidget()
        self.datasets.setViewMode(QListWidget.ViewMode.IconMode)
        self.datasets.setIconSize(QSize(ICON, ICON))
        self.datasets.setMovement(QListWidget.Movement.Static)
        self.datasets.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.datasets.setMinimumHeight(3 * (ICON + 24))
        self.datasets.setToolTip(self.tr("Pick a data set. Spirals need more neurons "
                                         "(or sin/cos features) than circles."))
        names = {name: display_name(name) for name in DATASETS}
        names[FORMULA] = self.tr("Formula…")
        for name, shown in names.items():
            icon = formula_icon() if name == FORMULA else dataset_icon(name)
            item = QListWidgetItem(icon, shown)
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.datasets.addItem(item)
        # Cells as wide as the longest name, which the icon grid would elide ("3 spi…").
        widest = max(self.datasets.fontMetrics().horizontalAdvance(n) for n in names.values())
        self.datasets.setGridSize(QSize(max(ICON + 14, widest + 12), ICON + 22))
        return self.datasets

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
        """One more input the network can use, computed by a typed formula."""
        box = QGroupBox(self.tr("Custom feature f(x1,x2)"))
        self.feature_line = FormulaLine("", self.tr("e.g. sin(x1*x2)"), self.tr(
            "Enter adds this formula as one more input of the network, next to x1, x2, "
            "x1², …; an empty line removes it."))
        self.feature_edit = self.feature_line.edit
        QVBoxLayout(box).addWidget(self.feature_line)
        return box

    def _build_edit_box(self) -> QGroupBox:
        edit_box = QGroupBox(self.tr("Edit points"))
        edit_layout = QFormLayout(edit_box)
        self.edit_class = QComboBox()
        self.edit_class.setToolTip(self.tr("The class a left-click adds."))
        self.edit_value = QDoubleSpinBox()
        self.edit_value.setToolTip(self.tr("The value (−1 to 1) a left-click adds."))
        self.edit_value.setRange(-1.0, 1.0)
        self.edit_value.setSingleStep(0.1)
        self.edit_value.setValue(1.0)
        edit_layout.addRow(QLabel(self.tr("Left-click a plot to add a point, "
                                          "right-click to remove the nearest.")))
        edit_layout.itemAt(0).widget().setWordWrap(True)
        self.edit_class_label = QLabel(self.tr("New point's class"))
        edit_layout.addRow(self.edit_class_label, self.edit_class)
        self.edit_value_label = QLabel(self.tr("New point's value"))
        edit_layout.addRow(self.edit_value_label, self.edit_value)
        buttons = QHBoxLayout()
        self.import_button = QPushButton(self.tr("Import CSV…"))
        self.import_button.setToolTip(self.tr("Load points from a CSV file: x1, x2 and a label "
                                              "per line."))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Save the training and test points, including "
                                              "the ones you added, as CSV."))
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        edit_layout.addRow(buttons)
        return edit_box

    def _connect(self) -> None:
        self.problem.currentIndexChanged.connect(self._on_problem_changed)
        self.datasets.currentItemChanged.connect(self._on_datasets_current_changed)
        self.formula_row.entered.connect(self._send_formula)
        self.feature_line.entered.connect(self._on_feature_line_entered)
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
        self._filter_datasets(regression)
        for row in range(self.datasets.count()):
            item = self.datasets.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == config.dataset:
                self.datasets.setCurrentItem(item)
        if not self.ratio.isSliderDown():
            self.ratio.setValue(round(config.train_ratio * 100))
        if not self.noise.isSliderDown():
            self.noise.setValue(round(config.noise * 100))
        self.batch.setValue(config.batch_size)
        self._sync_classes(n_classes)
        for w in widgets:
            w.blockSignals(False)
        self.edit_class.setVisible(not regression)
        self.edit_class_label.setVisible(not regression)
        self.edit_value.setVisible(regression)
        self.edit_value_label.setVisible(regression)
        self._sync_formulas(config)
        self._update_labels()

    def _sync_classes(self, n_classes: int) -> None:
        if self.edit_class.count() == n_classes:
            return
        current = self.edit_class.currentIndex()
        self.edit_class.clear()
        for k in range(n_classes):
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(*class_colour(k)))
            self.edit_class.addItem(QIcon(pixmap), self.tr("class {0}").format(k), k)
        self.edit_class.setCurrentIndex(min(max(current, 0), n_classes - 1))

    def _sync_formulas(self, config: PlaygroundConfig) -> None:
        """The formulas as applied; a line being typed is kept unless its value changed."""
        first = not self.formula_edit.text() and not self.feature_edit.text()
        if first or config.formula != self._config.formula:
            self.formula_edit.setText(config.formula)
        if first or config.feature_formula != self._config.feature_formula:
            self.feature_edit.setText(config.feature_formula)
        self._config = config
        self.formula_row.setVisible(config.dataset == FORMULA)
        self.formula_row.set_hint(
            self.tr("Each point's value is f(x1,x2).") if config.formula_task == VALUES
            else self.tr("Class by sign: class 1 where f(x1,x2) > 0, else class 0."))

    def new_point_label(self, task: str) -> float:
        if task == REGRESSION:
            return float(self.edit_value.value())
        return float(self.edit_class.currentData() or 0)

    def _filter_datasets(self, regression: bool) -> None:
        for row in range(self.datasets.count()):
            item = self.datasets.item(row)
            name = item.data(Qt.ItemDataRole.UserRole)
            if name != FORMULA:  # a formula gives classes or values: in both lists
                item.setHidden((DATASETS[name][1] == REGRESSION) != regression)

    def _update_labels(self) -> None:
        self.ratio_label.setText(self.tr("Training data: {0}%").format(self.ratio.value()))
        self.noise_label.setText(self.tr("Noise: {0}").format(self.noise.value()))

    def _chosen(self) -> str | None:
        """The data set chosen in the grid, even before the worker has taken it."""
        current = self.datasets.currentItem()
        return None if current is None else current.data(Qt.ItemDataRole.UserRole)

    def _formula_task(self) -> str:
        return VALUES if self.problem.currentData() == "regression" else CLASSES

    # -- user actions ---------------------------------------------------------------
    def _on_problem_changed(self, index: int) -> None:
        regression = self.problem.itemData(index) == "regression"
        self._filter_datasets(regression)
        if self._chosen() == FORMULA:  # the same formula, now as values or classes
            if not self._send_formula(self.formula_edit.text()):
                self.problem.blockSignals(True)  # refused: show what is still in force
                self.problem.setCurrentIndex(1 - index)
                self.problem.blockSignals(False)
                self._filter_datasets(not regression)
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
        """The input f(x1,x2) was clicked before it had a formula: say where to type one."""
        self.feature_line.refuse(self.tr("Type a formula here first, then press Enter."))
        self.feature_edit.setFocus()

    def _on_feature_line_entered(self, text: str) -> None:
        text = text.strip()
        features = [f for f in self._config.features if f != CUSTOM_FEATURE]
        try:
            if text:
                check_feature_formula(text)
                features.append(CUSTOM_FEATURE)
            elif not features:
                raise ValueError(self.tr("the network needs another input before this one "
                                         "can go"))
        except ValueError as exc:
            self.feature_line.refuse(str(exc))
            return
        self.feature_line.accept()
        self.changed.emit({"feature_formula": text, "features": tuple(features)})

    def _bind_percent_slider(self, slider: QSlider, setting: str) -> None:
        """Send ``setting`` = value/100 when released (not on every pixel of a drag)."""

        def on_changed(value: int) -> None:
            self._update_labels()
            if not slider.isSliderDown():
                self.changed.emit({setting: value / 100})

        slider.valueChanged.connect(on_changed)
        slider.sliderReleased.connect(lambda: self.changed.emit({setting: slider.value() / 100}))
