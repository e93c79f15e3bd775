"""Formulas typed into the playground window: a data set and a custom input feature."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt

from core.data.datasets import FORMULA
from core.playground.features import CUSTOM_FEATURE, FEATURE_NAMES
from core.playground.grid import TILE_SIDE
from gui.colors import class_colour
from gui.display_names import feature_label, feature_text


def _choose_formula(qtbot, panel) -> None:
    """Click the "Formula…" cell of the data set grid with the real mouse."""
    item = next(panel.datasets.item(row) for row in range(panel.datasets.count())
                if panel.datasets.item(row).data(Qt.ItemDataRole.UserRole) == FORMULA)
    panel.datasets.scrollToItem(item)
    centre = panel.datasets.visualItemRect(item).center()
    qtbot.mouseClick(panel.datasets.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(panel.formula_row.isVisible, timeout=3000)


def _type(qtbot, edit, text: str) -> None:
    """Replace the line's text by keys, then press Enter."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _point_colours(view) -> tuple[np.ndarray, list]:
    item = view.train_points
    x, y = item.getData()
    colours = [tuple(b.color().getRgb()[:3]) for b in item.data["brush"]]
    return np.column_stack([x, y]), colours


def test_a_typed_formula_makes_the_points_it_says(qtbot, page):
    panel = page.data_panel
    _choose_formula(qtbot, panel)
    _type(qtbot, panel.formula_edit, "x1*x2")
    qtbot.waitUntil(lambda: page.drawn is not None and page.drawn.config.dataset == FORMULA
                    and page.drawn.config.formula == "x1*x2", timeout=10_000)
    snap = page.drawn
    X = snap.train_X.astype(np.float64)
    clear = np.abs(X[:, 0] * X[:, 1]) > 1e-3
    assert np.array_equal(snap.train_y[clear], X[clear, 0] * X[clear, 1] > 0)
    # What the boundary view draws: each point at its place, coloured by the formula's class.
    qtbot.waitUntil(lambda: len(page.network_boundary.train_points.getData()[0]) == len(X))
    points, colours = _point_colours(page.network_boundary)
    assert np.allclose(points, X, atol=1e-5)
    expected = [class_colour(int(k)) for k in X[:, 0] * X[:, 1] > 0]
    assert [c for c, keep in zip(colours, clear, strict=True) if keep] == \
        [tuple(c) for c, keep in zip(expected, clear, strict=True) if keep]
    assert not panel.formula_row.reason.isVisible()


def test_a_bad_formula_shows_its_reason_in_red_and_changes_nothing(qtbot, page):
    panel = page.data_panel
    _choose_formula(qtbot, panel)
    qtbot.waitUntil(lambda: page.drawn is not None and page.drawn.config.dataset == FORMULA,
                    timeout=10_000)
    before = page.drawn.config
    sent = []
    panel.changed.connect(sent.append)
    for bad, reason in (("x3", "unknown name 'x3'"), ("1/0", "inf at"),
                        ("import os", "unknown name 'import'"), ("1", "everywhere")):
        _type(qtbot, panel.formula_edit, bad)
        assert panel.formula_row.reason.isVisible() and reason in panel.formula_row.reason.text()
        assert "c62828" in panel.formula_row.reason.styleSheet()
    assert sent == [] and page.config == before
    assert panel.formula_edit.text() == "1"  # the typed text stays to be corrected


def test_a_custom_feature_is_one_more_input_named_by_its_formula(qtbot, page):
    panel = page.data_panel
    inputs = page.drawn.network.layer_sizes[0]
    _type(qtbot, panel.feature_edit, "sin(x1*x2) + x2^2/36")
    qtbot.waitUntil(lambda: page.drawn.config.feature_formula == "sin(x1*x2) + x2^2/36",
                    timeout=10_000)
    snap = page.drawn
    assert snap.network.layer_sizes[0] == inputs + 1
    assert snap.config.features[-1] == CUSTOM_FEATURE
    # The diagram's input tile says the formula, elided, and the full text on hover.
    unit = FEATURE_NAMES.index(CUSTOM_FEATURE)
    assert feature_label(CUSTOM_FEATURE) == "sin(x1*x2) + …"
    assert feature_text(CUSTOM_FEATURE) == "sin(x1*x2) + x2^2/36"
    assert page.network_view.neuron_name(0, unit) == "sin(x1*x2) + …"
    assert "sin(x1*x2) + x2^2/36" in page.network_view.neuron_formula(0, unit)
    sent = []
    panel.changed.connect(sent.append)
    _type(qtbot, panel.feature_edit, "log(x1)")
    assert panel.feature_line.reason.isVisible() and "not a number" in panel.feature_line.reason.text()
    assert sent == []
    _type(qtbot, panel.feature_edit, "")  # an empty line takes the input away again
    qtbot.waitUntil(lambda: page.drawn.config.feature_formula == "", timeout=10_000)
    assert page.drawn.network.layer_sizes[0] == inputs
    assert feature_label(CUSTOM_FEATURE) == "f(x1,x2)"


def test_the_problem_box_turns_the_formula_into_values_and_back(qtbot, page):
    panel = page.data_panel
    _choose_formula(qtbot, panel)
    _type(qtbot, panel.formula_edit, "x1*x2/36")
    qtbot.waitUntil(lambda: page.drawn.config.dataset == FORMULA, timeout=10_000)
    panel.problem.setFocus()
    qtbot.keyClick(panel.problem, Qt.Key.Key_Down)  # Classification → Regression
    qtbot.waitUntil(lambda: page.drawn.task == "regression", timeout=10_000)
    snap = page.drawn
    X = snap.train_X.astype(np.float64)
    assert np.allclose(snap.train_y, X[:, 0] * X[:, 1] / 36, atol=1e-5)
    assert "value is f(x1,x2)" in panel.formula_row.hint.text()
    _type(qtbot, panel.formula_edit, "1")  # a constant value is a fine regression target
    qtbot.waitUntil(lambda: page.drawn.config.formula == "1", timeout=10_000)
    panel.problem.setFocus()
    qtbot.keyClick(panel.problem, Qt.Key.Key_Up)  # one class only: refused, box put back
    assert "everywhere" in panel.formula_row.reason.text()
    assert panel.problem.currentData() == "regression"
    assert page.config.formula_task == "values"


def test_clicking_the_empty_custom_input_points_to_where_its_formula_goes(qtbot, page):
    view, panel = page.network_view, page.data_panel
    qtbot.waitUntil(lambda: page.drawn is not None and bool(view.tiles), timeout=10_000)
    before = page.drawn.config
    tile = next(t for t in view.tiles
                if (t.column, t.unit) == (0, FEATURE_NAMES.index(CUSTOM_FEATURE)))
    centre = view.view.mapViewToScene(QPointF(tile.x + TILE_SIDE / 2, tile.y + TILE_SIDE / 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.mapFromScene(centre))
    qtbot.waitUntil(panel.feature_line.reason.isVisible, timeout=3000)
    assert "Type a formula here first" in panel.feature_line.reason.text()
    assert page.config == before
