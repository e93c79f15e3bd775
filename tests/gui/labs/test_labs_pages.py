"""Smoke tests of the three labs: open, run a few steps, values change."""

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt


def click_plot(qtbot, plot, x, y, button=Qt.MouseButton.LeftButton):
    scene_point = plot.getViewBox().mapViewToScene(QPointF(x, y))
    pos = plot.mapFromScene(scene_point)
    qtbot.mouseClick(plot.viewport(), button, pos=QPoint(pos.x(), pos.y()))


def test_descent_1d_formula_start_and_play(qtbot, window):
    lab = window.descent.curve
    window.tabs.setCurrentWidget(window.descent)
    lab.formula_edit.setText("(w-3)^2")
    lab.formula_edit.editingFinished.emit()
    assert abs(lab.path.final[0] - 3) < 1e-3
    lab.formula_edit.setText("__import__('os')")
    lab.formula_edit.editingFinished.emit()
    assert "not allowed" in lab.error.text()
    assert abs(lab.path.final[0] - 3) < 1e-3  # the last good formula stays
    click_plot(qtbot, lab.plot, 8.0, 5.0)
    assert abs(lab.start - 8.0) < 0.2 and abs(lab.path.points[0, 0] - lab.start) < 1e-12
    qtbot.mouseClick(lab.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: lab.player.shown >= 5, timeout=5000)
    lab.player.stop()
    assert "slope" in lab.readout.text()
    x, _ = lab.trail.getData()
    assert len(x) == lab.player.shown + 1


def test_descent_2d_all_optimisers_and_random_starts(qtbot, window):
    lab = window.descent.surface
    index = lab.surface_choice.findData("himmelblau")
    lab.surface_choice.setCurrentIndex(index)
    lab.surface_choice.activated.emit(index)
    assert set(lab.paths) == {"sgd", "momentum", "nesterov", "rmsprop", "adam", "adagrad"}
    assert all(not p.diverged for p in lab.paths.values())
    x, _y = lab.path_items["adam"].getData()
    assert len(x) > 10
    qtbot.mouseClick(lab.starts_button, Qt.MouseButton.LeftButton)
    assert len(lab.ends.data) > 20
    lab.checks["adam"].setChecked(False)
    x, _ = lab.path_items["adam"].getData()
    assert x is None or len(x) == 0


def test_curve_fitting_fits_and_takes_new_points(qtbot, window):
    page = window.curve_fit
    window.tabs.setCurrentWidget(page)
    qtbot.mouseClick(page.play, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.snapshot is not None and page.snapshot.step > 300, timeout=20000)
    assert "y =" in page.equation.text()
    n = len(page.x)
    click_plot(qtbot, page.plot, -5.5, 0.9)
    qtbot.waitUntil(lambda: len(page.snapshot.x) == n + 1, timeout=10000)
    page.toggle_play()
    x, y = page.curve_item.getData()
    assert len(x) == 300 and np.isfinite(y).all()


def test_backprop_step_through_to_the_update(qtbot, window):
    page = window.backprop
    window.tabs.setCurrentWidget(page)
    assert page.table.isColumnHidden(2)
    while page.forward_button.isEnabled():
        qtbot.mouseClick(page.forward_button, Qt.MouseButton.LeftButton)
    assert not page.table.isColumnHidden(2)
    assert "finite-difference" in page.text.toPlainText()
    before = page.trace.loss
    qtbot.mouseClick(page.apply_button, Qt.MouseButton.LeftButton)
    assert page.trace.loss < before
    # Editing a weight in the table changes the network.
    item = page.table.item(0, 1)
    item.setText("2.5")
    assert page.network.get_weights()[0][0][0, 0] == 2.5
