"""The computational graph in Inside the network, driven with the mouse."""

import numpy as np
import pytest
from PySide6.QtCore import QPointF, Qt

from core.labs.backprop import trace


def _click_tab(qtbot, tabs, index):
    bar = tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())


@pytest.fixture
def graph_view(qtbot, window):
    tabs = window.tabs
    _click_tab(qtbot, tabs, tabs.indexOf(window.backprop))
    page = window.backprop
    _click_tab(qtbot, page.views, 1)
    qtbot.waitUntil(lambda: page.graph_view.isVisible())
    return page, page.graph_view


def test_next_reveals_values_then_gradients_that_match_backprop(qtbot, graph_view):
    page, view = graph_view
    graph = view.graph
    n_forward = len(graph.forward_order)
    for _ in range(n_forward):
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    loss_text = view.texts[graph.loss].toPlainText()
    assert f"{page.trace.loss:.3g}" in loss_text and "∂L" not in loss_text
    assert "Forward" in view.explain.text()
    for _ in range(len(graph.backward_order)):
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert not view.next_button.isEnabled()
    # every weight's gradient shown equals the textbook backprop of the page's own trace
    expected = np.concatenate([g.T.ravel() for g in page.trace.weight_gradients])
    shown = [graph.grads[i] for i, n in enumerate(graph.nodes) if n.op == "weight"]
    np.testing.assert_allclose(shown, expected, atol=1e-10)
    first_weight = next(i for i, n in enumerate(graph.nodes) if n.op == "weight")
    assert f"{expected[0]:.3g}" in view.texts[first_weight].toPlainText()
    qtbot.mouseClick(view.back_button, Qt.MouseButton.LeftButton)
    assert view.next_button.isEnabled()


def test_clicking_a_node_explains_its_chain_rule(qtbot, graph_view):
    _page, view = graph_view
    while view.next_button.isEnabled():
        qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    graph = view.graph
    index = next(i for i, n in enumerate(graph.nodes) if n.label == "h1")
    scene = view.plot.plotItem.vb.mapViewToScene(QPointF(*view.positions[index]))
    point = view.plot.mapFromScene(scene)
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    text = view.explain.text()
    assert "∂L/∂h1" in text
    assert f"{graph.grads[index]:.3g}" in text


def test_new_inputs_redraw_the_graph(qtbot, graph_view):
    page, view = graph_view
    before = view.graph
    page.inputs[0].setFocus()
    qtbot.keyClick(page.inputs[0], Qt.Key.Key_Up)
    assert view.graph is not before
    x = np.array([s.value() for s in page.inputs])
    assert [n.value for n in view.graph.nodes if n.op == "input"] == pytest.approx(list(x))
    assert view.graph.nodes[view.graph.loss].value == pytest.approx(
        trace(page.network, x, page._targets(), page._setup[3]).loss)
