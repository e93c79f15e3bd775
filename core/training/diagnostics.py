"""What goes on inside training: dead and saturated units, weight and gradient spreads.

These are the warning signs the notes describe: ReLUs that never fire again,
sigmoid/tanh units stuck at their flat ends (their slope ≈ 0, so they stop
learning), and gradients that vanish or explode layer by layer.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.nn.network import Network
from core.training.tasks import BINARY, MULTICLASS
from core.training.trainer import accuracy

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
    """Health of every layer, the output layer last, on inputs ``X`` (gradients from the
    last backward); none for the linear model, whose one layer is drawn elsewhere."""
    if len(network.layers) == 1:
        return ()  # the linear model: no hidden layer, so no forward pass per frame
    network.predict(X)
    report = []
    for i, act in enumerate(network.activations):
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


# -- what went wrong ----------------------------------------------------------
MIN_EPOCHS = 5         # a fresh network is judged only after a few epochs
MOST = 0.5             # "most units": more than half
ONE_CLASS = 0.99       # share of points given the same class that counts as one class
FLAT_OUTPUT = 0.01     # output spread over the training points below which it is constant
SOLVED_ACCURACY = 0.95
SOLVED_LOSS = 0.01     # regression: mean squared error on targets in [-1, 1]
STALL_ROWS = 40        # history rows (epochs) without progress that count as stuck
STALL_PROGRESS = 0.01  # less than 1 % lower than the best before counts as no progress
LEARNED = 0.5          # a loss below half its first value has learned something: not stuck


@dataclass(frozen=True)
class Problem:
    """Training went wrong without the loss exploding.

    ``kind`` is ``"collapsed"``, ``"dead"``, ``"saturated"`` or ``"stuck"``.
    ``share`` is the fraction the window quotes: of the points in the one
    class (collapsed), of a layer's ReLUs that are dead, of a layer's
    tanh/sigmoid outputs that are saturated, or of the training points still
    wrong (stuck).
    """

    kind: str
    step: int
    share: float


def unit_shares(network: Network) -> tuple[float, float]:
    """The worst hidden layer's share of dead ReLUs, and of saturated tanh/sigmoid
    outputs, from the layer outputs of the last forward pass.

    The worst layer, not the mean: one layer that lets nothing through is
    enough to stop the whole network.
    """
    dead = saturated = 0.0
    for act, A in zip(network.activations[:-1], network.layer_outputs, strict=False):
        if act.name == "relu":
            dead = max(dead, dead_fraction(A))
        saturated = max(saturated, saturated_fraction(A, act.name))
    return dead, saturated


def stalled(losses: np.ndarray) -> bool:
    """True if the last ``STALL_ROWS`` losses are no lower than the best before
    them, and not even half the first one: stuck before learning much.

    A loss that fell a lot and then levelled off has learned what it can —
    on noisy points some errors are the noise's, and a bigger network would
    only learn the noise.
    """
    losses = losses[np.isfinite(losses)]
    if len(losses) < STALL_ROWS + MIN_EPOCHS:
        return False
    before, recent = losses[:-STALL_ROWS].min(), losses[-STALL_ROWS:].min()
    return recent > before - STALL_PROGRESS * abs(before) and recent > LEARNED * losses[0]


def diagnose(network: Network, X: np.ndarray, T: np.ndarray, task: str, step: int,
             losses: np.ndarray) -> Problem | None:
    """What went wrong, if anything, for a network trained on ``(X, T)``.

    Parameters
    ----------
    X, T : (n_samples, n_features), (n_samples, n_outputs)
        The training inputs and the network's targets.
    task : ``"binary"``, ``"multiclass"`` or ``"regression"``.
    losses : (n_epochs,)
        The training loss at each epoch end since the settings last changed;
        nothing is judged before ``MIN_EPOCHS`` of them.

    A network that fits its training data has no problem, whatever its units
    do.  Otherwise the first that applies: collapsed to one class (one answer
    everywhere, its hidden units dead or saturated), most ReLUs dead, most
    tanh/sigmoid outputs saturated, the loss stuck.
    """
    if len(losses) < MIN_EPOCHS:
        return None
    with np.errstate(all="ignore"):
        out = network.predict(X)
    classes = task in (BINARY, MULTICLASS)
    if classes:
        wrong = 1.0 - accuracy(out, T, task)
        if wrong <= 1.0 - SOLVED_ACCURACY:
            return None
    else:
        wrong = 1.0
        if float(np.mean((out - T) ** 2)) <= SOLVED_LOSS:
            return None
    dead, saturated = unit_shares(network)
    if classes and (dead > MOST or saturated > MOST):
        answers = out.argmax(axis=1) if task == MULTICLASS else (out[:, 0] > 0.5).astype(int)
        one_class = np.bincount(answers).max() / len(answers)
        truth = T.argmax(axis=1) if task == MULTICLASS else (T[:, 0] > 0.5).astype(int)
        majority = np.bincount(truth).max() / len(truth)
        if one_class >= ONE_CLASS and out.std(axis=0).max() < FLAT_OUTPUT \
                and majority < ONE_CLASS:
            return Problem("collapsed", step, float(one_class))
    if dead > MOST:
        return Problem("dead", step, dead)
    if saturated > MOST:
        return Problem("saturated", step, saturated)
    if stalled(losses):
        return Problem("stuck", step, float(wrong))
    return None


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
