"""View → Text size: one application font that widgets, plot axes, titles, legends and
pens follow together, changed with the keyboard on the real window and saved."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication

from gui import text_size

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def sized_window(window, qapp):
    """The real window; the text size goes back to the default afterwards."""
    yield window
    text_size.set_scale(qapp, 1.0)
    QSettings().remove(text_size.SETTING)


def _plot_sizes(window) -> dict[str, float]:
    """Sizes of the loss plot's text and curves, as pyqtgraph will draw them."""
    plot = window.playground.loss_view
    axis = plot.getAxis("left")
    tick_font = axis.style["tickFont"] or QApplication.font()
    title = plot.getPlotItem().titleLabel.opts["size"]
    legend_label = plot.legend.items[0][1].opts["size"]  # the key above the data
    curve = next(iter(plot.curves.values()))
    return {
        "app": QApplication.font().pointSizeF(),
        "ticks": tick_font.pointSizeF(),
        "axis label": axis.label.font().pointSizeF(),
        "title": float(title.removesuffix("pt")),
        "legend": float(legend_label.removesuffix("pt")),
        "pen": curve.opts["pen"].widthF(),
    }


def test_ctrl_equals_grows_every_text_and_pen_together_and_ctrl_0_resets(qtbot, sized_window):
    before = _plot_sizes(sized_window)
    assert before["app"] == pytest.approx(text_size.base_point_size())
    qtbot.keyClick(sized_window, Qt.Key.Key_Equal, CTRL)
    grown = _plot_sizes(sized_window)
    ratio = text_size.STEPS[1]
    for name, value in before.items():
        # Every size grows by the same step; the title keeps its 10 pt : 9 pt look.
        assert grown[name] == pytest.approx(max(value, 1.0) * ratio, rel=0.02), name
    assert QSettings().value(text_size.SETTING, type=float) == pytest.approx(ratio)

    qtbot.keyClick(sized_window, Qt.Key.Key_Plus, CTRL)  # Ctrl++ works as well
    assert text_size.scale() == pytest.approx(text_size.STEPS[2])
    qtbot.keyClick(sized_window, Qt.Key.Key_Minus, CTRL)
    assert text_size.scale() == pytest.approx(text_size.STEPS[1])
    qtbot.keyClick(sized_window, Qt.Key.Key_0, CTRL)
    assert _plot_sizes(sized_window) == pytest.approx(before)


def test_captions_with_their_own_size_and_the_big_epoch_counter_grow_too(qtbot, sized_window):
    """Style-sheet sizes (the control captions) and explicit fonts (the epoch counter)."""
    from PySide6.QtWidgets import QLabel

    controls = sized_window.playground.controls
    caption = next(label for label in controls.findChildren(QLabel)
                   if "font-size" in label.styleSheet())
    epoch = controls.epoch_label

    def sizes():
        caption.ensurePolished()
        return caption.font().pointSizeF(), epoch.font().pointSizeF(), epoch.height()

    before = sizes()
    qtbot.keyClick(sized_window, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(sized_window, Qt.Key.Key_Equal, CTRL)
    after = sizes()
    assert after[0] == pytest.approx(before[0] * text_size.STEPS[2], rel=0.02)
    assert after[1] == pytest.approx(before[1] * text_size.STEPS[2], rel=0.02)
    assert after[2] > before[2]  # the live label made room for its bigger line
    qtbot.keyClick(sized_window, Qt.Key.Key_0, CTRL)
    assert sizes() == pytest.approx(before)


def test_the_largest_size_is_a_limit_and_survives_a_restart(qtbot, sized_window, qapp):
    for _ in range(len(text_size.STEPS) + 2):
        qtbot.keyClick(sized_window, Qt.Key.Key_Equal, CTRL)
    assert text_size.scale() == pytest.approx(text_size.LARGEST_SCALE)
    assert _plot_sizes(sized_window)["ticks"] == pytest.approx(
        text_size.base_point_size() * text_size.LARGEST_SCALE)
    # The next start: the saved size, applied before the window shows.
    fresh = QApplication.font()  # what a fresh process starts with
    fresh.setPointSizeF(text_size.base_point_size())
    qapp.setFont(fresh)
    assert text_size.scale() == pytest.approx(1.0)
    text_size.install(qapp)
    assert text_size.scale() == pytest.approx(text_size.LARGEST_SCALE)
    from gui.main_window import MainWindow

    other = MainWindow()  # born at the saved size, then its own sizes follow
    qtbot.addWidget(other)
    text_size.restyle_new()
    assert _plot_sizes(other) == pytest.approx(_plot_sizes(sized_window))
    other.close()


def test_a_plot_made_after_the_change_follows_it_when_its_window_opens(qtbot, sized_window,
                                                                      qapp):
    from gui.history_plot import HistoryPlot

    text_size.install(qapp)  # as the app does at start
    qtbot.keyClick(sized_window, Qt.Key.Key_Equal, CTRL)
    qtbot.keyClick(sized_window, Qt.Key.Key_Equal, CTRL)
    plot = HistoryPlot("loss", "later", [("net", "train", "net", "#000", False)])
    qtbot.addWidget(plot)
    plot.show()
    plot.activateWindow()
    qtbot.waitUntil(lambda: plot.getPlotItem().titleLabel.opts["size"] != "10pt")
    assert plot.getPlotItem().titleLabel.opts["size"] == f"{10 * text_size.STEPS[2]:.1f}pt"


def test_f11_toggles_full_screen(qtbot, sized_window):
    qtbot.keyClick(sized_window, Qt.Key.Key_F11)
    qtbot.waitUntil(sized_window.isFullScreen)
    assert sized_window.full_screen_action.isChecked()
    qtbot.keyClick(sized_window, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not sized_window.isFullScreen())
    assert not sized_window.full_screen_action.isChecked()
