"""Typing a weight or a bias into the network diagram, with the real mouse and keys."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from core.playground.features import EXTENT, FEATURE_NAMES
from core.playground.grid import TILE_SIDE, grid_points
from core.worker.loop import SetSpeed
from tests.gui.playground.test_playground_window import wait_for


@pytest.fixture
def diagram(page, qtbot):
    """The paused playground's diagram (2 inputs, 4-2 tanh, sigmoid) with a drawn frame."""
    view = page.network_view
    qtbot.waitUntil(lambda: page.drawn is not None and bool(view.tiles), timeout=10_000)
    assert not page.running
    assert page.drawn.network.layer_sizes == (2, 4, 2, 1)
    return view


def _viewport_point(view, x: float, y: float) -> QPoint:
    return view.mapFromScene(view.view.mapViewToScene(QPointF(x, y)))


def _tile(view, column: int, unit: int):
    return next(t for t in view.tiles if (t.column, t.unit) == (column, unit))


def _tile_centre(view, column: int, unit: int) -> QPoint:
    tile = _tile(view, column, unit)
    return _viewport_point(view, tile.x + TILE_SIDE / 2, tile.y + TILE_SIDE / 2)


def _link_ends(view, features, layer: int, i: int, j: int) -> tuple[np.ndarray, np.ndarray]:
    """Where the link from unit ``i`` of column ``layer`` to unit ``j`` of the next starts
    and ends: the right edge's middle of one tile, the left edge's of the other."""
    source = _tile(view, 0, FEATURE_NAMES.index(features[i])) if layer == 0 \
        else _tile(view, layer, i)
    target = _tile(view, layer + 1, j)
    return (np.array([source.x + TILE_SIDE, source.y + TILE_SIDE / 2]),
            np.array([target.x, target.y + TILE_SIDE / 2]))


def _link_point(view, features, layer: int, i: int, j: int) -> QPoint:
    """The link's midpoint on the viewport."""
    start, end = _link_ends(view, features, layer, i, j)
    return _viewport_point(view, *((start + end) / 2))


def _forward(weights, features) -> np.ndarray:
    """The network's answer over the boundary's grid, by hand: tanh layers, a sigmoid."""
    assert features == ("x1", "x2")
    A = grid_points(150) / EXTENT
    for W, b in weights[:-1]:
        A = np.tanh(A @ W + b)
    W, b = weights[-1]
    return (1 / (1 + np.exp(-(A @ W + b))))[:, 0].reshape(150, 150)


def _weights(snap) -> list:
    return [(W.astype(np.float64), b.astype(np.float64)) for W, b in snap.network.weights]


def test_clicking_a_link_and_typing_a_weight_sets_it_and_redraws(page, diagram, qtbot):
    before = page.drawn
    features = before.config.features
    layer, i, j = 0, 1, 2   # x2 → L1·N3
    qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton,
                     pos=_link_point(diagram, features, layer, i, j))
    editor = diagram.editor
    qtbot.waitUntil(editor.isVisible)
    assert editor.title.text() == "Weight x2 → L1·N3"
    assert float(editor.field.text()) == pytest.approx(before.network.weights[0][0][1, 2],
                                                       abs=5e-4)
    assert editor.field.selectedText() == editor.field.text()  # typing replaces it
    qtbot.keyClicks(editor.field, "-2.75")
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert not editor.isVisible()
    snap = wait_for(qtbot, page, lambda s: s.network.weights[0][0][1, 2] == np.float32(-2.75))
    assert snap.step == before.step  # paused: nothing trained meanwhile
    expected = _weights(before)
    expected[0][0][1, 2] = -2.75
    boundary = page.network_boundary.image.image
    assert np.allclose(boundary, 0.5 + 0.8 * (_forward(expected, features) - 0.5), atol=1e-4)
    old = 0.5 + 0.8 * (_forward(_weights(before), features) - 0.5)
    assert np.abs(boundary - old).max() > 0.01  # and it did move


def _choose_set_bias(qtbot, diagram, column: int, unit: int) -> None:
    """Right-click the neuron and pick "Set bias…" from its menu with the mouse."""
    qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.RightButton,
                     pos=_tile_centre(diagram, column, unit))
    qtbot.waitUntil(lambda: diagram.editor.menu is not None and diagram.editor.menu.isVisible())
    menu = diagram.editor.menu
    action = next(a for a in menu.actions() if a.text() == "Set bias…")
    qtbot.mouseClick(menu, Qt.MouseButton.LeftButton,
                     pos=menu.actionGeometry(action).center())
    qtbot.waitUntil(diagram.editor.isVisible)


