"""Light and dark themes: the choice is saved and the next window is drawn in it."""

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QMessageBox

from gui.main_window import MainWindow
from gui.theme import apply_theme, chosen_theme


def _lightness(colour) -> float:
    return QColor(colour).lightnessF()


def test_choosing_dark_is_saved_for_the_next_start(qtbot, window, monkeypatch):
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    try:
        window._choose_theme("dark")
        assert chosen_theme() == "dark"
    finally:
        QSettings().remove("theme")
    assert chosen_theme() == "light"


def test_a_dark_window_has_dark_paper_and_light_ink(qtbot, qapp):
    apply_theme(qapp, "dark")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    try:
        assert _lightness(qapp.palette().color(QPalette.ColorRole.Window)) < 0.3
        assert _lightness(qapp.palette().color(QPalette.ColorRole.WindowText)) > 0.7
        for view in (window.playground.network_boundary, window.playground.loss_view,
                     window.playground.network_view):
            assert _lightness(view.backgroundBrush().color()) < 0.2, type(view).__name__
        title = window.playground.loss_view.getPlotItem().titleLabel
        assert _lightness(title.opts["color"]) > 0.7
    finally:
        window.close()
        apply_theme(qapp, "light")
