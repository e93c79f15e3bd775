"""Which digits the training panel learns from: the menu, and loading a folder
or downloading a set in the background (cancellable).

Its strings keep the training panel's translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QMessageBox, QPushButton, QWidget

from core.digits.data import find_idx_pair, load_idx_pair
from core.digits.downloads import REMOTE_DATASETS, download_dataset
from core.digits.model import UseData, bundled_sets
from gui.worker.background_task import BackgroundTask


def data_folder(name: str) -> str:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return f"{base}/datasets/{name}"


def load_folder(folder: str) -> UseData:
    """The IDX training and test files in ``folder``, for the worker."""
    train = load_idx_pair(*find_idx_pair(folder, "train"))
    test = load_idx_pair(*find_idx_pair(folder, "test"))
    return UseData(train, test, f"{folder} ({len(train[1]):,} + {len(test[1]):,} test)")


class DigitsDataSource(QObject):
    """The data menu (``combo``) and its cancel button; chosen data comes out as
    ``data_ready``, the work's progress as ``progressed``."""

    data_ready = Signal(object)    # UseData for the worker
    progressed = Signal(int, str)  # per mille done (−1: not known), what is going on
    status_message = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._window = parent  # for the dialogs
        self._task: BackgroundTask | None = None
        self.combo = QComboBox()
        self.combo.setToolTip(QCoreApplication.translate(
            "DigitsTrainingPanel",
            "Which digits to learn from: the 5,000 that ship with the app, standard IDX files "
            "from a folder, or the full sets downloaded (checked by SHA-256)."))
        self.combo.addItem(QCoreApplication.translate(
            "DigitsTrainingPanel", "Bundled 5,000 MNIST digits"), "bundled")
        self.combo.addItem(QCoreApplication.translate(
            "DigitsTrainingPanel", "IDX files in a folder…"), "folder")
        self.combo.addItem(QCoreApplication.translate(
            "DigitsTrainingPanel", "Download MNIST (60,000)"), "mnist")
        self.combo.addItem(QCoreApplication.translate(
            "DigitsTrainingPanel", "Download Fashion-MNIST"), "fashion-mnist")
        self.cancel_button = QPushButton(QCoreApplication.translate(
            "DigitsTrainingPanel", "Cancel download"))
        self.cancel_button.setToolTip(QCoreApplication.translate(
            "DigitsTrainingPanel", "Stop the download; nothing half-written is kept."))
        self.cancel_button.hide()
        self.combo.activated.connect(self._on_activated)
        self.cancel_button.clicked.connect(self.cancel)

    def _on_activated(self, _index: int) -> None:
        source = self.combo.currentData()
        if source == "bundled":
            train, validation = bundled_sets()
            self.data_ready.emit(UseData(train, validation, QCoreApplication.translate(
                "DigitsTrainingPanel", "bundled MNIST subset (4,000 + 1,000)")))
            return
        if source == "folder":
            folder = QFileDialog.getExistingDirectory(self._window, QCoreApplication.translate(
                "DigitsTrainingPanel", "Folder with IDX files"))
            if folder:
                self._run_task(lambda progress, cancelled: load_folder(folder))
            return
        base, files = REMOTE_DATASETS[source]
        folder = data_folder(source)

        def fetch(progress, cancelled):
            download_dataset(base, folder, files, progress=progress, cancelled=cancelled)
            return load_folder(folder)

        self._run_task(fetch)

    def _run_task(self, function) -> None:
        if self._task is not None and self._task.is_running():
            return
        self._task = BackgroundTask(function, self)
        self._task.progress.connect(self._on_task_progress)
        self._task.succeeded.connect(self._on_task_succeeded)
        self._task.failed.connect(self._on_task_failed)
        self.cancel_button.show()
        self.progressed.emit(-1, QCoreApplication.translate("DigitsTrainingPanel",
                                                            "Preparing data…"))
        self._task.start()

    def _on_task_progress(self, name: str, done, total) -> None:
        self.progressed.emit(int(1000 * done / total) if total else -1,
                             QCoreApplication.translate(
                                 "DigitsTrainingPanel", "Downloading {0}: {1:.1f} MB").format(
                                 name, done / 1e6))

    def _on_task_succeeded(self, data: UseData) -> None:
        self.cancel_button.hide()
        self.data_ready.emit(data)
        self.status_message.emit(QCoreApplication.translate(
            "DigitsTrainingPanel", "Now training on {0}").format(data.name))

    def _on_task_failed(self, message: str) -> None:
        self.cancel_button.hide()
        self.combo.setCurrentIndex(0)
        if self._task is not None and self._task.was_cancelled():
            self.status_message.emit(QCoreApplication.translate(
                "DigitsTrainingPanel", "Download cancelled; nothing half-written was kept."))
            return
        QMessageBox.warning(self._window, QCoreApplication.translate(
            "DigitsTrainingPanel", "Cannot use these digits"), message)

    def cancel(self) -> None:
        """Stop a running load or download (nothing half-written is kept)."""
        if self._task is not None and self._task.is_running():
            self._task.cancel()
        self.cancel_button.hide()
