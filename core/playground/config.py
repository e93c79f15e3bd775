"""The playground's settings: one frozen value, its checks, the presets, and how a
change by name becomes a new, consistent config."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from core.data.datasets import BINARY, FORMULA, MULTICLASS, dataset_task
from core.data.formula import CLASSES, check_formulas
from core.nn.activations import HIDDEN_ACTIVATIONS
from core.nn.losses import LOSS_NAMES
from core.nn.optimizers import OPTIMIZERS
from core.playground.features import DEFAULT_FEATURES, resolve_features, validate_features

MAX_LAYERS = 8
MAX_NEURONS = 32

# Settings that act on the running networks; any other change rebuilds them.
LIVE_SETTINGS = frozenset(
    {"learning_rate", "optimizer", "optimizer_settings", "batch_size", "l1", "l2",
     "dropout", "loss", "input_noise", "batch_norm", "layer_norm"}
)
DATA_SETTINGS = frozenset({"dataset", "n_points", "noise", "train_ratio", "seed", "formula",
                           "formula_task"})
REGULARISERS = frozenset({"l1", "l2", "dropout", "input_noise", "batch_norm", "layer_norm"})


@dataclass(frozen=True)
class PlaygroundConfig:
    """Every setting of the playground; a frozen value, replaced on change."""

    dataset: str = "circle"
    n_points: int = 500
    noise: float = 0.0
    train_ratio: float = 0.5
    seed: int = 0
    formula: str = "x1*x2/36"  # the "formula" data set's f(x1, x2) (core.data.formula)
    formula_task: str = CLASSES
    features: tuple[str, ...] = DEFAULT_FEATURES
    feature_formula: str = ""  # what the input feature f(x1,x2) computes
    hidden: tuple[int, ...] = (4, 2)
    activation: str = "tanh"
    # One activation per hidden layer; empty means ``activation`` for all of them.
    layer_activations: tuple[str, ...] = ()
    init: str = "xavier"
    loss: str = "cross_entropy"
    optimizer: str = "sgd"
    learning_rate: float = 0.03
    optimizer_settings: tuple[tuple[str, float], ...] = ()
    batch_size: int = 10
    l1: float = 0.0
    l2: float = 0.0
    dropout: float = 0.0
    input_noise: float = 0.0   # std of Gaussian noise added to each training batch's inputs
    batch_norm: bool = False
    layer_norm: bool = False
    resolution: int = 150

    def validate(self) -> None:
        """Raise ``ValueError`` with a message a person can act on."""
        validate_features(self.inputs)
        check_formulas(self.formula, self.formula_task if self.dataset == FORMULA else None,
                       self.feature_formula)
        for check, message in CHECKS:
            if not check(self):
                raise ValueError(message(self) if callable(message) else message)

    @property
    def inputs(self) -> tuple[str, ...]:
        """The features with the custom one's formula filled in: what the network reads."""
        return resolve_features(self.features, self.feature_formula)

    @property
    def hidden_activations(self) -> tuple[str, ...]:
        return self.layer_activations or (self.activation,) * len(self.hidden)


def _unknown_setting(c: PlaygroundConfig) -> str | None:
    """The first optimiser setting ``c.optimizer`` does not have, if any."""
    allowed = set(OPTIMIZERS[c.optimizer].hyper_parameters) - {"learning_rate"}
    return next((key for key, _ in c.optimizer_settings if key not in allowed), None)


# Each rule and what to say when it fails, in the order a person would fix them.
CHECKS: tuple[tuple[Callable[[PlaygroundConfig], bool], str | Callable[..., str]], ...] = (
    (lambda c: len(c.hidden) <= MAX_LAYERS and all(1 <= h <= MAX_NEURONS for h in c.hidden),
     f"use at most {MAX_LAYERS} layers of 1–{MAX_NEURONS} neurons"),
    (lambda c: all(n in HIDDEN_ACTIVATIONS for n in (c.activation, *c.layer_activations)),
     lambda c: "unknown activation " + repr(next(
         n for n in (c.activation, *c.layer_activations) if n not in HIDDEN_ACTIVATIONS))),
    (lambda c: not c.layer_activations or len(c.layer_activations) == len(c.hidden),
     "give one activation per hidden layer"),
    (lambda c: c.loss in LOSS_NAMES, lambda c: f"unknown loss {c.loss!r}"),
    (lambda c: c.optimizer in OPTIMIZERS, lambda c: f"unknown optimiser {c.optimizer!r}"),
    (lambda c: _unknown_setting(c) is None,
     lambda c: f"{c.optimizer} has no setting {_unknown_setting(c)}"),
    (lambda c: c.learning_rate > 0, "the learning rate must be positive"),
    (lambda c: c.batch_size >= 1, "the batch size must be at least 1"),
    (lambda c: c.l1 >= 0 and c.l2 >= 0, "regularisation rates cannot be negative"),
    (lambda c: 0 <= c.dropout < 1, "dropout must be in [0, 1)"),
    (lambda c: 0 <= c.input_noise <= 1, "input noise must be between 0 and 1"),
    (lambda c: not (c.batch_norm and c.layer_norm), "choose batch norm or layer norm, not both"),
    (lambda c: 8 <= c.resolution <= 400, "grid resolution must be 8–400"),
)


PRESETS: dict[str, PlaygroundConfig] = {
    # Few noisy points and a wide, deep network: the test loss bottoms out after a
    # few epochs and then climbs while the training loss falls to zero.
    "overfit": PlaygroundConfig(dataset="circle", n_points=60, noise=0.3, hidden=(32, 32, 32),
                                activation="relu", optimizer="adam", learning_rate=0.01,
                                batch_size=5, seed=1),
}


def check_loss(loss: str, task: str) -> None:
    if loss == "cross_entropy" and task not in (BINARY, MULTICLASS):
        raise ValueError("cross-entropy needs classes; use squared or absolute error")


def configured(config: PlaygroundConfig, changes: dict[str, Any], task: str) -> PlaygroundConfig:
    """``config`` with ``changes``, made consistent and checked (``task``: today's data).

    Another optimiser keeps only the settings it has; "all layers" replaces
    per-layer activations; a new data set of values switches cross-entropy to
    squared error, its natural loss.
    """
    unknown = set(changes) - set(PlaygroundConfig.__dataclass_fields__)
    if unknown:
        raise ValueError(f"unknown setting {', '.join(sorted(unknown))}")
    new = replace(config, **changes)
    if "optimizer" in changes and "optimizer_settings" not in changes:
        allowed = OPTIMIZERS[new.optimizer].hyper_parameters if new.optimizer in OPTIMIZERS \
            else ()
        new = replace(new, optimizer_settings=tuple(
            (k, v) for k, v in new.optimizer_settings if k in allowed))
    if "activation" in changes and "layer_activations" not in changes:
        new = replace(new, layer_activations=())
    if new.layer_activations and len(new.layer_activations) != len(new.hidden):
        # Layers were added or removed: keep the choices that still have a layer.
        kept = new.layer_activations[: len(new.hidden)]
        new = replace(new, layer_activations=kept + (new.activation,) * (
            len(new.hidden) - len(kept)))
    new.validate()
    if {"dataset", "formula_task"} & set(changes):
        task = dataset_task(new.dataset, new.formula_task)
        if task not in (BINARY, MULTICLASS) and new.loss == "cross_entropy":
            new = replace(new, loss="mse")
    check_loss(new.loss, task)
    return new
