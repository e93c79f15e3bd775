"""The computational graph: values equal the network's, gradients equal backprop's
and finite differences, and each node's chain-rule terms add up to its gradient."""

import numpy as np
import pytest

from core.labs.backprop import trace
from core.labs.compute_graph import build_graph
from core.nn.network import Network, NetworkSpec

SETUPS = {
    "2-2-1 sigmoid, squared error": (NetworkSpec(2, (2,), 1, "sigmoid", "sigmoid",
                                                 dtype="float64"), "squared_error", [1.0]),
    "2-3-2 tanh, softmax, cross-entropy": (NetworkSpec(2, (3,), 2, "tanh", "softmax",
                                                       dtype="float64"), "cross_entropy",
                                           [0.0, 1.0]),
}


def _setup(name):
    spec, loss, target = SETUPS[name]
    network = Network(spec, np.random.default_rng(4))
    for layer in network.layers:
        layer.params["b"][...] = np.random.default_rng(5).normal(0, 0.5, layer.b.shape)
    return network, loss, np.array(target)


def _graph(network, loss, target, x):
    names = [a.name for a in network.activations]
    return build_graph(network.get_weights(), names, x, target, loss)


def _weight_grads(graph, op):
    return [graph.grads[i] for i, n in enumerate(graph.nodes) if n.op == op]


@pytest.mark.parametrize("name", sorted(SETUPS))
def test_values_and_gradients_agree_with_the_network_and_finite_differences(name):
    network, loss, target = _setup(name)
    x = np.array([0.9, -0.4])
    graph = _graph(network, loss, target, x)
    outputs = [n.value for n in graph.nodes if n.op in ("sigmoid", "softmax")][-len(target):]
    np.testing.assert_allclose(outputs, network.predict(x[None])[0], rtol=1e-12)
    steps = trace(network, x, target, loss)
    assert graph.nodes[graph.loss].value == pytest.approx(steps.loss, rel=1e-12)
    # weight nodes appear in the order W[i, j] by j then i, per layer
    expected_w = np.concatenate([g.T.ravel() for g in steps.weight_gradients])
    expected_b = np.concatenate(steps.bias_gradients)
    np.testing.assert_allclose(_weight_grads(graph, "weight"), expected_w, atol=1e-10)
    np.testing.assert_allclose(_weight_grads(graph, "bias"), expected_b, atol=1e-10)
    # and independently of both: central differences of the graph's own loss
    h = 1e-6
    weights = network.get_weights()
    numeric = []
    for layer, (W, _) in enumerate(weights):
        for j in range(W.shape[1]):
            for i in range(W.shape[0]):
                values = []
                for sign in (1, -1):
                    changed = [(w.copy(), b.copy()) for w, b in weights]
                    changed[layer][0][i, j] += sign * h
                    g = build_graph(changed, [a.name for a in network.activations], x,
                                    target, loss)
                    values.append(g.nodes[g.loss].value)
                numeric.append((values[0] - values[1]) / (2 * h))
    np.testing.assert_allclose(_weight_grads(graph, "weight"), numeric, atol=1e-7)


@pytest.mark.parametrize("name", sorted(SETUPS))
def test_every_nodes_chain_rule_terms_sum_to_its_gradient(name):
    network, loss, target = _setup(name)
    graph = _graph(network, loss, target, np.array([-1.2, 0.3]))
    for index in graph.backward_order:
        if index == graph.loss:
            assert graph.chain_rule(index) == []
            continue
        terms = graph.chain_rule(index)
        assert terms, graph.nodes[index].label
        assert sum(t.product for t in terms) == pytest.approx(graph.grads[index], abs=1e-12)
        assert sum(graph.edge_gradient(index, t.consumer) for t in {t.consumer: t for t in terms}
                   .values()) == pytest.approx(graph.grads[index], abs=1e-12)


def test_forward_order_respects_dependencies_and_names_units():
    network, loss, target = _setup("2-2-1 sigmoid, squared error")
    graph = _graph(network, loss, target, np.array([0.5, 0.5]))
    seen = {i for i, n in enumerate(graph.nodes) if not graph.nodes[i].inputs}
    for index in graph.forward_order:
        assert set(graph.nodes[index].inputs) <= seen
        seen.add(index)
    labels = {n.label for n in graph.nodes}
    assert {"x1", "x2", "h1", "h2", "o", "L", "t", "w¹₁₂", "b²₁"} <= labels
    assert graph.backward_order[0] == graph.loss


def test_unsupported_activation_and_loss_are_refused():
    with pytest.raises(ValueError, match="not swish"):
        build_graph([(np.ones((1, 1)), np.zeros(1))], ["swish"], [1.0], [1.0])
    with pytest.raises(ValueError, match="loss must be"):
        build_graph([(np.ones((1, 1)), np.zeros(1))], ["sigmoid"], [1.0], [1.0], "hinge")
