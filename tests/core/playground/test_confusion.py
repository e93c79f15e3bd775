"""Confusion matrices: the vectorised count against plain loops, and the playground's
snapshot against a forward pass done by hand from the snapshot's own weights."""

import numpy as np
import pytest

from core.playground.config import PlaygroundConfig
from core.playground.features import EXTENT
from core.playground.model import Playground
from core.training.metrics import class_precision, class_recall, confusion_matrix
from core.worker.protocol import Configure


def _count(true, predicted, k):
    """The matrix the slow, obvious way."""
    counts = [[0] * k for _ in range(k)]
    for t, p in zip(true, predicted, strict=True):
        counts[int(t)][int(p)] += 1
    return np.array(counts)


def _classes_by_hand(weights, X, task):
    """Inputs x1/EXTENT, x2/EXTENT; tanh hidden layers; the output layer's argmax
    (softmax) or sign (sigmoid)."""
    a = X.astype(np.float64) / EXTENT
    for W, b in weights[:-1]:
        a = np.tanh(a @ W + b)
    W, b = weights[-1]
    logits = a @ W + b
    if task == "multiclass":
        return [int(np.argmax(row)) for row in logits]
    return [int(row[0] > 0) for row in logits]


def test_counts_equal_a_loop_over_the_points():
    rng = np.random.default_rng(3)
    true, predicted = rng.integers(0, 4, 500), rng.integers(0, 4, 500)
    matrix = confusion_matrix(true, predicted, 4)
    assert matrix.dtype.kind == "i"
    assert np.array_equal(matrix, _count(true, predicted, 4))
    assert matrix.sum() == 500


def test_recall_and_precision_read_rows_and_columns():
    # True class 0: 3 found, 1 taken for class 1; class 2 never occurs, never answered.
    matrix = confusion_matrix([0, 0, 0, 0, 1, 1], [0, 0, 0, 1, 1, 0], 3)
    assert np.array_equal(matrix, [[3, 1, 0], [1, 1, 0], [0, 0, 0]])
    assert np.allclose(class_recall(matrix)[:2], [3 / 4, 1 / 2])
    assert np.allclose(class_precision(matrix)[:2], [3 / 4, 1 / 2])
    assert np.isnan(class_recall(matrix)[2]) and np.isnan(class_precision(matrix)[2])


def test_empty_and_bad_input():
    assert np.array_equal(confusion_matrix(np.array([]), np.array([]), 2), np.zeros((2, 2)))
    with pytest.raises(ValueError, match="0–2"):
        confusion_matrix([0, 3], [0, 1], 3)
    with pytest.raises(ValueError, match="one prediction"):
        confusion_matrix([0, 1], [0], 3)


@pytest.mark.parametrize(("dataset", "k"), [("spiral3", 3), ("blobs4", 4), ("xor", 2)])
def test_the_snapshot_holds_the_networks_matrix_for_both_sets(dataset, k):
    playground = Playground(PlaygroundConfig(dataset=dataset, n_points=300, noise=0.2,
                                             hidden=(6, 4), resolution=20))
    playground.advance(300)
    snap = playground.snapshot()
    task = snap.task
    for model in (snap.network, snap.linear):
        train, test = model.confusion
        for confusion, X, y, accuracy in (
                (train, snap.train_X, snap.train_y, model.train_accuracy),
                (test, snap.test_X, snap.test_y, model.test_accuracy)):
            matrix, predicted = confusion.matrix, _classes_by_hand(model.weights, X, task)
            assert matrix.shape == (k, k)
            assert np.array_equal(matrix, _count(y, predicted, k))
            assert matrix.sum() == len(y)
            assert np.trace(matrix) / matrix.sum() == pytest.approx(accuracy, abs=1e-12)
            # A cell's points, in the snapshot's order of points.
            for row, column in ((0, 1), (1, 1), (k - 1, 0)):
                expected = [i for i in range(len(y)) if y[i] == row and predicted[i] == column]
                assert confusion.points_in(row, column).tolist() == expected


def test_regression_has_no_matrix_and_a_set_without_test_points_none_for_it():
    playground = Playground(PlaygroundConfig(dataset="blobs3", hidden=(3,), resolution=20))
    trainer = playground.trainers["network"]
    trainer.set_data(trainer.X_train, trainer.T_train)  # e.g. every test point removed
    train, test = playground.snapshot().network.confusion
    assert train.matrix.sum() == len(playground.train) and test is None
    playground.apply(Configure({"dataset": "plane"}))
    assert playground.snapshot().network.confusion is None
