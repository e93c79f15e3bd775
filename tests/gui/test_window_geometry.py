"""The window fits the screen it opens on, whatever size was saved (screens faked by
passing their available geometry)."""

import pytest
from PySide6.QtCore import QMargins, QPoint, QRect, QSettings, QSize
from PySide6.QtWidgets import QTabWidget

from gui.window_geometry import FIRST_START_SIZE, first_start_rect, fit_rect, fit_to_screen

FRAME = QMargins(8, 36, 8, 8)


def _framed(rect: QRect, frame: QMargins = FRAME) -> QRect:
    return rect.marginsAdded(frame)


@pytest.mark.parametrize("available", [
    QRect(0, 0, 1280, 720),          # the projector of the issue
    QRect(0, 32, 1280, 688),         # with a panel at the top
    QRect(1920, 0, 1280, 720),       # a second screen right of the first
])
def test_a_saved_size_larger_than_the_screen_is_shrunk_and_moved_onto_it(available):
    saved = QRect(200, 150, 1504, 755)
    fitted = fit_rect(saved, available, FRAME)
    assert available.contains(_framed(fitted))
    assert fitted.width() == available.width() - 16
    assert fitted.height() == available.height() - 44


def test_a_saved_window_that_fits_is_left_alone():
    available = QRect(0, 0, 1920, 1050)
    saved = QRect(100, 80, 1504, 755)
    assert fit_rect(saved, available, FRAME) == saved


def test_a_window_hanging_off_the_edge_is_moved_back_not_shrunk():
    available = QRect(0, 0, 1920, 1050)
    fitted = fit_rect(QRect(1000, 600, 1200, 700), available, FRAME)
    assert fitted.size() == QRect(0, 0, 1200, 700).size()
    assert available.contains(_framed(fitted))


@pytest.mark.parametrize("available", [QRect(0, 0, 1280, 720), QRect(0, 0, 2560, 1400)])
def test_the_first_start_is_centred_and_no_larger_than_the_screen(available):
    rect = first_start_rect(available, FRAME)
    assert available.contains(_framed(rect))
    assert rect.width() == min(FIRST_START_SIZE.width(), available.width() - 16)
    assert abs(rect.center().x() - available.center().x()) <= 1


def test_the_real_window_restored_from_a_too_large_saved_geometry_fits(qtbot, window, qapp):
    """The offscreen screen (800×800) is smaller than the pages need: the window fits it
    and the pages scroll, keeping their size."""
    window.setGeometry(QRect(300, 200, 2400, 1500))
    window.sessions.save_geometry()
    try:
        from gui.main_window import MainWindow

        other = MainWindow()
        qtbot.addWidget(other)
        fit_to_screen(other, restored=other.sessions.restore_geometry())
        other.show()
        available = qapp.primaryScreen().availableGeometry()
        assert available.contains(_framed(other.geometry()))
        assert other.width() == available.width() - 16
        # each page scrolls inside its tab (PageTabs): the page keeps its size
        scroll = QTabWidget.widget(other.tabs, other.tabs.currentIndex())
        qtbot.waitUntil(lambda: scroll.horizontalScrollBar().maximum() > 0)
        page = other.tabs.currentWidget()
        assert page.width() >= page.minimumSizeHint().width()
        other.close()
    finally:
        QSettings().remove("window/geometry")


def test_a_window_that_cannot_shrink_enough_keeps_its_title_bar_on_screen():
    """Layouts wider than the screen: the minimum size, top left corner on the screen."""
    available = QRect(0, 0, 1280, 720)
    fitted = fit_rect(QRect(600, 300, 1504, 755), available, FRAME, QSize(1505, 752))
    assert fitted.size() == QSize(1505, 752)
    assert fitted.topLeft() == QPoint(FRAME.left(), FRAME.top())
