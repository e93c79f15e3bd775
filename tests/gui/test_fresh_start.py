"""Back to defaults: what examples change, File → New, and "Start fresh" after a restore."""

from __future__ import annotations

from PySide6.QtCore import Qt

from core.playground.config import PlaygroundConfig
from gui.main_window import MainWindow
from gui.playground.controls import DEFAULT_SPEED
from gui.sessions.session_manager import autosave_path
from tests.gui.playground.test_playground_window import wait_for


def _change_every_page(qtbot, window):
    """What a person leaves behind: an example, a faster speed, other choices on each page."""
    page = window.playground
    qtbot.mouseClick(page.overfit_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, page, lambda s: s.config.hidden == (32, 32, 32))
    speed = page.controls.speed
    speed.setFocus()
    qtbot.keyClick(speed, Qt.Key.Key_End)
    qtbot.mouseClick(page.data_panel.show_test, Qt.MouseButton.LeftButton)
    window.digits.training.epochs.setFocus()
    qtbot.keyClick(window.digits.training.epochs, Qt.Key.Key_Up)
    curve = window.descent.curve.curve_choice
    curve.setFocus()
    qtbot.keyClick(curve, Qt.Key.Key_Down)
    return curve.currentIndex()


def test_the_overfitting_example_says_what_it_changed(qtbot, window):
    qtbot.mouseClick(window.playground.overfit_button, Qt.MouseButton.LeftButton)
    message = window.statusBar().currentMessage()
    for change in ("points 500 → 60", "noise 0 → 30", "batch size 10 → 5",
                   "hidden layers 4-2 → 32-32-32", "learning rate 0.03 → 0.01"):
        assert change in message
    assert "File → New" in message and "data set" not in message  # circle stays circle


def test_file_new_puts_every_page_back_to_its_defaults(qtbot, window):
    default_epochs = window.digits.training.epochs.value()
    changed_curve = _change_every_page(qtbot, window)
    assert window.digits.training.epochs.value() == default_epochs + 1
    assert changed_curve != 0
    old_worker = window.playground.controller
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    page = window.playground
    assert not old_worker.is_running()
    qtbot.waitUntil(lambda: page.snapshot is not None, timeout=10_000)
    snap = wait_for(qtbot, page, lambda s: True)
    assert snap.config == PlaygroundConfig() and snap.step == 0 and len(snap.train_X) == 250
    assert page.controls.speed.currentData() == DEFAULT_SPEED
    assert page.data_panel.noise.value() == 0 and page.data_panel.batch.value() == 10
    assert not page.data_panel.show_test.isChecked()
    assert window.descent.curve.curve_choice.currentIndex() == 0
    assert window.digits.training.epochs.value() == default_epochs
    assert window.tabs.count() == 5 and window.tabs.widget(0) is page
    assert window.sessions.path is None and window.windowTitle() == "Neural Playground"
    # The menu's keys act on the new page, not the one that was closed.
    qtbot.keyClick(window, Qt.Key.Key_Space)
    wait_for(qtbot, page, lambda s: s.running and s.step > 0)
    qtbot.keyClick(window, Qt.Key.Key_Space)


def test_start_fresh_is_offered_after_a_restore_and_does_what_new_does(qtbot, window):
    _change_every_page(qtbot, window)
    saved = wait_for(qtbot, window.playground, lambda s: s.config.hidden == (32, 32, 32))
    window.close()
    assert autosave_path().exists()
    other = MainWindow()
    qtbot.addWidget(other)
    other.show()
    qtbot.waitUntil(lambda: other.playground.snapshot is not None, timeout=10_000)
    assert not other.start_fresh.isVisible()
    other.sessions.restore_last()
    wait_for(qtbot, other.playground, lambda s: s.config == saved.config)
    assert "last session is back" in other.statusBar().currentMessage()
    assert other.start_fresh.isVisible()
    qtbot.mouseClick(other.start_fresh, Qt.MouseButton.LeftButton)
    assert not other.start_fresh.isVisible()
    snap = wait_for(qtbot, other.playground, lambda s: True)
    assert snap.config == PlaygroundConfig() and snap.step == 0
    assert "back to its default" in other.statusBar().currentMessage()
    other.close()
    autosave_path().unlink()
