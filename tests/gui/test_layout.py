"""Every page lays out at 1280×720, at normal and at the largest text size, in both languages.

No visible text is elided or clipped, and no two visible sibling widgets overlap.
The pages are reached as a person reaches them: by clicking tabs and buttons.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QTabWidget,
    QWidget,
)

from gui.i18n import install_translators
from gui.widgets import LiveLabel

try:
    from gui.text_size import LARGEST_SCALE
except ImportError:  # View → Text size is being added by another change
    LARGEST_SCALE = 1.5

SCREEN = (1280, 720)
# Pixels of rounding a text may exceed its room by (a full-width bracket's empty right half).
SLACK = 2
# The one shape a person cannot read: a wrapped text with at most this many words a line.
FEWEST_WORDS_PER_LINE = 1.6


def _plain(text: str) -> str:
    if "<" in text:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _mnemonic_free(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).replace("&&", "&")


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, (QLabel, QAbstractButton, LiveLabel)):
        text = widget.text()
    elif isinstance(widget, QComboBox):
        text = widget.currentText()
    name = widget.objectName() or type(widget).__name__
    parents = []
    parent = widget.parentWidget()
    while parent is not None and len(parents) < 3:
        parents.append(parent.objectName() or type(parent).__name__)
        parent = parent.parentWidget()
    return f"{name} {_plain(text)[:60]!r} (in {' < '.join(parents)})"


def _words(text: str) -> list[str]:
    """Where a line may break: at spaces, and between any two Chinese characters."""
    return re.findall(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff"
                      r"\u3000-\u303f\uff00-\uffef]+", text)


def _wrapped_problem(widget: QWidget, text: str, width: int, height: int) -> str | None:
    """A word-wrapped text: each word fits, all lines fit, and lines hold more than a word."""
    metrics = widget.fontMetrics()
    words = _words(text)
    widest = max((metrics.horizontalAdvance(word) for word in words), default=0)
    if widest > width + SLACK:
        return f"a word is {widest} px wide in {width} px"
    flags = int(Qt.TextFlag.TextWordWrap)
    needed = metrics.boundingRect(QRect(0, 0, width, 100_000), flags, text).height()
    if needed > height + SLACK:
        return f"needs {needed} px of height, has {height}"
    lines = needed / metrics.lineSpacing()
    if len(words) >= 4 and len(words) / lines < FEWEST_WORDS_PER_LINE:
        return f"{len(words)} words on {lines:.0f} lines"
    return None


def _line_problem(widget: QWidget, text: str, width: int, height: int) -> str | None:
    metrics = widget.fontMetrics()
    lines = text.split("\n")
    widest = max(metrics.horizontalAdvance(line) for line in lines)
    if widest > width + SLACK:
        return f"text is {widest} px wide in {width} px"
    if len(lines) * metrics.lineSpacing() - metrics.leading() > height + SLACK:
        return f"{len(lines)} lines are taller than {height} px"
    return None


def _combo_problem(combo: QComboBox) -> str | None:
    option = QStyleOptionComboBox()
    option.initFrom(combo)
    option.editable = combo.isEditable()
    option.frame = combo.hasFrame()
    field = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                         QStyle.SubControl.SC_ComboBoxEditField, combo)
    needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
    if not combo.itemIcon(combo.currentIndex()).isNull():
        needed += combo.iconSize().width() + 4
    if needed > field.width() + SLACK:
        return f"current text is {needed} px wide in a {field.width()} px field"
    return None


def _button_problem(button: QAbstractButton) -> str | None:
    text = _mnemonic_free(button.text())
    if not text:
        return None
    style = button.style()
    needed = button.fontMetrics().horizontalAdvance(text)
    if not button.icon().isNull():
        needed += button.iconSize().width() + 4
    available = button.contentsRect().width()
    if isinstance(button, QCheckBox | QRadioButton):
        indicator = (QStyle.PixelMetric.PM_IndicatorWidth if isinstance(button, QCheckBox)
                     else QStyle.PixelMetric.PM_ExclusiveIndicatorWidth)
        needed += style.pixelMetric(indicator, None, button) + style.pixelMetric(
            QStyle.PixelMetric.PM_CheckBoxLabelSpacing, None, button)
    else:
        available -= 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button) // 2
    if needed > available + SLACK:
        return f"text needs {needed} px, has {available}"
    if button.fontMetrics().height() > button.contentsRect().height() + SLACK:
        return f"text is {button.fontMetrics().height()} px tall in {button.height()} px"
    return None


def _icon_list_problem(items: QListWidget) -> str | None:
    """An icon grid elides names wider than a grid cell."""
    room = items.gridSize().width() - 4
    for row in range(items.count()):
        item = items.item(row)
        needed = items.fontMetrics().horizontalAdvance(item.text())
        if not item.isHidden() and needed > room + SLACK:
            return f"item {item.text()!r} needs {needed} px, its cell has {room}"
    return None


def text_problem(widget: QWidget) -> str | None:
    """Why ``widget``'s text does not show in full, or None."""
    if isinstance(widget, QListWidget) and widget.viewMode() == QListWidget.ViewMode.IconMode:
        return _icon_list_problem(widget)
    if isinstance(widget, QComboBox):
        return _combo_problem(widget)
    if isinstance(widget, QPushButton | QCheckBox | QRadioButton):
        return _button_problem(widget)
    if isinstance(widget, QLabel) and widget.pixmap().isNull() and widget.text():
        rect = widget.contentsRect()
        margin = 2 * max(widget.margin(), 0) + max(widget.indent(), 0)
        text = _plain(widget.text())
        if widget.wordWrap():
            return _wrapped_problem(widget, text, rect.width() - margin, rect.height())
        return _line_problem(widget, text, rect.width() - margin, rect.height())
    if isinstance(widget, LiveLabel) and widget.text():
        rect = widget.rect().adjusted(2, 0, -2, 0)
        return _wrapped_problem(widget, widget.text(), rect.width(), rect.height())
    return None