def test_right_click_sets_a_hidden_neurons_bias(page, diagram, qtbot):
    before = page.drawn
    _choose_set_bias(qtbot, diagram, 2, 1)
    editor = diagram.editor
    assert editor.title.text() == "Bias of L2·N2"
    qtbot.keyClicks(editor.field, "0.625")
    qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    snap = wait_for(qtbot, page, lambda s: s.network.weights[1][1][1] == np.float32(0.625))
    expected = _weights(before)
    expected[1][1][1] = 0.625
    assert np.allclose(snap.network.grid.output[0], _forward(expected, ("x1", "x2")),
                       atol=1e-4)


def test_the_output_bias_is_set_while_training_and_training_goes_on(page, diagram, qtbot):
    page.controller.send(SetSpeed(1))  # one step a frame: the value is seen before it drifts
    page.toggle_play()
    running = wait_for(qtbot, page, lambda s: s.running and s.step > 5)
    _choose_set_bias(qtbot, diagram, 3, 0)
    assert diagram.editor.title.text() == "Bias of output 1"
    qtbot.keyClicks(diagram.editor.field, "2.5")
    qtbot.keyClick(diagram.editor.field, Qt.Key.Key_Return)
    # One SGD step at rate 0.03 moves a sigmoid output's bias by at most 0.03.
    edited = wait_for(qtbot, page, lambda s: abs(s.network.weights[2][1][0] - 2.5) <= 0.03)
    assert edited.running and edited.step > running.step
    later = wait_for(qtbot, page, lambda s: s.step >= edited.step + 5)
    assert later.running and later.network.weights[2][1][0] != edited.network.weights[2][1][0]


def test_bad_text_shows_the_reason_and_sends_nothing(page, diagram, qtbot):
    features = page.drawn.config.features
    weight = page.drawn.network.weights[2][0][0, 0]
    qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton,
                     pos=_link_point(diagram, features, 2, 0, 0))
    editor = diagram.editor
    qtbot.waitUntil(editor.isVisible)
    assert editor.title.text() == "Weight L2·N1 → output 1"
    # "r 2": R and Space are the window's Reset and Play keys, but typed here they are text.
    for text, reason in (("r 2", "Not a number"), ("1e999", "between -1000 and 1000"),
                         ("1001", "between -1000 and 1000"), ("nan", "between")):
        editor.field.selectAll()
        with qtbot.assertNotEmitted(editor.edited):
            qtbot.keyClicks(editor.field, text)
            qtbot.keyClick(editor.field, Qt.Key.Key_Return)
        assert editor.isVisible() and editor.reason.isVisible()
        assert reason in editor.reason.text()
        assert "\n" not in editor.reason.text()
    qtbot.keyClicks(editor.field, "x")  # typing again hides the old reason
    assert not editor.reason.isVisible()
    with qtbot.assertNotEmitted(editor.edited):
        qtbot.keyClick(editor.field, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert not page.running and page.drawn.step == 0
    assert page.drawn.network.weights[2][0][0, 0] == weight


def test_a_click_elsewhere_closes_the_editor_and_neurons_still_enlarge(page, diagram, qtbot):
    features = page.drawn.config.features
    qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton,
                     pos=_link_point(diagram, features, 1, 0, 1))
    qtbot.waitUntil(diagram.editor.isVisible)
    with qtbot.assertNotEmitted(diagram.editor.edited):
        qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton,
                         pos=_tile_centre(diagram, 1, 0))
    assert not diagram.editor.isVisible()
    assert diagram.selected == (1, 0)  # the click on the neuron did its usual job


def test_a_past_moment_cannot_be_edited(page, diagram, qtbot):
    page.step()
    wait_for(qtbot, page, lambda s: s.step >= 1)
    slider = page.replay_slider
    qtbot.waitUntil(lambda: slider.maximum() >= 1)
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(5, slider.height() // 2))
    wait_for(qtbot, page, lambda s: s.replay_step is not None)
    point = _link_point(diagram, page.drawn.config.features, 0, 0, 0)
    qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=point)
    editor = diagram.editor
    qtbot.waitUntil(editor.isVisible)
    assert "History" in editor.reason.text() and editor.reason.isVisible()
    shown = page.drawn.replay.weights[0][0][0, 0]  # the value at that moment, read-only
    assert float(editor.field.text()) == pytest.approx(shown, abs=5e-4)
    assert editor.field.isReadOnly()
    with qtbot.assertNotEmitted(editor.edited):
        qtbot.keyClicks(editor.field, "5")
        qtbot.keyClick(editor.field, Qt.Key.Key_Return)
    assert editor.isVisible() and float(editor.field.text()) == pytest.approx(shown, abs=5e-4)
    # Back to live, the same click edits.
    qtbot.keyClick(editor.field, Qt.Key.Key_Escape)
    qtbot.keyClick(slider, Qt.Key.Key_End)
    wait_for(qtbot, page, lambda s: s.replay is None)
    qtbot.mouseClick(diagram.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(editor.isVisible)
    assert not editor.field.isReadOnly() and not editor.reason.isVisible()
