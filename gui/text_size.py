"""Text size for a classroom: one application font, and plots that follow it.

The one mechanism is the QApplication font's point size: the platform default
times a scale from ``STEPS`` (up to ``LARGEST_SCALE``), saved in QSettings.
Qt widgets follow the application font by themselves; every widget receives
``QEvent.ApplicationFontChange`` when it changes, which custom-painted views can
handle, reading ``scale()`` for their own fonts and pen widths.  Widgets with a
font of their own (``setFont`` in points, ``font-size: …pt`` in a style sheet)
are rescaled from their size at scale 1.

pyqtgraph items do not follow it: titles and legends carry point sizes in their
HTML, axes cache their tick pictures, pens have pixel widths.  ``restyle_plots``
walks every pyqtgraph view and sets those from the size each item had at scale 1
(remembered on the item), so doing it again is harmless.  It runs after each
change, once the window is made at start (``restyle_new``), and over a window's
views when that window (a dialog) gets the focus, which catches plots made
after the change.  A view whose class sets ``follows_text_size =
True`` scales itself and is left alone; code that sets a title on every update
passes ``size=points(11)``.
"""

from __future__ import annotations

import re

import pyqtgraph as pg
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFont, QFontDatabase, QWindow
from PySide6.QtWidgets import QApplication, QWidget

SETTING = "view/text_scale"
STEPS = (1.0, 1.15, 1.3, 1.5, 1.75, 2.0)
LARGEST_SCALE = STEPS[-1]
_BASE = "_text_size_base"  # attribute on an item, property on a widget: its size at scale 1
_STYLED = "_text_size_styled"  # the scale an item was last styled for
_FOLLOWS_WINDOWS = "_text_size_follows_windows"
_BASE_SHEET = "_text_size_base_sheet"
_SHEET_POINTS = re.compile(r"font-size:\s*([\d.]+)pt")


def base_point_size() -> float:
    """The platform's default body text size, in points (scale 1)."""
    size = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).pointSizeF()
    return size if size > 0 else 9.0


def scale() -> float:
    """The current text scale: the application font against the platform default."""
    return QApplication.font().pointSizeF() / base_point_size()


def saved_scale() -> float:
    value = QSettings().value(SETTING, 1.0, type=float)
    return min(STEPS, key=lambda step: abs(step - value))


def set_scale(app: QApplication, value: float) -> None:
    """Apply ``value`` (one of ``STEPS``) to the whole app and save it."""
    _set_font(app, value)
    QSettings().setValue(SETTING, value)
    restyle_widgets()
    restyle_plots()


def _set_font(app: QApplication, value: float) -> None:
    font = QFont(app.font())
    font.setPointSizeF(round(base_point_size() * value, 2))
    app.setFont(font)  # every widget gets QEvent.ApplicationFontChange


def step(app: QApplication, direction: int) -> float:
    """One step larger (``+1``) or smaller (``-1``), staying within ``STEPS``; returns it."""
    index = min(range(len(STEPS)), key=lambda i: abs(STEPS[i] - scale()))
    value = STEPS[max(0, min(len(STEPS) - 1, index + direction))]
    set_scale(app, value)
    return value


def install(app: QApplication) -> None:
    """At start, before any widget is made: the saved size, so widgets are born at it,
    and restyling the plots of windows that open later.  Call ``restyle_new()`` once
    the window is made."""
    if saved_scale() != 1.0:
        _set_font(app, saved_scale())
    if not app.property(_FOLLOWS_WINDOWS):
        app.focusWindowChanged.connect(_on_focus_window_changed)
        app.setProperty(_FOLLOWS_WINDOWS, True)


def restyle_new() -> None:
    """Sizes that widgets and plots made since the last change carry themselves; at
    scale 1 everything is born right (and the full walk would cost ~50 ms)."""
    if scale() != 1.0:
        restyle_widgets()
        restyle_plots()


def _on_focus_window_changed(window: QWindow | None) -> None:
    """Plots of a window that opened (or came back) since the last change.

    At scale 1 every new item is born at its base size: nothing to do.  Else only
    the focused window's views are walked (a full walk took ~30 ms).
    """
    if window is None or scale() == 1.0:
        return
    for widget in QApplication.topLevelWidgets():
        if widget.windowHandle() is window:
            _restyle_views([widget, *widget.findChildren(pg.GraphicsView)])


