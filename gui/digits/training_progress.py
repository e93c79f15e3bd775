"""What the digits panel says about a snapshot's data and progress.

Plain functions of the snapshot; their strings keep the training panel's
translation context.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from core.digits.model import DigitsSnapshot
from gui.display_names import display_name


def data_text(snap: DigitsSnapshot) -> str:
    """Which digits it learns from, and how many of them."""
    name = display_name(snap.data_name)
    if snap.config.train_size:
        return QCoreApplication.translate(
            "DigitsTrainingPanel",
            "Data: {0}; learning from {1:,d} of the training digits").format(
            name, snap.config.train_size)
    return QCoreApplication.translate("DigitsTrainingPanel", "Data: {0}").format(name)


def progress_done(snap: DigitsSnapshot) -> float:
    """The share of the planned epochs done, in [0, 1] (all of it once stopped early)."""
    partial = snap.epoch_progress if snap.epoch < snap.epochs else 0.0
    done = 1.0 if snap.stopped_early else (snap.epoch + partial) / snap.epochs
    return min(done, 1.0)


def progress_text(snap: DigitsSnapshot) -> str:
    """The epoch and validation accuracy, or why training stopped early."""
    if snap.stopped_early:
        return QCoreApplication.translate(
            "DigitsTrainingPanel",
            "Stopped early after epoch {0}: the validation loss was lowest at epoch {1}, "
            "whose weights are back. To go on, let it stop later.").format(
            snap.epoch, snap.best_epoch)
    accuracy = snap.validation_accuracy
    return QCoreApplication.translate(
        "DigitsTrainingPanel", "Epoch {0} of {1} — validation accuracy {2}").format(
        min(snap.epoch + 1, snap.epochs), snap.epochs,
        "–" if accuracy is None else f"{accuracy:.1%}")
