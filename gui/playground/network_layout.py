"""Where the network diagram's tiles go, in mosaic pixels, for a view's shape.

Geometry only (no drawing): the tiles' corners, where links leave and enter
them, which tile a point is on, and the tiles' frames.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from core.playground.features import FEATURE_NAMES
from core.playground.grid import TILE_SIDE
from gui.display_names import feature_label

TILE = TILE_SIDE   # pixels per tile side: one per grid point the worker sends
COLUMN_PITCH = 96  # pixels from one layer's tiles to the next
ROW_PITCH = 38


@dataclass(frozen=True)
class Tile:
    column: int  # 0 = input features, then hidden layers, then output
    unit: int    # index within the column (for inputs: index in FEATURE_NAMES)
    x: float     # lower-left corner in mosaic pixels
    y: float


def label_room() -> int:
    """Pixels left of the inputs for their names, in the application's font."""
    metrics = QFontMetrics(QApplication.font())
    return max(metrics.horizontalAdvance(feature_label(name)) for name in FEATURE_NAMES) + 12


def _pitches(sizes: list[int], view: QSize) -> tuple[float, float]:
    """Column and row pitch that spread the diagram over the view's shape.

    A deep, wide network laid out at a fixed pitch was a tall narrow
    column with tiles a few pixels wide: columns move apart to use the
    width, and rows of many neurons close up.
    """
    row_pitch = float(ROW_PITCH if max(sizes) <= 16 else TILE + 4)
    width = max(view.width() - label_room(), 50)
    height = max(view.height(), 50)
    wanted = width / height * (max(sizes) * row_pitch + 30) - TILE
    column_pitch = min(max(wanted / max(len(sizes) - 1, 1), COLUMN_PITCH), 3 * COLUMN_PITCH)
    return float(2 * round(column_pitch / 2)), row_pitch  # even: see the tiles' y


class NetworkLayout:
    """The tiles of columns of ``sizes`` neurons (inputs first) laid out for ``view``."""

    def __init__(self, sizes: list[int], view: QSize) -> None:
        self.columns = len(sizes)
        self.column_pitch, row_pitch = _pitches(sizes, view)
        self.height = max(sizes) * row_pitch
        self.width = (len(sizes) - 1) * self.column_pitch + TILE
        self.tiles: list[Tile] = []
        self._index: dict[tuple[int, int], Tile] = {}
        for column, n in enumerate(sizes):
            # A short column beside a tall one spreads out (its labels need room).
            pitch = max(row_pitch, min(self.height / n, 2 * ROW_PITCH))
            top = self.height - (self.height - n * pitch) / 2
            for unit in range(n):
                y = top - (unit + 1) * pitch + (pitch - TILE) / 2
                # Even, so that a half-size tile starts on a whole pixel too.
                tile = Tile(column, unit, column * self.column_pitch, 2 * round(y / 2))
                self.tiles.append(tile)
                self._index[(column, unit)] = tile

    def tile_at(self, column: int, unit: int) -> Tile:
        return self._index[(column, unit)]

    def has(self, column: int, unit: int) -> bool:
        return (column, unit) in self._index

    def hit(self, point: QPointF) -> Tile | None:
        """The tile under ``point`` (mosaic pixels), if any."""
        for tile in self.tiles:
            if tile.x <= point.x() <= tile.x + TILE and tile.y <= point.y() <= tile.y + TILE:
                return tile
        return None

    def anchors(self, column: int, units: list[int], side: str) -> np.ndarray:
        """``(n, 2)`` points where links leave (right) or enter (left) these tiles."""
        tiles = [self.tile_at(column, u) for u in units]
        dx = TILE if side == "right" else 0.0
        return np.array([(t.x + dx, t.y + TILE / 2) for t in tiles], dtype=float)

    def frame_points(self) -> np.ndarray:
        """``(8 n, 2)`` pairs of points: the four sides of every tile."""
        points = []
        for tile in self.tiles:
            x0, y0, x1, y1 = tile.x, tile.y, tile.x + TILE, tile.y + TILE
            points += [(x0, y0), (x1, y0), (x1, y0), (x1, y1),
                       (x1, y1), (x0, y1), (x0, y1), (x0, y0)]
        return np.array(points, dtype=float)
