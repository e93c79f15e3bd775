"""Train a digits network in the window and look at what it learned."""

from __future__ import annotations

from dataclasses import asdict, replace
from functools import partial

from PySide6.QtCore import QStandardPaths, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from core.digits.data import find_idx_pair, load_idx_pair
from core.digits.downloads import REMOTE_DATASETS, download_dataset
from core.digits.model import (
    LIVE,
    OVERFIT_DIGITS,
    DigitsConfig,
    DigitsSession,
    DigitsSnapshot,
    DigitsState,
    UseData,
    bundled_sets,
)
from core.nn.model_files import save_model
from core.nn.network import Network, network_from_weights
from core.worker.loop import Pause, Play
from core.worker.protocol import Configure, Restart, Restore, RestoreBest
from gui.digits.results_views import ConfusionView, MisclassifiedView, WeightsView
from gui.display_names import display_name
from gui.history_plot import HistoryPlot
from gui.settings_binder import SettingsBinder
from gui.widgets import combo_box, divergence_text, scrolling
from gui.worker.background_task import BackgroundTask
from gui.worker.training_controller import TrainingController

PRESETS = (("128", "784-128-10"), ("16,16", "784-16-16-10 (the notes)"),
           ("256,128", "784-256-128-10"), ("256,256", "784-256-256-10"))
LEARNING_RATES = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3)
L2_RATES = (0.0, 1e-5, 1e-4, 1e-3, 1e-2)
TRAIN_SIZES = (0, 2000, 1000, 500, 200)  # 0: every training digit



