"""Left panel: choose and shape the data, and edit points by hand."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
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

from core.data.datasets import DATASETS, REGRESSION, make_dataset
from core.playground.config import PlaygroundConfig
from core.playground.features import EXTENT
from gui.colors import class_colour, diverging_colormap
from gui.display_names import display_name
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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)

        data_box = QGroupBox(self.tr("Data"))
        data_layout = QVBoxLayout(data_box)
        self.problem = QComboBox()
        self.problem.setToolTip(self.tr("Classification: predict a class (a colour). "
                                        "Regression: predict a number for each point."))
        self.problem.addItem(self.tr("Classification"), "classification")
        self.problem.addItem(self.tr("Regression"), "regression")
        self.problem.setToolTip(self.tr("Classification sorts points into classes; "
                                        "regression predicts a number for every point."))
        data_layout.addWidget(self.problem)
        self.datasets = QListWidget()
        self.datasets.setViewMode(QListWidget.ViewMode.IconMode)
        self.datasets.setIconSize(QSize(ICON, ICON))
        self.datasets.setMovement(QListWidget.Movement.Static)
        self.datasets.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.datasets.setMinimumHeight(3 * (ICON + 24))
        self.datasets.setToolTip(self.tr("Pick a data set. Spirals need more neurons "
                                         "(or sin/cos features) than circles."))
        for name in DATASETS:
            item = QListWidgetItem(dataset_icon(name), display_name(name))
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.datasets.addItem(item)
        # Cells as wide as the longest name, which the icon grid would elide ("3 spi…").
        widest = max(self.datasets.fontMetrics().horizontalAdvance(display_name(n))
                     for n in DATASETS)
        self.datasets.setGridSize(QSize(max(ICON + 14, widest + 12), ICON + 22))
        data_layout.addWidget(self.datasets)

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
        data_layout.addLayout(form)
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
        layout.addWidget(data_box)

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
        layout.addWidget(edit_box)
        layout.addStretch(1)

        self.sync(config, n_classes=2, task="binary")
        self.problem.currentIndexChanged.connect(self._on_problem_changed)
        self.datasets.currentItemChanged.connect(self._on_datasets_current_changed)
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
        if self.edit_class.count() != n_classes:
            current = self.edit_class.currentIndex()
            self.edit_class.clear()
            for k in range(n_classes):
                pixmap = QPixmap(12, 12)
                pixmap.fill(QColor(*class_colour(k)))
                self.edit_class.addItem(QIcon(pixmap), self.tr("class {0}").format(k), k)
            self.edit_class.setCurrentIndex(min(max(current, 0), n_classes - 1))
        for w in widgets:
            w.blockSignals(False)
        self.edit_class.setVisible(not regression)
        self.edit_class_label.setVisible(not regression)
        self.edit_value.setVisible(regression)
        self.edit_value_label.setVisible(regression)
        self._update_labels()

    def new_point_label(self, task: str) -> float:
        if task == REGRESSION:
            return float(self.edit_value.value())
        return float(self.edit_class.currentData() or 0)

    def _filter_datasets(self, regression: bool) -> None:
        for row in range(self.datasets.count()):
            item = self.datasets.item(row)
            task = DATASETS[item.data(Qt.ItemDataRole.UserRole)][1]
            item.setHidden((task == REGRESSION) != regression)

    def _update_labels(self) -> None:
        self.ratio_label.setText(self.tr("Training data: {0}%").format(self.ratio.value()))
        self.noise_label.setText(self.tr("Noise: {0}").format(self.noise.value()))

    # -- user actions ---------------------------------------------------------------
    def _on_problem_changed(self, index: int) -> None:
        regression = self.problem.itemData(index) == "regression"
        self._filter_datasets(regression)
        first = next(name for name, (_, task, _) in DATASETS.items()
                     if (task == REGRESSION) == regression)
        self.changed.emit({"dataset": first})

    def _on_datasets_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            self.changed.emit({"dataset": current.data(Qt.ItemDataRole.UserRole)})

    def _bind_percent_slider(self, slider: QSlider, setting: str) -> None:
        """Send ``setting`` = value/100 when released (not on every pixel of a drag)."""

        def on_changed(value: int) -> None:
            self._update_labels()
            if not slider.isSliderDown():
                self.changed.emit({setting: value / 100})

        slider.valueChanged.connect(on_changed)
        slider.sliderReleased.connect(lambda: self.changed.emit({setting: slider.value() / 100}))
