"""Loss or accuracy curves over training steps, for one or more models."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem

from gui.theme import plot_ink

Series = tuple[str, str, str, str, bool]  # model key, split, label, colour, dashed
CURVE_POINTS = 250  # a curve is drawn from at most this many points (see thin)
GAP_POINTS = 200  # the shaded generalisation gap is drawn from this many points
TITLE_HEIGHT = 30  # pyqtgraph's row for a plot title

class _FlatSample(pg.ItemSample):
    """pyqtgraph's legend sample, 12 instead of 20 pixels tall: rows as tall as the text."""

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, 20, 12)

    def paint(self, painter, *args) -> None:
        painter.translate(0, -5)
        super().paint(painter, *args)


def legend_above(plot: pg.PlotItem, entries: list[tuple[pg.PlotDataItem, str]],
                 columns: int = 2, text_size: str = "8pt") -> pg.LegendItem:
    """A legend in the band above the data, never on top of a curve.

    Inside the view box a legend hid the first steps of the curves (or the
    first points of a sweep) whichever corner it took.  Here it sits right of
    a left-aligned title, or below the title when the plot is too narrow for
    both; the plot's own layout rows keep the band as tall as the legend.
    """
    legend = pg.LegendItem(labelTextSize=text_size, colCount=columns, horSpacing=10,
                           sampleType=_FlatSample)
    legend.setParentItem(plot)
    for item, name in entries:
        legend.addItem(item, name)
    view, title = plot.getViewBox(), plot.titleLabel

    def place() -> None:
        legend.updateSize()
        box, high = view.geometry(), legend.height() + 2
        titled = title.isVisible()
        room = box.width() - (title.item.boundingRect().width() + 8 if titled else 0)
        beside = titled and legend.width() <= room
        if titled:
            plot.layout.setRowFixedHeight(0, max(high, TITLE_HEIGHT) if beside else TITLE_HEIGHT)
            justify = "left" if beside else "center"
            if title.opts.get("justify") != justify:
                title.setText(title.text, justify=justify)
        plot.layout.setRowFixedHeight(1, 0 if beside else high)
        x = box.center().x() - legend.width() / 2 if titled and not beside else \
            box.right() - legend.width()
        legend.setPos(x, box.top() - high + 1)

    view.sigResized.connect(place)
    place()
    return legend


