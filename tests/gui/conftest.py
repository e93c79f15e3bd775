"""GUI fixtures: a real main window whose worker thread must end with the test."""

import pytest


@pytest.fixture(autouse=True)
def light_theme(qapp):
    """The app's default look (the app applies it at start, before any view)."""
    from gui.theme import apply_theme

    apply_theme(qapp, "light")


@pytest.fixture
def window(qtbot):
    from gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitUntil(lambda: win.playground.snapshot is not None, timeout=10_000)
    yield win
    win.close()
    assert not win.playground.controller.is_running(), "worker thread left running"


@pytest.fixture
def page(window):
    return window.playground
