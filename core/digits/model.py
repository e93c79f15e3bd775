"""Training a digits network under the GUI worker, seen through snapshots.

Like the playground, a :class:`DigitsSession` is driven by the training loop:
commands change settings, ``advance`` trains, ``snapshot`` hands over copies.
Results that need the whole validation set (confusion matrix, misclassified
digits) are recomputed once per epoch, not every frame.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from core.digits.data import load_bundled_digits
from core.digits.network import (
    SCALINGS,
    Augmentation,
    digits_rows,
    make_digits_trainer,
    scale_inputs,
    validation_split,
)
from core.digits.own_digits import OWN_DIGIT_COMMANDS, OwnDigits
from core.nn.network import NetworkSpec
from core.nn.optimizers import OPTIMIZERS, make_optimizer
from core.nn.regularization import Penalty
from core.training.history import COLUMNS
from core.training.metrics import confusion_matrix
from core.training.trainer import Divergence, Trainer
from core.worker.protocol import Configure, Model, Restart, Restore, RestoreBest, handles

MAX_MISCLASSIFIED = 48


@dataclass(frozen=True)
class DigitsConfig:
    hidden: tuple[int, ...] = (128,)
    activation: str = "relu"
    optimizer: str = "adam"
    learning_rate: float = 1e-3
    batch_size: int = 64
    epochs: int = 10
    l2: float = 0.0
    dropout: float = 0.0
    shift: int = 0
    rotation: float = 0.0
    noise: float = 0.0
    scaling: str = "0-1"
    seed: int = 0
    train_size: int = 0   # learn from this many training digits only (0 = all)
    patience: int = 0     # stop after this many epochs without a better validation loss (0 = never)

    def validate(self) -> None:
        if not self.hidden or len(self.hidden) > 4 or any(not 1 <= h <= 1024 for h in self.hidden):
            raise ValueError("use 1 to 4 hidden layers of 1–1024 neurons")
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"unknown optimiser {self.optimizer!r}")
        if not self.learning_rate > 0 or self.batch_size < 1 or self.epochs < 1:
            raise ValueError("learning rate, batch size and epochs must be positive")
        if self.scaling not in SCALINGS:
            raise ValueError(f"input scaling must be one of {SCALINGS}")
        if not 0 <= self.dropout < 1 or self.l2 < 0:
            raise ValueError("dropout must be in [0, 1) and L2 not negative")
        if self.train_size < 0 or self.patience < 0:
            raise ValueError("the number of training digits and the patience cannot be negative")

    @property
    def augmentation(self) -> Augmentation:
        return Augmentation(self.shift, self.rotation, self.noise)


@dataclass(frozen=True)
class UseData:
    """Train on other digits, e.g. IDX files: ``(images, labels)`` pairs, uint8."""

    train: tuple[np.ndarray, np.ndarray]
    validation: tuple[np.ndarray, np.ndarray]
    name: str


@dataclass(frozen=True)
class DigitsState:
    """What :class:`Restore` puts back (a session): settings and weights, at epoch 0."""

    config: DigitsConfig
    weights: tuple[tuple[np.ndarray, np.ndarray], ...]


# Few digits, a wide network, long training and no cure: the validation loss
# bottoms out after a few epochs and climbs while the training loss goes to 0.
OVERFIT_DIGITS = DigitsConfig(hidden=(256, 256), batch_size=32, epochs=40, train_size=500)

# Settings that act on the running network (as in the playground); any other change
# builds a new network at epoch 0, and the GUI says so before it happens.
LIVE = frozenset({"learning_rate", "l2", "batch_size", "shift", "rotation", "noise", "epochs",
                  "patience", "dropout", "optimizer"})


@dataclass(frozen=True)
class DigitsSnapshot:
    step: int
    epoch: int
    epochs: int
    epoch_progress: float
    running: bool
    config: DigitsConfig
    data_name: str
    history: dict[str, np.ndarray]
    train_loss: float | None
    validation_accuracy: float | None
    confusion: np.ndarray | None              # (10, 10) true × predicted
    misclassified: np.ndarray | None          # (m, 28, 28) uint8
    misclassified_true: np.ndarray | None     # (m,)
    misclassified_predicted: np.ndarray | None
    first_layer: np.ndarray                   # (784, n_hidden) weights
    spec: NetworkSpec
    weights: tuple[tuple[np.ndarray, np.ndarray], ...]
    divergence: Divergence | None
    message: str | None
    best_epoch: int = 0          # the epoch with the lowest validation loss so far
    stopped_early: bool = False
    restores: int = 0            # how often best weights were put back (the canvas follows)
    trained: bool = False        # weights learned or restored, not a fresh random network
    own_digits: OwnDigits = field(default_factory=OwnDigits)  # the learner's, in training
    own_answers: np.ndarray | None = None  # the network's answer for each, once per epoch


def bundled_sets() -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    images, labels = load_bundled_digits()
    train, held = validation_split(labels)
    return (images[train], labels[train]), (images[held], labels[held])


class DigitsSession(Model):
    """One digits network in training; implements the training loop's target."""

    def __init__(self, config: DigitsConfig | None = None, data: UseData | None = None) -> None:
        self.config = config or DigitsConfig()
        self.config.validate()
        if data is None:
            train, validation = bundled_sets()
            data = UseData(train, validation, "bundled MNIST subset (4,000 + 1,000 held out)")
        self.data = data
        self.own = OwnDigits()
        self._build()

    def kept_whole(self) -> tuple[object, ...]:
        """The digits: thousands of images a command replaces but never edits."""
        t = self.trainer
        return self.data, t.X_train, t.T_train, t.X_test, t.T_test

    def _training_digits(self) -> tuple[np.ndarray, np.ndarray]:
        """All training digits, or the same random ``train_size`` of them every time."""
        images, labels = self.data.train
        n = self.config.train_size
        if n and n < len(labels):
            keep = np.sort(np.random.default_rng(0).permutation(len(labels))[:n])
            images, labels = images[keep], labels[keep]
        return self.own.mixed_into(images, labels)

    def _build(self) -> None:
        c = self.config
        self.trainer: Trainer = make_digits_trainer(
            self._training_digits(), self.data.validation, hidden=c.hidden, activation=c.activation,
            optimizer=c.optimizer, learning_rate=c.learning_rate, batch_size=c.batch_size,
            l2=c.l2, dropout=c.dropout, scaling=c.scaling, augmentation=c.augmentation,
            seed=c.seed)
        self.trainer.patience = c.patience or None
        self.restored = False  # weights put back from a session count as trained
        self._results_epoch = -1
        self._results: tuple = (None, None, None, None)
        self._own_answers: tuple = (None, None)  # (the epoch etc. they are for, answers)

    # -- Trainable --------------------------------------------------------------------
    @property
    def can_train(self) -> bool:
        return self.trainer.can_train and self.trainer.epoch < self.config.epochs

    def advance(self, n_steps: int) -> int:
        done = 0
        while done < n_steps and self.can_train:
            epoch = self.trainer.epoch
            # Never run past the last epoch: stop exactly at its end.
            while done < n_steps and self.trainer.epoch == epoch and self.trainer.can_train:
                self.trainer.step()
                done += 1
        return done

    # -- commands ---------------------------------------------------------------------
    @handles(Configure)
    def _configure(self, command: Configure) -> None:
        changes = command.changes
        unknown = set(changes) - set(DigitsConfig.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown setting {', '.join(sorted(unknown))}")
        new = replace(self.config, **changes)
        new.validate()
        if not set(changes) <= LIVE:
            self.config = new
            self._build()
            return
        t = self.trainer
        if new.optimizer != self.config.optimizer:  # a fresh optimiser, same weights
            t.optimizer = make_optimizer(new.optimizer, learning_rate=new.learning_rate)
        self.config = new
        t.network.set_dropout(new.dropout)
        t.optimizer.learning_rate = new.learning_rate
        t.penalty = Penalty(0.0, new.l2)
        t.batch_size = new.batch_size
        augmentation = new.augmentation
        t.augment = augmentation if augmentation.active else None
        t.patience = new.patience or None
        if "patience" in changes:
            t.stopped_early = False  # the next epoch's end judges again

    @handles(Restart)
    def _restart(self, _: Restart) -> None:
        self.config = replace(self.config, seed=self.config.seed + 1)
        self._build()

    @handles(UseData)
    def _use_data(self, command: UseData) -> None:
        self.data = command
        self._build()

    @handles(Restore)
    def _restore(self, command: Restore) -> None:
        state = command.state
        if not isinstance(state, DigitsState):
            raise ValueError("this is not a saved digits network")
        state.config.validate()
        self.config = state.config
        self._build()
        self.trainer.network.set_weights(list(state.weights))
        self.restored = True

    @handles(RestoreBest)
    def _restore_best(self, _: RestoreBest) -> None:
        self.trainer.restore_best()
        self._results_epoch = -1  # the confusion matrix is of other weights now

    @handles(*OWN_DIGIT_COMMANDS)
    def _use_own(self, command: object) -> None:
        """Train on the changed own digits from the next step on, with the weights
        learned so far."""
        self.own = command.applied_to(self.own)
        self.trainer.set_data(*digits_rows(self._training_digits(), self.config.scaling),
                              *digits_rows(self.data.validation, self.config.scaling))
        self._own_answers = (None, None)

    def _answers_for_own(self) -> np.ndarray | None:
        """The network's answer for each own digit, recomputed once per epoch."""
        key = (self.trainer.epoch, self.trainer.restores, self.restored)
        if self._own_answers[0] != key:
            answers = None
            if len(self.own):
                probabilities = self.trainer.network.predict(
                    scale_inputs(self.own.images, self.config.scaling))
                answers = probabilities.argmax(axis=1).astype(np.uint8)
            self._own_answers = (key, answers)
        return self._own_answers[1]

    # -- results ----------------------------------------------------------------------
    def _epoch_results(self) -> tuple:
        """Confusion matrix and misclassified digits, once per epoch."""
        if self._results_epoch != self.trainer.epoch:
            self._results_epoch = self.trainer.epoch
            images, labels = self.data.validation
            probabilities = self.trainer.network.predict(
                scale_inputs(images, self.config.scaling))
            predicted = probabilities.argmax(axis=1)
            wrong = np.flatnonzero(predicted != labels)[:MAX_MISCLASSIFIED]
            self._results = (confusion_matrix(labels, predicted, 10), images[wrong].copy(),
                             labels[wrong].copy(), predicted[wrong].copy())
        return self._results

    def snapshot(self, running: bool = False, message: str | None = None,
                 view: None = None) -> DigitsSnapshot:
        """Copies of what the window shows (this model has no view choices: ``view`` is None)."""
        t = self.trainer
        confusion, wrong, wrong_true, wrong_pred = self._epoch_results()
        network = t.network
        return DigitsSnapshot(
            step=t.step_count, epoch=t.epoch, epochs=self.config.epochs,
            epoch_progress=t.epoch_fraction if t.epoch < self.config.epochs else 1.0,
            running=running, config=self.config, data_name=self.data.name,
            history={k: t.history.column(k) for k in COLUMNS},
            train_loss=t.history.last("train_loss"),
            validation_accuracy=t.history.last("test_accuracy"),
            confusion=confusion, misclassified=wrong, misclassified_true=wrong_true,
            misclassified_predicted=wrong_pred,
            first_layer=network.layers[0].W.copy(), spec=network.spec,
            weights=tuple(network.get_weights()),
            divergence=t.diverged, message=message,
            best_epoch=t.best_epoch, stopped_early=t.stopped_early, restores=t.restores,
            trained=t.step_count > 0 or self.restored,
            own_digits=self.own, own_answers=self._answers_for_own(),
        )
