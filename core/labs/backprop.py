"""Backpropagation spelled out for one sample, number by number.

``trace`` computes a tiny network's forward pass (weighted sums, biases,
activations, loss) and backward pass by the textbook formulas — the output
error, errors sent back through Wᵀ and multiplied by the activation's slope,
ΔW = a_prevᵀ·δ — then the finite-difference estimate of every gradient, and
the loss after one update.  Tests check it against the network's own
``backward``, so the lesson and the engine cannot disagree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.nn.network import Network

LOSSES = ("squared_error", "cross_entropy")


@dataclass(frozen=True)
class Trace:
    x: np.ndarray
    target: np.ndarray
    weights: tuple[tuple[np.ndarray, np.ndarray], ...]
    weighted_sums: tuple[np.ndarray, ...]      # z per layer
    outputs: tuple[np.ndarray, ...]            # a per layer (after the activation)
    loss: float
    errors: tuple[np.ndarray, ...]             # δ = dL/dz per layer
    weight_gradients: tuple[np.ndarray, ...]   # dL/dW per layer
    bias_gradients: tuple[np.ndarray, ...]
    numeric_weight_gradients: tuple[np.ndarray, ...]
    numeric_bias_gradients: tuple[np.ndarray, ...]
    learning_rate: float
    updated_weights: tuple[tuple[np.ndarray, np.ndarray], ...]
    loss_after: float


def _activate(name: str, z: np.ndarray) -> np.ndarray:
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-z))
    if name == "tanh":
        return np.tanh(z)
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "softmax":
        e = np.exp(z - z.max())
        return e / e.sum()
    if name == "linear":
        return z
    raise ValueError(f"the step-through supports sigmoid, tanh, relu, softmax, linear; not {name}")


def _slope(name: str, z: np.ndarray, a: np.ndarray) -> np.ndarray:
    return {"sigmoid": a * (1 - a), "tanh": 1 - a * a, "relu": (z > 0).astype(float),
            "linear": np.ones_like(z)}[name]


def _forward(weights, activations, x):
    zs, outs, a = [], [], x
    for (W, b), name in zip(weights, activations, strict=True):
        z = a @ W + b
        a = _activate(name, z)
        zs.append(z)
        outs.append(a)
    return zs, outs


def _loss(kind: str, output: np.ndarray, target: np.ndarray) -> float:
    if kind == "squared_error":
        return float(((output - target) ** 2).sum())
    return float(-(target * np.log(np.clip(output, 1e-300, None))).sum())


def trace(network: Network, x, target, loss: str = "squared_error",
          learning_rate: float = 0.5, h: float = 1e-6) -> Trace:
    """Forward, backward and one update for one sample, all in float64."""
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {LOSSES}")
    names = [a.name for a in network.activations]
    if loss == "cross_entropy" and names[-1] != "softmax":
        raise ValueError("cross-entropy here goes with a softmax output")
    x, t = np.asarray(x, np.float64), np.asarray(target, np.float64)
    weights = [(W.astype(np.float64), b.astype(np.float64)) for W, b in network.get_weights()]
    zs, outs = _forward(weights, names, x)
    # Output error δ = dL/dz: squared error through the activation's slope; softmax with
    # cross-entropy simplifies to p − t.
    if loss == "cross_entropy":
        delta = outs[-1] - t
    else:
        delta = 2 * (outs[-1] - t) * _slope(names[-1], zs[-1], outs[-1])
    errors = [delta]
    for layer in range(len(weights) - 1, 0, -1):
        sent_back = weights[layer][0] @ errors[0]          # errors sent back through Wᵀ
        errors.insert(0, sent_back * _slope(names[layer - 1], zs[layer - 1], outs[layer - 1]))
    inputs = [x, *outs[:-1]]
    w_grads = [np.outer(a_prev, d) for a_prev, d in zip(inputs, errors, strict=True)]
    b_grads = [d.copy() for d in errors]

    def loss_of(ws) -> float:
        return _loss(loss, _forward(ws, names, x)[1][-1], t)

    num_w, num_b = [], []
    for W, b in weights:
        for array, store in ((W, num_w), (b, num_b)):
            grad = np.zeros_like(array)
            for idx in np.ndindex(array.shape):
                old = array[idx]
                array[idx] = old + h
                up = loss_of(weights)
                array[idx] = old - h
                down = loss_of(weights)
                array[idx] = old
                grad[idx] = (up - down) / (2 * h)
            store.append(grad)
    updated = [(W - learning_rate * gW, b - learning_rate * gb)
               for (W, b), gW, gb in zip(weights, w_grads, b_grads, strict=True)]
    return Trace(
        x=x, target=t, weights=tuple(weights), weighted_sums=tuple(zs), outputs=tuple(outs),
        loss=_loss(loss, outs[-1], t), errors=tuple(errors),
        weight_gradients=tuple(w_grads), bias_gradients=tuple(b_grads),
        numeric_weight_gradients=tuple(num_w), numeric_bias_gradients=tuple(num_b),
        learning_rate=learning_rate, updated_weights=tuple(updated),
        loss_after=loss_of(updated),
    )
