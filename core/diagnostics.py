"""What goes on inside training: dead and saturated units, weight and gradient spreads.

These are the warning signs the notes describe: ReLUs that never fire again,
sigmoid/tanh units stuck at their flat ends (their slope ≈ 0, so they stop
learning), and gradients that vanish or explode layer by layer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.network import Network

SATURATION = 0.97  # |tanh| or |2·sigmoid − 1| above this counts as saturated
WEIGHT_BINS = np.linspace(-3.0, 3.0, 31)
# Gradients are binned by order of magnitude, log10|g|: vanishing gradients pile
# up on the left, exploding ones on the right.
GRADIENT_LOG_BINS = np.linspace(-9.0, 1.0, 31)


def dead_fraction(activations: np.ndarray) -> float:
    """Fraction of units ``(n_samples, n_units)`` that output 0 for every sample."""
    return float((activations <= 0).all(axis=0).mean())


def saturated_fraction(activations: np.ndarray, activation: str) -> float:
    """Fraction of unit outputs on the flat ends of a sigmoid or tanh."""
    if activation == "sigmoid":
        activations = 2.0 * activations - 1.0
    elif activation != "tanh":
        return 0.0
    return float((np.abs(activations) > SATURATION).mean())


@dataclass(frozen=True)
class LayerHealth:
    activation: str
    dead: float
    saturated: float
    weight_histogram: np.ndarray     # counts over ``WEIGHT_BINS``
    gradient_histogram: np.ndarray   # counts of log10|g| over ``GRADIENT_LOG_BINS``
    weight_scale: float              # RMS of the weights
    gradient_scale: float            # RMS of the gradients


def _histogram(values: np.ndarray, bins: np.ndarray) -> np.ndarray:
    return np.histogram(np.clip(values, bins[0], bins[-1]), bins)[0]


def layer_health(network: Network, X: np.ndarray) -> tuple[LayerHealth, ...]:
    """Health of every hidden layer on inputs ``X`` (gradients from the last backward)."""
    if len(network.layers) == 1:
        return ()  # the linear model: no hidden layer, so no forward pass per frame
    network.predict(X)
    report = []
    for i, act in enumerate(network.activations[:-1]):
        A = network.layer_outputs[i]
        W, dW = network.layers[i].W, network.layers[i].grads["W"]
        log_g = np.log10(np.maximum(np.abs(dW), 1e-12))
        report.append(LayerHealth(
            activation=act.name,
            dead=dead_fraction(A) if act.name == "relu" else 0.0,
            saturated=saturated_fraction(A, act.name),
            weight_histogram=_histogram(W, WEIGHT_BINS),
            gradient_histogram=_histogram(log_g, GRADIENT_LOG_BINS),
            weight_scale=float(np.sqrt(np.mean(W * W))),
            gradient_scale=float(np.sqrt(np.mean(dW * dW))),
        ))
    return tuple(report)


class InputNoise:
    """Adds Gaussian noise to every training batch: a regulariser (``Trainer.augment``)."""

    def __init__(self, std: float) -> None:
        if std < 0:
            raise ValueError("noise must not be negative")
        self.std = std

    def __call__(self, X: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        if self.std == 0:
            return X
        return (X + rng.normal(0.0, self.std, X.shape)).astype(X.dtype, copy=False)
