"""The complexity sweep: train models of growing size, plot train vs test error.

Too small a model under-fits (both errors high); past some size the test
error turns up while the training error keeps falling (over-fitting); with
enough width, past the point where the model can fit every training point,
the test error can fall again ("double descent").  The sweep yields one
result per size as it goes, so a cancelled sweep keeps what it finished.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from core.data.datasets import Dataset
from core.nn.network import Network, NetworkSpec
from core.nn.optimizers import make_optimizer
from core.playground.features import feature_matrix
from core.playground.networks import output_activation
from core.training.trainer import Trainer


@dataclass(frozen=True)
class SweepPoint:
    width: int
    depth: int
    parameters: int
    train_loss: float
    test_loss: float
    train_error: float | None
    test_error: float | None


def complexity_sweep(
    train: Dataset, test: Dataset, widths: Sequence[int], *, depth: int = 1,
    features: Sequence[str] = ("x1", "x2"), activation: str = "relu", epochs: int = 200,
    learning_rate: float = 0.01, batch_size: int = 10, seed: int = 0,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[SweepPoint]:
    """Train one model per width (same data, same seed); stop early when cancelled."""
    X_train, X_test = feature_matrix(train.X, features), feature_matrix(test.X, features)
    loss = "cross_entropy" if train.is_classification else "mse"
    for width in widths:
        if cancelled():
            return
        rng = np.random.default_rng(seed)
        spec = NetworkSpec(len(features), (width,) * depth, train.n_outputs, activation,
                           output_activation(train.task))
        trainer = Trainer(Network(spec, rng), make_optimizer("adam", learning_rate=learning_rate),
                          loss, X_train, train.targets(), X_test, test.targets(),
                          task=train.task, batch_size=batch_size, rng=rng)
        for _ in range(epochs):
            if cancelled():
                return
            trainer.train_epoch()
        m = trainer.evaluate()
        yield SweepPoint(
            width=width, depth=depth, parameters=trainer.network.n_params,
            train_loss=m.train_loss, test_loss=m.test_loss or float("nan"),
            train_error=None if m.train_accuracy is None else 1 - m.train_accuracy,
            test_error=None if m.test_accuracy is None else 1 - m.test_accuracy,
        )


def sweep_task(train: Dataset, test: Dataset, widths: Sequence[int], *, depth: int,
               features: Sequence[str], epochs: int, progress: Callable[..., None],
               cancelled: Callable[[], bool]) -> list[SweepPoint]:
    """The sweep as a background task: reports every finished size, returns them all."""
    done: list[SweepPoint] = []
    for point in complexity_sweep(train, test, widths, depth=depth, features=features,
                                  epochs=epochs, cancelled=cancelled):
        done.append(point)
        progress("", list(done), len(widths))
    return done