def points(size: float) -> str:
    """``size`` points at the current scale, for code that sets a pyqtgraph title often:
    ``plot.setTitle(text, size=text_size.points(11))``."""
    return f"{size * scale():.1f}pt"


def set_title(item: pg.PlotItem, text: str, size: float, color) -> None:
    """``item``'s title at ``size`` points scaled to the text size, its row as tall as
    the title needs (pyqtgraph keeps it 30 px: a larger or two-line title was cut)."""
    item.setTitle(text, color=color, size=points(size))
    height = max(30, int(item.titleLabel.item.boundingRect().height()) + 4)
    item.titleLabel.setMaximumHeight(height)
    item.layout.setRowFixedHeight(0, height)


def restyle_widgets() -> None:
    """Widgets given a font of their own in points (big digits, monospace, a
    ``font-size`` in a style sheet) scale too."""
    s = scale()
    for widget in QApplication.allWidgets():
        sheet = widget.property(_BASE_SHEET) or widget.styleSheet()
        if _SHEET_POINTS.search(sheet):
            widget.setProperty(_BASE_SHEET, sheet)
            widget.setStyleSheet(_SHEET_POINTS.sub(
                lambda m: f"font-size: {float(m.group(1)) * s:.1f}pt", sheet))
            continue
        if not widget.testAttribute(Qt.WidgetAttribute.WA_SetFont):
            continue
        base = widget.property(_BASE)
        if base is None:
            base = widget.font().pointSizeF() / (widget.property(_STYLED) or 1.0)
            if base <= 0:
                continue
            widget.setProperty(_BASE, base)
        font = widget.font()
        font.setPointSizeF(base * s)
        widget.setFont(font)
        widget.setProperty(_STYLED, s)


def restyle_plots() -> None:
    """Fonts and pen widths of every pyqtgraph view, for the current scale."""
    _restyle_views(QApplication.allWidgets())


def _restyle_views(widgets: list[QWidget]) -> None:
    s, font = scale(), QApplication.font()
    for widget in widgets:
        if isinstance(widget, pg.GraphicsView) and not getattr(widget, "follows_text_size", False):
            restyle_view(widget, s, font)


def restyle_view(view: QWidget, s: float, font: QFont) -> None:
    """Restyle the items of one pyqtgraph view (see the module docstring)."""
    items = view.scene().items()
    for item in items:
        if getattr(item, _STYLED, 1.0) == s:  # made at scale 1 counts as styled for it
            continue
        if isinstance(item, pg.AxisItem):
            item.setTickFont(font)
            item.label.setFont(font)
            item._updateLabel()  # re-lays out the label and the axis' width or height
        elif isinstance(item, pg.LabelItem):
            points = _remember(item, _points(item.opts.get("size")))
            item.setText(item.text, size=f"{points * s:.1f}pt")
        elif isinstance(item, pg.TextItem):
            points = _remember(item, _text_item_points(item))
            if points > 0:
                text_font = item.textItem.font()
                text_font.setPointSizeF(points * s)
                item.setFont(text_font)
        elif isinstance(item, (pg.PlotDataItem, pg.InfiniteLine)):
            pen = pg.mkPen(item.opts["pen"] if isinstance(item, pg.PlotDataItem) else item.pen)
            width = _remember(item, max(pen.widthF(), 1.0))
            pen.setWidthF(width * s)
            item.setPen(pen)
        setattr(item, _STYLED, s)
    for item in items:  # after their labels: new entries take the legend's size
        if isinstance(item, pg.LegendItem):
            points = _remember(item, _points(item.opts["labelTextSize"]))
            item.opts["labelTextSize"] = f"{points * s:.1f}pt"
            item.updateSize()


def _remember(item, measured: float) -> float:
    """The item's size at scale 1, from what it measured on first sight."""
    base = getattr(item, _BASE, None)
    if base is None:
        base = measured
        setattr(item, _BASE, base)
    return base


def _text_item_points(item: pg.TextItem) -> float:
    """A text item in the application font (made at any scale) counts as body text."""
    points = item.textItem.font().pointSizeF()
    return base_point_size() if points == QApplication.font().pointSizeF() else points


def _points(size: str | None) -> float:
    """``"10pt"`` → 10; no size means the body text size."""
    if size and size.endswith("pt"):
        return float(size[:-2])
    return base_point_size()