def _stacks(parent: QWidget) -> bool:
    """Children that are meant to lie on top of each other (pages, scroll viewports)."""
    return isinstance(parent, QStackedWidget)


def _shown_children(parent: QWidget) -> list[QWidget]:
    return [child for child in parent.findChildren(QWidget, options=Qt.FindChildOption.
                                                   FindDirectChildrenOnly)
            if child.isVisible() and not child.isWindow()]


def overlaps(parent: QWidget) -> Iterator[str]:
    """Pairs of visible children of ``parent`` that cover each other, and children cut off."""
    children = _shown_children(parent)
    for i, first in enumerate(children):
        for second in children[i + 1:]:
            shared = first.geometry().intersected(second.geometry())
            if shared.width() > 1 and shared.height() > 1 and not _stacks(parent):
                yield f"{_name(first)} overlaps {_name(second)} by {shared.width()}×" \
                      f"{shared.height()} px"
        inside = parent.rect()
        if isinstance(parent, QScrollArea) or isinstance(parent.parentWidget(), QScrollArea):
            continue  # a scroll area's content is meant to be larger than its viewport
        if not inside.adjusted(-1, -1, 1, 1).contains(first.geometry()):
            yield f"{_name(first)} at {first.geometry().getRect()} is cut off by its parent " \
                  f"{_name(parent)} {inside.width()}×{inside.height()}"


