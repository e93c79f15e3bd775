"""View menu: the language and theme menus mark the current choice, and a new language
offers to restart the app at once (after the autosave)."""

import sys

import pytest
from PySide6.QtCore import QProcess, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QPushButton

from gui.i18n import chosen_language
from gui.sessions.session_manager import autosave_path
from gui.theme import chosen_theme

LEFT = Qt.MouseButton.LeftButton


def _open_menu(qtbot, window, *titles: str) -> QMenu:
    """Click the menu bar's entry, then hover each submenu title: real mouse events."""
    bar = window.menuBar()
    entry = next(a for a in bar.actions() if a.text().replace("&", "") == titles[0])
    qtbot.mouseClick(bar, LEFT, pos=bar.actionGeometry(entry).center())
    menu = entry.menu()
    qtbot.waitUntil(menu.isVisible)
    for title in titles[1:]:
        action = next(a for a in menu.actions() if a.text().replace("&", "") == title)
        qtbot.mouseMove(menu, menu.actionGeometry(action).center())
        menu = action.menu()
        qtbot.waitUntil(menu.isVisible)
    return menu


def _click(qtbot, menu: QMenu, text: str) -> None:
    action = next(a for a in menu.actions() if a.text() == text)
    qtbot.mouseClick(menu, LEFT, pos=menu.actionGeometry(action).center())


@pytest.mark.parametrize(("titles", "current"), [
    (("View", "Language"), lambda: {"en": "English", "zh_CN": "简体中文"}[chosen_language()]),
    (("View", "Theme"), lambda: chosen_theme().title()),
])
def test_the_current_choice_is_ticked_and_only_it(qtbot, window, titles, current):
    menu = _open_menu(qtbot, window, *titles)
    ticked = [a.text() for a in menu.actions() if a.isChecked()]
    assert ticked == [current()]
    assert all(a.isCheckable() for a in menu.actions())
    for open_menu in (menu, menu.parent(), menu.parent().parent()):
        if isinstance(open_menu, QMenu):
            open_menu.close()


def test_choosing_a_language_offers_restart_now_which_autosaves_and_restarts(
        qtbot, window, monkeypatch):
    started = []
    monkeypatch.setattr(QProcess, "startDetached",
                        lambda program, arguments: started.append((program, arguments)) or True)
    autosave = autosave_path()
    autosave.unlink(missing_ok=True)
    try:
        other = "简体中文" if chosen_language() == "en" else "English"
        _click(qtbot, _open_menu(qtbot, window, "View", "Language"), other)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        box = QApplication.activeModalWidget()
        restart = next(b for b in box.findChildren(QPushButton) if b.text() == "Restart now")
        assert chosen_language() == {"English": "en", "简体中文": "zh_CN"}[other]
        qtbot.mouseClick(restart, LEFT)
        qtbot.waitUntil(lambda: not window.isVisible())
        assert started == [(sys.executable, sys.argv)]
        assert autosave.exists(), "the autosave must be written before the restart"
    finally:
        QSettings().remove("language")


def test_the_window_has_the_shipped_icon(window):
    """Three connected neurons, drawn from resources/icons (a missing file gives a null icon)."""
    sizes = window.windowIcon().availableSizes()
    assert sizes and max(size.width() for size in sizes) >= 64
