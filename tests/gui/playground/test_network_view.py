"""The network diagram under a real mouse: hover tooltips with live numbers, layout."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolTip

from core.playground.features import FEATURE_NAMES
from core.playground.grid import TILE_SIDE
from gui.display_names import feature_label


def _viewport_point(view, x: float, y: float) -> QPoint:
    """Where the diagram's point (x, y) (mosaic pixels) is on the view's viewport."""
    return view.mapFromScene(view.view.mapViewToScene(QPointF(x, y)))


def _hover(qtbot, view, point: QPoint) -> str:
    """Move the real mouse there (from elsewhere first, so the move is new) and read the tooltip."""
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)
    QTest.mouseMove(view.viewport(), point + QPoint(0, 3))
    QTest.mouseMove(view.viewport(), point)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    return QToolTip.text()


def _tile(view, column: int, unit: int):
    return next(t for t in view.tiles if (t.column, t.unit) == (column, unit))


def _tile_centre(view, column: int, unit: int) -> QPoint:
    tile = _tile(view, column, unit)
    return _viewport_point(view, tile.x + TILE_SIDE / 2, tile.y + TILE_SIDE / 2)


@pytest.fixture
def diagram(page, qtbot):
    """The paused playground's diagram with a drawn snapshot (weights stay put)."""
    view = page.network_view
    qtbot.waitUntil(lambda: page.drawn is not None and bool(view.tiles), timeout=10_000)
    assert not page.running
    return view


def test_hovering_a_hidden_neuron_shows_its_formula_with_the_live_weights(page, diagram, qtbot):
    snap = page.drawn
    W, b = (np.asarray(a, dtype=float) for a in snap.network.weights[0])
    unit = 1
    text = _hover(qtbot, diagram, _tile_centre(diagram, 1, unit))
    features = snap.config.features
    assert text.startswith(f"L1·N{unit + 1} = {snap.network.activations[0]}(")
    for i, name in enumerate(features):
        assert f"{abs(W[i, unit]):.2f}·{name}" in text
    expected_bias = f"{'−' if b[unit] < 0 else '+'} {abs(b[unit]):.2f})"
    formula, hint = text.split("\n")
    assert formula.endswith(expected_bias)
    assert hint == "Right-click to set its bias."


def test_hovering_the_output_neuron_names_it_and_its_inputs(page, diagram, qtbot):
    snap = page.drawn
    last = len(snap.network.layer_sizes) - 1
    W, _ = snap.network.weights[-1]
    text = _hover(qtbot, diagram, _tile_centre(diagram, last, 0))
    assert text.startswith("output 1 = ")
    for i in range(W.shape[0]):
        assert f"{abs(float(W[i, 0])):.2f}·L{last - 1}·N{i + 1}" in text


def test_hovering_a_link_shows_its_weight(page, diagram, qtbot):
    snap = page.drawn
    features = snap.config.features
    W, _ = snap.network.weights[0]
    i, j = 0, 2
    source = _tile(diagram, 0, FEATURE_NAMES.index(features[i]))
    target = _tile(diagram, 1, j)
    # A point a third of the way along the link, away from the tiles.
    start = np.array([source.x + TILE_SIDE, source.y + TILE_SIDE / 2])
    end = np.array([target.x, target.y + TILE_SIDE / 2])
    x, y = start + (end - start) / 3
    text = _hover(qtbot, diagram, _viewport_point(diagram, x, y))
    # Other links may cross nearby; the hovered one is the nearest.
    assert text.startswith("weight ")
    assert f"({feature_label(features[i])} → L1·N{j + 1})" in text
    assert f"weight {float(W[i, j]):+.3f}" in text
    assert text.endswith("\nClick to edit this weight.")


def test_hovering_an_input_tile_says_whether_it_is_used(page, diagram, qtbot):
    used = page.drawn.config.features[0]
    unused = next(n for n in FEATURE_NAMES if n not in page.drawn.config.features)
    text = _hover(qtbot, diagram, _tile_centre(diagram, 0, FEATURE_NAMES.index(used)))
    assert text == f"input feature {feature_label(used)}"
    text = _hover(qtbot, diagram, _tile_centre(diagram, 0, FEATURE_NAMES.index(unused)))
    assert text.startswith(f"input feature {feature_label(unused)} (off")  # x1², not x1^2


def test_hovering_empty_space_hides_the_tooltip(page, diagram, qtbot):
    _hover(qtbot, diagram, _tile_centre(diagram, 1, 0))
    corner = _viewport_point(diagram, -40, -20)
    QTest.mouseMove(diagram.viewport(), corner)
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=3000)


def test_an_exception_in_the_hover_slot_fails_the_test(page, diagram, qtbot, monkeypatch):
    """pytest-qt turns an exception in a Qt slot into a test failure: the hover
    tests above would have caught the ``toPoint`` bug."""
    def broken(*_args):
        raise RuntimeError("hover bug")

    monkeypatch.setattr(diagram, "neuron_formula", broken)
    with qtbot.captureExceptions() as caught:
        QTest.mouseMove(diagram.viewport(), _tile_centre(diagram, 1, 0) + QPoint(0, 2))
        QTest.mouseMove(diagram.viewport(), _tile_centre(diagram, 1, 0))
        qtbot.waitUntil(lambda: bool(caught), timeout=3000)
    kind, error, _ = caught[0]
    assert kind is RuntimeError and str(error) == "hover bug"


def _label_rects(view) -> list:
    return [label.textItem.sceneBoundingRect() for label in view.labels]


def test_a_wide_deep_network_spreads_over_the_view_with_readable_labels(page, diagram, qtbot):
    from core.worker.protocol import Configure

    page.controller.send(Configure({"hidden": (32,) * 8}))
    qtbot.waitUntil(lambda: len(diagram.tiles) == len(FEATURE_NAMES) + 8 * 32 + 1, timeout=10_000)
    first, last = diagram.tiles[0], diagram.tiles[-1]
    left = _viewport_point(diagram, first.x, 0).x()
    right = _viewport_point(diagram, last.x + TILE_SIDE, 0).x()
    assert right - left > 0.6 * diagram.viewport().width()  # not a narrow column
    rects = _label_rects(diagram)
    for i, a in enumerate(rects):
        assert not any(a.intersects(b) for b in rects[i + 1:]), "labels overlap"
    # The mosaic is coloured from the worker's small tiles and scaled to the layout.
    assert diagram._model.grid.tiles[1].shape[1:] == (15, 15)
    assert diagram.mosaic.mapRectToParent(diagram.mosaic.boundingRect()).right() == \
        pytest.approx(last.x + TILE_SIDE)


def test_diagram_labels_follow_the_application_font(page, diagram, qtbot, qapp):
    font = qapp.font()
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * 1.5)
    try:
        qapp.setFont(bigger)
        qtbot.waitUntil(lambda: all(
            label.textItem.font().pointSizeF() == bigger.pointSizeF()
            for label in diagram.labels), timeout=3000)
        rects = _label_rects(diagram)
        for i, a in enumerate(rects):
            assert not any(a.intersects(b) for b in rects[i + 1:]), "labels overlap"
    finally:
        qapp.setFont(font)
