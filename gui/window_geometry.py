"""Keeping the window on the screen it opens on, whatever size was saved.

A size saved on a large monitor and restored on a projector put the bottom
buttons off-screen (1504×755 on a 1280×720 screen).  The rectangle is computed
by a pure function of the screen's available geometry so tests can fake a screen.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FIRST_START_SIZE = QSize(1580, 960)
NO_MINIMUM = QSize(1, 1)
# Title bar and borders, until the window manager has framed the window.
UNKNOWN_FRAME = QMargins(8, 36, 8, 8)


def fit_rect(rect: QRect, available: QRect, frame: QMargins = UNKNOWN_FRAME,
             minimum: QSize = NO_MINIMUM) -> QRect:
    """``rect`` (the client area) shrunk, then moved, so it and its frame lie in ``available``.

    A window whose layouts need more than the screen keeps its ``minimum`` size
    with its top left corner (title bar, menus) on the screen.
    """
    width = max(minimum.width(), min(rect.width(),
                                     available.width() - frame.left() - frame.right()))
    height = max(minimum.height(), min(rect.height(),
                                       available.height() - frame.top() - frame.bottom()))
    left = available.left() + frame.left()
    top = available.top() + frame.top()
    x = max(left, min(rect.x(), available.right() + 1 - frame.right() - width))
    y = max(top, min(rect.y(), available.bottom() + 1 - frame.bottom() - height))
    return QRect(x, y, width, height)


def first_start_rect(available: QRect, frame: QMargins = UNKNOWN_FRAME,
                     minimum: QSize = NO_MINIMUM) -> QRect:
    """The default size, centred on the screen and no larger than it."""
    rect = QRect(QPoint(0, 0), FIRST_START_SIZE)
    rect.moveCenter(available.center())
    return fit_rect(rect, available, frame, minimum)


def fit_to_screen(window: QWidget, restored: bool) -> None:
    """Clamp ``window`` to the screen it opens on; centre the default size if none was saved."""
    if window.windowState() & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
        return  # the window manager sizes it to the screen
    geometry = window.geometry()
    screen = ((QGuiApplication.screenAt(geometry.center()) if restored else None)
              or window.screen() or QGuiApplication.primaryScreen())
    available = screen.availableGeometry()
    frame_geometry = window.frameGeometry()
    frame = QMargins(geometry.left() - frame_geometry.left(), geometry.top() - frame_geometry.top(),
                     frame_geometry.right() - geometry.right(),
                     frame_geometry.bottom() - geometry.bottom())
    if frame.isNull():
        frame = UNKNOWN_FRAME
    if window.layout() is not None:
        window.layout().activate()  # the minimum size for the current text size
    minimum = window.minimumSize()
    window.setGeometry(fit_rect(geometry, available, frame, minimum) if restored
                       else first_start_rect(available, frame, minimum))
