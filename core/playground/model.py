"""The playground model: a multi-layer network and a linear classifier trained
side by side on the same 2D data, driven by commands, seen through snapshots.

Everything the playground window shows is computed here (and so is testable
headless): both decision boundaries and every neuron's activation over the
plane, weights, losses, accuracies.  Optimiser and regularisation settings
change live; structural changes (layers, features, data set) rebuild the
networks.  Snapshots hold copies only — the worker thread keeps the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from core.data.datasets import (
    BINARY,
    CURVE,
    MULTICLASS,
    Dataset,
    dataset_task,
    make_dataset,
    split_dataset,
)
from core.nn.activations import HIDDEN_ACTIVATIONS
from core.nn.losses import LOSS_NAMES
from core.nn.network import Network, NetworkSpec, with_batch_norm, with_layer_norm
from core.nn.optimizers import OPTIMIZERS, make_optimizer
from core.nn.regularization import Penalty
from core.playground.features import DEFAULT_FEATURES, feature_matrix, validate_features
from core.playground.grid import GridEvaluation, GridEvaluator
from core.playground.replay import SnapshotHistory
from core.playground.transformed_space import TransformedSpace, WatchNeurons, transform
from core.playground.weight_effect import WeightEffect, summarize_weights
from core.training.diagnostics import InputNoise, LayerHealth, Problem, diagnose, layer_health
from core.training.history import COLUMNS
from core.training.trainer import Divergence, Trainer
from core.worker.protocol import Configure, Model, Restart, Restore, RestoreBest, handles

MAX_LAYERS = 8
MAX_NEURONS = 32
POINT_PICK_RADIUS = 0.5
REPLAY_ITEMS = 600  # recorded moments kept for the replay slider (thinned beyond)
HISTORY_ROWS = 1000  # per model: enough for a smooth curve, cheap to copy and draw
DIAGNOSE_EVERY = 5  # epochs between two checks of what went wrong (a pass over the data)


@dataclass(frozen=True)
class PlaygroundConfig:
    """Every setting of the playground; a frozen value, replaced on change."""

    dataset: str = "circle"
    n_points: int = 500
    noise: float = 0.0
    train_ratio: float = 0.5
    seed: int = 0
    features: tuple[str, ...] = DEFAULT_FEATURES
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
        validate_features(self.features)
        if len(self.hidden) > MAX_LAYERS or any(not 1 <= h <= MAX_NEURONS for h in self.hidden):
            raise ValueError(f"use at most {MAX_LAYERS} layers of 1–{MAX_NEURONS} neurons")
        for name in (self.activation, *self.layer_activations):
            if name not in HIDDEN_ACTIVATIONS:
                raise ValueError(f"unknown activation {name!r}")
        if self.layer_activations and len(self.layer_activations) != len(self.hidden):
            raise ValueError("give one activation per hidden layer")
        if self.loss not in LOSS_NAMES:
            raise ValueError(f"unknown loss {self.loss!r}")
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"unknown optimiser {self.optimizer!r}")
        allowed = set(OPTIMIZERS[self.optimizer].hyper_parameters) - {"learning_rate"}
        for key, _ in self.optimizer_settings:
            if key not in allowed:
                raise ValueError(f"{self.optimizer} has no setting {key}")
        if not self.learning_rate > 0:
            raise ValueError("the learning rate must be positive")
        if self.batch_size < 1:
            raise ValueError("the batch size must be at least 1")
        if self.l1 < 0 or self.l2 < 0:
            raise ValueError("regularisation rates cannot be negative")
        if not 0 <= self.dropout < 1:
            raise ValueError("dropout must be in [0, 1)")
        if not 0 <= self.input_noise <= 1:
            raise ValueError("input noise must be between 0 and 1")
        if self.batch_norm and self.layer_norm:
            raise ValueError("choose batch norm or layer norm, not both")
        if not 8 <= self.resolution <= 400:
            raise ValueError("grid resolution must be 8–400")

    @property
    def hidden_activations(self) -> tuple[str, ...]:
        return self.layer_activations or (self.activation,) * len(self.hidden)


PRESETS: dict[str, PlaygroundConfig] = {
    # Few noisy points and a wide, deep network: the test loss bottoms out after a
    # few epochs and then climbs while the training loss falls to zero.
    "overfit": PlaygroundConfig(dataset="circle", n_points=60, noise=0.3, hidden=(32, 32, 32),
                                activation="relu", optimizer="adam", learning_rate=0.01,
                                batch_size=5, seed=1),
}


# -- commands (besides Configure, Restart, RestoreBest and Restore) ----------
@dataclass(frozen=True)
class Regenerate:
    """Draw a fresh data set with a new seed; the networks keep training."""


@dataclass(frozen=True)
class AddPoint:
    x1: float
    x2: float
    label: float


@dataclass(frozen=True)
class RemovePoint:
    """Remove the training or test point nearest to (x1, x2), if close."""

    x1: float
    x2: float


@dataclass(frozen=True)
class ApplyPreset:
    """Switch to a named configuration from ``PRESETS`` (new data and networks)."""

    name: str


@dataclass(frozen=True)
class Replay:
    """Show the network as it was at recorded moment ``index``; ``None`` = live."""

    index: int | None


@dataclass(frozen=True)
class EnlargeNeuron:
    """Send neuron ``(column, unit)`` at full resolution in every snapshot; ``None`` = none."""

    neuron: tuple[int, int] | None


@dataclass(frozen=True)
class ShowHealth:
    """Compute each hidden layer's health (histograms, dead and saturated units) per frame.

    Off by default: it is a forward pass over the training set that only the
    "Inside the training" view draws.
    """

    on: bool


@dataclass(frozen=True)
class LoadData:
    """Replace the data with imported points (e.g. from CSV)."""

    data: Dataset


@dataclass(frozen=True)
class PlaygroundState:
    """What :class:`Restore` puts back (a session): settings, points and both models' weights."""

    config: PlaygroundConfig
    train: Dataset
    test: Dataset
    weights: dict[str, tuple[tuple[np.ndarray, np.ndarray], ...]]
    norms: tuple[tuple[np.ndarray, ...], ...] = ()  # the network's batch norm, if on
    step: int = 0   # where training had got to: the counters go on from here
    epoch: int = 0
    histories: dict[str, np.ndarray] = field(default_factory=dict)  # rows of COLUMNS


