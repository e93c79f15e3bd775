"""Mini-batch training of a :class:`Network`, with history and safety nets.

The trainer owns the order of samples (reshuffled every epoch with its own
generator), records train/test loss and accuracy at every epoch end, stops
early when the test loss stops improving, and detects divergence: a loss that
is not finite or has grown a thousandfold pauses training with the weights
from just before the explosion.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.nn.losses import resolve_loss
from core.nn.network import Network
from core.nn.optimizers import Optimizer
from core.nn.regularization import Penalty
from core.training.history import History
from core.training.metrics import Confusion, confusion_of, predicted_classes
from core.training.scaled_rows import ScaledRows
from core.training.tasks import BINARY, MULTICLASS

DIVERGENCE_FACTOR = 1000.0


@dataclass(frozen=True)
class Divergence:
    """Where and how training blew up."""

    step: int
    loss: float

    @property
    def message(self) -> str:
        what = "became NaN/infinite" if not math.isfinite(self.loss) else "exploded"
        return (
            f"the learning rate is too large: the loss {what} at step {self.step}; "
            "the weights from before that step were kept"
        )


@dataclass(frozen=True)
class Metrics:
    train_loss: float
    train_accuracy: float | None
    test_loss: float | None
    test_accuracy: float | None
    # Rows = true class, columns = predicted (``evaluate`` only; None for regression).
    train_confusion: Confusion | None = None
    test_confusion: Confusion | None = None


def accuracy(outputs: np.ndarray, targets: np.ndarray, task: str,
             logits: bool = False) -> float | None:
    """Fraction classified right; ``None`` for regression tasks.

    ``logits``: ``outputs`` are the output layer's inputs, where a sigmoid's
    0.5 is 0 (softmax keeps its argmax).
    """
    predicted = predicted_classes(outputs, task, logits)
    if predicted is None:
        return None
    return np.count_nonzero(predicted == predicted_classes(targets, task)) / len(outputs)


def _share_right(confusion: Confusion | None) -> float | None:
    """The accuracy a confusion matrix holds: its diagonal's share (None for regression)."""
    if confusion is None:
        return None
    total = int(confusion.matrix.sum())
    return float(np.trace(confusion.matrix)) / total if total else 0.0


def _inputs(X: np.ndarray | ScaledRows, dtype: np.dtype) -> np.ndarray | ScaledRows:
    """Inputs in the network's dtype; compact rows stay compact."""
    if isinstance(X, ScaledRows):
        return X.with_dtype(dtype)
    return np.ascontiguousarray(X, dtype=dtype)


