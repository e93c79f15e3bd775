"""Per-class metrics: which class a model answers, and how often it mixes them up.

Accuracy is one number; a confusion matrix shows *which* classes a model takes
for which, and per-class recall and precision read off its rows and columns.
All functions are vectorised (one ``bincount``), cheap enough for every frame.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.training.tasks import BINARY, MULTICLASS


def predicted_classes(outputs: np.ndarray, task: str, logits: bool = False) -> np.ndarray | None:
    """Class index per row of ``outputs`` (or one-hot/0–1 targets); ``None`` for regression.

    ``logits``: binary outputs are before the sigmoid, so its 0.5 is at 0.
    """
    if task == MULTICLASS:
        return outputs.argmax(axis=1)
    if task == BINARY:
        return (outputs[:, 0] > (0.0 if logits else 0.5)).astype(np.intp)
    return None


def confusion_matrix(true_classes: np.ndarray, predicted: np.ndarray, n_classes: int) -> np.ndarray:
    """Counts ``(n_classes, n_classes)``: row = true class, column = predicted class."""
    true_classes = np.asarray(true_classes, dtype=np.intp)
    predicted = np.asarray(predicted, dtype=np.intp)
    if true_classes.shape != predicted.shape:
        raise ValueError("give one prediction per point")
    for classes in (true_classes, predicted):
        if classes.size and not (classes.min() >= 0 and classes.max() < n_classes):
            raise ValueError(f"class labels must be 0–{n_classes - 1}")
    counts = np.bincount(true_classes * n_classes + predicted, minlength=n_classes * n_classes)
    return counts.reshape(n_classes, n_classes)


@dataclass(frozen=True)
class Confusion:
    """One set's matrix, and each point's true and predicted class: which points a cell
    counts, to show them."""

    matrix: np.ndarray
    true: np.ndarray
    predicted: np.ndarray

    def points_in(self, row: int, column: int) -> np.ndarray:
        """Indices of the points of true class ``row`` taken for class ``column``."""
        return np.flatnonzero((self.true == row) & (self.predicted == column))


def confusion_of(outputs: np.ndarray, targets: np.ndarray, task: str) -> Confusion | None:
    """Network ``outputs`` against ``targets``, counted; ``None`` for regression."""
    predicted = predicted_classes(outputs, task)
    if predicted is None:
        return None
    true = predicted_classes(targets, task)
    n_classes = targets.shape[1] if task == MULTICLASS else 2
    # Small classes: one byte a point is all a snapshot carries (sent ~30 times a second).
    return Confusion(confusion_matrix(true, predicted, n_classes), true.astype(np.int8),
                     predicted.astype(np.int8))


def _share(diagonal: np.ndarray, totals: np.ndarray) -> np.ndarray:
    return np.where(totals > 0, diagonal / np.maximum(totals, 1), np.nan)


def class_recall(matrix: np.ndarray) -> np.ndarray:
    """Per true class, the share of its points found (NaN for a class with no points)."""
    return _share(np.diag(matrix), matrix.sum(axis=1))


def class_precision(matrix: np.ndarray) -> np.ndarray:
    """Per predicted class, the share of its answers that were right (NaN if never answered)."""
    return _share(np.diag(matrix), matrix.sum(axis=0))
