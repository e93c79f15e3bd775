"""A tiny network on one sample as a computational graph: every ×, +, activation and
the loss is a node, with the value flowing forward and the gradient flowing back.

The gradients are computed here by the chain rule over the graph itself (each node
knows its local derivatives; a node's gradient is the sum over its consumers of
upstream gradient × local derivative) — independently of the network's own
``backward``, which the tests compare it with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
SUP = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
LEAVES = ("input", "weight", "bias", "target")


@dataclass(frozen=True)
class Node:
    """One value of the computation: ``op`` of ``inputs`` (indices of earlier nodes).

    ``local[k]`` is ∂(this node)/∂(inputs[k]); ``column`` places it for drawing.
    """

    label: str
    op: str
    inputs: tuple[int, ...]
    value: float
    local: tuple[float, ...]
    column: int


@dataclass(frozen=True)
class Term:
    """One product of the chain rule: the consumer's gradient × its local derivative."""

    consumer: int
    upstream: float
    local: float

    @property
    def product(self) -> float:
        return self.upstream * self.local


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    grads: tuple[float, ...]      # dL/d(node), by the chain rule over the graph
    loss: int                     # index of the loss node

    def consumers(self, index: int) -> list[int]:
        return [i for i, n in enumerate(self.nodes) if index in n.inputs]

    def chain_rule(self, index: int) -> list[Term]:
        """The terms whose sum is node ``index``'s gradient (empty for the loss)."""
        terms = []
        for c in self.consumers(index):
            node = self.nodes[c]
            for k, source in enumerate(node.inputs):
                if source == index:
                    terms.append(Term(c, self.grads[c], node.local[k]))
        return terms

    def edge_gradient(self, source: int, consumer: int) -> float:
        """What flows back along the edge ``source → consumer``."""
        node = self.nodes[consumer]
        return sum(self.grads[consumer] * node.local[k]
                   for k, s in enumerate(node.inputs) if s == source)

    @property
    def forward_order(self) -> list[int]:
        """The computed nodes in the order a forward pass evaluates them."""
        return [i for i, n in enumerate(self.nodes) if n.op not in LEAVES]

    @property
    def backward_order(self) -> list[int]:
        """Every node whose gradient the backward pass finds, loss first."""
        return [i for i in range(len(self.nodes) - 1, -1, -1)
                if self.nodes[i].op not in ("input", "target")]


class _Builder:
    def __init__(self) -> None:
        self.nodes: list[Node] = []

    def add(self, label: str, op: str, inputs: Sequence[int], value: float,
            local: Sequence[float], column: int) -> int:
        self.nodes.append(Node(label, op, tuple(inputs), float(value),
                               tuple(float(v) for v in local), column))
        return len(self.nodes) - 1


def _activation(name: str, z: float) -> tuple[float, float]:
    """``(a, da/dz)`` of a scalar activation."""
    if name == "sigmoid":
        a = 1.0 / (1.0 + np.exp(-z))
        return a, a * (1 - a)
    if name == "tanh":
        a = np.tanh(z)
        return a, 1 - a * a
    if name == "relu":
        return max(z, 0.0), float(z > 0)
    if name == "linear":
        return z, 1.0
    raise ValueError(f"the graph shows sigmoid, tanh, relu, linear or softmax; not {name}")


def _unit_names(sizes: Sequence[int]) -> list[list[str]]:
    names = [[f"x{i + 1}" for i in range(sizes[0])]]
    for layer, size in enumerate(sizes[1:-1]):
        letter = "h" if len(sizes) == 3 else f"h{layer + 1}_"
        names.append([f"{letter}{j + 1}" for j in range(size)])
    out = sizes[-1]
    names.append(["o"] if out == 1 else [f"o{k + 1}" for k in range(out)])
    return names


