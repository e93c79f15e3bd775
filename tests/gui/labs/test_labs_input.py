"""The labs driven as a person drives them: clicks, drags and keys on the real widgets,
each checked against what the view then shows."""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest

from gui.labs.surface_lab import BASIN_COLOURS, NO_BASIN_COLOUR, OPTIMIZER_COLOURS
from tests.gui.labs.test_labs_pages import click_plot


def _plot_point(plot, x: float, y: float) -> QPoint:
    pos = plot.mapFromScene(plot.getViewBox().mapViewToScene(QPointF(x, y)))
    return QPoint(pos.x(), pos.y())


def _key(qtbot, widget, key, times: int = 1) -> None:
    widget.setFocus()
    for _ in range(times):
        qtbot.keyClick(widget, key)


def _click_tab(qtbot, tabs, index: int) -> None:
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


def test_1d_rate_keys_land_on_round_values_and_the_double_well_names_its_minimum(
        qtbot, window):
    window.tabs.setCurrentWidget(window.descent)
    lab = window.descent.curve
    assert lab.rate_label.text().endswith("α = 0.1")
    _key(qtbot, lab.rate, Qt.Key.Key_Right)
    assert lab.learning_rate == 0.15 and lab.rate_label.text().endswith("α = 0.15")
    _key(qtbot, lab.rate, Qt.Key.Key_Left)
    assert lab.learning_rate == 0.1
    _key(qtbot, lab.curve_choice, Qt.Key.Key_Down, 2)  # bowl → absolute → double well
    assert "0.8w" in lab.formula_edit.text() and len(lab.minima) == 2
    marks = {label.toPlainText(): label.pos().x() for label in lab.minimum_labels}
    assert abs(marks["global minimum"] - 1.7985) < 1e-3
    assert abs(marks["local minimum"] - 7.7466) < 1e-3
    qtbot.wait(100)
    click_plot(qtbot, lab.plot, 9.0, 10.0)
    assert abs(lab.start - 9.0) < 0.1
    qtbot.mouseClick(lab.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "local minimum" in lab.readout.text(), timeout=20_000)
    lab.player.stop()
    w = float(re.search(r"w = (-?[\d.]+)", lab.readout.text()).group(1))
    local = next(m for m in lab.minima if not m.is_global)
    assert abs(w - local.w) < 0.01 and "global minimum is at w = 1.79" in lab.readout.text()
    assert not lab.away_note.isVisible()  # resting in a minimum is on the plot, not off it
    # From the left it settles in the global one.
    click_plot(qtbot, lab.plot, 0.0, 10.0)
    qtbot.mouseClick(lab.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "the global minimum" in lab.readout.text(), timeout=20_000)
    lab.player.stop()


def test_1d_divergence_reads_in_scientific_notation_and_points_off_the_plot(qtbot, window):
    window.tabs.setCurrentWidget(window.descent)
    lab = window.descent.curve
    qtbot.wait(100)
    click_plot(qtbot, lab.plot, 9.0, 10.0)
    _key(qtbot, lab.rate, Qt.Key.Key_End)
    assert lab.learning_rate == 1.5 and lab.path.diverged
    for _ in range(len(lab.path.points) - 1):
        qtbot.mouseClick(lab.step_button, Qt.MouseButton.LeftButton)
    text = lab.readout.text()
    assert "e+" in text and "Diverging" in text
    assert max(len(n) for n in re.findall(r"[\d.]+", text)) <= 8  # no 40-digit numbers
    (x0, x1), (y0, y1) = lab.plot.getViewBox().viewRange()
    assert lab.away_arrow.isVisible() and "off the plot" in lab.away_note.toPlainText()
    assert x0 <= lab.away_arrow.pos().x() <= x1 and y0 <= lab.away_arrow.pos().y() <= y1
    x, y = lab.trail.getData()
    assert np.all((x0 <= x) & (x <= x1) & (y0 <= y) & (y <= y1))  # the trail stays in view


