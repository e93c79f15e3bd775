"""2D descent: six optimisers racing over a loss surface, and where random starts end."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from core.labs.descent import SURFACES, Path, random_starts
from core.nn.optimizers import OPTIMIZERS
from gui.image_item import ImageItem
from gui.labs.curve_lab import clip_to_view
from gui.labs.path_player import PathPlayer
from gui.labs.rate_slider import bound_rate_slider
from gui.settings_binder import SettingsBinder

if TYPE_CHECKING:
    from gui.labs.surface_3d import Surface3DView

STEPS_2D = 600
OPTIMIZER_COLOURS = {"sgd": "#d62728", "momentum": "#1f77b4", "nesterov": "#17becf",
                     "rmsprop": "#9467bd", "adam": "#2ca02c", "adagrad": "#ff7f0e"}
# Rates that suit each optimiser on these surfaces; the slider scales them all.
BASE_RATES = {"sgd": 0.01, "momentum": 0.002, "nesterov": 0.002, "rmsprop": 0.01,
              "adam": 0.05, "adagrad": 0.5}
# Where random starts end: colours and a square symbol no optimiser path uses.
BASIN_COLOURS = ("#f781bf", "#a65628", "#ffd92f", "#000000")
NO_BASIN_COLOUR = "#9a9a9a"


class SurfaceLab(QWidget):
    """2D: six optimisers race from the same start over a loss surface."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.surface = SURFACES["bowl"]
        self.start = self.surface.start
        self.paths: dict[str, Path] = {}
        self.binder = SettingsBinder("descent", self)
        self._build_settings()
        self._build_buttons()
        self._build_map()
        self._build_side()
        self._lay_out()
        self._connect()
        self._draw_surface()
        self.recompute()

    def _build_settings(self) -> None:
        labels = {"bowl": self.tr("bowl"), "valley": self.tr("elongated valley"),
                  "rosenbrock": self.tr("Rosenbrock's banana"), "saddle": self.tr("saddle"),
                  "himmelblau": self.tr("Himmelblau (four minima)"),
                  "neuron": self.tr("a two-weight neuron's real loss"),
                  "two_valleys": self.tr("two valleys (a local and a global minimum)")}
        self.surface_choice = self.binder.combo(
            "surface", labels, labels, tip=self.tr("The cost surface over two weights."))
        self.rate = bound_rate_slider(self.binder, "learning_rate_2d", self.tr(
            "Scales every optimiser's learning rate together."))
        self.rate_label = QLabel()
        optimizer_tips = {
            "sgd": self.tr("Plain gradient descent: a step down the slope."),
            "momentum": self.tr("Keeps a velocity: rolls through flat parts and small bumps."),
            "nesterov": self.tr("Momentum that looks ahead before it steps: overshoots less."),
            "rmsprop": self.tr("Divides each step by the recent size of that gradient."),
            "adam": self.tr("Momentum plus RMSProp's per-weight scaling of the steps."),
            "adagrad": self.tr("Shrinks each weight's steps by all its past gradients."),
        }
        self.checks = {name: QCheckBox(name) for name in OPTIMIZERS}
        for name, check in self.checks.items():
            check.setChecked(True)
            check.setStyleSheet(f"color: {OPTIMIZER_COLOURS[name]}; font-weight: bold;")
            check.setToolTip(optimizer_tips[name])

    def _build_buttons(self) -> None:
        self.play = QPushButton(self.tr("Play"))
        self.play.setToolTip(self.tr("Run the ticked optimisers side by side."))
        self.starts_button = QPushButton(self.tr("Drop 30 random starts"))
        self.starts_button.setToolTip(self.tr("Thirty starting points at once: which minimum "
                                              "you reach depends on where you start — and on "
                                              "some surfaces you reach none."))
        self.view_3d_check = QCheckBox(self.tr("3D view"))
        self.view_3d_check.setToolTip(self.tr("The surface as a landscape beside the map: drag "
                                              "to turn it; each path walks down it."))
        self.view_3d: Surface3DView | None = None  # made when first asked for (OpenGL)
        self.player = PathPlayer(self, interval_ms=30)
        self.player.steps_per_tick = 4

    def _build_map(self) -> None:
        self.map = pg.PlotWidget()
        self.map.setMenuEnabled(False)
        self.map.setAspectLocked(False)
        self.map.setLabel("bottom", "w1")
        self.map.setLabel("left", "w2")
        self.image = ImageItem(axisOrder="col-major")
        self.image.setColorMap(pg.colormap.get("viridis"))
        self.map.addItem(self.image)
        self.contours: list[pg.IsocurveItem] = []
        self.path_items = {name: self.map.plot(pen=pg.mkPen(colour, width=2))
                           for name, colour in OPTIMIZER_COLOURS.items()}
        self.start_item = self.map.plot(symbol="x", symbolSize=14, symbolPen="w", pen=None)
        self.ends = pg.ScatterPlotItem(size=10, symbol="s", pen=pg.mkPen("w"))
        self.map.addItem(self.ends)

    def _build_side(self) -> None:
        self.loss_plot = pg.PlotWidget(title=self.tr("loss along each path"))
        self.loss_plot.setLogMode(y=True)
        self.loss_plot.setLabel("bottom", self.tr("step"))
        self.loss_items = {name: self.loss_plot.plot(pen=pg.mkPen(colour, width=2))
                           for name, colour in OPTIMIZER_COLOURS.items()}
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.basin_legend = QLabel()  # the random starts' colours, apart from the optimisers'
        self.basin_legend.setWordWrap(True)
        self.basin_legend.hide()
        self.side = QStackedWidget()  # the loss curves, or the 3D landscape
        self.side.addWidget(self.loss_plot)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Surface")))
        top.addWidget(self.surface_choice)
        top.addWidget(self.rate_label)
        top.addWidget(self.rate, 1)
        for widget in (self.play, self.starts_button, self.view_3d_check):
            top.addWidget(widget)
        checks = QHBoxLayout()
        for check in self.checks.values():
            checks.addWidget(check)
        checks.addWidget(QLabel(self.tr("Click the map to choose the start.")))
        checks.addStretch(1)
        plots = QHBoxLayout()
        plots.addWidget(self.map, 3)
        plots.addWidget(self.side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(checks)
        layout.addLayout(plots, 1)
        layout.addWidget(self.basin_legend)
        layout.addWidget(self.info)

    def _connect(self) -> None:
        self.binder.changed.connect(
            lambda name, _: self._on_surface_activated() if name == "surface"
            else self.recompute())
        for check in self.checks.values():
            check.toggled.connect(lambda _: self._draw(self.player.shown))
        self.play.clicked.connect(self._on_play_clicked)
        self.starts_button.clicked.connect(self._on_starts_clicked)
        self.player.changed.connect(self._draw)
        self.view_3d_check.toggled.connect(self._on_view_3d_toggled)
        self.map.scene().sigMouseClicked.connect(self._on_map_clicked)

    @property
    def rate_scale(self) -> float:
        return self.rate.rate

    def _on_view_3d_toggled(self, on: bool) -> None:
        if on and self.view_3d is None:
            from gui.labs.surface_3d import Surface3DView  # OpenGL: ~0.2 s, only now

            self.view_3d = Surface3DView()
            self.side.addWidget(self.view_3d)
            self.view_3d.show_surface(self.surface)
        self.side.setCurrentWidget(self.view_3d if on else self.loss_plot)
        self._draw(self.player.shown)

    def _on_surface_activated(self) -> None:
        self.surface = SURFACES[self.surface_choice.currentData()]
        self.start = self.surface.start
        self.ends.setData([])
        self.basin_legend.hide()
        self._draw_surface()
        self.recompute()

    def _on_map_clicked(self, event) -> None:
        p = self.map.getViewBox().mapSceneToView(event.scenePos())
        x0, x1, y0, y1 = self.surface.extent
        if x0 <= p.x() <= x1 and y0 <= p.y() <= y1:
            self.start = (float(p.x()), float(p.y()))
            self.recompute()

    def _on_play_clicked(self) -> None:
        self.player.toggle()
        self.play.setText(self.tr("Pause") if self.player.playing else self.tr("Play"))

    def _draw_surface(self) -> None:
        if self.view_3d is not None:
            self.view_3d.show_surface(self.surface)
        a, b, values = self.surface.grid(200)
        self._loss_floor = float(np.nanmin(values))
        shown = np.log1p(values - self._loss_floor)  # log: valleys stay visible
        self.image.setImage(shown.astype(np.float32), autoLevels=True)
        self.image.setRect(a[0], b[0], a[-1] - a[0], b[-1] - b[0])
        for item in self.contours:
            self.map.removeItem(item)
        self.contours = []
        for level in np.linspace(np.nanmin(shown), np.nanmax(shown), 12)[1:-1]:
            iso = pg.IsocurveItem(data=shown, level=level, pen=pg.mkPen(255, 255, 255, 90))
            iso.setParentItem(self.image)
            self.contours.append(iso)
        self.map.setRange(xRange=(a[0], a[-1]), yRange=(b[0], b[-1]), padding=0)

    def recompute(self) -> None:
        self.rate_label.setText(self.tr("rates × {0}").format(f"{self.rate_scale:g}"))
        self.paths = {name: self.surface.walk(self.start, name, BASE_RATES[name] * self.rate_scale,
                                              STEPS_2D) for name in OPTIMIZERS}
        self.start_item.setData([self.start[0]], [self.start[1]])
        self.player.reset(STEPS_2D)
        self._draw(STEPS_2D if not self.player.playing else 0)

    def _draw(self, shown: int) -> None:
        lines = []
        x0, x1, y0, y1 = self.surface.extent
        for name, path in self.paths.items():
            visible = self.checks[name].isChecked()
            n = min(shown, len(path.points) - 1)
            w1, w2 = path.points[:, 0], path.points[:, 1]
            with np.errstate(invalid="ignore"):
                outside = ~((x0 <= w1) & (w1 <= x1) & (y0 <= w2) & (w2 <= y1))
            # A walk that leaves the map ends at its edge, and its loss curve ends there.
            left = int(np.argmax(outside)) if outside.any() else None
            last = n if left is None else min(n, left)
            points = path.points[: last + 1] if visible else np.zeros((0, 2))
            self.path_items[name].setData(*clip_to_view(points[:, 0], points[:, 1],
                                                        ((x0, x1), (y0, y1))))
            inside = last if left is None or n < left else left - 1
            losses = path.values[: inside + 1] if visible else np.zeros(0)
            self.loss_items[name].setData(np.arange(len(losses)),
                                          np.maximum(losses - self._loss_floor, 1e-12))
            gone = left is not None and n >= left
            state = self.tr("left the map") if gone else f"{path.values[n]:.4g}"
            lines.append(f"{name}: {state}")
        self.info.setText(self.tr("Loss after {0} steps — ").format(shown) + ", ".join(lines))
        if self.view_3d is not None and self.side.currentWidget() is self.view_3d:
            self.view_3d.show_paths({
                name: (path.points[:shown + 1], path.values[:shown + 1], OPTIMIZER_COLOURS[name])
                for name, path in self.paths.items() if self.checks[name].isChecked()})

    def _on_starts_clicked(self) -> None:
        rng = np.random.default_rng()
        paths = random_starts(self.surface, 30, rng, "sgd", BASE_RATES["sgd"] * self.rate_scale,
                              STEPS_2D)
        spots = []
        for path in paths:
            basin = self.surface.basin(path)
            colour = NO_BASIN_COLOUR if basin is None else BASIN_COLOURS[basin]
            spots.append({"pos": tuple(path.points[0]), "brush": colour,
                          "symbol": "x" if basin is None else "s", "data": basin})
        self.ends.setData(spots)
        self._show_basin_legend()
        self.info.setText(self.tr("Each square is a random start, coloured by the minimum "
                                  "plain gradient descent reached from it; a grey cross "
                                  "reached none."))

    def _show_basin_legend(self) -> None:
        swatch = '<span style="color:{0}; font-size:14pt;">{1}</span>&nbsp;{2}'
        entries = [swatch.format(BASIN_COLOURS[k], "■", self.tr("minimum at ({0:.2f}, {1:.2f})")
                                 .format(*m)) for k, m in enumerate(self.surface.minima)]
        none = (self.tr("no minimum reached in {0} steps (still on the way, diverged, or "
                        "stuck on a flat part)").format(STEPS_2D)
                if self.surface.minima else
                self.tr("no minimum reached: this surface has none, every walk slides away"))
        entries.append(swatch.format(NO_BASIN_COLOUR, "✕", none))
        self.basin_legend.setText(self.tr("Random starts end in: ") + "&nbsp;&nbsp; ".join(entries))
        self.basin_legend.show()