def layout_problems(root: QWidget) -> list[str]:
    """Everything wrong with what ``root`` shows now."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or (widget.isWindow() and widget is not root):
            continue
        if (why := text_problem(widget)) is not None:
            found.append(f"{_name(widget)}: {why}")
        found.extend(overlaps(widget))
    return found


def plot_problems(root: QWidget) -> list[str]:
    """Visible plots under ``root`` whose title is cut off or whose legend lies on the data."""
    found = []
    for view in [root, *root.findChildren(pg.PlotWidget)]:
        if not isinstance(view, pg.PlotWidget) or not view.isVisible():
            continue
        title = view.getPlotItem().titleLabel
        if title.isVisible() and title.item.boundingRect().width() > view.width() + SLACK:
            found.append(f"the title {title.text!r} is wider than its plot ({view.width()} px)")
        if title.isVisible() and title.item.boundingRect().height() > title.height() + SLACK:
            found.append(f"the title {title.text!r} is taller than its row ({title.height():.0f} px)")
        legend = view.getPlotItem().legend
        if legend is None:  # drawn by legend_above, not by addLegend
            legend = getattr(view, "legend", None)
        if legend is None:
            continue
        data = view.getPlotItem().getViewBox().sceneBoundingRect()
        shared = legend.sceneBoundingRect().intersected(data)
        if shared.width() > 1 and shared.height() > 1:
            found.append(f"the legend of {title.text or view!r} covers "
                         f"{shared.width():.0f}×{shared.height():.0f} px of its data")
    return found


def click_tab(qtbot, bar: QTabBar, index: int) -> None:
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert bar.currentIndex() == index


def scrolls(page: QWidget) -> bool:
    """Whether the scroll area holding ``page`` has to scroll to show all of it."""
    area = page.parentWidget()
    while area is not None and not isinstance(area, QScrollArea):
        area = area.parentWidget()
    return area is not None and (area.verticalScrollBar().maximum() > 0
                                 or area.horizontalScrollBar().maximum() > 0)


def visit_pages(qtbot, tabs: QTabWidget, where: str = "") -> Iterator[tuple[str, list[str]]]:
    """Show every page, nested tabs included, by clicking its tab; yields its problems."""
    for index in range(tabs.count()):
        click_tab(qtbot, tabs.tabBar(), index)
        name = f"{where}/{tabs.tabText(index)}"
        page = tabs.widget(index)
        inner = [t for t in page.findChildren(QTabWidget) if t.isVisible()]
        if inner:
            yield from visit_pages(qtbot, inner[0], name)
        else:
            qtbot.wait(10)
            found = layout_problems(tabs.window()) + plot_problems(tabs.window())
            if scrolls(tabs.window().tabs.currentWidget()):
                found.append("the page needs a scroll bar")
            yield name, found


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    translators = install_translators(qapp, request.param)
    yield request.param
    for translator in translators:
        qapp.removeTranslator(translator)


@pytest.fixture(params=[1.0, LARGEST_SCALE], ids=["normal-text", "largest-text"])
def text_scale(request, qapp):
    normal = QApplication.font()
    font = QApplication.font()
    font.setPointSizeF(normal.pointSizeF() * request.param)
    QApplication.setFont(font)
    yield request.param
    QApplication.setFont(normal)


@pytest.fixture
def small_window(qtbot, language, text_scale):
    """The real window, made after the language and text size are set, on a 1280×720 screen."""
    from gui.main_window import MainWindow

    win = MainWindow()
    qtbot.addWidget(win)
    win.resize(*SCREEN)
    win.show()
    qtbot.waitUntil(lambda: win.playground.snapshot is not None, timeout=10_000)
    yield win
    win.close()


def _open_by_click(qtbot, button: QPushButton) -> QDialog:
    before = set(QApplication.topLevelWidgets())
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if w not in before and isinstance(w, QDialog) and w.isVisible())
    qtbot.waitExposed(dialog)
    return dialog


def test_every_page_and_dialog_fits_a_1280x720_screen(qtbot, small_window, text_scale):
    win = small_window
    assert win.width() <= SCREEN[0] and win.height() <= SCREEN[1], (
        f"the window cannot shrink to {SCREEN}: it is at least {win.width()}×{win.height()}")
    problems = []
    pages = 0
    for name, found in visit_pages(qtbot, win.tabs):
        pages += 1
        if text_scale > 1:  # a page may scroll at the largest text size, not at 100 %
            found = [p for p in found if p != "the page needs a scroll bar"]
        problems += [f"{name}: {p}" for p in found]
    assert pages == 8, ("playground, 2 digits tabs, 2 descent tabs, curve fitting, "
                        "backprop's network and computational graph")
    click_tab(qtbot, win.tabs.tabBar(), 0)
    page = win.playground
    for button in (page.health_button, page.sweep_button, page.transformed_button):
        dialog = _open_by_click(qtbot, button)
        smallest = dialog.minimumSizeHint()
        assert smallest.width() <= SCREEN[0] and smallest.height() <= SCREEN[1], button.text()
        dialog.resize(min(dialog.width(), SCREEN[0]), min(dialog.height(), SCREEN[1]))
        if button is page.health_button:  # its numbers come with the next snapshot
            qtbot.waitUntil(lambda d=dialog: d.rows and all(row[2].text() for row in d.rows))
        qtbot.wait(20)
        problems += [f"{dialog.windowTitle()}: {p}"
                     for p in layout_problems(dialog) + plot_problems(dialog)]
        dialog.close()
    assert not problems, "\n".join(problems)


def test_the_checker_sees_an_elided_label_and_an_overlap(qtbot):
    """The checks above can fail: a cut-off label and two stacked buttons are reported."""
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(320, 100)
    label = QLabel("Regularisation rate", parent)
    label.setGeometry(0, 0, 40, 20)
    first, second = QPushButton("A", parent), QPushButton("B", parent)
    first.setGeometry(160, 0, 60, 30)
    second.setGeometry(180, 10, 60, 30)
    combo = QComboBox(parent)
    combo.addItem("内置的 5,000 个 MNIST 数字")
    combo.setGeometry(0, 50, 80, 30)
    parent.show()
    problems = layout_problems(parent)
    assert any("Regularisation rate" in p and "px wide" in p for p in problems), problems
    assert any("overlaps" in p and "'A'" in p and "'B'" in p for p in problems), problems
    assert any("MNIST" in p for p in problems), problems
    label.setGeometry(0, 0, QFontMetrics(label.font()).horizontalAdvance(label.text()) + 4, 20)
    second.move(230, 0)
    combo.setGeometry(0, 50, 280, 30)
    assert not layout_problems(parent)


def test_the_checker_sees_a_legend_on_the_data_and_none_above_it(qtbot):
    from gui.history_plot import legend_above

    inside, above = pg.PlotWidget(title="inside"), pg.PlotWidget(title="above")
    for view in (inside, above):
        qtbot.addWidget(view)
        view.resize(400, 300)
    inside.addLegend()
    inside.plot([0, 1, 2], [2, 1, 0], name="training")
    curve = above.plot([0, 1, 2], [2, 1, 0])
    legend_above(above.getPlotItem(), [(curve, "training"), (curve, "test")])
    for view in (inside, above):
        view.show()
        qtbot.waitExposed(view)
    assert plot_problems(inside) and "inside" in plot_problems(inside)[0]
    assert not plot_problems(above)
