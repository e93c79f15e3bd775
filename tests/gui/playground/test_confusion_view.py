"""The confusion matrix beside the boundary plots, driven with real clicks and hovers and
checked against a count made here from the drawn snapshot's points and weights."""

import re

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip

from core.playground.features import EXTENT
from tests.gui.playground.test_playground_window import wait_for


def _choose_dataset(qtbot, page, name):
    """Click the data set's icon in the data panel, as a person would."""
    panel = page.data_panel.datasets
    item = next(panel.item(i) for i in range(panel.count())
                if panel.item(i).data(Qt.ItemDataRole.UserRole) == name)
    panel.scrollToItem(item)
    qtbot.mouseClick(panel.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.visualItemRect(item).center())
    return wait_for(qtbot, page, lambda s: s.config.dataset == name)


def _answers(snap, X):
    """The network's class for each point, by hand: tanh layers, the largest output wins."""
    answers = []
    for point in X:
        a = np.asarray(point, dtype=np.float64) / EXTENT
        for W, b in snap.network.weights[:-1]:
            a = np.tanh(a @ W + b)
        W, b = snap.network.weights[-1]
        answers.append(int(np.argmax(a @ W + b)))
    return answers


def _count(snap, X, y):
    k = snap.n_classes
    counts = [[0] * k for _ in range(k)]
    for label, answer in zip(y, _answers(snap, X), strict=True):
        counts[int(label)][answer] += 1
    return counts


def _hover(qtbot, grid, row, column):
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)
    centre = grid.cell_rect(row, column).center()
    QTest.mouseMove(grid, centre + QPoint(0, 2))
    QTest.mouseMove(grid, centre)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    return QToolTip.text()


def _drawn_numbers(grid):
    grid.grab()  # paints it now
    k = len(grid.matrix)
    return [[int(grid.painted[(r, c)]) for c in range(k)] for r in range(k)]


def test_three_spirals_matrix_counts_and_tooltips(qtbot, page):
    view, grid = page.confusion_view, page.confusion_view.grid
    _choose_dataset(qtbot, page, "spiral3")
    qtbot.keyClick(page.window(), Qt.Key.Key_Space)
    wait_for(qtbot, page, lambda s: s.epoch >= 5)
    qtbot.keyClick(page.window(), Qt.Key.Key_Space)
    snap = wait_for(qtbot, page, lambda s: not s.running and s.epoch >= 5)
    assert view.isVisible() and view.showing_test

    test_counts = _count(snap, snap.test_X, snap.test_y)
    assert np.array_equal(snap.network.confusion[1].matrix, test_counts)
    assert _drawn_numbers(grid) == test_counts
    # The biggest mistake, in words, with its number.
    mistakes = [(test_counts[r][c], r, c) for r in range(3) for c in range(3) if r != c]
    n, row, column = max(mistakes)
    assert n > 0, "a few epochs on three spirals leave mistakes"
    text = _hover(qtbot, grid, row, column)
    assert text == f"{n} points of class {row} were taken for class {column}"
    # A diagonal cell: how many of the class were found, and of the answers were right.
    found, total = test_counts[1][1], sum(test_counts[1])
    answers = sum(test_counts[r][1] for r in range(3))
    text = _hover(qtbot, grid, 1, 1)
    assert f"{found} of the {total} points of class 1" in text
    assert f"recall {100 * found / total:.0f}%" in text
    assert f"{found} of the {answers} answers" in text

    # Click the mistake: its points are ringed on the network's plot; click again: none.
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(row, column).center())
    answers = _answers(snap, snap.test_X)
    where = [p for p, label, a in zip(snap.test_X, snap.test_y, answers, strict=True)
             if label == row and a == column]
    assert np.array_equal(page.network_boundary.ringed_at, where) and len(where) == n
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(row, column).center())
    assert len(page.network_boundary.ringed_at) == 0
    qtbot.mouseClick(grid, Qt.MouseButton.LeftButton, pos=grid.cell_rect(row, column).center())

    qtbot.mouseClick(view.train_button, Qt.MouseButton.LeftButton)
    train_counts = _count(snap, snap.train_X, snap.train_y)
    assert not view.showing_test
    assert _drawn_numbers(grid) == train_counts
    assert sum(map(sum, train_counts)) == len(snap.train_y)
    text = _hover(qtbot, grid, 2, 0)
    assert int(re.match(r"\d+", text).group()) == train_counts[2][0]
    # The chosen cell stays chosen: now it rings training points.
    assert len(page.network_boundary.ringed_at) == train_counts[row][column]


def test_two_classes_keep_the_room_and_regression_has_none(qtbot, page):
    """Two classes: the accuracy says it all, and the boundaries keep the room (at
    1280×720 beside the Learn panel the matrix pushed the curves off the page)."""
    view = page.confusion_view
    snap = wait_for(qtbot, page, lambda s: s.task == "binary")
    assert snap.network.confusion[1].matrix.shape == (2, 2)
    assert snap.network.confusion[1].matrix.sum() == len(snap.test_y)
    qtbot.wait(100)
    assert not view.isVisible()
    combo = page.data_panel.problem
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Classification → Regression
    wait_for(qtbot, page, lambda s: s.task == "regression")
    qtbot.waitUntil(lambda: not view.isVisible())
