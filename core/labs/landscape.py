"""A 2D loss surface as a landscape to draw in 3D: heights on a grid and on paths.

Losses like Rosenbrock's span six orders of magnitude, so a surface whose values
range widely is drawn on a log scale (log10(1 + loss − lowest)) — otherwise the
valley where every optimiser walks would look flat.  Heights are then mapped
to about a third of the plane's width, so the landscape is neither a needle nor
a sheet.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.labs.descent import Surface

LOG_BEYOND = 100.0  # a surface whose values span more than this is drawn on a log scale


@dataclass(frozen=True)
class Landscape:
    """``heights[i, j]`` over ``w1[i]``, ``w2[j]``, in drawing units; see :meth:`height`."""

    w1: np.ndarray
    w2: np.ndarray
    heights: np.ndarray
    low: float
    logarithmic: bool
    scale: float

    def height(self, values: np.ndarray) -> np.ndarray:
        """Drawing heights of loss ``values`` (e.g. a path's), by the grid's transform."""
        v = np.asarray(values, dtype=np.float64) - self.low
        with np.errstate(all="ignore"):
            v = np.log10(1 + np.maximum(v, 0)) if self.logarithmic else v
        return np.clip(v * self.scale, 0, self.heights.max() * 1.5)

    def on_surface(self, points: np.ndarray, values: np.ndarray) -> np.ndarray:
        """A walk's points ``(n, 2)`` as 3D positions ``(m, 3)``, ``m ≤ n``: it ends where
        the walk first leaves the drawn square or stops being finite (a divergence)."""
        points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
        values = np.asarray(values, dtype=np.float64)
        inside = (np.isfinite(points).all(axis=1) & np.isfinite(values)
                  & (points[:, 0] >= self.w1[0]) & (points[:, 0] <= self.w1[-1])
                  & (points[:, 1] >= self.w2[0]) & (points[:, 1] <= self.w2[-1]))
        end = len(points) if inside.all() else int(np.argmin(inside))
        return np.column_stack([points[:end], self.height(values[:end])])


def landscape(surface: Surface, resolution: int = 80) -> Landscape:
    """The surface's landscape at ``resolution``² points (float32 heights)."""
    w1, w2, values = surface.grid(resolution)
    finite = values[np.isfinite(values)]
    low = float(finite.min()) if finite.size else 0.0
    span = float(finite.max()) - low if finite.size else 1.0
    logarithmic = span > LOG_BEYOND
    shifted = np.where(np.isfinite(values), values - low, span)
    shaped = np.log10(1 + shifted) if logarithmic else shifted
    top = float(shaped.max()) or 1.0
    width = max(surface.extent[1] - surface.extent[0], surface.extent[3] - surface.extent[2])
    scale = width / 3 / top
    return Landscape(w1, w2, (shaped * scale).astype(np.float32), low, logarithmic, scale)
