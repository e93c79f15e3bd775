"""Train a digits network in the window and look at what it learned."""

from __future__ import annotations

from dataclasses import asdict, replace
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from core.digits.model import (
    LIVE,
    OVERFIT_DIGITS,
    DigitsConfig,
    DigitsSession,
    DigitsSnapshot,
    DigitsState,
)
from core.nn.model_files import save_model
from core.nn.network import Network, network_from_weights
from core.worker.loop import Pause, Play
from core.worker.protocol import Configure, Restart, Restore, RestoreBest
from gui.digits.data_source import DigitsDataSource
from gui.digits.training_progress import data_text, progress_done, progress_text
from gui.digits.training_results import DigitsResults
from gui.digits.training_settings import DigitsSettingsBox
from gui.history_plot import HistoryPlot
from gui.settings_binder import SettingsBinder
from gui.widgets import divergence_text, scrolling
from gui.worker.training_controller import TrainingController

# The settings column's widgets, reachable as the panel's own (as tests,
# lessons and the page adapter know them).
SETTINGS_WIDGETS = (
    "preset", "hidden", "activation", "optimizer", "learning_rate", "batch", "epochs", "l2",
    "dropout", "shift", "rotation", "noise", "patience", "train_size", "scaling",
    "data_source", "data_label", "train_button", "restart_button", "save_button",
    "overfit_button", "restore_best_button", "cancel_button", "progress", "progress_label",
)


