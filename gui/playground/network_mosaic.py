"""The network diagram's tiles as one mosaic image.

All tiles are packed into one 8-bit indexed image (one ``ImageItem`` is much
faster than one per neuron); its pixels are mosaic pixels, scaled when the
worker sends smaller tiles.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QRectF

from core.playground.features import FEATURE_NAMES
from core.playground.snapshot import ModelSnapshot
from gui.colors import diverging_colormap, normalise_activation
from gui.image_item import ImageItem
from gui.playground.network_layout import TILE, NetworkLayout, Tile


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


class TileMosaic:
    """Every neuron's heatmap (and every input feature's) in one image in ``view``."""

    def __init__(self, view: pg.ViewBox) -> None:
        self.image = ImageItem(axisOrder="col-major")
        self.image.setLookupTable(mosaic_lookup_table())
        view.addItem(self.image)
        self.canvas = np.zeros((0, 0), dtype=np.uint8)
        self.feature_images: np.ndarray | None = None  # all features, active or not
        self._scale = 1.0
        self._rect: QRectF | None = None

    def lay_out(self, layout: NetworkLayout, side: int) -> None:
        """A blank canvas for ``layout`` with tiles ``side`` pixels wide.

        The worker sends smaller tiles for wide layers: the mosaic is then
        coloured at that size and scaled up to the layout's.
        """
        self._scale = side / TILE
        self.canvas = np.zeros((round(layout.width * self._scale),
                                round(layout.height * self._scale)), dtype=np.uint8)
        self._rect = QRectF(0, 0, layout.width, layout.height)  # once it has pixels

    def _tile_indices(self, tiles: list[Tile], model: ModelSnapshot,
                      features: tuple[str, ...]) -> Iterator[tuple[Tile, np.ndarray]]:
        """Each tile with its colour-table rows, converted a whole column at a
        time: one numpy call per layer rather than per tile (per tile it was a
        third of what a frame cost in Python)."""
        layers = model.grid.tiles
        shown = mosaic_indices(layers[0])
        faded = None
        if self.feature_images is not None:
            stride = TILE // shown.shape[1]
            faded = mosaic_indices(0.25 * self.feature_images[:, ::stride, ::stride])
        for tile in tiles:
            if tile.column == 0:
                name = FEATURE_NAMES[tile.unit]
                if name in features:
                    yield tile, shown[features.index(name)]
                elif faded is not None:
                    yield tile, faded[tile.unit]
        for column in range(1, len(layers)):
            values = mosaic_indices(
                normalise_activation(layers[column], model.activations[column - 1]))
            for tile in tiles:
                if tile.column == column:
                    yield tile, values[tile.unit]

    def draw(self, tiles: list[Tile], model: ModelSnapshot, features: tuple[str, ...]) -> None:
        canvas = self.canvas
        canvas.fill(0)  # transparent between tiles: the theme's paper shows
        k = self._scale
        for tile, rows in self._tile_indices(tiles, model, features):
            x, y = round(tile.x * k), round(tile.y * k)
            w, h = rows.shape
            canvas[x:x + w, y:y + h] = rows
        self.image.setImage(canvas, autoLevels=False)
        if self._rect is not None:
            self.image.setRect(self._rect)
            self._rect = None
