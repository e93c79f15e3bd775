"""The network diagram: a heatmap tile for every neuron, links coloured by weight.

The view coordinates the parts: :mod:`~gui.playground.network_layout` places
the tiles, :mod:`~gui.playground.network_mosaic` paints them as one image,
:mod:`~gui.playground.network_links` draws the links, and
:mod:`~gui.playground.network_text` words the tooltips.  Coordinates are
mosaic pixels.  Hovering a tile shows the neuron's formula with live numbers,
hovering a link its weight; clicking a hidden or output tile selects it,
clicking an input tile toggles that feature.  Clicking a link opens an editor
for its weight, right-clicking a neuron offers its bias (see
:mod:`gui.playground.parameter_editor`).
"""

from __future__ import annotations

from functools import partial

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, Signal
from PySide6.QtWidgets import QToolTip

from core.playground.edit import EditParameter
from core.playground.features import FEATURE_NAMES
from core.playground.snapshot import ModelSnapshot
from gui.playground import network_text
from gui.playground.network_labels import NetworkLabels
from gui.playground.network_layout import TILE, NetworkLayout, Tile
from gui.playground.network_links import CACHED, NetworkLinks
from gui.playground.network_mosaic import TileMosaic
from gui.playground.parameter_editor import ParameterEditor


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
        self.tile_mosaic = TileMosaic(self.view)
        self.mosaic = self.tile_mosaic.image
        self.links = NetworkLinks(self.view)
        self.frames = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen("#999", width=1))
        self.selection = pg.PlotCurveItem(connect="pairs", pen=pg.mkPen("#222", width=2.5))
        for item in (self.frames, self.selection):
            self.view.addItem(item)
            item.setCacheMode(CACHED)
        self.labels = NetworkLabels(self.view)
        self.placement: NetworkLayout | None = None
        self.tiles: list[Tile] = []
        self.selected: tuple[int, int] | None = None
        self._layout_key: tuple | None = None
        self._model: ModelSnapshot | None = None
        self._features: tuple[str, ...] = ()
        self.editor = ParameterEditor(self.viewport())
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def set_feature_images(self, images: np.ndarray) -> None:
        """Tiles of every possible input feature ``(n_features, t, t)``.

        Inactive features are drawn too (dimmed), so they can be clicked on.
        """
        self.tile_mosaic.feature_images = images
        self._layout_key = None  # the inputs' pictures and names may have changed

    # -- layout ---------------------------------------------------------------------
    def _relayout(self, model: ModelSnapshot, features: tuple[str, ...]) -> None:
        layout = NetworkLayout([len(FEATURE_NAMES), *model.layer_sizes[1:]],
                               self.viewport().size())
        self.placement, self.tiles = layout, layout.tiles
        self.tile_mosaic.lay_out(layout, model.grid.tiles[0].shape[1])
        self.labels.lay_out(layout, self.viewport().size())
        frames = layout.frame_points()
        self.frames.setData(frames[:, 0], frames[:, 1])
        self.links.lay_out(layout, model, features)

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
        self.tile_mosaic.draw(self.tiles, model, features)
        if relayout or links:
            self.links.draw(model, relayout)
        self._draw_selection()

    def _draw_selection(self) -> None:
        placement, selected = self.placement, self.selected
        if selected is None or placement is None or not placement.has(*selected):
            self.selection.setData([], [])
            return
        t = placement.tile_at(*selected)
        x0, y0, x1, y1 = t.x - 2, t.y - 2, t.x + TILE + 2, t.y + TILE + 2
        xs = [x0, x1, x1, x1, x1, x0, x0, x0]
        ys = [y0, y0, y0, y1, y1, y1, y1, y0]
        self.selection.setData(xs, ys)

    # -- hover and click -----------------------------------------------------------
    def neuron_name(self, column: int, unit: int) -> str:
        return network_text.neuron_name(self._model, column, unit)

    def neuron_formula(self, column: int, unit: int) -> str:
        """The neuron's computation with the current numbers, as plain text."""
        return network_text.neuron_formula(self._model, self._features, column, unit)

    def _hit_tile(self, point: QPointF) -> Tile | None:
        return self.placement.hit(point) if self.placement is not None else None

    def _link_at(self, point: QPointF) -> int | None:
        """The link within 4 screen pixels of ``point`` (view coordinates), if any."""
        return self.links.hit(point, tolerance=4 * self.view.viewPixelSize()[0])

    def _link_ends(self, index: int) -> tuple[str, str]:
        """The names of the input or neuron a link leaves and the neuron it enters."""
        return network_text.link_ends(self._model, self._features, *self.links.ends(index))

    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        if self._model is None:
            return
        point = self.view.mapSceneToView(scene_pos)
        tile = self._hit_tile(point)
        index = self._link_at(point) if tile is None else None
        if tile is not None:
            text = network_text.tile_hover_text(self.neuron_formula(tile.column, tile.unit),
                                                tile.column)
        elif index is not None:
            text = network_text.link_hover_text(float(self.links.weights[index]),
                                                self._link_ends(index))
        else:
            QToolTip.hideText()
            return
        # mapFromScene gives viewport coordinates (a QPoint already).
        QToolTip.showText(self.viewport().mapToGlobal(self.mapFromScene(scene_pos)), text, self)

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
        layer, i, j = self.links.ends(index)
        title = self.tr("Weight {0} → {1}").format(*self._link_ends(index))
        self.editor.open_at(EditParameter("weight", layer, j, 0.0, source=i), title,
                            float(self.links.weights[index]), where)

    def _edit_bias(self, column: int, unit: int, where: QPoint) -> None:
        sizes = self._model.layer_sizes if self._model is not None else ()
        if not (0 < column < len(sizes) and unit < sizes[column]):
            return  # the network was rebuilt smaller while the menu was open
        bias = float(self._model.weights[column - 1][1][unit])
        title = self.tr("Bias of {0}").format(self.neuron_name(column, unit))
        self.editor.open_at(EditParameter("bias", column - 1, unit, 0.0), title, bias, where)