LIVE_SETTINGS = frozenset(
    {"learning_rate", "optimizer", "optimizer_settings", "batch_size", "l1", "l2",
     "dropout", "loss", "input_noise", "batch_norm", "layer_norm"}
)
DATA_SETTINGS = frozenset({"dataset", "n_points", "noise", "train_ratio", "seed"})
REGULARISERS = frozenset({"l1", "l2", "dropout", "input_noise", "batch_norm", "layer_norm"})


@dataclass(frozen=True)
class Remedy:
    """The one-click fix offered for a divergence or a :class:`Problem`.

    ``fix`` names it (the window words it); the window sends
    ``Configure(changes)`` if there are any, then ``Restart()`` if ``restart``,
    then plays.
    """

    fix: str
    changes: dict[str, Any]
    restart: bool


def remedy_for(kind: str, config: PlaygroundConfig) -> Remedy | None:
    """The fix for a divergence (``kind="diverged"``) or a problem's kind."""
    rate = config.learning_rate
    lower = Remedy("lower_learning_rate", {"learning_rate": float(f"{rate / 10:.3g}")}, True)
    if kind in ("diverged", "collapsed", "saturated"):
        return lower
    if kind == "dead":
        return Remedy("leaky_relu", {"activation": "leaky_relu"}, True)
    if config.init == "zeros":  # stuck: identical units never tell each other apart
        return Remedy("xavier", {"init": "xavier"}, True)
    if config.hidden and set(config.hidden_activations) == {"linear"}:
        return Remedy("nonlinear", {"activation": "tanh"}, True)
    if rate < 0.01:
        return Remedy("raise_learning_rate", {"learning_rate": float(f"{rate * 10:.3g}")},
                      False)
    if config.hidden and min(config.hidden) < MAX_NEURONS:
        wider = tuple(min(MAX_NEURONS, 2 * h) for h in config.hidden)
        return Remedy("wider", {"hidden": wider}, True)
    return None