def build_graph(weights: Sequence[tuple[np.ndarray, np.ndarray]], activations: Sequence[str],
                x: Sequence[float], target: Sequence[float],
                loss: str = "squared_error") -> Graph:
    """The graph of ``loss(network(x), target)`` for weights ``[(W (n_in, n_out), b)]``.

    Squared error is Σ (o − t)²; cross-entropy is −Σ t·log o after a softmax output.
    """
    sizes = [len(x), *(len(b) for _, b in weights)]
    names = _unit_names(sizes)
    g = _Builder()
    layer_nodes = [g.add(names[0][i], "input", (), v, (), 0) for i, v in enumerate(x)]
    column = 0
    for layer, ((W, b), act) in enumerate(zip(weights, activations, strict=True)):
        tag = str(layer + 1).translate(SUP)
        sums = []
        for j in range(W.shape[1]):
            products = []
            for i, source in enumerate(layer_nodes):
                w_label = f"w{tag}{str(i + 1).translate(SUB)}{str(j + 1).translate(SUB)}"
                w = g.add(w_label, "weight", (), W[i, j], (), column)
                source_node = g.nodes[source]
                products.append(g.add(f"{w_label}·{source_node.label}", "mul", (source, w),
                                      source_node.value * W[i, j], (W[i, j], source_node.value),
                                      column + 1))
            bias = g.add(f"b{tag}{str(j + 1).translate(SUB)}", "bias", (), b[j], (), column + 1)
            value = sum(g.nodes[p].value for p in products) + b[j]
            sums.append(g.add(f"z{tag}{str(j + 1).translate(SUB)}", "add", (*products, bias),
                              value, [1.0] * (len(products) + 1), column + 2))
        if act == "softmax":
            z = np.array([g.nodes[s].value for s in sums])
            p = np.exp(z - z.max())
            p /= p.sum()
            layer_nodes = [g.add(names[layer + 1][k], "softmax", sums, p[k],
                                 [p[k] * ((k == j) - p[j]) for j in range(len(sums))],
                                 column + 3) for k in range(len(sums))]
        else:
            layer_nodes = []
            for j, s in enumerate(sums):
                a, slope = _activation(act, g.nodes[s].value)
                layer_nodes.append(g.add(names[layer + 1][j], act, (s,), a, (slope,),
                                         column + 3))
        column += 3
    targets = [g.add(f"t{k + 1}" if len(target) > 1 else "t", "target", (), t, (), column)
               for k, t in enumerate(target)]
    outputs = np.array([g.nodes[n].value for n in layer_nodes])
    t = np.asarray(target, dtype=np.float64)
    if loss == "squared_error":
        value = float(((outputs - t) ** 2).sum())
        local = [*(2 * (outputs - t)), *(-2 * (outputs - t))]
    elif loss == "cross_entropy":
        clipped = np.clip(outputs, 1e-300, None)
        value = float(-(t * np.log(clipped)).sum())
        local = [*(-t / clipped), *(-np.log(clipped))]
    else:
        raise ValueError(f"loss must be squared_error or cross_entropy, not {loss!r}")
    loss_node = g.add("L", "loss", (*layer_nodes, *targets), value, local, column + 1)
    return Graph(tuple(g.nodes), _backward(g.nodes, loss_node), loss_node)


def _backward(nodes: Sequence[Node], loss: int) -> tuple[float, ...]:
    """Reverse mode: visit nodes from the loss back, each passing grad × local on."""
    grads = [0.0] * len(nodes)
    grads[loss] = 1.0
    for index in range(loss, -1, -1):
        node = nodes[index]
        for source, local in zip(node.inputs, node.local, strict=True):
            grads[source] += grads[index] * local
    return tuple(grads)


def _spread_products(graph: Graph, y: np.ndarray) -> float:
    """Each layer's products evenly over the height of the tallest; returns that height."""
    by_column: dict[int, list[int]] = {}
    for i, node in enumerate(graph.nodes):
        if node.op == "mul":
            by_column.setdefault(node.column, []).append(i)
    top = max((len(v) for v in by_column.values()), default=1) - 1
    for members in by_column.values():
        step = top / (len(members) - 1) if len(members) > 1 else 0.0
        for row, i in enumerate(members):
            y[i] = top - row * step if len(members) > 1 else top / 2
    return top


def _height_from_inputs(graph: Graph, i: int, y: np.ndarray, softmax_rank: int) -> float:
    node = graph.nodes[i]
    if node.op == "softmax":  # output k beside the weighted sum k it mostly follows
        return y[node.inputs[softmax_rank]]
    return float(np.mean([y[s] for s in node.inputs
                          if graph.nodes[s].op not in ("bias", "target")]))


def layout(graph: Graph) -> np.ndarray:
    """Drawing positions ``(n_nodes, 2)``: operations in columns, each weight, bias and
    target just above-left of the operation it feeds, every value between what it uses.

    Products are spread evenly; sums, activations and the loss sit at the mean height
    of their inputs, inputs at the mean height of their products.
    """
    nodes = graph.nodes
    y = np.full(len(nodes), np.nan)
    x = np.array([float(n.column) for n in nodes])
    top = _spread_products(graph, y)
    for i, node in enumerate(nodes):
        if node.op == "input":
            ys = [y[c] for c in graph.consumers(i)]
            y[i] = np.mean(ys) if ys else top / 2
    softmax_rank = 0
    for i, node in enumerate(nodes):  # inputs come before their consumers
        if node.op not in LEAVES and node.op != "mul":
            y[i] = _height_from_inputs(graph, i, y, softmax_rank)
            softmax_rank += node.op == "softmax"
    loss = nodes[graph.loss]
    outputs = [s for s in loss.inputs if nodes[s].op != "target"]
    for i, node in enumerate(nodes):
        if node.op in ("weight", "bias"):
            (consumer,) = graph.consumers(i)
            x[i], y[i] = nodes[consumer].column - 0.25, y[consumer] + 0.42
        elif node.op == "target":  # target k above-left of the loss, level with output k
            k = loss.inputs.index(i) - len(outputs)
            x[i], y[i] = loss.column - 0.25, y[outputs[k]] + 0.42
    return np.column_stack([x, y])
