"""The playground mode: binds the panels to a worker-run :class:`Playground`."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from core.data.datasets import DataFileError, Dataset, load_points_csv, save_points_csv
from core.playground.commands import (
    AddPoint,
    ApplyPreset,
    EnlargeNeuron,
    LoadData,
    PlaygroundState,
    Regenerate,
    RemovePoint,
    Replay,
    ShowHealth,
)
from core.playground.config import PRESETS, PlaygroundConfig
from core.playground.features import (
    CUSTOM_FEATURE,
    FEATURE_NAMES,
    resolve_features,
)
from core.playground.grid import GridEvaluator
from core.playground.model import Playground
from core.playground.snapshot import PlaygroundSnapshot
from core.worker.loop import Pause, Play, SetSpeed, Step
from core.worker.protocol import Configure, Restart, Restore, RestoreBest
from gui import text_size
from gui.display_names import set_custom_feature
from gui.history_plot import HistoryPlot
from gui.playground.boundary_view import BoundaryView
from gui.playground.confusion_view import ConfusionView
from gui.playground.controls import ArchitectureBar, ControlsBar
from gui.playground.data_panel import DataPanel
from gui.playground.health_dialog import HealthDialog
from gui.playground.keyboard_slider import KeyboardSlider
from gui.playground.network_view import NetworkView
from gui.playground.page_text import caption, describe_changes, summary
from gui.playground.sweep_dialog import SweepDialog
from gui.playground.training_banner import TrainingBanner
from gui.playground.transformed_dialog import TransformedDialog
from gui.theme import plot_ink
from gui.widgets import LiveLabel, scrolling
from gui.worker.training_controller import TrainingController

# While training, the costly redraws take turns so that no frame does two of
# them (a frame that did all of them made the event loop 20 ms late): links
# change slowly and curves move little per frame.  At 32 frames/s this is
# links at ~11 Hz and each curve plot at ~5 Hz; the free frames redraw the
# transformed-space view when it is open (~11 Hz), the accuracy turn the
# health view.
FRAME_CYCLE = ("links", "loss", "", "links", "accuracy", "")


class PlaygroundPage(QWidget):
    """Data on the left, the network in the middle, boundaries and curves on the right."""

    status_message = Signal(str)

    def __init__(self, config: PlaygroundConfig | None = None, parent=None) -> None:
        super().__init__(parent)
        self.config = config or PlaygroundConfig()
        self.running = False
        self.snapshot: PlaygroundSnapshot | None = None
        self.frames_painted = 0
        self._frame_index = 0
        self._sweep: SweepDialog | None = None
        self._health: HealthDialog | None = None
        self._transformed: TransformedDialog | None = None
        self._synced_config: PlaygroundConfig | None = None
        self._last_message: str | None = None  # a new one means a setting was refused
        self._turn = "all"  # which costly redraws this frame does (see FRAME_CYCLE)
        self.drawn: PlaygroundSnapshot | None = None  # the last snapshot drawn in full

        self._build_views()
        self._build_buttons()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(scrolling(self.data_panel, sideways=False))
        splitter.addWidget(self._build_middle())
        splitter.addWidget(self._build_right())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 4)
        splitter.setSizes([250, 560, 760])
        layout = QVBoxLayout(self)
        layout.addWidget(self.controls)
        layout.addWidget(self.controls.optimizer_settings)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        self.controller = TrainingController(partial(Playground, self.config), self)
        self._connect()
        self.controller.start()
        self.controller.send(SetSpeed(self.controls.speed.currentData()))

    # -- building ------------------------------------------------------------------
    def _build_views(self) -> None:
        self.controls = ControlsBar(self.config)
        self.banner = TrainingBanner()
        self.data_panel = DataPanel(self.config)
        self.architecture = ArchitectureBar()
        self.network_view = NetworkView()
        self._show_custom_feature(self.config.feature_formula)
        self.network_boundary = BoundaryView(self.tr("Network"))
        self.linear_boundary = BoundaryView(self.tr("Linear model"))
        series = [
            ("network", "train", self.tr("network, training"), "#0877bd", False),
            ("network", "test", self.tr("network, test"), "#0877bd", True),
            ("linear", "train", self.tr("linear, training"), "#888888", False),
            ("linear", "test", self.tr("linear, test"), "#888888", True),
        ]
        key = [("#0877bd", False, self.tr("network")), ("#888888", False, self.tr("linear")),
               (plot_ink(), False, self.tr("training")), (plot_ink(), True, self.tr("test"))]
        self.loss_view = HistoryPlot("loss", self.tr("Loss"), series, key=key)
        self.accuracy_view = HistoryPlot("accuracy", self.tr("Accuracy"), series, key=key)
        self.loss_view.shade_gap("network", (8, 119, 189, 45))
        self.confusion_view = ConfusionView()
        self.confusion_view.hide()  # until a frame with three classes or more
        self.summary = LiveLabel(lines=3)
        self.replay_slider = KeyboardSlider()
        self.replay_slider.setToolTip(self.tr(
            "Drag back through the recorded moments to see how the boundary and every "
            "neuron evolved; training goes on meanwhile."))
        self.replay_label = LiveLabel(width=260)
        self.replay_label.setText(self.tr("live"))

    def _build_buttons(self) -> None:
        self.log_scale = QCheckBox(self.tr("Log scale"))
        self.log_scale.setToolTip(self.tr("A logarithmic loss axis: late, small improvements "
                                          "stay visible next to the big early drop."))
        self.overfit_button = QPushButton(self.tr("Over-fitting example"))
        self.overfit_button.setToolTip(self.tr(
            "Few noisy points and a wide, deep network: watch the test loss turn up while "
            "the training loss keeps falling. Then try L2, dropout or fewer neurons."))
        self.health_button = QPushButton(self.tr("Inside the training…"))
        self.health_button.setToolTip(self.tr(
            "Each layer's weights and gradients over time, and its dead or saturated units. "
            "Try a sigmoid network with a large learning rate, or 'zeros' initialisation."))
        self.sweep_button = QPushButton(self.tr("Complexity sweep…"))
        self.sweep_button.setToolTip(self.tr(
            "Train networks of growing width on this data and plot training and test "
            "error against their size."))
        self.restore_button = QPushButton(self.tr("Restore the best weights"))
        self.restore_button.setToolTip(self.tr(
            "Early stopping: go back to the weights with the lowest test loss "
            "(the green dotted line)."))
        self.transformed_button = QPushButton(self.tr("See the plane as a hidden layer sees it…"))
        self.transformed_button.setToolTip(self.tr(
            "Draw the input grid and the points as two neurons of a hidden layer see them: "
            "bent space where one line can split the classes."))

    def _build_middle(self) -> QWidget:
        """The layer bar over the network diagram, with how to use it."""
        middle = QWidget()
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        # Scrolls sideways when many layers would not fit, instead of widening the window.
        architecture_scroll = QScrollArea()
        architecture_scroll.setWidget(self.architecture)
        architecture_scroll.setWidgetResizable(True)
        architecture_scroll.setFrameShape(QFrame.Shape.NoFrame)
        architecture_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = 2 * QToolButton().sizeHint().height() + QComboBox().sizeHint().height()
        architecture_scroll.setFixedHeight(rows + 28)  # two button rows, a combo, a scrollbar
        middle_layout.addWidget(architecture_scroll)
        middle_layout.addWidget(self.network_view, 1)
        hint = QLabel(self.tr("Hover a neuron for its formula, a link for its weight. "
                              "Click a neuron to enlarge it; click an input to switch it; "
                              "click a link to type its weight, right-click a neuron for "
                              "its bias."))
        hint.setStyleSheet("color: #888;")
        hint.setWordWrap(True)
        # The hint above the button, not beside it: beside it, it wrapped a word a line.
        middle_layout.addWidget(hint)
        middle_layout.addWidget(self.transformed_button, 0, Qt.AlignmentFlag.AlignLeft)
        return middle

    def _build_right(self) -> QWidget:
        """Both boundaries and the confusion matrix, the replay, the summary, the curves."""
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        boundaries = QHBoxLayout()
        for view in (self.network_boundary, self.linear_boundary):
            # Below this the points are specks; at a large text size the page scrolls.
            view.setMinimumHeight(12 * self.fontMetrics().lineSpacing())
            view.setMinimumWidth(self._caption_width())  # the confusion matrix beside them
            boundaries.addWidget(view)
        boundaries.addWidget(self.confusion_view)  # beside the boundary whose mistakes it counts
        right_layout.addLayout(boundaries, 3)
        replay_row = QHBoxLayout()
        replay_row.addWidget(QLabel(self.tr("History")))
        replay_row.addWidget(self.replay_slider, 1)
        replay_row.addWidget(self.replay_label)
        right_layout.addLayout(replay_row)
        right_layout.addWidget(self.summary)
        curves = QHBoxLayout()
        curves.addWidget(self.loss_view)
        curves.addWidget(self.accuracy_view)
        right_layout.addLayout(curves, 1)
        # Two rows, so that the buttons fit under the curves of a small screen.
        below_curves = QGridLayout()
        below_curves.addWidget(self.log_scale, 0, 0)
        below_curves.addWidget(self.restore_button, 0, 2)
        below_curves.addWidget(self.health_button, 1, 0)
        below_curves.addWidget(self.sweep_button, 1, 1)
        below_curves.addWidget(self.overfit_button, 1, 2)
        right_layout.addLayout(below_curves)
        return right

    def _connect(self) -> None:
        send = self.controller.send
        self.controller.snapshot_ready.connect(self._on_controller_snapshot)
        self.controller.snapshot_ready_later.connect(self._draw_outputs)
        self.controller.worker_failed.connect(self._on_controller_failed)
        self.controls.changed.connect(lambda changes: send(Configure(changes)))
        self.controls.play_toggled.connect(self.toggle_play)
        self.controls.step_requested.connect(self.step)
        self.controls.reset_requested.connect(self.reset)
        self.controls.speed_changed.connect(lambda v: send(SetSpeed(v)))
        self.data_panel.changed.connect(lambda changes: send(Configure(changes)))
        self.data_panel.regenerate_requested.connect(lambda: send(Regenerate()))
        self.data_panel.import_requested.connect(self.import_csv)
        self.data_panel.export_requested.connect(self.export_csv)
        self.data_panel.show_test_toggled.connect(self._on_show_test_toggled)
        self.data_panel.discretize_toggled.connect(self._on_discretize_toggled)
        self.architecture.changed.connect(lambda changes: send(Configure(changes)))
        self.network_view.neuron_clicked.connect(self._on_network_neuron_clicked)
        self.network_view.feature_toggled.connect(self._on_network_feature_toggled)
        self.network_view.editor.edited.connect(self.controller.send)
        self.network_boundary.point_clicked.connect(self._on_boundary_point_clicked)
        self.linear_boundary.point_clicked.connect(self._on_boundary_point_clicked)
        self.log_scale.toggled.connect(self.loss_view.set_log_scale)
        self.banner.fix_requested.connect(self._on_banner_fix_requested)
        self.overfit_button.clicked.connect(self._on_overfit_button_clicked)
        self.restore_button.clicked.connect(lambda: send(RestoreBest()))
        self.sweep_button.clicked.connect(self.open_sweep)
        self.health_button.clicked.connect(self.open_health)
        # valueChanged, not sliderMoved: keys and clicks on the track replay too.
        self.replay_slider.valueChanged.connect(self._on_replay_slider_value_changed)
        self.transformed_button.clicked.connect(self.open_transformed)
        self.confusion_view.chosen_changed.connect(self._on_confusion_view_chosen_changed)

    # -- run control (also bound to keys by the main window) --------------------------
    def toggle_play(self) -> None:
        self._set_running(not self.running)

    def _set_running(self, running: bool) -> None:
        self.running = running
        self.controller.send(Play() if running else Pause())
        self.status_message.emit(self._run_status(running))
        self.controls.set_running(running)

    def _run_status(self, running: bool) -> str:
        """The status bar's words; never "Training…" under a warning."""
        if self.banner.isVisible() and self.snapshot is not None and self.snapshot.divergence:
            return self.tr("Training paused: see the warning above.")  # Play cannot go on
        if not running:
            return self.tr("Paused.")
        if self.banner.isVisible():
            return self.tr("Training goes on, but see the warning above.")
        return self.tr("Training…")

    def step(self) -> None:
        self.running = False
        self.controller.send(Step(1))

    def reset(self) -> None:
        self.controller.send(Restart())

    def restore(self, state: PlaygroundState) -> None:
        """Put back a saved session; the next snapshot redraws everything."""
        self._enlarge(None)
        if self.running:
            self.toggle_play()
        self.controller.send(Restore(state))

    def shutdown(self) -> bool:
        """Stop the training worker and the sweep; called when the window closes."""
        if self._sweep is not None:
            self._sweep.done(0)
        return self.controller.stop()

    # -- snapshots -------------------------------------------------------------------
    def _on_controller_snapshot(self, snap: PlaygroundSnapshot) -> None:
        self.snapshot = snap
        self.running = snap.running
        self.controls.set_running(snap.running)
        self.controls.set_counters(snap.epoch, snap.step)
        refused = snap.message is not None and snap.message != self._last_message
        self._last_message = snap.message
        if snap.config != self._synced_config or refused:
            # A refused setting: put the controls back to what is real.
            if snap.config.feature_formula != self.config.feature_formula:
                self._show_custom_feature(snap.config.feature_formula)
            self._synced_config = snap.config
            self.config = snap.config
            self.controls.sync(snap.config)
            self.data_panel.sync(snap.config, snap.n_classes, snap.task)
            self.architecture.sync(snap.config.hidden, snap.config.hidden_activations)
        shown = snap.replay or snap.network  # a moment from the history, or now
        self.replay_label.setText(
            self.tr("live") if snap.replay_step is None
            else self.tr("step {0} — training goes on").format(f"{snap.replay_step:,d}"))
        self._frame_index += 1
        turn = FRAME_CYCLE[self._frame_index % len(FRAME_CYCLE)] if snap.running else "all"
        self._turn = turn
        self.network_view.editor.live = snap.replay is None
        self.network_view.show_model(shown, snap.config.features,
                                     links=turn in ("links", "all"))
        self.summary.setText(summary(snap))
        if self.banner.show_snapshot(snap):
            self.status_message.emit(self._run_status(snap.running))
        if snap.message:
            self.status_message.emit(snap.message)

    def _draw_outputs(self, snap: PlaygroundSnapshot) -> None:
        """The frame's second half: boundaries and curves, painted separately from
        the diagram so that input and timers get a turn in between."""
        turn = self._turn
        shown = snap.replay or snap.network
        if self._transformed is not None and self._transformed.isVisible() and turn in ("", "all"):
            self._transformed.show_snapshot(snap)  # on the frames the costly redraws leave free
        neuron = self.network_boundary.neuron
        net_caption = caption(shown, neuron and self.network_view.neuron_name(*neuron))
        self.network_boundary.show_snapshot(snap, shown, net_caption)
        self.linear_boundary.show_snapshot(snap, snap.linear, caption(snap.linear, None))
        histories = {"network": snap.network.history, "linear": snap.linear.history}
        if turn in ("loss", "all"):
            self._sync_replay_slider(snap)
            self.loss_view.show_histories(histories)
            best = self.loss_view.mark_best(histories, "network")
            self.restore_button.setEnabled(best is not None)
        if turn in ("accuracy", "all"):
            self.accuracy_view.show_histories(histories)
            self.accuracy_view.setVisible(snap.network.train_accuracy is not None)
            self.confusion_view.show_confusion(shown.confusion)
            # For three classes or more: two are told by the accuracy alone, and the
            # boundaries need the room on a small screen.
            self.confusion_view.setVisible(shown.confusion is not None and snap.n_classes > 2)
            self.network_boundary.ring(*self.confusion_view.chosen_points(snap))
            if self._health is not None and self._health.isVisible():
                self._health.show_snapshot(snap)
        self.drawn = snap
        self.frames_painted += 1

    def _sync_replay_slider(self, snap: PlaygroundSnapshot) -> None:
        """Slider range follows the recorded moments; at its right end it stays live.

        Updated with the curves, not every frame: a slider repaint is not cheap.
        """
        last = max(0, len(snap.replay_steps) - 1)
        at_end = self.replay_slider.value() >= self.replay_slider.maximum()
        self.replay_slider.blockSignals(True)
        self.replay_slider.setMaximum(last)
        if snap.replay_step is None and at_end and not self.replay_slider.isSliderDown():
            self.replay_slider.setValue(last)
        self.replay_slider.blockSignals(False)

    def _on_replay_slider_value_changed(self, value: int) -> None:
        live = value >= self.replay_slider.maximum()
        self.controller.send(Replay(None if live else value))

    def _caption_width(self) -> int:
        """A boundary plot's widest title line (see ``BoundaryView._fitting_title``)."""
        font = QFont(self.font())
        font.setPointSizeF(11 * text_size.scale())
        return QFontMetrics(font).horizontalAdvance(self.tr("test accuracy {0}").format(
            "100.0%")) + 16

    def open_transformed(self) -> TransformedDialog:
        if self._transformed is None:
            self._transformed = TransformedDialog(self)
            self._transformed.watch_changed.connect(self.controller.send)
        self._transformed.show()
        if self.snapshot is not None:
            self._transformed.show_snapshot(self.snapshot)
        self._transformed.request()
        return self._transformed

    def open_health(self) -> HealthDialog:
        if self._health is None:
            self._health = HealthDialog(self)
            self._health.shown_changed.connect(lambda on: self.controller.send(ShowHealth(on)))
        self._health.show()
        if self.snapshot is not None:
            self._health.show_snapshot(self.snapshot)
        return self._health

    def open_sweep(self) -> SweepDialog | None:
        """The sweep trains on a copy of the current points in a child process."""
        snap = self.snapshot
        if snap is None:
            return None
        train = Dataset(snap.train_X, snap.train_y, snap.task, snap.n_classes)
        test = Dataset(snap.test_X, snap.test_y, snap.task, snap.n_classes)
        dialog = SweepDialog(train, test, snap.config.inputs, len(snap.config.hidden), self)
        dialog.show()
        self._sweep = dialog
        return dialog

    def _on_controller_failed(self, message: str) -> None:
        QMessageBox.critical(self, self.tr("Training stopped"),
                             self.tr("The training worker failed: {0}").format(message))

    # -- user actions ---------------------------------------------------------------------
    def _on_confusion_view_chosen_changed(self) -> None:
        if self.drawn is not None:
            self.network_boundary.ring(*self.confusion_view.chosen_points(self.drawn))

    def _on_network_neuron_clicked(self, column: int, unit: int) -> None:
        chosen = (column, unit)
        same = self.network_boundary.neuron == chosen
        self._enlarge(None if same else chosen)
        self._repaint_latest()

    def _enlarge(self, neuron: tuple[int, int] | None) -> None:
        """Show ``neuron`` in the network's boundary plot; the worker sends it at full size."""
        self.network_boundary.neuron = self.network_view.selected = neuron
        self.controller.send(EnlargeNeuron(neuron))

    def _show_custom_feature(self, formula: str) -> None:
        """The input f(x1,x2): its name and picture in the diagram follow its formula
        (a blank picture while it has none)."""
        set_custom_feature(formula)
        evaluator = GridEvaluator(resolve_features(FEATURE_NAMES, formula or "0"),
                                  self.config.resolution)
        self.network_view.set_feature_images(evaluator.feature_tiles())

    def _on_network_feature_toggled(self, name: str) -> None:
        features = list(self.config.features)
        if name in features:
            if len(features) == 1:
                self.status_message.emit(self.tr("The network needs at least one input."))
                return
            features.remove(name)
        elif name == CUSTOM_FEATURE and not self.config.feature_formula:
            self.data_panel.ask_for_feature_formula()  # nothing to switch on yet
            return
        else:
            features.append(name)
        ordered = tuple(f for f in FEATURE_NAMES if f in features)
        self._enlarge(None)
        self.controller.send(Configure({"features": ordered}))

    def _on_boundary_point_clicked(self, x1: float, x2: float, button) -> None:
        if self.snapshot is None:
            return
        if button == Qt.MouseButton.RightButton:
            self.controller.send(RemovePoint(x1, x2))
        else:
            label = self.data_panel.new_point_label(self.snapshot.task)
            self.controller.send(AddPoint(x1, x2, label))

    def _on_show_test_toggled(self, on: bool) -> None:
        self.network_boundary.show_test = self.linear_boundary.show_test = on
        self._repaint_latest()

    def _on_discretize_toggled(self, on: bool) -> None:
        self.network_boundary.discretize = self.linear_boundary.discretize = on
        self._repaint_latest()

    def _on_banner_fix_requested(self) -> None:
        """Apply the fix the worker offered, then train: one click, not three."""
        remedy = self.snapshot.remedy if self.snapshot is not None else None
        if remedy is None:
            return
        if remedy.restart:
            self._enlarge(None)
        if remedy.changes:
            self.controller.send(Configure(remedy.changes))
        if remedy.restart:
            self.controller.send(Restart())
        self.banner.hide()  # the next snapshot shows what is left, if anything
        self._set_running(True)

    def _on_overfit_button_clicked(self) -> None:
        """Apply the example and say what it changed: those settings stay for the
        next data set, and File → New puts them back."""
        before = self.config
        after = replace(PRESETS["overfit"], resolution=before.resolution)
        self._enlarge(None)
        self.controller.send(ApplyPreset("overfit"))
        changes = describe_changes(before, after)
        self.status_message.emit(self.tr(
            "Over-fitting example: {0}. File → New (Ctrl+N) puts them back.").format(changes))

    def _repaint_latest(self) -> None:
        if self.snapshot is not None:
            self._on_controller_snapshot(self.snapshot)

    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import points"), "",
                                              self.tr("CSV files (*.csv);;All files (*)"))
        if not path:
            return
        try:
            data = load_points_csv(path)
        except DataFileError as exc:
            QMessageBox.warning(self, self.tr("Cannot import"), str(exc))
            return
        self.controller.send(LoadData(data))

    def export_csv(self) -> None:
        snap = self.snapshot
        if snap is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export points"), "points.csv",
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return
        data = Dataset(np.vstack([snap.train_X, snap.test_X]),
                       np.concatenate([snap.train_y, snap.test_y]), snap.task, snap.n_classes)
        try:
            save_points_csv(data, path)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot export"), str(exc))
            return
        self.status_message.emit(self.tr("Saved {0} points to {1}").format(len(data), path))