# -- snapshots --------------------------------------------------------------
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


@dataclass(frozen=True)
class PlaygroundSnapshot:
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


def _switch_norms(network: Network, old: PlaygroundConfig, new: PlaygroundConfig,
                  X: np.ndarray) -> Network:
    """The network with the normaliser ``new`` asks for: first off what goes, then on
    what comes (batch norm's switch is exact, layer norm's a least-squares fit)."""
    network = with_batch_norm(network, old.batch_norm and new.batch_norm, X)
    network = with_layer_norm(network, old.layer_norm and new.layer_norm, X)
    network = with_batch_norm(network, new.batch_norm, X)
    return with_layer_norm(network, new.layer_norm, X)


class Playground(Model):
    """Two trainers (network and linear) over one data set; see module doc."""

    def __init__(self, config: PlaygroundConfig | None = None) -> None:
        self.config = config or PlaygroundConfig()
        self.config.validate()
        self._resets = 0
        self._regenerations = 0
        self.watch: WatchNeurons | None = None
        self.enlarged: tuple[int, int] | None = None
        self.health_wanted = False
        # The network's weights at every frame, thinned as it grows: the replay.
        self._forget_replay()
        self._make_data()
        self._build()

    def kept_whole(self) -> tuple[object, ...]:
        return self.train, self.test, self.grid, self.replay_log

    def _forget_replay(self) -> None:
        """A new, empty replay: recorded weights that no longer fit the network go."""
        self.replay_log = SnapshotHistory(max_bytes=32 * 1024 * 1024, max_items=REPLAY_ITEMS)
        self.replay_index: int | None = None

    # -- construction ---------------------------------------------------------
    def _make_data(self) -> None:
        c = self.config
        rng = np.random.default_rng([c.seed, self._regenerations])
        data = make_dataset(c.dataset, c.n_points, c.noise, rng)
        if data.task == CURVE:
            raise ValueError("curves belong to the curve-fitting lab, not the playground")
        self.train, self.test = split_dataset(data, c.train_ratio, rng)

    def _check_loss(self, loss: str, task: str) -> None:
        if loss == "cross_entropy" and task not in (BINARY, MULTICLASS):
            raise ValueError("cross-entropy needs classes; use squared or absolute error")

    def _build(self) -> None:
        """(Re)create both networks and trainers from the config and data."""
        c = self.config
        task = self.train.task
        self._check_loss(c.loss, task)
        grid = GridEvaluator(c.features, c.resolution)
        trainers: dict[str, Trainer] = {}
        for name in ("network", "linear"):
            rng = np.random.default_rng([c.seed, self._resets, len(name)])
            spec = model_spec(c, task, self.train.n_outputs, linear=name == "linear")
            trainers[name] = Trainer(
                Network(spec, rng),
                make_optimizer(c.optimizer, learning_rate=c.learning_rate,
                               **dict(c.optimizer_settings)),
                c.loss,
                *self._arrays(),
                task=task,
                batch_size=c.batch_size,
                penalty=Penalty(c.l1, c.l2),
                rng=rng,
                history_capacity=HISTORY_ROWS,
                augment=InputNoise(c.input_noise) if c.input_noise else None,
            )
        self.grid, self.trainers = grid, trainers
        self._mark_weights()
        self._forget_replay()
        self._judge_from_now()

    def _judge_from_now(self) -> None:
        """Settings or data changed: forget the problem and judge training afresh."""
        self.problem: Problem | None = None
        trainer = self.trainers["network"]
        self._judged_from = (trainer.step_count, trainer.epoch)

    def _diagnose(self) -> None:
        """Look for what went wrong every ``DIAGNOSE_EVERY`` epochs (see ``diagnose``)."""
        trainer = self.trainers["network"]
        if trainer.epoch < self._judged_from[1] + DIAGNOSE_EVERY:
            return
        steps, losses = trainer.history.column("step"), trainer.history.column("train_loss")
        self.problem = diagnose(trainer.network, trainer.X_train, trainer.T_train,
                                self.train.task, trainer.step_count,
                                losses[steps > self._judged_from[0]])
        self._judged_from = (self._judged_from[0], trainer.epoch)

    def _mark_weights(self) -> None:
        """Remember the network's weights now: the regularisers' effect is measured from here."""
        trainer = self.trainers["network"]
        net = trainer.network
        self._weights_mark = (trainer.step_count, summarize_weights(net.params[:net.n_weights]))

    def _weight_effect(self) -> WeightEffect:
        net = self.trainers["network"].network
        step, before = self._weights_mark
        return WeightEffect(step, before, summarize_weights(net.params[:net.n_weights]))

    def _arrays(self) -> tuple[np.ndarray, ...]:
        f = self.config.features
        return (
            feature_matrix(self.train.X, f), self.train.targets(),
            feature_matrix(self.test.X, f), self.test.targets(),
        )

    def _data_changed(self) -> None:
        """The points changed but the task did not: keep the weights training."""
        for trainer in self.trainers.values():
            trainer.set_data(*self._arrays())
        self._judge_from_now()

    # -- Trainable protocol ------------------------------------------------------
    @property
    def can_train(self) -> bool:
        return all(t.can_train for t in self.trainers.values())

    @property
    def step_count(self) -> int:
        return self.trainers["network"].step_count

    def advance(self, n_steps: int) -> int:
        done = 0
        for trainer in self.trainers.values():
            done = trainer.run(n_steps)
        self._diagnose()
        return done

    # -- commands ------------------------------------------------------------------
    @handles(Configure)
    def _configure(self, command: Configure) -> None:
        changes = command.changes
        unknown = set(changes) - set(PlaygroundConfig.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown setting {', '.join(sorted(unknown))}")
        new = replace(self.config, **changes)
        if "optimizer" in changes and "optimizer_settings" not in changes:
            # Another optimiser: keep only the settings it has (e.g. ε, not momentum).
            allowed = OPTIMIZERS[new.optimizer].hyper_parameters if new.optimizer in OPTIMIZERS \
                else ()
            new = replace(new, optimizer_settings=tuple(
                (k, v) for k, v in new.optimizer_settings if k in allowed))
        if "activation" in changes and "layer_activations" not in changes:
            new = replace(new, layer_activations=())  # "all layers" replaces per-layer choices
        if new.layer_activations and len(new.layer_activations) != len(new.hidden):
            # Layers were added or removed: keep the choices that still have a layer.
            kept = new.layer_activations[: len(new.hidden)]
            new = replace(new, layer_activations=kept + (new.activation,) * (
                len(new.hidden) - len(kept)))
        new.validate()
        if "dataset" in changes:
            task = dataset_task(new.dataset)
            if task not in (BINARY, MULTICLASS) and new.loss == "cross_entropy":
                new = replace(new, loss="mse")  # the natural loss for the new data
        else:
            task = self.train.task
        self._check_loss(new.loss, task)
        old, self.config = self.config, new
        if set(changes) <= LIVE_SETTINGS:
            self._apply_live(old, new)
            if any(getattr(new, k) != getattr(old, k) for k in REGULARISERS):
                self._mark_weights()
            self._judge_from_now()
            return
        if DATA_SETTINGS & set(changes):
            self._regenerations = 0
            self._make_data()
        self._build()

    @handles(Restart)
    def _restart(self, _: Restart) -> None:
        self._resets += 1
        self._build()

    @handles(Regenerate)
    def _regenerate(self, _: Regenerate) -> None:
        self._regenerations += 1
        task = self.train.task
        self._make_data()
        if self.train.task == task:
            self._data_changed()
        else:
            self._build()

    @handles(ApplyPreset)
    def _apply_preset(self, command: ApplyPreset) -> None:
        if command.name not in PRESETS:
            raise ValueError(f"unknown preset {command.name!r}")
        self.config = replace(PRESETS[command.name], resolution=self.config.resolution)
        self._regenerations = 0
        self._make_data()
        self._build()

    @handles(ShowHealth)
    def _show_health(self, command: ShowHealth) -> None:
        self.health_wanted = command.on

    @handles(EnlargeNeuron)
    def _enlarge(self, command: EnlargeNeuron) -> None:
        self.enlarged = command.neuron

    @handles(WatchNeurons)
    def _watch(self, command: WatchNeurons) -> None:
        self.watch = command
        self._transformed()  # refuse impossible choices now, with their reason

    @handles(Replay)
    def _choose_replay(self, command: Replay) -> None:
        if command.index is not None and not 0 <= command.index < len(self.replay_log):
            raise ValueError("there is no recorded moment with that number")
        self.replay_index = command.index

    @handles(RestoreBest)
    def _restore_best(self, _: RestoreBest) -> None:
        for trainer in self.trainers.values():
            trainer.restore_best()
        self._judge_from_now()

    @handles(Restore)
    def _restore(self, command: Restore) -> None:
        state = command.state
        if not isinstance(state, PlaygroundState):
            raise ValueError("this is not a saved playground")
        state.config.validate()
        self.config, self.train, self.test = state.config, state.train, state.test
        self._build()
        for name, weights in state.weights.items():
            self.trainers[name].network.set_weights(list(weights))
        self.trainers["network"].network.set_norms(state.norms)
        for name, trainer in self.trainers.items():
            trainer.reset_counters()  # the best and backup weights are the restored ones
            trainer.step_count, trainer.epoch = state.step, state.epoch
            for row in state.histories.get(name, ()):
                trainer.history.append(**dict(zip(COLUMNS, row.tolist(), strict=True)))
        self._mark_weights()
        self._judge_from_now()

    @handles(LoadData)
    def _load_data(self, command: LoadData) -> None:
        """Points with values, not classes, switch cross-entropy to squared error,
        as choosing a regression data set does."""
        data = command.data
        if data.task not in (BINARY, MULTICLASS) and self.config.loss == "cross_entropy":
            self.config = replace(self.config, loss="mse")
        rng = np.random.default_rng([self.config.seed, self._regenerations])
        self.train, self.test = split_dataset(data, self.config.train_ratio, rng)
        self._build()

    def _apply_live(self, old: PlaygroundConfig, new: PlaygroundConfig) -> None:
        # Anything that can fail is made first, so a failure changes nothing.
        optimizers = {name: make_optimizer(new.optimizer, learning_rate=new.learning_rate,
                                           **dict(new.optimizer_settings))
                      for name in self.trainers} if new.optimizer != old.optimizer else {}
        for name, trainer in self.trainers.items():
            if name in optimizers:
                trainer.optimizer = optimizers[name]
            else:
                trainer.optimizer.learning_rate = new.learning_rate
                for key, value in new.optimizer_settings:
                    setattr(trainer.optimizer, key, value)
            trainer.batch_size = new.batch_size
            trainer.penalty = Penalty(new.l1, new.l2)
            trainer.augment = InputNoise(new.input_noise) if new.input_noise else None
            if name == "network":
                trainer.network.set_dropout(new.dropout)
                norms = (new.batch_norm, new.layer_norm)
                if norms != (old.batch_norm, old.layer_norm):
                    trainer.replace_network(_switch_norms(trainer.network, old, new,
                                                          trainer.X_train))
                    self._forget_replay()  # the recorded weights have the old layout
            if new.loss != old.loss:
                trainer.set_loss(new.loss)

    @handles(AddPoint)
    def _add_point(self, command: AddPoint) -> None:
        task = self.train.task
        if task in (BINARY, MULTICLASS):
            label = int(command.label)
            if not 0 <= label < self.train.n_classes:
                raise ValueError(f"class {label} does not exist in this data set")
        elif not -1.0 <= command.label <= 1.0:
            raise ValueError("a regression value must be between -1 and 1")
        self.train = self.train.with_point((command.x1, command.x2), command.label)
        self._data_changed()

    @handles(RemovePoint)
    def _remove_point(self, command: RemovePoint) -> None:
        point = (command.x1, command.x2)
        train = self.train.without_nearest(point, POINT_PICK_RADIUS)
        if len(train) == len(self.train):
            self.test = self.test.without_nearest(point, POINT_PICK_RADIUS)
        elif len(train) == 0:
            raise ValueError("the last training point cannot be removed")
        self.train = train
        self._data_changed()

    # -- snapshots ---------------------------------------------------------------
    def _model_snapshot(self, trainer: Trainer,
                        focus: tuple[int, int] | None = None) -> ModelSnapshot:
        m = trainer.evaluate()
        net = trainer.network
        history = trainer.history.as_dict()
        return ModelSnapshot(
            weights=tuple(net.get_weights()),
            grid=self.grid.evaluate(net, focus),
            history={k: history[k] for k in COLUMNS},
            train_loss=m.train_loss,
            test_loss=m.test_loss,
            train_accuracy=m.train_accuracy,
            test_accuracy=m.test_accuracy,
            layer_sizes=net.spec.layer_sizes,
            activations=tuple(a.name for a in net.activations),
            optimizer=trainer.optimizer.name,
            optimizer_settings=trainer.optimizer.settings(),
            health=layer_health(net, trainer.X_train) if self.health_wanted else (),
            norms=net.get_norms(),
        )

    def _transformed(self) -> TransformedSpace | None:
        if self.watch is None:
            return None
        trainer = self.trainers["network"]
        return transform(trainer.network, self.config.features, self.watch, self.train.X,
                         self.train.y)

    def remedy(self) -> Remedy | None:
        """The fix for what the window shows: the divergence, else the problem."""
        divergence = self.divergence()
        if divergence is None and self.problem is None:
            return None
        return remedy_for("diverged" if divergence else self.problem.kind, self.config)

    def divergence(self) -> Divergence | None:
        """Where a model blew up (the window words it in the user's language)."""
        for trainer in self.trainers.values():
            if trainer.diverged is not None:
                return trainer.diverged
        return None

    def _replay(self) -> tuple[ModelSnapshot | None, int | None]:
        """The network as recorded at ``replay_index``, drawn on a scratch copy."""
        if self.replay_index is None or self.replay_index >= len(self.replay_log):
            return None, None
        trainer = self.trainers["network"]
        step, params = self.replay_log.steps()[self.replay_index], \
            self.replay_log.get(self.replay_index)
        live = trainer.network.state.copy()
        trainer.network.state[...] = params
        try:
            return self._model_snapshot(trainer, self.enlarged), step
        finally:
            trainer.network.state[...] = live

    def snapshot(self, running: bool = False, message: str | None = None) -> PlaygroundSnapshot:
        net = self.trainers["network"]
        steps = self.replay_log.steps()
        if not steps or steps[-1] != net.step_count:
            self.replay_log.add(net.step_count, net.network.state.copy())
        replay, replay_step = self._replay()
        return PlaygroundSnapshot(
            step=net.step_count,
            epoch=net.epoch,
            running=running,
            config=self.config,
            task=self.train.task,
            n_classes=self.train.n_classes,
            train_X=self.train.X.copy(),
            train_y=self.train.y.copy(),
            test_X=self.test.X.copy(),
            test_y=self.test.y.copy(),
            network=self._model_snapshot(net, self.enlarged),
            linear=self._model_snapshot(self.trainers["linear"]),
            divergence=self.divergence(),
            message=message,
            transformed=self._transformed_or_none(),
            replay_steps=tuple(self.replay_log.steps()),
            replay=replay,
            replay_step=replay_step,
            weight_effect=self._weight_effect() if self.health_wanted else None,
            problem=self.problem,
            remedy=self.remedy(),
        )

    def _transformed_or_none(self) -> TransformedSpace | None:
        """The watched neurons, or nothing once a rebuild made the choice impossible."""
        try:
            return self._transformed()
        except ValueError:
            self.watch = None
            return None