def _pen(colour: str, dashed: bool) -> QPen:
    return pg.mkPen(colour, width=1,
                    style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.5, 2, 3, 4, 5, 7 × 10^k that is ≥ ``value`` (for stable axis ranges)."""
    if value <= 0:
        return 1.0
    exponent = np.floor(np.log10(value))
    for mantissa in (1.0, 1.5, 2.0, 3.0, 4.0, 5.0, 7.0, 10.0):
        if mantissa * 10**exponent >= value * (1 - 1e-12):
            return float(mantissa * 10**exponent)
    return float(10 ** (exponent + 1))


def thin(x: np.ndarray, y: np.ndarray, points: int = CURVE_POINTS) -> tuple[np.ndarray, ...]:
    """At most ``points`` points: means over equal runs of the history.

    Antialiased wide (and dashed) paths cost Qt about 2 µs a point to paint;
    a plot is a few hundred pixels wide, so more points only cost time.
    """
    n = len(x)
    if n <= points:
        return x, y
    edges = np.linspace(0, n, points + 1).astype(int)
    counts = np.diff(edges)
    finite = np.isfinite(y)
    sums = np.add.reduceat(np.where(finite, y, 0.0), edges[:-1])
    kept = np.add.reduceat(finite.astype(int), edges[:-1])
    with np.errstate(invalid="ignore", divide="ignore"):
        means = np.where(kept > 0, sums / np.maximum(kept, 1), np.nan)
    return x[edges[:-1] + counts - 1], means


class HistoryPlot(pg.PlotWidget):
    """One metric (``"loss"`` or ``"accuracy"``) of several models' histories.

    ``series`` names which curves to draw: ``(model, split, label, colour,
    dashed)`` with ``split`` "train" or "test" (a history's columns).  ``key``,
    if given, replaces one legend entry per curve by entries for what colour
    and dash mean, ``(colour, dashed, label)``: four curves then need four
    short entries that fit beside the title, not four long ones below it.
    """

    def __init__(self, metric: str, title: str, series: list[Series], parent=None,
                 key: list[tuple[str, bool, str]] | None = None) -> None:
        super().__init__(parent=parent)
        # Not "metric": that would hide QPaintDevice.metric() and crash grab() and export.
        self.quantity = metric
        self.setTitle(title, color=plot_ink(), size="10pt")
        self.setLabel("bottom", QCoreApplication.translate("HistoryPlot", "step"))
        self.showGrid(x=True, y=True, alpha=0.2)
        self.setMenuEnabled(False)
        self.curves = {}
        named = []
        for model, split, label, colour, dashed in series:
            curve = self.plot(pen=_pen(colour, dashed), connect="finite", antialias=True)
            curve.setClipToView(True)
            self.curves[(model, split)] = curve
            named.append((curve, label))
        if key is not None:
            named = [(pg.PlotDataItem(pen=_pen(colour, dashed)), label)
                     for colour, dashed, label in key]
        self.legend = legend_above(self.getPlotItem(), named)
        # Below this the axis numbers run into each other; the page scrolls instead.
        self.setMinimumHeight(12 * self.fontMetrics().lineSpacing())
        # Ranges are set by hand to "nice" bounds that change rarely, and the
        # axes are painted from a pixmap cache: axis text is the most expensive
        # thing in the window to paint, and auto-ranging repainted it twice.
        self.disableAutoRange()
        for side in ("left", "bottom"):
            self.getAxis(side).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._range: tuple[float, float, float] | None = None
        self.log_scale = False
        self._gap: QGraphicsPathItem | None = None
        self._gap_model = ""

    def shade_gap(self, model: str, colour: tuple[int, int, int, int]) -> None:
        """Fill between ``model``'s training and test curves: the generalisation gap.

        Drawn from at most ``GAP_POINTS`` points, once per update: pyqtgraph's
        ``FillBetweenItem`` rebuilt its polygon from every point on each of the
        two curves' changes, the slowest thing in the window (up to 80 ms).
        """
        self._gap_model = model
        self._gap = QGraphicsPathItem()
        self._gap.setPen(pg.mkPen(None))
        self._gap.setBrush(pg.mkBrush(*colour))
        self._gap.setZValue(-5)
        self.addItem(self._gap)

    def _draw_gap(self, histories: dict[str, dict[str, np.ndarray]]) -> None:
        history = histories[self._gap_model]
        n = len(history["step"])
        pick = np.unique(np.linspace(0, n - 1, GAP_POINTS).astype(int)) if n else []
        x = history["step"][pick].astype(float)
        train = np.maximum(history["train_loss"][pick], 1e-9)
        test = np.maximum(history["test_loss"][pick], 1e-9)
        keep = np.isfinite(train) & np.isfinite(test)
        if self.log_scale:
            train, test = np.log10(train), np.log10(test)
        x, train, test = x[keep], train[keep], test[keep]
        path = QPainterPath()
        if len(x) >= 2:
            path = pg.arrayToQPath(np.concatenate([x, x[::-1]]),
                                   np.concatenate([train, test[::-1]]))
        self._gap.setPath(path)

    def mark_best(self, histories: dict[str, dict[str, np.ndarray]], model: str) -> float | None:
        """A vertical line at the step where ``model``'s test loss was lowest; returns it."""
        test = histories[model].get("test_loss")
        if not hasattr(self, "_best_line"):
            self._best_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#2ca02c", width=1.5,
                                                                      style=Qt.PenStyle.DotLine))
            self.addItem(self._best_line)
        if test is None or not np.isfinite(test).any():
            self._best_line.hide()
            return None
        step = float(histories[model]["step"][int(np.nanargmin(test))])
        self._best_line.setValue(step)
        self._best_line.show()
        return step

    def set_log_scale(self, on: bool) -> None:
        self.log_scale = on
        self._range = None
        self.setLogMode(y=on)

    def show_histories(self, histories: dict[str, dict[str, np.ndarray]]) -> None:
        """Draw from ``{model: history columns}`` (see ``core.training.history.COLUMNS``)."""
        x_max, y_lo, y_hi = 1.0, np.inf, -np.inf
        for (model, split), curve in self.curves.items():
            history = histories[model]
            x = history["step"]
            y = history[f"{split}_{self.quantity}"]
            if self.quantity == "loss":
                y = np.maximum(y, 1e-9)  # log scale needs positive values
            curve.setData(*thin(x, y))
            finite = y[np.isfinite(y)]
            if len(x) and len(finite):
                x_max = max(x_max, float(x[-1]))
                y_lo, y_hi = min(y_lo, float(finite.min())), max(y_hi, float(finite.max()))
        if self._gap is not None:
            self._draw_gap(histories)
        if self.quantity == "accuracy" or not np.isfinite(y_lo):
            y_lo, y_hi = 0.0, 1.0
        elif self.log_scale:
            y_lo, y_hi = np.floor(np.log10(y_lo)), np.ceil(np.log10(y_hi) + 1e-9)
        else:
            y_lo, y_hi = 0.0, nice_ceiling(y_hi)
        wanted = (nice_ceiling(x_max), y_lo, y_hi)
        if wanted != self._range:
            self._range = wanted
            self.setRange(xRange=(0, wanted[0]), yRange=(y_lo, y_hi), padding=0.02)
