"""A tab's training worker starts when the tab is first shown, not at launch."""

from PySide6.QtCore import Qt

from core.worker.loop import Pause


def _click_tab(qtbot, window, index: int) -> None:
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert window.tabs.currentIndex() == index


def test_only_the_shown_tab_has_a_worker_until_another_tab_is_opened(window, qtbot):
    digits = window.digits.training.controller
    curve_fit = window.curve_fit.controller
    assert window.playground.controller.is_running()
    assert not digits.is_running() and not curve_fit.is_running()
    _click_tab(qtbot, window, window.tabs.indexOf(window.curve_fit))
    qtbot.waitUntil(lambda: curve_fit.latest is not None, timeout=10_000)
    assert not digits.is_running()


def test_a_command_to_a_tab_never_shown_starts_its_worker(window, qtbot):
    controller = window.digits.training.controller
    assert not controller.is_running()
    controller.send(Pause())
    assert controller.is_running()
    qtbot.waitUntil(lambda: controller.latest is not None, timeout=10_000)


def test_closing_with_tabs_never_shown_ends_cleanly(window):
    controller = window.curve_fit.controller
    assert controller.stop()
    assert not controller.is_running()
