"""Your own digits in the window: draw, add as a digit, see it, train, remove it, keep it."""

import pickle

import numpy as np
from PySide6.QtCore import Qt

from core.digits.preprocess import as_bytes, to_mnist
from tests.core.digits.test_own_digits import forward_answers
from tests.gui.digits.test_digits_page import drag

SEVEN = [(60, 50), (220, 50), (120, 240)]
ONE = [(140, 40), (150, 240)]


def own_count(page) -> int:
    snap = page.training.controller.latest
    return -1 if snap is None else len(snap.own_digits)


def add(qtbot, page, strokes, label: int) -> np.ndarray:
    """Draw with the mouse and click the digit's button; returns what core should keep."""
    drag(page.canvas, strokes)
    expected = as_bytes(to_mnist(page.canvas.ink()))
    before = max(own_count(page), 0)
    qtbot.mouseClick(page.own_digits.add_buttons[label], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.own_digits.gallery.count() == before + 1, timeout=20_000)
    return expected


def click_thumbnail(qtbot, gallery, row: int) -> None:
    rect = gallery.visualItemRect(gallery.item(row))
    qtbot.mouseClick(gallery.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_a_drawing_added_as_a_three_shows_and_a_click_removes_it(qtbot, window):
    page = window.digits
    window.tabs.setCurrentWidget(page)
    panel = page.own_digits
    assert not any(b.isEnabled() for b in panel.add_buttons), "nothing drawn: nothing to add"
    expected = add(qtbot, page, SEVEN, 3)
    assert page.canvas.is_blank(), "the canvas is cleared for the next digit"
    snap = page.training.controller.latest
    assert np.array_equal(snap.own_digits.images[0], expected)
    assert snap.own_digits.labels.tolist() == [3]
    item = panel.gallery.item(0)
    assert item.text() == "3" and "Click to remove it" in item.toolTip()
    assert panel.count.text() == "1 of your digits"
    click_thumbnail(qtbot, panel.gallery, 0)
    qtbot.waitUntil(lambda: panel.gallery.count() == 0 and own_count(page) == 0, timeout=20_000)
    assert panel.count.text().startswith("None of your digits yet")


def test_two_quick_clicks_remove_the_two_digits_clicked(qtbot, window):
    page = window.digits
    window.tabs.setCurrentWidget(page)
    gallery = page.own_digits.gallery
    for strokes, label in ((SEVEN, 7), (ONE, 1), (SEVEN, 4)):
        add(qtbot, page, strokes, label)
    click_thumbnail(qtbot, gallery, 1)  # the 1
    four = next(r for r in range(gallery.count()) if gallery.item(r).text() == "4")
    click_thumbnail(qtbot, gallery, four)  # before the worker answers, the 4 where it is
    qtbot.waitUntil(lambda: own_count(page) == 1, timeout=20_000)
    assert page.training.controller.latest.own_digits.labels.tolist() == [7]
    qtbot.waitUntil(lambda: gallery.count() == 1 and gallery.item(0).text() == "7")


def test_one_epoch_shows_how_many_of_your_digits_are_right(qtbot, window):
    page = window.digits
    window.tabs.setCurrentWidget(page)
    training = page.training
    training.hidden.setText("32")
    training.hidden.editingFinished.emit()
    training.epochs.setValue(1)
    add(qtbot, page, SEVEN, 7)
    add(qtbot, page, ONE, 1)
    add(qtbot, page, ONE, 4)  # a one called a four: the network should not agree
    assert page.own_score.text() == "Your digits: train the network to score them"
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(training.train_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (s := training.snapshot) is not None and s.epoch == 1
                    and not s.running and s.spec.hidden == (32,), timeout=60_000)
    snap = training.controller.latest
    answers = forward_answers(snap.weights, snap.own_digits.images)
    right = int(np.count_nonzero(answers == snap.own_digits.labels))
    assert snap.own_digits.labels.tolist() == [7, 1, 4] and right < 3
    assert page.own_score.text() == f"Your digits: {right}/3 right"
    assert page.own_digits.score.text() == page.own_score.text()
    said = [page.own_digits.gallery.item(k).toolTip() for k in range(3)]
    assert all(f"the network says {a}" in t for a, t in zip(answers, said, strict=True))
    # Snapshots come from the worker process as copies, 30 a second: the same digits
    # in a new copy do not rebuild the gallery.
    first = page.own_digits.gallery.item(0)
    page.own_digits.show_snapshot(pickle.loads(pickle.dumps(snap)))
    assert page.own_digits.gallery.item(0) is first


def test_your_digits_come_back_with_the_session(qtbot, window, tmp_path):
    page = window.digits
    window.tabs.setCurrentWidget(page)
    add(qtbot, page, SEVEN, 7)
    add(qtbot, page, ONE, 1)
    kept = page.training.controller.latest.own_digits
    path = tmp_path / "mine.npsession"
    window.sessions.write(path)  # untrained: the network is left out, your digits are not
    click_thumbnail(qtbot, page.own_digits.gallery, 0)
    qtbot.waitUntil(lambda: own_count(page) == 1, timeout=20_000)
    window.sessions.load(path)
    qtbot.waitUntil(lambda: own_count(page) == 2 and page.own_digits.gallery.count() == 2,
                    timeout=20_000)
    back = page.training.controller.latest.own_digits
    assert np.array_equal(back.images, kept.images) and back.labels.tolist() == [7, 1]
