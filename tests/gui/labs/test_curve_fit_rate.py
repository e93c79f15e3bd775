"""The curve-fitting page's learning-rate box, used with the keyboard."""

from PySide6.QtCore import Qt


def test_the_rate_box_reaches_the_running_fit(qtbot, window):
    page = window.curve_fit
    bar = window.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                     pos=bar.tabRect(window.tabs.indexOf(page)).center())
    qtbot.waitUntil(lambda: page.snapshot is not None)
    page.rate.setFocus()
    qtbot.keyClick(page.rate, Qt.Key.Key_Home)      # the smallest rate
    qtbot.waitUntil(lambda: page.snapshot.config.learning_rate == page.rate.itemData(0))
    page.optimizer.setFocus()
    qtbot.keyClick(page.optimizer, Qt.Key.Key_Home)  # the first optimiser, sgd
    qtbot.waitUntil(lambda: page.snapshot.config.optimizer == "sgd")
