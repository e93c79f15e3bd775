"""The network diagram's links: one segment per weight, in a few line items
binned by sign and strength, and which link a point is on."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from core.playground.features import FEATURE_NAMES
from core.playground.snapshot import ModelSnapshot
from gui.colors import BLUE, ORANGE
from gui.playground.network_layout import NetworkLayout

STRENGTH_EDGES = (0.25, 0.75, 1.5)  # |w| bins for link width
MANY_LINKS = 1000  # above this, link items are re-stroked one per frame
# Items that change less often than every frame are painted from a pixmap
# cache, so a frame repaints them without running their Python paint code.
CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


def link_colour(colour: tuple[int, int, int], alpha: int, paper: QColor) -> QColor:
    """``colour`` at ``alpha`` over the paper, as an opaque colour.

    Qt strokes a translucent pen's whole path as one polygon (so that crossings
    are not blended twice): 8,192 links took 200 ms that way, 14 ms opaque.
    """
    a = alpha / 255
    paper_rgb = (paper.red(), paper.green(), paper.blue())
    return QColor(*(round(a * c + (1 - a) * p) for c, p in zip(colour, paper_rgb, strict=True)))


class NetworkLinks:
    """The links drawn in ``view``, coloured by sign and widened by strength."""

    def __init__(self, view: pg.ViewBox) -> None:
        self.items: dict[tuple[int, int], pg.PlotCurveItem] = {}
        paper = pg.mkColor(pg.getConfigOption("background"))
        for sign, colour in ((1, BLUE), (-1, ORANGE)):
            for level in range(len(STRENGTH_EDGES) + 1):
                pen = pg.mkPen(link_colour(colour, 90 + 45 * level, paper),
                               width=0.6 + 1.3 * level)
                item = pg.PlotCurveItem(connect="pairs", pen=pen)
                view.addItem(item)
                # Over the mosaic's gaps, where links run; stronger ones on top.
                item.setZValue(1 + 0.01 * level)
                item.setCacheMode(CACHED)
                self.items[(sign, level)] = item
        self.segments = np.zeros((0, 4))
        self.info = np.zeros((0, 3), dtype=int)   # layer, from, to
        self.weights = np.zeros(0)
        self._masks: dict[tuple[int, int], np.ndarray] = {}  # which links each item draws
        self._next_item = 0

    def lay_out(self, layout: NetworkLayout, model: ModelSnapshot,
                features: tuple[str, ...]) -> None:
        """One segment per weight, built per layer with broadcasting (thousands of links).

        Only the layout moves the segments, so they are built once per layout.
        """
        segments, info = [], []
        for layer, (W, _) in enumerate(model.weights):
            n_in, n_out = W.shape
            sources = ([FEATURE_NAMES.index(f) for f in features] if layer == 0
                       else list(range(n_in)))
            start = layout.anchors(layer, sources, "right")             # (n_in, 2)
            end = layout.anchors(layer + 1, list(range(n_out)), "left")  # (n_out, 2)
            pairs = np.concatenate([np.repeat(start, n_out, axis=0), np.tile(end, (n_in, 1))],
                                   axis=1)
            segments.append(pairs)
            i, j = np.divmod(np.arange(n_in * n_out), n_out)
            info.append(np.column_stack([np.full(n_in * n_out, layer), i, j]))
        self.segments = np.concatenate(segments) if segments else np.zeros((0, 4))
        self.info = np.concatenate(info) if info else np.zeros((0, 3), int)
        self._masks = {}

    def draw(self, model: ModelSnapshot, relayout: bool) -> None:
        """Colour and width from the model's weights."""
        weights = [W.reshape(-1) for W, _ in model.weights]
        self.weights = np.concatenate(weights).astype(float) if weights else np.zeros(0)
        levels = np.searchsorted(STRENGTH_EDGES, np.abs(self.weights))
        bins = np.sign(self.weights) * (levels + 1)  # ±(level + 1); 0: not drawn
        # Weights cross a width or colour boundary now and then; an item whose
        # links stayed put keeps its cached pixmap (re-stroking is the costliest
        # paint in the window).  With thousands of links one item at a time is
        # re-stroked, in turn, so that no paint takes all of them (at 32 × 8 a
        # frame that re-stroked every item made the event loop 20 ms late).
        keys = list(self.items)
        budget = len(keys) if relayout or len(self.segments) <= MANY_LINKS else 1
        start = self._next_item
        for key in keys[start:] + keys[:start]:
            if budget == 0:
                break
            mask = bins == key[0] * (key[1] + 1)
            if key in self._masks and np.array_equal(self._masks[key], mask):
                continue
            budget -= 1
            self._next_item = (keys.index(key) + 1) % len(keys)
            self._masks[key] = mask
            s = self.segments[mask]
            xs = np.column_stack([s[:, 0], s[:, 2]]).ravel()
            ys = np.column_stack([s[:, 1], s[:, 3]]).ravel()
            self.items[key].setData(xs, ys)

    def hit(self, point: QPointF, tolerance: float) -> int | None:
        """The index of the link within ``tolerance`` of ``point``, if any."""
        if not len(self.segments):
            return None
        p = np.array([point.x(), point.y()])
        a, b = self.segments[:, :2], self.segments[:, 2:]
        ab = b - a
        t = np.clip(((p - a) * ab).sum(axis=1) / np.maximum((ab * ab).sum(axis=1), 1e-9), 0, 1)
        distance = np.hypot(*(a + t[:, None] * ab - p).T)
        best = int(distance.argmin())
        return best if distance[best] <= tolerance else None

    def ends(self, index: int) -> tuple[int, int, int]:
        """Layer, source and target unit of link ``index``."""
        layer, i, j = (int(v) for v in self.info[index])
        return layer, i, j
