"""Loss functions.  Each returns ``(loss, grad)`` with ``grad = dloss/dinput``.

Inputs are ``(n_samples, n_outputs)``; targets have the same shape (one-hot
rows for multi-class).  Losses are means over samples so the learning rate does
not depend on the batch size.  The two ``*_cross_entropy`` functions on logits
fuse the output activation with the loss: their gradient ``p - t`` never
divides by a vanishing probability.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from core.nn.activations import row_max, row_sum

LossFunction = Callable[[np.ndarray, np.ndarray], tuple[float, np.ndarray]]

_EPS = 1e-7


def mean_squared_error(P: np.ndarray, T: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean over samples of sum over outputs of (p - t)²."""
    n = P.shape[0]
    D = P - T
    return float((D * D).sum() / n), (2.0 / n) * D


def mean_absolute_error(P: np.ndarray, T: np.ndarray) -> tuple[float, np.ndarray]:
    """Mean over samples of sum over outputs of |p - t|; slope is ±1 everywhere."""
    n = P.shape[0]
    D = P - T
    return float(np.abs(D).sum() / n), np.sign(D) / n


def binary_cross_entropy(P: np.ndarray, T: np.ndarray) -> tuple[float, np.ndarray]:
    """Cross-entropy of probabilities ``P`` in (0, 1); clipped to stay finite."""
    n = P.shape[0]
    Pc = np.clip(P, _EPS, 1.0 - _EPS)
    loss = -(T * np.log(Pc) + (1.0 - T) * np.log(1.0 - Pc)).sum() / n
    grad = (Pc - T) / (Pc * (1.0 - Pc)) / n
    return float(loss), grad.astype(P.dtype, copy=False)


def sigmoid_cross_entropy(Z: np.ndarray, T: np.ndarray) -> tuple[float, np.ndarray]:
    """Binary cross-entropy of ``sigmoid(Z)`` computed from the logits ``Z``."""
    n = Z.shape[0]
    loss = np.logaddexp(0.0, Z).sum() - np.vdot(T, Z)
    P = 0.5 * (1.0 + np.tanh(0.5 * Z))
    return float(loss) / n, (P - T) / n


def softmax_cross_entropy(Z: np.ndarray, T: np.ndarray) -> tuple[float, np.ndarray]:
    """Cross-entropy of ``softmax(Z)`` against ``T``, from logits.

    Rows of ``T`` are distributions (one-hot for labels): the loss uses
    Σt = 1 and the gradient is ``p − t``.
    """
    n = Z.shape[0]
    S = Z - row_max(Z)
    E = np.exp(S)
    sums = row_sum(E)
    # -Σ t·log p with log p = S − log Σe^S and Σt = 1 in every row.
    loss = (np.log(sums).sum() - np.vdot(T, S)) / n
    E /= sums
    E -= T
    E *= Z.dtype.type(1.0 / n)
    return float(loss), E


LOSS_NAMES = ("cross_entropy", "mse", "mae")

_FUSED: dict[str, LossFunction] = {
    "sigmoid": sigmoid_cross_entropy,
    "softmax": softmax_cross_entropy,
}
_ON_OUTPUTS: dict[str, LossFunction] = {
    "mse": mean_squared_error,
    "mae": mean_absolute_error,
    "cross_entropy": binary_cross_entropy,
}


def resolve_loss(name: str, output_activation: str) -> tuple[LossFunction, bool]:
    """Pick the function for loss ``name`` after ``output_activation``.

    Returns ``(function, on_logits)``: when ``on_logits`` is true the function
    takes the output layer's pre-activation and already includes the
    activation's derivative in its gradient.
    """
    if name not in _ON_OUTPUTS:
        choices = ", ".join(LOSS_NAMES)
        raise ValueError(f"unknown loss {name!r} (choose from {choices})")
    if name == "cross_entropy" and output_activation in _FUSED:
        return _FUSED[output_activation], True
    return _ON_OUTPUTS[name], False
