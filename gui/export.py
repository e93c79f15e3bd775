"""Exports: any visible plot as PNG or SVG, the playground's history and network (as a
model file or as PyTorch code).

Plots are found, not listed: every visible pyqtgraph view of the current
page is offered under its title, so a new view is exportable without code
here.  Files are written atomically where we write them ourselves;
pyqtgraph's exporters write to a temporary name that is then renamed.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QCoreApplication, QPoint, QRect
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from core.export.pytorch import export_pytorch as write_pytorch
from core.nn.model_files import save_model
from core.nn.network import Network, network_from_weights
from core.playground.networks import model_spec
from core.playground.snapshot import PlaygroundSnapshot
from core.training.history import save_history_csv
from core.util.fileio import check_save_target


def visible_plots(page: QWidget) -> list[tuple[str, pg.GraphicsView]]:
    """``(title, view)`` for each pyqtgraph view shown on ``page``, top-left first."""
    views = [v for v in page.findChildren(pg.GraphicsView) if v.isVisible()]
    views.sort(key=lambda v: (v.mapTo(page, v.rect().topLeft()).y() // 40,
                              v.mapTo(page, v.rect().topLeft()).x()))
    named = []
    for i, view in enumerate(views, 1):
        title = ""
        if isinstance(view, pg.PlotWidget):
            title = view.getPlotItem().titleLabel.text
        named.append((title or QCoreApplication.translate("Export", "Plot {0}").format(i), view))
    return named


def export_view(view: pg.GraphicsView, path: str | os.PathLike) -> None:
    """Write ``view`` to ``path``: SVG for ``.svg``, else a PNG at twice the screen size."""
    path = check_save_target(path)  # never rename over a device or a folder
    temporary = path.with_name(f".{path.name}.tmp{path.suffix}")
    try:
        if path.suffix.lower() == ".svg":
            _render_svg(view, temporary)
        else:
            target = view.getPlotItem() if isinstance(view, pg.PlotWidget) else view.scene()
            exporter = ImageExporter(target)
            width = int(exporter.parameters()["width"])
            exporter.parameters()["width"] = 2 * width  # sharp when printed or on high-DPI
            exporter.export(str(temporary))
        if not temporary.exists():
            raise OSError(QCoreApplication.translate("Export", "the exporter wrote nothing"))
        os.replace(temporary, path)
    finally:
        with contextlib.suppress(OSError):
            temporary.unlink()


def _render_svg(view: pg.GraphicsView, path: Path) -> None:
    """Qt's own SVG writer over the view's painting.

    pyqtgraph's SVGExporter fails on the paths Qt 6.11 writes (pyqtgraph issue
    #3485, open); rendering the view into a QSvgGenerator keeps lines and text
    as vectors and heatmaps as embedded images.
    """
    size = view.viewport().size()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRect(QPoint(0, 0), size))
    painter = QPainter(generator)
    try:
        view.render(painter)
    finally:
        painter.end()


def _ask_and_write(parent: QWidget, caption: str, default_name: str, file_filter: str,
                   write) -> str | None:
    """Ask where, call ``write(path)``, report a failure; the path written or ``None``."""
    path, _ = QFileDialog.getSaveFileName(parent, caption, default_name, file_filter)
    if not path:
        return None
    try:
        write(path)
    except (OSError, ValueError) as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("Export", "Cannot export"), str(exc))
        return None
    return path


def ask_and_export_view(parent: QWidget, title: str, view: pg.GraphicsView) -> str | None:
    name = "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-") or "plot"
    return _ask_and_write(
        parent, QCoreApplication.translate("Export", "Export plot"), f"{name}.png",
        QCoreApplication.translate("Export", "PNG image (*.png);;SVG drawing (*.svg)"),
        lambda path: export_view(view, path))


def export_history(parent: QWidget, snap: PlaygroundSnapshot) -> str | None:
    histories = {"network": snap.network.history, "linear": snap.linear.history}
    return _ask_and_write(
        parent, QCoreApplication.translate("Export", "Export training history"), "history.csv",
        QCoreApplication.translate("Export", "CSV files (*.csv)"),
        lambda path: save_history_csv(path, histories))


def _playground_network(snap: PlaygroundSnapshot) -> tuple[Network, dict]:
    """The snapshot's network, rebuilt, with what a model file says about it."""
    spec = model_spec(snap.config, snap.task, len(snap.network.weights[-1][1]))
    network = network_from_weights(spec, snap.network.weights, snap.network.norms)
    meta = {"task": snap.task, "features": list(snap.config.inputs),
            "dataset": snap.config.dataset, "step": snap.step}
    return network, meta


def export_network(parent: QWidget, snap: PlaygroundSnapshot) -> str | None:
    """The playground's network as ``.npz`` (weights + JSON description, no pickle)."""
    network, meta = _playground_network(snap)
    return _ask_and_write(
        parent, QCoreApplication.translate("Export", "Export network"), "network.npz",
        QCoreApplication.translate("Export", "Network files (*.npz)"),
        lambda path: save_model(path, network, meta))


def export_pytorch(parent: QWidget, snap: PlaygroundSnapshot) -> str | None:
    """The playground's network as a PyTorch script, its weights in an ``.npz`` beside it."""
    network, meta = _playground_network(snap)
    return _ask_and_write(
        parent, QCoreApplication.translate("Export", "Export as PyTorch code"), "network.py",
        QCoreApplication.translate("Export", "Python scripts (*.py)"),
        lambda path: write_pytorch(network, meta, check_save_target(path)))
