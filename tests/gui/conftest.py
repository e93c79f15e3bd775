"""GUI fixtures: a real main window whose worker (a child process) must end with the test."""

import gc

import pytest


@pytest.fixture(scope="session", autouse=True)
def garbage_collected_on_gui_thread(qapp):
    """As the app runs: cycles are collected by a GUI-thread timer, never by a worker."""
    from gui.app import collect_garbage_on_gui_thread

    collector = collect_garbage_on_gui_thread()
    yield collector
    collector.timer.stop()
    gc.enable()


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
    assert not win.playground.controller.is_running(), "training worker left running"


@pytest.fixture
def page(window):
    return window.playground
