"""A seeded random user: 1,200 actions on every control of every mode while training runs:
clicks, values, keys on focused controls, mouse hovers over every plot and diagram.

Afterwards: no exception (pytest-qt fails a test on any exception raised in a
Qt callback), no Qt warning, no "nan"/"inf" shown as a number, and the worker
alive with the settings the controls show.
"""

from __future__ import annotations

import os
import re

import numpy as np
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, Qt, QtMsgType
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QSlider,
)
from shiboken6 import isValid

from gui.widgets import LiveLabel
from tests.gui.playground.test_playground_window import wait_for

ACTIONS = 1200
# Controls a random user may not press here: the network is closed on these
# machines (downloads), and the sweep would keep a core busy for minutes.
SKIPPED_TEXT = ("Download", "Run", "Quit")
NUMBER_WORDS = re.compile(r"\b(nan|inf)\b", re.IGNORECASE)


@pytest.fixture
def quiet_dialogs(monkeypatch):
    """File dialogs are cancelled; message boxes are recorded instead of blocking."""
    shown: list[tuple[str, str]] = []
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, lambda *a, **k: ("", ""))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind,
                            lambda parent, title, text, *a, kind=kind: shown.append((kind, text)))
    monkeypatch.setattr(QMessageBox, "about", lambda *a: None)
    monkeypatch.setattr(QMessageBox, "question",  # "Start training over?": yes, go on
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    return shown


def _controls(window):
    found = []
    for kind in (QAbstractButton, QComboBox, QAbstractSpinBox, QSlider, QListWidget):
        for control in window.findChildren(kind):
            if (control.objectName().startswith("qt_") or not control.isEnabled()
                    or not control.isVisible()):
                continue  # a person can only use what is on screen
            text = control.text() if isinstance(control, QAbstractButton) else ""
            if any(word in text for word in SKIPPED_TEXT):
                continue
            if isinstance(control, QComboBox) and any(
                    "Download" in control.itemText(i) for i in range(control.count())):
                continue
            found.append(control)
    return found


def _operate(control, rng) -> None:
    if isinstance(control, QComboBox):
        if not control.count():
            return
        index = int(rng.integers(control.count()))
        control.setCurrentIndex(index)
        control.activated.emit(index)
    elif isinstance(control, QAbstractSpinBox):
        low, high = control.minimum(), control.maximum()
        value = low + (high - low) * rng.random() ** 3  # mostly small values
        control.setValue(round(value) if isinstance(low, int) else value)
    elif isinstance(control, QSlider):
        control.setValue(int(rng.integers(control.minimum(), control.maximum() + 1)))
        control.sliderMoved.emit(control.value())
    elif isinstance(control, QListWidget):
        if control.count():
            control.setCurrentRow(int(rng.integers(control.count())))
    else:
        control.click()


KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_PageUp,
        Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End)


def _press_a_key(control, rng) -> None:
    """A key on a focused control, as a keyboard user would: arrows, pages, Home, End."""
    control.setFocus()
    QTest.keyClick(control, KEYS[int(rng.integers(len(KEYS)))])


def _hover(window, rng) -> None:
    """The mouse over a random spot of a random visible plot or diagram: tooltips and
    hover formulas run their slots."""
    views = [v for v in window.findChildren(pg.GraphicsView) if v.isVisible()]
    if views:
        view = views[int(rng.integers(len(views)))]
        for _ in range(3):
            if not isValid(view):  # a view rebuilt meanwhile (a dialog's new layer rows)
                return
            size = view.viewport().size()
            spot = QPoint(int(rng.integers(max(size.width(), 1))),
                          int(rng.integers(max(size.height(), 1))))
            QTest.mouseMove(view.viewport(), spot)


def _shown_text(window) -> list[str]:
    labels = [w.text() for w in window.findChildren(QLabel) if w.isVisible()]
    labels += [w.text() for w in window.findChildren(LiveLabel) if w.isVisible()]
    return labels


def _click_the_plane(window, rng, _session) -> None:
    x1, x2 = rng.uniform(-6, 6, size=2)
    button = Qt.MouseButton.LeftButton if rng.random() < 0.7 else Qt.MouseButton.RightButton
    window.playground.network_boundary.point_clicked.emit(float(x1), float(x2), button)


def _draw_on_the_canvas(window, rng, _session) -> None:
    canvas = window.digits.canvas
    start = QPoint(*rng.integers(10, 270, size=2).tolist())
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    for _ in range(5):
        QTest.mouseMove(canvas, start + QPoint(*rng.integers(-30, 30, size=2).tolist()))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton)


def _load_session(window, _rng, session) -> None:
    if session.exists():
        window.sessions.load(session)


# What a restless person does, and how often (the shares add up to one).
RANDOM_ACTIONS = (
    (0.62, lambda w, rng, _s: _operate(_pick(_controls(w), rng), rng)),
    (0.06, lambda w, rng, _s: _press_a_key(_pick(_controls(w), rng), rng)),
    (0.06, lambda w, rng, _s: _hover(w, rng)),
    (0.06, _click_the_plane),
    (0.06, lambda w, rng, _s: w.tabs.setCurrentIndex(int(rng.integers(w.tabs.count())))),
    (0.05, _draw_on_the_canvas),
    (0.03, lambda w, _rng, session: w.sessions.write(session)),
    (0.02, _load_session),
    (0.02, lambda w, _rng, _s: w.playground.toggle_play()),
    (0.02, lambda w, _rng, _s: QTest.keyClick(w, Qt.Key.Key_Right)),
)


def _pick(items, rng):
    return items[int(rng.integers(len(items)))]


def test_a_thousand_random_actions_while_training(qtbot, window, quiet_dialogs, qtlog,
                                                  tmp_path):
    rng = np.random.default_rng(int(os.environ.get("FUZZ_SEED", "20261122")))
    page = window.playground
    page.toggle_play()
    session = tmp_path / "fuzz.npsession"
    shares = np.array([share for share, _ in RANDOM_ACTIONS])
    for n in range(ACTIONS):
        action = RANDOM_ACTIONS[int(rng.choice(len(shares), p=shares / shares.sum()))][1]
        action(window, rng, session)
        qtbot.wait(int(rng.integers(0, 4)))
        if n % 100 == 99:
            shown = " | ".join(_shown_text(window))
            assert not NUMBER_WORDS.search(shown), shown

    # The worker lives and holds what the controls show.
    window.tabs.setCurrentIndex(0)
    if page.running:
        page.toggle_play()
    wait_for(qtbot, page, lambda s: not s.running, timeout=10_000)
    qtbot.wait(300)  # a snapshot already on its way arrives too
    snap = page.snapshot
    assert [text for kind, text in quiet_dialogs if kind == "critical"] == []
    assert page.controller.is_running()
    controls = page.controls
    assert controls.learning_rate.currentData() == pytest.approx(snap.config.learning_rate)
    assert controls.optimizer.currentData() == snap.config.optimizer
    assert page.architecture._hidden == snap.config.hidden
    # The offscreen platform cannot raise windows or pass size hints on; it says so.
    warnings = [r.message for r in qtlog.records if r.type != QtMsgType.QtDebugMsg
                and "This plugin does not support" not in r.message]
    assert warnings == []