class Trainer:
    """Trains ``network`` on ``(X_train, T_train)``; ``T`` rows are network targets."""

    def __init__(
        self,
        network: Network,
        optimizer: Optimizer,
        loss: str,
        X_train: np.ndarray | ScaledRows,
        T_train: np.ndarray,
        X_test: np.ndarray | ScaledRows | None = None,
        T_test: np.ndarray | None = None,
        *,
        task: str = BINARY,
        batch_size: int = 10,
        penalty: Penalty | None = None,
        rng: np.random.Generator,
        patience: int | None = None,
        history_capacity: int = 2000,
        augment: Callable[[np.ndarray, np.random.Generator], np.ndarray] | None = None,
        running_train_metrics: bool = False,
    ) -> None:
        self.network = network
        self.optimizer = optimizer
        self.task = task
        self.rng = rng
        self.penalty = penalty or Penalty()
        self.patience = patience
        self.augment = augment  # distorts each training batch (digits), or None
        # Large sets (digits): the epoch's training loss and accuracy are the
        # running means over its batches, as Keras and PyTorch loops report
        # them, instead of a second pass over every training sample (a third
        # more work per epoch).  The test set is still evaluated exactly.
        self.running_train_metrics = running_train_metrics
        self.history = History(history_capacity)
        self.set_loss(loss)
        self.batch_size = batch_size
        self.set_data(X_train, T_train, X_test, T_test)
        self.reset_counters()

    # -- configuration (safe between steps) ----------------------------------
    def set_loss(self, loss: str) -> None:
        self.loss_name = loss
        self._loss_fn, self._on_logits = resolve_loss(loss, self.network.output_activation)

    def replace_network(self, network: Network) -> None:
        """Go on training ``network`` instead (same inputs and outputs, e.g. batch
        norm toggled): step count and history stay; the optimiser's memory and
        the best weights so far start again, as they belong to the old layout."""
        self.network = network
        self.set_loss(self.loss_name)
        self.set_data(self.X_train, self.T_train, self.X_test, self.T_test)
        self.optimizer.reset()
        self._best_loss = math.inf
        self._best_state = network.state.copy()
        self._backup = network.state.copy()

    def weights_edited(self) -> None:
        """The weights were set by hand between steps: a divergence from here
        rolls back to them, not to the weights the hand replaced."""
        np.copyto(self._backup, self.network.state)

    @property
    def batch_size(self) -> int:
        return self._batch_size

    @batch_size.setter
    def batch_size(self, value: int) -> None:
        if value < 1:
            raise ValueError("the batch size must be at least 1")
        self._batch_size = int(value)

    def set_data(
        self,
        X_train: np.ndarray | ScaledRows,
        T_train: np.ndarray,
        X_test: np.ndarray | ScaledRows | None = None,
        T_test: np.ndarray | None = None,
    ) -> None:
        """Swap the data (e.g. a point was added); the epoch restarts."""
        dtype = self.network.dtype
        if len(X_train) < 1:
            raise ValueError("there are no training points")
        self.X_train = _inputs(X_train, dtype)
        self.T_train = np.ascontiguousarray(T_train, dtype=dtype)
        has_test = X_test is not None and T_test is not None and len(X_test) > 0
        self.X_test = _inputs(X_test, dtype) if has_test else None
        self.T_test = np.ascontiguousarray(T_test, dtype=dtype) if has_test else None
        self._position = len(self.X_train)  # forces a reshuffle on the next step

    def reset_counters(self) -> None:
        """Start over: step 0, empty history, no divergence (weights untouched)."""
        self.step_count = 0
        self.epoch = 0
        self.diverged: Divergence | None = None
        self.stopped_early = False
        self.history.clear()
        self._reference_loss: float | None = None
        self._best_loss = math.inf
        self.best_epoch = 0
        self.restores = 0  # how often restore_best() put weights back
        self._best_state = self.network.state.copy()
        self._backup = self.network.state.copy()
        self._position = len(self.X_train)
        self._epoch_sums = np.zeros(3)  # loss × samples, correct, samples
        self.optimizer.reset()

    @property
    def epoch_fraction(self) -> float:
        """How much of the current epoch is done, 0–1."""
        return min(1.0, self._position / len(self.X_train)) if self._position < len(
            self.X_train) else 0.0

    @property
    def can_train(self) -> bool:
        return self.diverged is None and not self.stopped_early

    # -- training --------------------------------------------------------------
    def _next_batch(self) -> tuple[np.ndarray, np.ndarray]:
        n = len(self.X_train)
        if self._position >= n:
            self._order = self.rng.permutation(n)
            self._position = 0
        start = self._position
        self._position = start + self._batch_size
        # Gather one batch at a time: it is still in the cache when the
        # forward pass reads it (a whole shuffled copy of the set was not).
        index = self._order[start : self._position]
        X = self.X_train[index]
        if self.augment is not None:
            X = self.augment(X, self.rng)
        return X, self.T_train[index]

    def step(self) -> float:
        """One optimiser step on the next mini-batch; returns its loss.

        Does nothing (returns NaN) once training diverged or stopped early.
        Floating-point warnings are silenced: overflow is what divergence
        detection is for, and it reports it in words.
        """
        with np.errstate(all="ignore"):
            return self._step()

    def _step(self) -> float:
        if not self.can_train:
            return math.nan
        net = self.network
        X, T = self._next_batch()
        out = net.forward(X, training=True, logits=self._on_logits)
        loss, grad = self._loss_fn(out, T)
        if self._reference_loss is None:
            self._reference_loss = max(loss, 1.0) if math.isfinite(loss) else 1.0
        if not math.isfinite(loss) or loss > DIVERGENCE_FACTOR * self._reference_loss:
            np.copyto(net.state, self._backup)
            self.diverged = Divergence(self.step_count, loss)
            return loss
        if self.running_train_metrics:
            n = len(X)
            correct = accuracy(out, T, self.task, logits=self._on_logits) or 0.0
            self._epoch_sums += (loss * n, correct * n, n)
        net.backward(grad, on_logits=self._on_logits)
        if self.penalty.active:
            nw = net.n_weights
            self.penalty.add_gradient(net.params[:nw], net.grads[:nw])
        np.copyto(self._backup, net.state)
        self.optimizer.step(net.params, net.grads)
        self.step_count += 1
        if self._position >= len(self.X_train):
            self._end_epoch()
        return loss

    def run(self, n_steps: int) -> int:
        """Up to ``n_steps`` steps; returns how many ran (fewer if training stopped)."""
        done = 0
        step = self._step
        with np.errstate(all="ignore"):
            while done < n_steps and self.can_train:
                step()
                done += 1
        return done

    def train_epoch(self) -> None:
        """Steps until the current epoch ends (or training stops)."""
        epoch = self.epoch
        with np.errstate(all="ignore"):
            while self.epoch == epoch and self.can_train:
                self._step()

    def _end_epoch(self) -> None:
        self.epoch += 1
        m = self._running_metrics() if self.running_train_metrics else self.evaluate()
        self.history.append(
            step=self.step_count,
            epoch=self.epoch,
            train_loss=m.train_loss,
            test_loss=m.test_loss,
            train_accuracy=m.train_accuracy,
            test_accuracy=m.test_accuracy,
        )
        watched = m.test_loss if m.test_loss is not None else m.train_loss
        if watched < self._best_loss:
            self._best_loss, self.best_epoch = watched, self.epoch
            np.copyto(self._best_state, self.network.state)
        elif self.patience is not None and self.epoch - self.best_epoch >= self.patience:
            self.stopped_early = True
            self.restore_best()

    def restore_best(self) -> None:
        """Put back the weights of the epoch with the lowest watched loss."""
        self.restores += 1
        np.copyto(self.network.state, self._best_state)
        np.copyto(self._backup, self._best_state)

    # -- evaluation --------------------------------------------------------------
    def loss_on(self, X: np.ndarray, T: np.ndarray) -> tuple[float, np.ndarray]:
        """Loss (data term plus penalty) and outputs for a whole set, no dropout."""
        net = self.network
        with np.errstate(all="ignore"):
            out = net.predict(X)
            loss, _ = self._loss_fn(net.pre_activations[-1] if self._on_logits else out, T)
        return loss + self.penalty.value(net.params[: net.n_weights]), out

    def _running_metrics(self) -> Metrics:
        loss_sum, correct, seen = self._epoch_sums
        self._epoch_sums[:] = 0
        net = self.network
        train_loss = loss_sum / seen + self.penalty.value(net.params[: net.n_weights])
        train_accuracy = correct / seen if self.task in (BINARY, MULTICLASS) else None
        if self.X_test is None or self.T_test is None:
            return Metrics(train_loss, train_accuracy, None, None)
        test_loss, out = self.loss_on(self.X_test, self.T_test)
        return Metrics(train_loss, train_accuracy, test_loss,
                       accuracy(out, self.T_test, self.task))

    def evaluate(self) -> Metrics:
        """Loss, accuracy and confusion on both sets (the window's every frame): each set's
        classes are worked out once, and its accuracy read off the confusion matrix."""
        train_loss, out = self.loss_on(self.X_train, self.T_train)
        train_confusion = confusion_of(out, self.T_train, self.task)
        if self.X_test is None or self.T_test is None:
            return Metrics(train_loss, _share_right(train_confusion), None, None,
                           train_confusion)
        test_loss, out = self.loss_on(self.X_test, self.T_test)
        test_confusion = confusion_of(out, self.T_test, self.task)
        return Metrics(train_loss, _share_right(train_confusion), test_loss,
                       _share_right(test_confusion), train_confusion, test_confusion)