def test_2d_map_click_rate_keys_status_per_tab_and_basins(qtbot, window):
    window.tabs.setCurrentWidget(window.descent)
    page = window.descent
    _click_tab(qtbot, page.tabs, 1)
    assert "surface" in window.statusBar().currentMessage()
    lab = page.surface
    qtbot.wait(100)
    qtbot.mouseClick(lab.map.viewport(), Qt.MouseButton.LeftButton,
                     pos=_plot_point(lab.map, 1.0, -1.5))
    assert np.allclose(lab.start, (1.0, -1.5), atol=0.1)
    x, y = lab.path_items["adam"].getData()
    assert (x[0], y[0]) == lab.start and all(
        np.array_equal(p.points[0], lab.start) for p in lab.paths.values())
    assert lab.rate_label.text() == "rates × 1"
    _key(qtbot, lab.rate, Qt.Key.Key_Right)
    assert lab.rate_scale == 1.5 and lab.rate_label.text() == "rates × 1.5"

    _key(qtbot, lab.surface_choice, Qt.Key.Key_Down, 4)  # … → Himmelblau
    assert lab.surface.name == "himmelblau"
    qtbot.mouseClick(lab.starts_button, Qt.MouseButton.LeftButton)
    brushes = {s.brush().color().name() for s in lab.ends.points()}
    assert len(lab.ends.points()) == 30
    assert brushes <= {*BASIN_COLOURS, NO_BASIN_COLOUR}
    assert not brushes & {c.lower() for c in OPTIMIZER_COLOURS.values()}
    assert lab.basin_legend.isVisible() and "minimum at (3.00, 2.00)" in lab.basin_legend.text()

    _key(qtbot, lab.surface_choice, Qt.Key.Key_Up)  # saddle: no minimum, still 30 dots
    assert lab.surface.name == "saddle" and not lab.basin_legend.isVisible()
    qtbot.mouseClick(lab.starts_button, Qt.MouseButton.LeftButton)
    assert len(lab.ends.points()) == 30
    assert {s.symbol() for s in lab.ends.points()} == {"x"}
    assert "has none" in lab.basin_legend.text()
    _click_tab(qtbot, page.tabs, 0)
    assert "curve" in window.statusBar().currentMessage()


def test_curve_fit_add_move_delete_points_and_a_new_set_starts_a_new_curve(qtbot, window):
    page = window.curve_fit
    window.tabs.setCurrentWidget(page)
    qtbot.wait(100)
    n = len(page.x)
    click_plot(qtbot, page.plot, -5.5, 0.9)                     # add
    qtbot.waitUntil(lambda: page.snapshot is not None and len(page.snapshot.x) == n + 1)
    start = _plot_point(page.plot, -5.5, 0.9)
    end = _plot_point(page.plot, -5.0, -0.5)
    viewport = page.plot.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for t in np.linspace(0, 1, 8):
        QTest.mouseMove(viewport, QPoint(int(start.x() + t * (end.x() - start.x())),
                                         int(start.y() + t * (end.y() - start.y()))))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    qtbot.waitUntil(lambda: np.any(np.hypot(page.snapshot.x + 5.0, page.snapshot.y + 0.5) < 0.1))
    assert len(page.snapshot.x) == n + 1 and not np.any(
        np.hypot(page.snapshot.x + 5.5, page.snapshot.y - 0.9) < 0.1)   # moved, not added
    qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=end)      # delete
    qtbot.waitUntil(lambda: len(page.snapshot.x) == n)
    xs, ys = page.points.getData()
    assert np.array_equal(xs, page.snapshot.x) and np.array_equal(ys, page.snapshot.y)

    _key(qtbot, page.hidden, Qt.Key.Key_Up)
    qtbot.waitUntil(lambda: page.snapshot.config.hidden == 9)
    qtbot.mouseClick(page.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.snapshot.step > 200, timeout=20_000)
    qtbot.mouseClick(page.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.snapshot.running)
    trained_steps = page.snapshot.step
    _key(qtbot, page.generator, Qt.Key.Key_Down)   # another point set
    qtbot.waitUntil(lambda: page.snapshot.step < trained_steps
                    and np.array_equal(page.snapshot.x, page.x))
    snap = page.snapshot
    assert snap.step == 0 and len(snap.curve_history["step"]) == 0
    x, _ = page.loss_view.curves[("curve", "train")].getData()
    assert x is None or len(x) == 0  # the old loss curve is gone


def test_backprop_names_its_nodes_and_follows_the_keyboard(qtbot, window):
    page = window.backprop
    window.tabs.setCurrentWidget(page)
    assert set(page.node_labels) == {"x1", "x2", "h1", "h2", "o"}
    _key(qtbot, page.inputs[0], Qt.Key.Key_Up)      # x1: 0.900 → 1.000
    assert page.trace.x[0] == 1.0
    _key(qtbot, page.setup, Qt.Key.Key_Down)        # the 2-3-2 softmax network
    assert set(page.node_labels) == {"x1", "x2", "h1", "h2", "h3", "o1", "o2"}
    while page.forward_button.isEnabled():
        qtbot.mouseClick(page.forward_button, Qt.MouseButton.LeftButton)
    assert not page.table.isColumnHidden(2)


def test_digits_brush_follows_the_keyboard(qtbot, window):
    page = window.digits
    window.tabs.setCurrentWidget(page)
    before = page.canvas.brush_width
    _key(qtbot, page.brush, Qt.Key.Key_PageUp)
    assert page.canvas.brush_width == page.brush.value() > before


def test_a_walker_resting_in_the_bowls_minimum_is_drawn_there_not_off_the_plot(qtbot, window):
    window.tabs.setCurrentWidget(window.descent)
    lab = window.descent.curve
    assert "(w-5)^2" in lab.formula_edit.text()
    click_plot(qtbot, lab.plot, 1.0, 10.0)
    qtbot.mouseClick(lab.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "global minimum" in lab.readout.text(), timeout=20_000)
    lab.player.stop()
    assert not lab.away_note.isVisible()
    x, _ = lab.walker.getData()
    assert len(x) == 1 and abs(x[0] - 5) < 0.01