class DigitsTrainingPanel(QWidget):
    """Settings, progress and curves on the left; results on the right."""

    model_trained = Signal(object, str)  # Network, input scaling
    misclassified_chosen = Signal(object)  # (28, 28) ink in [0, 1]
    status_message = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.config = DigitsConfig()
        self.snapshot: DigitsSnapshot | None = None
        self.running = False
        self._published_epoch = 0
        self._published_restores = 0
        self._pending_restore: DigitsConfig | None = None
        self._asking = False          # a "start over?" question is open
        self._confirmed: dict = {}    # the rebuild the user just agreed to
        self.binder = SettingsBinder("digits", self)
        self.data_chooser = DigitsDataSource(self)
        self.settings = DigitsSettingsBox(self.binder, self.data_chooser)
        self._share_settings_widgets()
        self.binder.show_config(self.config)
        layout = QHBoxLayout(self)
        layout.addWidget(scrolling(self.settings, sideways=False))
        layout.addLayout(self._curves(), 2)
        self.results = DigitsResults()
        self.confusion_view = self.results.confusion_view
        self.wrong_view = self.results.wrong_view
        self.weights_view = self.results.weights_view
        layout.addWidget(self.results, 3)

        self.controller = TrainingController(partial(DigitsSession, self.config), self)
        self._connect()
        self.controller.start()

    def _share_settings_widgets(self) -> None:
        for name in SETTINGS_WIDGETS:
            setattr(self, name, getattr(self.settings, name))

    def _curves(self) -> QVBoxLayout:
        series = [("model", "train", self.tr("training"), "#0877bd", False),
                  ("model", "test", self.tr("validation"), "#f59322", True)]
        self.loss_view = HistoryPlot("loss", self.tr("Loss"), series)
        self.accuracy_view = HistoryPlot("accuracy", self.tr("Accuracy"), series)
        self.loss_view.shade_gap("model", (245, 147, 34, 50))
        curves = QVBoxLayout()
        curves.addWidget(self.loss_view)
        curves.addWidget(self.accuracy_view)
        return curves

    def _connect(self) -> None:
        send = self.controller.send
        self.controller.snapshot_ready.connect(self._on_controller_snapshot)
        self.controller.worker_failed.connect(
            lambda text: QMessageBox.critical(self, self.tr("Training stopped"), text))
        self.preset.activated.connect(self._on_preset_activated)
        self.hidden.editingFinished.connect(self._on_hidden_edited)
        self.binder.changed.connect(lambda name, value: self.configure({name: value}))
        self.data_chooser.data_ready.connect(send)
        self.data_chooser.progressed.connect(self._on_data_progress)
        self.data_chooser.status_message.connect(self.status_message)
        self.train_button.clicked.connect(self.toggle_training)
        self.restart_button.clicked.connect(lambda: send(Restart()))
        self.overfit_button.clicked.connect(self.show_overfitting)
        self.restore_best_button.clicked.connect(lambda: send(RestoreBest()))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.wrong_view.chosen.connect(self._on_wrong_view_chosen)

    def configure(self, changes: dict, ask: bool = True) -> None:
        """Send ``changes``; one that rebuilds a trained network asks the person first
        (once) — not a lesson's set-up (``ask=False``), which the learner asked for."""
        snap = self.snapshot
        if self._asking:
            return  # the question took the focus: the editor's second "finished" waits
        if ask and snap is not None and snap.step > 0 and not set(changes) <= LIVE and any(
                getattr(snap.config, k) != v for k, v in changes.items()) and \
                changes != self._confirmed:
            self._asking = True
            try:
                answer = QMessageBox.question(self, self.tr("Start training over?"), self.tr(
                    "This change builds a new network: training starts again from epoch 0 "
                    "with new weights, and what was learned in {0} steps is lost. Go on?"
                ).format(f"{snap.step:,}"))
            finally:
                self._asking = False
            if answer != QMessageBox.StandardButton.Yes:
                self._show_config(snap.config)
                return
            self._confirmed = dict(changes)
        self.controller.send(Configure(changes))

    def show_overfitting(self) -> None:
        """Switch to the over-fitting example (keeping the input scaling) and train it."""
        config = replace(OVERFIT_DIGITS, scaling=self.config.scaling)
        self.config = config
        self._show_config(config)
        self.controller.send(Configure(asdict(config)))
        if not self.running:
            self.toggle_training()
        self.status_message.emit(self.tr(
            "Over-fitting example: only {0} training digits, hidden layers {1}, batch {2}, "
            "{3} epochs. Watch the validation loss turn up while the training loss falls."
        ).format(config.train_size, "-".join(map(str, config.hidden)), config.batch_size,
                 config.epochs))

    def toggle_training(self) -> None:
        self.running = not self.running
        self.controller.send(Play() if self.running else Pause())

    def restore(self, state: DigitsState) -> None:
        """Put back saved settings and weights (a session); the canvas gets them too."""
        if self.running:
            self.toggle_training()
        self.config = state.config
        self._show_config(state.config)
        self._pending_restore = state.config  # its first snapshot goes to the canvas
        self.controller.send(Restore(state))

    def _show_config(self, c: DigitsConfig) -> None:
        """Set every control to ``c`` without sending the changes back to the worker
        (the line edit and the preset menu send only a person's edits)."""
        self.hidden.setText(",".join(str(h) for h in c.hidden))
        preset = self.preset.findData(self.hidden.text())
        if preset >= 0:
            self.preset.setCurrentIndex(preset)
        self.binder.show_config(c)

    def shutdown(self) -> None:
        self.data_chooser.cancel()
        self.controller.stop()

    # -- settings ---------------------------------------------------------------------
    def _on_preset_activated(self, _index: int) -> None:
        self.hidden.setText(self.preset.currentData())
        self._on_hidden_edited()

    def _on_hidden_edited(self) -> None:
        try:
            hidden = tuple(int(p) for p in self.hidden.text().split(",") if p.strip())
        except ValueError:
            self.status_message.emit(self.tr("Hidden layers: whole numbers like 128 or 16,16"))
            return
        self.configure({"hidden": hidden})

    # -- data ------------------------------------------------------------------------
    def _on_data_progress(self, per_mille: int, text: str) -> None:
        if per_mille >= 0:
            self.progress.setValue(per_mille)
        self.progress_label.setText(text)

    # -- snapshots ---------------------------------------------------------------------
    def _on_controller_snapshot(self, snap: DigitsSnapshot) -> None:
        previous = self.snapshot
        self.snapshot = snap
        if snap.step > 0:
            self._confirmed = {}  # training went on: the next rebuild asks again
        self.running = snap.running
        self.train_button.setText(self.tr("Pause") if snap.running else self.tr("Train"))
        self.data_label.setText(data_text(snap))
        self.progress.setValue(int(1000 * progress_done(snap)))
        self.progress_label.setText(progress_text(snap))
        histories = {"model": snap.history}
        self.loss_view.show_histories(histories)
        self.accuracy_view.show_histories(histories)
        best = self.loss_view.mark_best(histories, "model")
        self.restore_best_button.setEnabled(best is not None and snap.best_epoch != snap.epoch)
        if previous is None or (previous.epoch, previous.spec, previous.restores,
                                previous.trained) != (snap.epoch, snap.spec, snap.restores,
                                                      snap.trained):
            self.results.show_snapshot(snap)
        if snap.message:
            self.status_message.emit(snap.message)
        if snap.divergence:
            self.status_message.emit(divergence_text(snap.divergence))
        if snap.epoch != self._published_epoch or snap.restores != self._published_restores:
            # Each finished epoch goes straight to the canvas (a restart resets to 0), and
            # so do best weights put back.
            self._published_epoch, self._published_restores = snap.epoch, snap.restores
            if snap.epoch > 0:
                self.model_trained.emit(network_from_weights(snap.spec, snap.weights),
                                        snap.config.scaling)

        if self._pending_restore == snap.config and snap.step == 0:
            self._pending_restore = None
            self.model_trained.emit(network_from_weights(snap.spec, snap.weights),
                                    snap.config.scaling)

    def _on_wrong_view_chosen(self, index: int) -> None:
        snap = self.snapshot
        if snap is not None and snap.misclassified is not None and index < len(
                snap.misclassified):
            self.misclassified_chosen.emit(snap.misclassified[index] / 255.0)

    def _on_save_clicked(self) -> None:
        snap = self.snapshot
        if snap is None:
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save model"), "digits.npz",
                                              self.tr("Models (*.npz)"))
        if not path:
            return
        network: Network = network_from_weights(snap.spec, snap.weights)
        try:
            save_model(path, network, {"task": "digits", "scaling": snap.config.scaling})
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Cannot save"), str(exc))
            return
        self.status_message.emit(self.tr("Saved the model to {0}").format(path))