def data_folder(name: str) -> str:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return f"{base}/datasets/{name}"


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
        self._task: BackgroundTask | None = None
        self._published_epoch = 0
        self._published_restores = 0
        self._pending_restore: DigitsConfig | None = None
        self._asking = False          # a "start over?" question is open
        self._confirmed: dict = {}    # the rebuild the user just agreed to
        self.binder = SettingsBinder("digits", self)
        self._build_network_settings()
        self._build_training_settings()
        self._build_data_settings()
        self._build_buttons()
        self.binder.show_config(self.config)
        layout = QHBoxLayout(self)
        layout.addWidget(scrolling(self._settings_box(), sideways=False))
        layout.addLayout(self._curves(), 2)
        layout.addLayout(self._results(), 3)

        self.controller = TrainingController(partial(DigitsSession, self.config), self)
        self._connect()
        self.controller.start()

    def _build_network_settings(self) -> None:
        bind = self.binder
        self.preset = combo_box([(h, display_name(t)) for h, t in PRESETS], "128")
        self.preset.setToolTip(self.tr("Ready-made hidden layer sizes, from one small layer "
                                       "to a deep network."))
        self.hidden = QLineEdit("128")
        self.hidden.setToolTip(self.tr("Neurons per hidden layer, comma-separated"))
        self.activation = bind.combo("activation", tip=self.tr(
            "The squashing function of the hidden neurons. Try sigmoid: deep sigmoid networks "
            "learn slowly."))
        self.optimizer = bind.combo("optimizer", tip=self.tr(
            "How each step is taken: plain SGD, with momentum, or adaptive per weight "
            "(RMSProp, Adam)."))
        self.learning_rate = bind.combo("learning_rate", LEARNING_RATES, tip=self.tr(
            "The step size. Adam works well near 0.001; plain SGD wants larger steps."))

    def _build_training_settings(self) -> None:
        bind = self.binder
        self.batch = bind.spin("batch_size", tip=self.tr(
            "Digits per gradient step: larger batches give smoother, faster epochs but fewer "
            "steps."))
        self.epochs = bind.spin("epochs", tip=self.tr(
            "Passes over the training digits. When the validation accuracy stops rising, more "
            "epochs only over-fit."))
        self.l2 = bind.combo("l2", L2_RATES, tip=self.tr(
            "L2 penalty: pulls every weight towards zero, a cure for over-fitting."))
        self.dropout = bind.spin("dropout", tip=self.tr(
            "Switch off this share of hidden neurons at random in each step, so no neuron can "
            "rely on another."))
        self.shift = bind.spin("shift", suffix=" px", tip=self.tr(
            "Move each training digit by up to this many pixels: more varied data, less "
            "over-fitting."))
        self.rotation = bind.spin("rotation", step=1.0, suffix="°", tip=self.tr(
            "Turn each training digit by up to this angle."))
        self.noise = bind.spin("noise", tip=self.tr("Add random noise to each training pixel."))
        self.patience = bind.spin("patience", special=self.tr("never"),
                                  suffix=self.tr(" epochs"), tip=self.tr(
            "Early stopping: stop when the validation loss has not improved for this many "
            "epochs, and put back the weights of its best epoch."))

    def _build_data_settings(self) -> None:
        self.train_size = self.binder.combo(
            "train_size", TRAIN_SIZES, labels={0: self.tr("all")}, tip=self.tr(
                "Learn from fewer digits: with few examples a large network memorises them "
                "and the validation loss turns up (over-fitting)."))
        self.scaling = self.binder.combo("scaling", tip=self.tr(
            "The notes scale pixels to 0.01–0.99 so no input is exactly zero."))
        self.data_source = QComboBox()
        self.data_source.setToolTip(self.tr(
            "Which digits to learn from: the 5,000 that ship with the app, standard IDX files "
            "from a folder, or the full sets downloaded (checked by SHA-256)."))
        self.data_source.addItem(self.tr("Bundled 5,000 MNIST digits"), "bundled")
        self.data_source.addItem(self.tr("IDX files in a folder…"), "folder")
        self.data_source.addItem(self.tr("Download MNIST (60,000)"), "mnist")
        self.data_source.addItem(self.tr("Download Fashion-MNIST"), "fashion-mnist")
        self.data_label = QLabel()
        self.data_label.setWordWrap(True)

    def _build_buttons(self) -> None:
        self.train_button = QPushButton(self.tr("Train"))
        self.train_button.setToolTip(self.tr("Start or pause training; each finished epoch "
                                             "goes to the canvas."))
        self.restart_button = QPushButton(self.tr("Start over"))
        self.restart_button.setToolTip(self.tr("New random weights, epoch 0."))
        self.save_button = QPushButton(self.tr("Save model…"))
        self.save_button.setToolTip(self.tr("Save the trained network (.npz) to open it later "
                                            "or on the canvas."))
        self.overfit_button = QPushButton(self.tr("Over-fitting example"))
        self.overfit_button.setToolTip(self.tr(
            "500 digits, a wide network, 40 epochs and no cure: watch the validation loss "
            "turn up. Then cure it with L2, dropout, random shifts or early stopping."))
        self.restore_best_button = QPushButton(self.tr("Restore the best weights"))
        self.restore_best_button.setToolTip(self.tr(
            "Put back the weights of the epoch with the lowest validation loss (the green "
            "line)."))
        self.restore_best_button.setEnabled(False)
        self.cancel_button = QPushButton(self.tr("Cancel download"))
        self.cancel_button.setToolTip(self.tr("Stop the download; nothing half-written is kept."))
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)  # a long message must not widen the column

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        restarting = (self.preset, self.hidden, self.activation, self.train_size,
                      self.scaling, self.data_source)
        for label, widget in (
            (self.tr("Preset"), self.preset), (self.tr("Hidden layers"), self.hidden),
            (self.tr("Activation"), self.activation), (self.tr("Optimiser"), self.optimizer),
            (self.tr("Learning rate"), self.learning_rate), (self.tr("Batch size"), self.batch),
            (self.tr("Epochs"), self.epochs), (self.tr("Training digits"), self.train_size),
            (self.tr("Stop early after"), self.patience), (self.tr("L2"), self.l2),
            (self.tr("Dropout"), self.dropout), (self.tr("Random shift"), self.shift),
            (self.tr("Random rotation"), self.rotation), (self.tr("Pixel noise"), self.noise),
            (self.tr("Input scaling"), self.scaling), (self.tr("Data"), self.data_source),
        ):
            form.addRow(f"{label} ↺" if widget in restarting else label, widget)
        return form

    def _settings_box(self) -> QGroupBox:
        restart_note = QLabel(self.tr("↺ changing this starts training over from epoch 0 "
                                      "with new weights; the other settings act at once."))
        restart_note.setWordWrap(True)
        restart_note.setStyleSheet("color: #777;")
        buttons = QHBoxLayout()
        for b in (self.train_button, self.restart_button, self.save_button):
            buttons.addWidget(b)
        generalisation = QHBoxLayout()
        for b in (self.overfit_button, self.restore_best_button):
            generalisation.addWidget(b)
        settings = QGroupBox(self.tr("Network and training"))
        settings_layout = QVBoxLayout(settings)
        settings_layout.addLayout(self._form())
        settings_layout.addWidget(restart_note)
        settings_layout.addWidget(self.data_label)
        settings_layout.addLayout(buttons)
        settings_layout.addLayout(generalisation)
        settings_layout.addWidget(self.progress_label)
        settings_layout.addWidget(self.progress)
        settings_layout.addWidget(self.cancel_button)
        settings_layout.addStretch(1)
        return settings

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

    def _results(self) -> QGridLayout:
        """The two square views side by side, the wide gallery under them: each gets
        room enough to read its numbers and strokes at 1280×720."""
        self.confusion_view = ConfusionView()
        self.wrong_view = MisclassifiedView()
        self.wrong_caption = QLabel()
        self.wrong_caption.setWordWrap(True)
        # Room for its wrapped lines: the page scrolls by minimum sizes, and a
        # wrapped label's minimum is one line.
        self.wrong_caption.setMinimumHeight(3 * self.fontMetrics().lineSpacing())
        self.weights_view = WeightsView()
        results = QGridLayout()
        results.addWidget(self.confusion_view, 0, 0)
        results.addWidget(self.weights_view, 0, 1)
        results.addWidget(self.wrong_view, 1, 0, 1, 2)
        results.addWidget(self.wrong_caption, 2, 0, 1, 2)
        results.setRowStretch(0, 3)
        results.setRowStretch(1, 2)
        return results

    def _connect(self) -> None:
        send = self.controller.send
        self.controller.snapshot_ready.connect(self._on_controller_snapshot)
        self.controller.worker_failed.connect(
            lambda text: QMessageBox.critical(self, self.tr("Training stopped"), text))
        self.preset.activated.connect(self._on_preset_activated)
        self.hidden.editingFinished.connect(self._on_hidden_edited)
        self.binder.changed.connect(lambda name, value: self.configure({name: value}))
        self.data_source.activated.connect(self._on_data_source_activated)
        self.train_button.clicked.connect(self.toggle_training)
        self.restart_button.clicked.connect(lambda: send(Restart()))
        self.overfit_button.clicked.connect(self.show_overfitting)
        self.restore_best_button.clicked.connect(lambda: send(RestoreBest()))
        self.save_button.clicked.connect(self._on_save_clicked)
        self.cancel_button.clicked.connect(self._cancel_task)
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
        self._cancel_task()
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
    def _on_data_source_activated(self, _index: int) -> None:
        source = self.data_source.currentData()
        if source == "bundled":
            train, validation = bundled_sets()
            self.controller.send(UseData(train, validation,
                                         self.tr("bundled MNIST subset (4,000 + 1,000)")))
            return
        if source == "folder":
            folder = QFileDialog.getExistingDirectory(self, self.tr("Folder with IDX files"))
            if folder:
                self._run_task(lambda progress, cancelled: self._load_folder(folder))
            return
        base, files = REMOTE_DATASETS[source]
        folder = data_folder(source)

        def fetch(progress, cancelled):
            download_dataset(base, folder, files, progress=progress, cancelled=cancelled)
            return self._load_folder(folder)

        self._run_task(fetch)

    @staticmethod
    def _load_folder(folder: str) -> UseData:
        train = load_idx_pair(*find_idx_pair(folder, "train"))
        test = load_idx_pair(*find_idx_pair(folder, "test"))
        return UseData(train, test, f"{folder} ({len(train[1]):,} + {len(test[1]):,} test)")

    def _run_task(self, function) -> None:
        if self._task is not None and self._task.is_running():
            return
        self._task = BackgroundTask(function, self)
        self._task.progress.connect(self._on_task_progress)
        self._task.succeeded.connect(self._on_task_succeeded)
        self._task.failed.connect(self._on_task_failed)
        self.cancel_button.show()
        self.progress_label.setText(self.tr("Preparing data…"))
        self._task.start()

    def _on_task_progress(self, name: str, done, total) -> None:
        if total:
            self.progress.setValue(int(1000 * done / total))
        self.progress_label.setText(self.tr("Downloading {0}: {1:.1f} MB").format(
            name, done / 1e6))

    def _on_task_succeeded(self, data: UseData) -> None:
        self.cancel_button.hide()
        self.controller.send(data)
        self.status_message.emit(self.tr("Now training on {0}").format(data.name))

    def _on_task_failed(self, message: str) -> None:
        self.cancel_button.hide()
        self.data_source.setCurrentIndex(0)
        if self._task is not None and self._task.was_cancelled():
            self.status_message.emit(self.tr("Download cancelled; nothing half-written was kept."))
            return
        QMessageBox.warning(self, self.tr("Cannot use these digits"), message)

    def _cancel_task(self) -> None:
        if self._task is not None and self._task.is_running():
            self._task.cancel()
        self.cancel_button.hide()

    # -- snapshots ---------------------------------------------------------------------
    def _on_controller_snapshot(self, snap: DigitsSnapshot) -> None:
        previous = self.snapshot
        self.snapshot = snap
        if snap.step > 0:
            self._confirmed = {}  # training went on: the next rebuild asks again
        self.running = snap.running
        self.train_button.setText(self.tr("Pause") if snap.running else self.tr("Train"))
        if snap.config.train_size:
            self.data_label.setText(self.tr("Data: {0}; learning from {1:,d} of the training "
                                            "digits").format(display_name(snap.data_name),
                                                             snap.config.train_size))
        else:
            self.data_label.setText(self.tr("Data: {0}").format(display_name(snap.data_name)))
        partial = snap.epoch_progress if snap.epoch < snap.epochs else 0.0
        done = 1.0 if snap.stopped_early else (snap.epoch + partial) / snap.epochs
        self.progress.setValue(int(1000 * min(done, 1.0)))
        accuracy = snap.validation_accuracy
        if snap.stopped_early:
            self.progress_label.setText(self.tr(
                "Stopped early after epoch {0}: the validation loss was lowest at epoch {1}, "
                "whose weights are back. To go on, let it stop later.").format(
                snap.epoch, snap.best_epoch))
        else:
            self.progress_label.setText(self.tr(
                "Epoch {0} of {1} — validation accuracy {2}").format(
                min(snap.epoch + 1, snap.epochs), snap.epochs,
                "–" if accuracy is None else f"{accuracy:.1%}"))
        histories = {"model": snap.history}
        self.loss_view.show_histories(histories)
        self.accuracy_view.show_histories(histories)
        best = self.loss_view.mark_best(histories, "model")
        self.restore_best_button.setEnabled(best is not None and snap.best_epoch != snap.epoch)
        if previous is None or (previous.epoch, previous.spec, previous.restores,
                                previous.trained) != (snap.epoch, snap.spec, snap.restores,
                                                      snap.trained):
            self._show_results(snap)
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

    def _show_results(self, snap: DigitsSnapshot) -> None:
        if not snap.trained:  # a random network's results would look like findings
            for view in (self.confusion_view, self.wrong_view, self.weights_view):
                view.show_placeholder()
            self.wrong_caption.setText("")
            return
        if snap.confusion is not None:
            self.confusion_view.show_counts(snap.confusion)
        if snap.misclassified is not None and len(snap.misclassified):
            self.wrong_view.show_digits(snap.misclassified)
            pairs = ", ".join(f"{t}→{p}" for t, p in zip(
                snap.misclassified_true[:12], snap.misclassified_predicted[:12], strict=True))
            self.wrong_caption.setText(self.tr("True → predicted, first row: {0}").format(pairs))
        else:
            self.wrong_view.show_placeholder()
            self.wrong_caption.setText(self.tr("No validation digit is misclassified."))
        self.weights_view.show_weights(snap.first_layer)

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
