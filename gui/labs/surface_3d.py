"""The 2D lab's loss surface as a 3D landscape, turned by dragging, with the paths on it.

pyqtgraph's OpenGL module draws it (PyOpenGL).  Where no OpenGL context can be
made — a remote desktop without GL, Qt's offscreen platform — the view says so
in words and the 2D map stays the place to look.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QStackedWidget, QWidget

from core.descent_lab import Surface
from core.landscape import Landscape, landscape

try:
    import pyqtgraph.opengl as gl
except ImportError:  # PyOpenGL missing: the view explains instead of drawing
    gl = None


def _rgba(color: tuple[int, int, int]) -> tuple[float, float, float, float]:
    return (color[0] / 255, color[1] / 255, color[2] / 255, 1.0)


class Surface3DView(QStackedWidget):
    """Landscape + one line per optimiser; ``usable`` is False when GL is not there."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.land: Landscape | None = None
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.message)
        self.view = None
        self.lines: list = []
        if gl is None:
            self._explain(self.tr("The 3D view needs PyOpenGL (pip install PyOpenGL); the 2D "
                                  "map shows the same surface from above."))
            return
        self.view = gl.GLViewWidget()
        self.view.setBackgroundColor("w")
        self.surface_item = gl.GLSurfacePlotItem(smooth=False, computeNormals=False)
        self.view.addItem(self.surface_item)
        self.addWidget(self.view)
        self.setCurrentWidget(self.view)
        self.view.setToolTip(self.tr("Drag to turn the landscape, scroll to zoom. Height is "
                                     "the loss; each line is an optimiser's walk."))

    def _explain(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    @property
    def usable(self) -> bool:
        """Whether the landscape can be drawn here (known once the view has been shown)."""
        return self.view is not None and self.currentWidget() is self.view

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.view is not None and self.view.isVisible() and not self.view.isValid():
            self._explain(self.tr("No OpenGL context could be made on this display, so the "
                                  "3D view is off; the 2D map shows the same surface."))

    def show_surface(self, surface: Surface) -> None:
        self.land = landscape(surface)
        if self.view is None:
            return
        land = self.land
        top = float(land.heights.max()) or 1.0
        colours = pg.colormap.get("viridis").map(land.heights / top, mode="float")
        self.surface_item.setData(x=land.w1, y=land.w2, z=land.heights,
                                  colors=colours.reshape(-1, 4))
        centre = pg.Vector((land.w1[0] + land.w1[-1]) / 2, (land.w2[0] + land.w2[-1]) / 2,
                           top / 2)
        width = max(land.w1[-1] - land.w1[0], land.w2[-1] - land.w2[0])
        self.view.setCameraPosition(pos=centre, distance=1.7 * width, elevation=32,
                                    azimuth=-60)
        self.show_paths([])

    def show_paths(self, paths: list[tuple[np.ndarray, np.ndarray, tuple[int, int, int]]]
                   ) -> None:
        """``(points (n, 2), loss values (n,), colour)`` per optimiser, drawn on the surface."""
        if self.view is None or self.land is None:
            return
        for line in self.lines:
            self.view.removeItem(line)
        self.lines = []
        lift = 0.01 * float(self.land.heights.max() or 1.0)
        for points, values, colour in paths:
            xyz = self.land.on_surface(points, values)
            if not len(xyz):
                continue
            xyz[:, 2] += lift
            line = gl.GLLinePlotItem(pos=xyz, color=_rgba(colour), width=3, antialias=True)
            dot = gl.GLScatterPlotItem(pos=xyz[:1], color=_rgba(colour), size=10)
            for item in (line, dot):
                self.view.addItem(item)
                self.lines.append(item)
