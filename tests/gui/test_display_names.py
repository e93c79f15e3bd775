"""Core names are shown translated and in mathematical notation; core keeps its own."""

import pytest
from PySide6.QtCore import Qt

from core.data.datasets import CURVES, DATASETS
from core.playground.features import FEATURE_NAMES
from core.training.trainer import Divergence
from gui.display_names import _TRANSLATED, display_name, feature_label
from gui.i18n import install_translators
from gui.widgets import divergence_text


@pytest.fixture
def chinese(qapp):
    translators = install_translators(qapp, "zh_CN")
    assert translators, "the Chinese translation did not load"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)


def test_features_are_written_as_mathematics():
    assert [feature_label(n) for n in FEATURE_NAMES] == [
        "x1", "x2", "x1²", "x2²", "x1·x2", "sin(x1)", "sin(x2)", "cos(x1)", "cos(x2)",
        "f(x1,x2)"]


def test_every_data_set_and_point_set_has_a_chinese_name(chinese):
    for name in [*DATASETS, *CURVES]:
        assert name in _TRANSLATED, name
        formula = name == "x_sin_x"  # x·sin x reads the same in Chinese
        assert display_name(name) != _TRANSLATED[name] or formula, name


def test_the_divergence_banner_speaks_chinese(chinese):
    text = divergence_text(Divergence(step=1234, loss=float("inf")))
    assert "学习率过大" in text and "1,234" in text and "NaN" in text


def test_the_window_shows_the_chinese_names(qtbot, chinese):
    from gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    items = win.playground.data_panel.datasets
    shown = {items.item(i).data(Qt.ItemDataRole.UserRole): items.item(i).text()
             for i in range(items.count())}
    assert shown["circle"] == "圆形" and shown["blobs3"] == "3 团"
    assert win.curve_fit.generator.itemText(0) == "直线"
    presets = win.digits.training.preset
    assert "784-16-16-10（讲义中的网络）" in [presets.itemText(i) for i in range(presets.count())]
    # A click on a Chinese name still sends the core name.
    rect = items.visualItemRect(items.item(1))
    qtbot.mouseClick(items.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: win.playground.config.dataset == "xor", timeout=5000)
    win.close()
