"""Building the playground's two models (network and linear) and retuning them live."""

from __future__ import annotations

import numpy as np

from core.data.datasets import BINARY, MULTICLASS, Dataset
from core.nn.network import Network, NetworkSpec, with_batch_norm, with_layer_norm
from core.nn.optimizers import make_optimizer
from core.nn.regularization import Penalty
from core.playground.config import PlaygroundConfig, check_loss
from core.playground.features import feature_matrix
from core.training.diagnostics import InputNoise
from core.training.trainer import Trainer

MODELS = ("network", "linear")
HISTORY_ROWS = 1000  # per model: enough for a smooth curve, cheap to copy and draw


def output_activation(task: str) -> str:
    return {BINARY: "sigmoid", MULTICLASS: "softmax"}.get(task, "linear")


def model_spec(config: PlaygroundConfig, task: str, n_outputs: int,
               linear: bool = False) -> NetworkSpec:
    """The playground network's shape (or the linear model's): also used to export it."""
    hidden = () if linear else config.hidden
    return NetworkSpec(
        n_inputs=len(config.features),
        hidden=hidden,
        n_outputs=n_outputs,
        activation=config.hidden_activations if hidden else (),
        output_activation=output_activation(task),
        init=config.init,
        dropout=config.dropout if hidden else 0.0,
        batch_norm=config.batch_norm and bool(hidden),
        layer_norm=config.layer_norm and bool(hidden),
    )


def model_arrays(features: tuple[str, ...], train: Dataset,
                 test: Dataset) -> tuple[np.ndarray, ...]:
    """``(X_train, T_train, X_test, T_test)`` as the models see them."""
    return (feature_matrix(train.X, features), train.targets(),
            feature_matrix(test.X, features), test.targets())


def make_trainers(c: PlaygroundConfig, train: Dataset, test: Dataset,
                  restarts: int) -> dict[str, Trainer]:
    """Both models with fresh weights (drawn anew for each restart)."""
    check_loss(c.loss, train.task)
    trainers: dict[str, Trainer] = {}
    for name in MODELS:
        rng = np.random.default_rng([c.seed, restarts, len(name)])
        spec = model_spec(c, train.task, train.n_outputs, linear=name == "linear")
        trainers[name] = Trainer(
            Network(spec, rng),
            make_optimizer(c.optimizer, learning_rate=c.learning_rate,
                           **dict(c.optimizer_settings)),
            c.loss,
            *model_arrays(c.inputs, train, test),
            task=train.task,
            batch_size=c.batch_size,
            penalty=Penalty(c.l1, c.l2),
            rng=rng,
            history_capacity=HISTORY_ROWS,
            augment=InputNoise(c.input_noise) if c.input_noise else None,
        )
    return trainers


def switch_norms(network: Network, old: PlaygroundConfig, new: PlaygroundConfig,
                 X: np.ndarray) -> Network:
    """The network with the normaliser ``new`` asks for: first off what goes, then on
    what comes (batch norm's switch is exact, layer norm's a least-squares fit)."""
    network = with_batch_norm(network, old.batch_norm and new.batch_norm, X)
    network = with_layer_norm(network, old.layer_norm and new.layer_norm, X)
    network = with_batch_norm(network, new.batch_norm, X)
    return with_layer_norm(network, new.layer_norm, X)


def retune(trainers: dict[str, Trainer], old: PlaygroundConfig, new: PlaygroundConfig) -> bool:
    """Apply the live settings of ``new`` to the running models, weights kept.

    Returns whether the network was replaced (a normaliser switched on or off),
    so recorded weights of the old layout can be dropped.
    """
    switched = (new.batch_norm, new.layer_norm) != (old.batch_norm, old.layer_norm)
    for name, trainer in trainers.items():
        if new.optimizer != old.optimizer:
            trainer.optimizer = make_optimizer(new.optimizer, learning_rate=new.learning_rate,
                                               **dict(new.optimizer_settings))
        else:
            trainer.optimizer.learning_rate = new.learning_rate
            for key, value in new.optimizer_settings:
                setattr(trainer.optimizer, key, value)
        trainer.batch_size = new.batch_size
        trainer.penalty = Penalty(new.l1, new.l2)
        trainer.augment = InputNoise(new.input_noise) if new.input_noise else None
        if name == "network":
            trainer.network.set_dropout(new.dropout)
            if switched:
                trainer.replace_network(switch_norms(trainer.network, old, new, trainer.X_train))
        if new.loss != old.loss:
            trainer.set_loss(new.loss)
    return switched
