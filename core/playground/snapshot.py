"""What the playground hands the window each frame: copies only, never live state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from core.playground.config import PlaygroundConfig
from core.playground.grid import GridEvaluation, GridEvaluator
from core.playground.remedy import Remedy
from core.playground.transformed_space import TransformedSpace
from core.playground.weight_effect import WeightEffect
from core.training.diagnostics import LayerHealth, Problem, layer_health
from core.training.history import COLUMNS
from core.training.metrics import Confusion
from core.training.trainer import Divergence, Trainer


@dataclass(frozen=True)
class ModelSnapshot:
    """One model's state: weights, heatmaps of every neuron, metrics, history."""

    weights: tuple[tuple[np.ndarray, np.ndarray], ...]
    grid: GridEvaluation
    history: dict[str, np.ndarray]
    train_loss: float
    test_loss: float | None
    train_accuracy: float | None
    test_accuracy: float | None
    layer_sizes: tuple[int, ...]
    activations: tuple[str, ...]
    optimizer: str
    optimizer_settings: dict[str, float]
    health: tuple[LayerHealth, ...] = ()
    norms: tuple[tuple[np.ndarray, ...], ...] = ()  # batch norm's (γ, β, μ, σ²) per layer
    # Confusion matrices (rows true, columns predicted) on the training and test points;
    # None for regression, the test one None without test points.
    confusion: tuple[Confusion, Confusion | None] | None = None


@dataclass(frozen=True)
class PlaygroundSnapshot:
    """The playground seen now; ``STATE_FIELDS`` change only with a command, so the
    worker sends them only then, and of the ``GROWING_FIELDS`` only the new rows
    (core.worker.channels)."""

    STATE_FIELDS: ClassVar[tuple[str, ...]] = (
        "config", "task", "n_classes", "train_X", "train_y", "test_X", "test_y")
    GROWING_FIELDS: ClassVar[tuple[str, ...]] = ("network.history", "linear.history")

    step: int
    epoch: int
    running: bool
    config: PlaygroundConfig
    task: str
    n_classes: int
    train_X: np.ndarray
    train_y: np.ndarray
    test_X: np.ndarray
    test_y: np.ndarray
    network: ModelSnapshot
    linear: ModelSnapshot
    divergence: Divergence | None = None
    message: str | None = None
    transformed: TransformedSpace | None = None
    replay_steps: tuple[int, ...] = ()   # the recorded moments, oldest first
    replay: ModelSnapshot | None = None  # the network at the chosen moment
    replay_step: int | None = None
    weight_effect: WeightEffect | None = None  # with the health view only
    problem: Problem | None = None  # what went wrong, short of a divergence
    remedy: Remedy | None = None    # the fix for the divergence or the problem


def model_snapshot(trainer: Trainer, grid: GridEvaluator, focus: tuple[int, int] | None = None,
                   health: bool = False) -> ModelSnapshot:
    """One trainer's model seen now: ``focus`` at full resolution, ``health`` on request."""
    m = trainer.evaluate()
    net = trainer.network
    history = trainer.history.as_dict()
    return ModelSnapshot(
        weights=tuple(net.get_weights()),
        grid=grid.evaluate(net, focus),
        history={k: history[k] for k in COLUMNS},
        train_loss=m.train_loss,
        test_loss=m.test_loss,
        train_accuracy=m.train_accuracy,
        test_accuracy=m.test_accuracy,
        layer_sizes=net.spec.layer_sizes,
        activations=tuple(a.name for a in net.activations),
        optimizer=trainer.optimizer.name,
        optimizer_settings=trainer.optimizer.settings(),
        health=layer_health(net, trainer.X_train) if health else (),
        norms=net.get_norms(),
        confusion=None if m.train_confusion is None else (m.train_confusion,
                                                           m.test_confusion),
    )
