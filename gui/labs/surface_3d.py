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

from core.labs.descent import Surface
from core.labs.landscape import Landscape, landscape

try:
    import pyqtgraph.opengl as gl
except ImportError:  # PyOpenGL missing: the view explains instead of drawing
    gl = None


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
        self.lines: dict[str, tuple] = {}  # per path: its line and its end dot
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
        self.show_paths({})

    def show_paths(self, paths: dict[str, tuple[np.ndarray, np.ndarray, str]]) -> None:
        """``name: (points (n, 2), loss values (n,), colour)``, drawn on the surface; a
        path's items are made once and then only updated (the player calls this per tick)."""
        if self.view is None or self.land is None:
            return
        for name in [n for n in self.lines if n not in paths]:
            for item in self.lines.pop(name):
                self.view.removeItem(item)
        lift = 0.01 * float(self.land.heights.max() or 1.0)
        for name, (points, values, colour) in paths.items():
            xyz = self.land.on_surface(points, values)
            xyz[:, 2] += lift
            if name not in self.lines:
                rgba = pg.mkColor(colour).getRgbF()
                self.lines[name] = (gl.GLLinePlotItem(color=rgba, width=3, antialias=True),
                                    gl.GLScatterPlotItem(color=rgba, size=10))
                for item in self.lines[name]:
                    self.view.addItem(item)
            line, dot = self.lines[name]
            line.setData(pos=xyz if len(xyz) > 1 else np.zeros((0, 3)))
            dot.setData(pos=xyz[-1:] if len(xyz) else np.zeros((0, 3)))
