"""The network diagram: a heatmap tile for every neuron, links coloured by weight.

All tiles are packed into one mosaic image (one ``ImageItem`` is much faster
than one per neuron) and the links into a few line items binned by sign and
strength.  Coordinates are mosaic pixels.  Hovering a tile shows the neuron's
formula with live numbers, hovering a link its weight; clicking a hidden or
output tile selects it, clicking an input tile toggles that feature.  Clicking
a link opens an editor for its weight, right-clicking a neuron offers its bias
(see :mod:`gui.playground.parameter_editor`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QGraphicsItem, QToolTip

from core.nn.layers import NORM_EPSILON
from core.playground.edit import EditParameter
from core.playground.features import FEATURE_NAMES
from core.playground.grid import TILE_SIDE
from core.playground.snapshot import ModelSnapshot
from gui.colors import BLUE, ORANGE, diverging_colormap, normalise_activation
from gui.display_names import feature_label, feature_text
from gui.image_item import ImageItem
from gui.playground.parameter_editor import ParameterEditor
from gui.theme import plot_ink

TILE = TILE_SIDE   # pixels per tile side: one per grid point the worker sends
COLUMN_PITCH = 96  # pixels from one layer's tiles to the next
ROW_PITCH = 38
STRENGTH_EDGES = (0.25, 0.75, 1.5)  # |w| bins for link width
MANY_LINKS = 1000  # above this, link items are re-stroked one per frame
# Items that change less often than every frame are painted from a pixmap
# cache, so a frame repaints them without running their Python paint code.
CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


def mosaic_indices(values: np.ndarray) -> np.ndarray:
    """Activations in [−1, 1] as colour-table rows 1–255 (row 0 is the transparent gap).

    An 8-bit indexed image with a colour table is what Qt draws without any
    per-pixel work in Python; float tiles with NaN gaps cost pyqtgraph 2–3 ms
    a frame to colour and mask.
    """
    scaled = np.nan_to_num(values, nan=0.0) * 127.0 + 128.0
    return np.clip(scaled, 1.0, 255.0).astype(np.uint8)


def mosaic_lookup_table() -> np.ndarray:
    """``(256, 4)`` RGBA: row 0 transparent, rows 1–255 the diverging map from −1 to +1."""
    table = np.zeros((256, 4), dtype=np.uint8)
    table[1:] = diverging_colormap().getLookupTable(0.0, 1.0, 255, alpha=True)
    return table


def link_colour(colour: tuple[int, int, int], alpha: int, paper: QColor) -> QColor:
    """``colour`` at ``alpha`` over the paper, as an opaque colour.

    Qt strokes a translucent pen's whole path as one polygon (so that crossings
    are not blended twice): 8,192 links took 200 ms that way, 14 ms opaque.
    """
    a = alpha / 255
    paper_rgb = (paper.red(), paper.green(), paper.blue())
    return QColor(*(round(a * c + (1 - a) * p) for c, p in zip(colour, paper_rgb, strict=True)))


@dataclass(frozen=True)
class Tile:
    column: int  # 0 = input features, then hidden layers, then output
    unit: int    # index within the column (for inputs: index in FEATURE_NAMES)
    x: float     # lower-left corner in mosaic pixels
    y: float


def _format_term(weight: float, name: str) -> str:
    sign = "−" if weight < 0 else "+"
    return f" {sign} {abs(weight):.2f}·{name}"


class NetworkView(pg.GraphicsLayoutWidget):
    """Draws a :class:`ModelSnapshot` as a layered diagram of neuron heatmaps."""

    _model: ModelSnapshot | None = None  # resizeEvent comes during __init__ already
    neuron_clicked = Signal(int, int)  # column (layer index in grid.layers), unit
    feature_toggled = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent=parent)
        self.setBackground(pg.getConfigOption("background"))
        self.view = self.addViewBox(lockAspect=True, enableMouse=False, invertY=False)
        self.view.setMenuEnabled(False)
        self.mosaic = ImageItem(axisOrder="col-major")
        self.mosaic.setLookupTable(mosaic_lookup_table())
        self.view.addItem(self.mosaic)
        self.links: dict[tuple[int, int], pg.PlotCurveItem] = {}
        paper = pg.mkColor(pg.getConfigOption("background"))
        for sign, colour in ((1, BLUE), (-1, ORANGE)):
            for level in range(len(STRENGTH_EDGES) + 1):
                pen = pg.mkPen(link_colour(colour, 90 + 45 * level, paper),
                               width=0.6 + 1.3 * level)
                item = pg.PlotCurveItem(connect="pairs", pen=pen)
                self.view.addItem(item)
                # Over the mosaic's gaps, where links run; stronger ones on top.
                item.setZValue(1 + 0.01 * level)
                item.setCacheMode(CACHED)
                self.links[(sign, level)] = item
        self.frames = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen("#999", width=1))
        self.selection = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen("#222", width=2.5))
        self.view.addItem(self.frames)
        self.view.addItem(self.selection)
        self.frames.setCacheMode(CACHED)
        self.selection.setCacheMode(CACHED)
        self.labels: list[pg.TextItem] = []
        self.tiles: list[Tile] = []
        self.selected: tuple[int, int] | None = None
        self._layout_key: tuple | None = None
        self._next_link_item = 0
        self._scale = 1.0
        self._model: ModelSnapshot | None = None
        self._features: tuple[str, ...] = ()
        self._segments = np.zeros((0, 4))
        self._tile_index: dict[tuple[int, int], Tile] = {}
        self._segment_info = np.zeros((0, 3), dtype=int)   # layer, from, to
        self._segment_weights = np.zeros(0)
        self._link_masks: dict[tuple[int, int], np.ndarray] = {}  # which links each item draws
        self._static_features: np.ndarray | None = None
        self.editor = ParameterEditor(self.viewport())
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def set_feature_images(self, images: np.ndarray) -> None:
        """Tiles of every possible input feature ``(n_features, t, t)``.

        Inactive features are drawn too (dimmed), so they can be clicked on.
        """
        self._static_features = images
        self._layout_key = None  # the inputs' pictures and names may have changed

    # -- layout ---------------------------------------------------------------------
    def _column_sizes(self, model: ModelSnapshot) -> list[int]:
        return [len(FEATURE_NAMES), *model.layer_sizes[1:]]

    def _pitches(self, sizes: list[int]) -> tuple[float, float]:
        """Column and row pitch that spread the diagram over the view's shape.

        A deep, wide network laid out at a fixed pitch was a tall narrow
        column with tiles a few pixels wide: columns move apart to use the
        width, and rows of many neurons close up.
        """
        row_pitch = float(ROW_PITCH if max(sizes) <= 16 else TILE + 4)
        view = self.viewport().size()
        width = max(view.width() - self._label_room(), 50)
        height = max(view.height(), 50)
        wanted = width / height * (max(sizes) * row_pitch + 30) - TILE
        column_pitch = min(max(wanted / max(len(sizes) - 1, 1), COLUMN_PITCH), 3 * COLUMN_PITCH)
        return float(2 * round(column_pitch / 2)), row_pitch  # even: see the tiles' y

    def _label_room(self) -> int:
        """Pixels left of the inputs for their names, in the application's font."""
        metrics = QFontMetrics(QApplication.font())
        return max(metrics.horizontalAdvance(feature_label(name)) for name in FEATURE_NAMES) + 12

    def _relayout(self, model: ModelSnapshot, features: tuple[str, ...]) -> None:
        sizes = self._column_sizes(model)
        column_pitch, row_pitch = self._pitches(sizes)
        rows = max(sizes)
        height = rows * row_pitch
        self.tiles = []
        self._tile_index: dict[tuple[int, int], Tile] = {}
        for column, n in enumerate(sizes):
            # A short column beside a tall one spreads out (its labels need room).
            pitch = max(row_pitch, min(height / n, 2 * ROW_PITCH))
            top = height - (height - n * pitch) / 2
            for unit in range(n):
                y = top - (unit + 1) * pitch + (pitch - TILE) / 2
                # Even, so that a half-size tile starts on a whole pixel too.
                tile = Tile(column, unit, column * column_pitch, 2 * round(y / 2))
                self.tiles.append(tile)
                self._tile_index[(column, unit)] = tile
        width = (len(sizes) - 1) * column_pitch + TILE
        # The worker sends smaller tiles for wide layers: the mosaic is then
        # coloured at that size and scaled up to the layout's.
        side = model.grid.tiles[0].shape[1]
        self._scale = side / TILE
        self._canvas = np.zeros((round(width * self._scale), round(height * self._scale)),
                                dtype=np.uint8)
        self._mosaic_rect: QRectF | None = QRectF(0, 0, width, height)  # once it has pixels
        # Labels keep their size in pixels while the diagram scales: room for
        # them is made in the view's pixels, converted at the scale it will have.
        font = QApplication.font()
        line = QFontMetrics(font).height() + 4
        view = self.viewport().size()
        title_room = QFontMetrics(font).horizontalAdvance(self.tr("output")) / 2
        scale = min(max(view.width() - self._label_room() - title_room, 50) / width,
                    max(view.height() - line, 50) / height)
        margin, bottom = self._label_room() / scale, line / scale
        right = QFontMetrics(font).horizontalAdvance(self.tr("output")) / 2 / scale
        self.view.setRange(QRectF(-margin, -bottom, width + margin + right, height + bottom + 6),
                           padding=0.0)
        for label in self.labels:
            self.view.removeItem(label)
        self.labels = []
        titles = [self.tr("inputs")]
        # Short titles when the columns are narrow on screen.
        long_title = self.tr("layer {0}")
        gap = QFontMetrics(font).averageCharWidth()  # between neighbouring titles
        fits = QFontMetrics(font).horizontalAdvance(long_title.format(8)) + 2 * gap < \
            column_pitch * scale
        layer_title = long_title if fits else self.tr("L{0}")
        titles += [layer_title.format(i) for i in range(1, len(sizes) - 1)]
        titles.append(self.tr("output"))
        for column, title in enumerate(titles):
            label = pg.TextItem(title, color=plot_ink(), anchor=(0.5, 0))
            label.setPos(column * column_pitch + TILE / 2, -2)
            self._add_label(label, font)
        for tile in self.tiles:
            if tile.column == 0:
                label = pg.TextItem(feature_label(FEATURE_NAMES[tile.unit]), color=plot_ink(),
                                    anchor=(1, 0.5))
                label.setPos(tile.x - 3, tile.y + TILE / 2)
                self._add_label(label, font)
        frame_segments = []
        for tile in self.tiles:
            x0, y0, x1, y1 = tile.x, tile.y, tile.x + TILE, tile.y + TILE
            frame_segments += [(x0, y0), (x1, y0), (x1, y0), (x1, y1),
                               (x1, y1), (x0, y1), (x0, y1), (x0, y0)]
        frames = np.array(frame_segments, dtype=float)
        self.frames.setData(frames[:, 0], frames[:, 1])

    def _add_label(self, label: pg.TextItem, font: QFont) -> None:
        label.setFont(font)
        label.setCacheMode(CACHED)
        self.view.addItem(label)
        self.labels.append(label)

    def _redo_layout(self) -> None:
        """Lay the diagram out again for a new view size or font, if one is drawn."""
        self._layout_key = None
        if self._model is not None:
            self.show_model(self._model, self._features)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)  # pyqtgraph also calls it with None
        self._redo_layout()

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:
            self._redo_layout()  # View → Text size: labels and the room for them follow
        return super().event(event)

    # -- drawing ----------------------------------------------------------------------
    def show_model(self, model: ModelSnapshot, features: tuple[str, ...],
                   links: bool = True) -> None:
        """Draw ``model``; links only when ``links`` (the page spreads costly redraws)."""
        key = (model.layer_sizes, features, model.grid.tiles[0].shape)
        relayout = key != self._layout_key
        if relayout:
            self._layout_key = key
            self._relayout(model, features)
            self.editor.cancel()  # its link or neuron may be gone
        self._model, self._features = model, features
        self._draw_tiles(model, features)
        if relayout or links:
            self._draw_links(model, features, relayout)
        self._draw_selection()

    def _tile_indices(self, model: ModelSnapshot, features: tuple[str, ...]):
        """Each tile with its colour-table rows, converted a whole column at a
        time: one numpy call per layer rather than per tile (per tile it was a
        third of what a frame cost in Python)."""
        layers = model.grid.tiles
        shown = mosaic_indices(layers[0])
        faded = None
        if self._static_features is not None:
            stride = TILE // shown.shape[1]
            faded = mosaic_indices(0.25 * self._static_features[:, ::stride, ::stride])
        for tile in self.tiles:
            if tile.column == 0:
                name = FEATURE_NAMES[tile.unit]
                if name in features:
                    yield tile, shown[features.index(name)]
                elif faded is not None:
                    yield tile, faded[tile.unit]
        for column in range(1, len(layers)):
            values = mosaic_indices(
                normalise_activation(layers[column], model.activations[column - 1]))
            for tile in self.tiles:
                if tile.column == column:
                    yield tile, values[tile.unit]

    def _draw_tiles(self, model: ModelSnapshot, features: tuple[str, ...]) -> None:
        canvas = self._canvas
        canvas.fill(0)  # transparent between tiles: the theme's paper shows
        k = self._scale
        for tile, rows in self._tile_indices(model, features):
            x, y = round(tile.x * k), round(tile.y * k)
            w, h = rows.shape
            canvas[x:x + w, y:y + h] = rows
        self.mosaic.setImage(canvas, autoLevels=False)
        if self._mosaic_rect is not None:
            self.mosaic.setRect(self._mosaic_rect)
            self._mosaic_rect = None

    def _tile_at(self, column: int, unit: int) -> Tile:
        return self._tile_index[(column, unit)]

    def _anchors(self, column: int, units: list[int], side: str) -> np.ndarray:
        """``(n, 2)`` points where links leave (right) or enter (left) these tiles."""
        tiles = [self._tile_at(column, u) for u in units]
        dx = TILE if side == "right" else 0.0
        return np.array([(t.x + dx, t.y + TILE / 2) for t in tiles], dtype=float)

    def _link_geometry(self, model: ModelSnapshot, features: tuple[str, ...]) -> None:
        """One segment per weight, built per layer with broadcasting (thousands of links).

        Only the layout moves the segments, so they are built once per layout.
        """
        segments, info = [], []
        for layer, (W, _) in enumerate(model.weights):
            n_in, n_out = W.shape
            sources = ([FEATURE_NAMES.index(f) for f in features] if layer == 0
                       else list(range(n_in)))
            start = self._anchors(layer, sources, "right")             # (n_in, 2)
            end = self._anchors(layer + 1, list(range(n_out)), "left")  # (n_out, 2)
            pairs = np.concatenate([np.repeat(start, n_out, axis=0), np.tile(end, (n_in, 1))],
                                   axis=1)
            segments.append(pairs)
            i, j = np.divmod(np.arange(n_in * n_out), n_out)
            info.append(np.column_stack([np.full(n_in * n_out, layer), i, j]))
        self._segments = np.concatenate(segments) if segments else np.zeros((0, 4))
        self._segment_info = np.concatenate(info) if info else np.zeros((0, 3), int)
        self._link_masks = {}

    def _draw_links(self, model: ModelSnapshot, features: tuple[str, ...],
                    relayout: bool = False) -> None:
        if relayout:
            self._link_geometry(model, features)
        weights = [W.reshape(-1) for W, _ in model.weights]
        self._segment_weights = np.concatenate(weights).astype(float) if weights else np.zeros(0)
        levels = np.searchsorted(STRENGTH_EDGES, np.abs(self._segment_weights))
        bins = np.sign(self._segment_weights) * (levels + 1)  # ±(level + 1); 0: not drawn
        # Weights cross a width or colour boundary now and then; an item whose
        # links stayed put keeps its cached pixmap (re-stroking is the costliest
        # paint in the window).  With thousands of links one item at a time is
        # re-stroked, in turn, so that no paint takes all of them (at 32 × 8 a
        # frame that re-stroked every item made the event loop 20 ms late).
        keys = list(self.links)
        budget = len(keys) if relayout or len(self._segments) <= MANY_LINKS else 1
        start = self._next_link_item
        for key in keys[start:] + keys[:start]:
            if budget == 0:
                break
            mask = bins == key[0] * (key[1] + 1)
            if key in self._link_masks and np.array_equal(self._link_masks[key], mask):
                continue
            budget -= 1
            self._next_link_item = (keys.index(key) + 1) % len(keys)
            self._link_masks[key] = mask
            s = self._segments[mask]
            xs = np.column_stack([s[:, 0], s[:, 2]]).ravel()
            ys = np.column_stack([s[:, 1], s[:, 3]]).ravel()
            self.links[key].setData(xs, ys)

    def _draw_selection(self) -> None:
        if self.selected is None or not any(
            (t.column, t.unit) == self.selected for t in self.tiles
        ):
            self.selection.setData([], [])
            return
        t = self._tile_at(*self.selected)
        x0, y0, x1, y1 = t.x - 2, t.y - 2, t.x + TILE + 2, t.y + TILE + 2
        xs = [x0, x1, x1, x1, x1, x0, x0, x0]
        ys = [y0, y0, y0, y1, y1, y1, y1, y0]
        self.selection.setData(xs, ys)

    # -- hover and click -----------------------------------------------------------
    def _hit_tile(self, point: QPointF) -> Tile | None:
        for tile in self.tiles:
            if tile.x <= point.x() <= tile.x + TILE and tile.y <= point.y() <= tile.y + TILE:
                return tile
        return None

    def _hit_link(self, point: QPointF, tolerance: float) -> int | None:
        if not len(self._segments):
            return None
        p = np.array([point.x(), point.y()])
        a, b = self._segments[:, :2], self._segments[:, 2:]
        ab = b - a
        t = np.clip(((p - a) * ab).sum(axis=1) / np.maximum((ab * ab).sum(axis=1), 1e-9), 0, 1)
        distance = np.hypot(*(a + t[:, None] * ab - p).T)
        best = int(distance.argmin())
        return best if distance[best] <= tolerance else None

    def neuron_name(self, column: int, unit: int) -> str:
        if column == 0:
            return feature_label(FEATURE_NAMES[unit])
        if self._model is not None and column == len(self._model.layer_sizes) - 1:
            return self.tr("output {0}").format(unit + 1)
        return self.tr("L{0}·N{1}").format(column, unit + 1)

    def neuron_formula(self, column: int, unit: int) -> str:
        """The neuron's computation with the current numbers, as plain text."""
        model = self._model
        if model is None or column == 0:
            name = FEATURE_NAMES[unit]
            active = name in self._features
            return self.tr("input feature {0}{1}").format(
                feature_text(name), "" if active else self.tr(" (off — click to use it)"))
        W, b = model.weights[column - 1]
        if column == 1:
            inputs = [feature_label(f) for f in self._features]
        else:
            inputs = [self.neuron_name(column - 1, i) for i in range(W.shape[0])]
        terms = "".join(_format_term(float(W[i, unit]), inputs[i]) for i in range(W.shape[0]))
        terms = terms.removeprefix(" + ").removeprefix(" ")
        activation = model.activations[column - 1]
        weighted_sum = self.tr("{0} {1} {2:.2f}").format(
            terms, "−" if b[unit] < 0 else "+", abs(float(b[unit])))
        if column - 1 < len(model.norms) and len(model.norms[column - 1]) == 2:
            gamma, beta = (float(a[unit]) for a in model.norms[column - 1])
            return self.tr("{0} = {1}({2:.2f}·(z − μ) / σ {3} {4:.2f})\nz = {5}\n(layer norm: "
                           "μ and σ are the mean and spread of this layer's sums for the same "
                           "point; γ, β are learned)").format(
                self.neuron_name(column, unit), activation, gamma, "−" if beta < 0 else "+",
                abs(beta), weighted_sum)
        if column - 1 < len(model.norms):
            gamma, beta, mean, var = (float(a[unit]) for a in model.norms[column - 1])
            return self.tr("{0} = {1}({2:.2f}·(z − {3:.2f}) / {4:.2f} {5} {6:.2f})\n"
                           "z = {7}\n(batch norm: the sum is standardised, then scaled "
                           "and shifted by learned γ, β)").format(
                self.neuron_name(column, unit), activation, gamma, mean,
                float(np.sqrt(var + NORM_EPSILON)), "−" if beta < 0 else "+", abs(beta),
                weighted_sum)
        return self.tr("{0} = {1}({2})").format(
            self.neuron_name(column, unit), activation, weighted_sum)

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        if self._model is None:
            return
        point = self.view.mapSceneToView(scene_pos)
        tile = self._hit_tile(point)
        text = None
        if tile is not None:
            text = self.neuron_formula(tile.column, tile.unit)
            if tile.column > 0:
                text += "\n" + self.tr("Right-click to set its bias.")
        else:
            index = self._link_at(point)
            if index is not None:
                weight = float(self._segment_weights[index])
                text = self.tr("weight {0:+.3f}  ({1} → {2})").format(
                    weight, *self._link_ends(index)) + "\n" + self.tr(
                    "Click to edit this weight.")
        if text:
            # mapFromScene gives viewport coordinates (a QPoint already).
            where = self.viewport().mapToGlobal(self.mapFromScene(scene_pos))
            QToolTip.showText(where, text, self)
        else:
            QToolTip.hideText()

    def _link_at(self, point: QPointF) -> int | None:
        """The link within 4 screen pixels of ``point`` (view coordinates), if any."""
        return self._hit_link(point, tolerance=4 * self.view.viewPixelSize()[0])

    def _link_ends(self, index: int) -> tuple[str, str]:
        """The names of the input or neuron a link leaves and the neuron it enters."""
        layer, i, j = (int(v) for v in self._segment_info[index])
        source = feature_label(self._features[i]) if layer == 0 else self.neuron_name(layer, i)
        return source, self.neuron_name(layer + 1, j)

    def _on_scene_clicked(self, event) -> None:
        self.editor.cancel()  # a click anywhere in the diagram ends an open edit
        point = self.view.mapSceneToView(event.scenePos())
        tile = self._hit_tile(point)
        where = self.mapFromScene(event.scenePos())
        if event.button() == Qt.MouseButton.RightButton and tile is not None \
                and tile.column > 0:
            event.accept()
            self.editor.offer_bias(where, partial(self._edit_bias, tile.column, tile.unit, where))
        elif event.button() != Qt.MouseButton.LeftButton:
            return
        elif tile is None:
            index = self._link_at(point)
            if index is not None:
                event.accept()
                self._edit_weight(index, where)
        elif tile.column == 0:
            event.accept()
            self.feature_toggled.emit(FEATURE_NAMES[tile.unit])
        else:
            event.accept()
            self.neuron_clicked.emit(tile.column, tile.unit)

    # -- editing ------------------------------------------------------------------------
    def _edit_weight(self, index: int, where: QPoint) -> None:
        layer, i, j = (int(v) for v in self._segment_info[index])
        title = self.tr("Weight {0} → {1}").format(*self._link_ends(index))
        self.editor.open_at(EditParameter("weight", layer, j, 0.0, source=i), title,
                            float(self._segment_weights[index]), where)

    def _edit_bias(self, column: int, unit: int, where: QPoint) -> None:
        sizes = self._model.layer_sizes if self._model is not None else ()
        if not (0 < column < len(sizes) and unit < sizes[column]):
            return  # the network was rebuilt smaller while the menu was open
        bias = float(self._model.weights[column - 1][1][unit])
        title = self.tr("Bias of {0}").format(self.neuron_name(column, unit))
        self.editor.open_at(EditParameter("bias", column - 1, unit, 0.0), title, bias, where)
