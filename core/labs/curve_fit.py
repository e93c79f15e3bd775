"""Curve fitting: a straight line y = ax + b and a small network, fitted live.

Both models learn from the same points with the same loss (squared or
absolute error) by full-batch gradient descent, so a learner sees the line
settle on its best compromise while the network bends to the points.  Each
hidden neuron's contribution ``v_j·h_j(x)`` is available to draw: the curve
is their sum plus a bias.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from core.nn.activations import HIDDEN_ACTIVATIONS
from core.nn.network import Network, NetworkSpec
from core.nn.optimizers import OPTIMIZERS, make_optimizer
from core.training.history import COLUMNS
from core.training.tasks import REGRESSION
from core.training.trainer import Trainer
from core.worker.protocol import Configure, Model, Restart, Restore, RestoreBest, handles

X_RANGE = (-6.0, 6.0)
LIVE = frozenset({"learning_rate", "optimizer", "loss"})  # act without new weights
MAX_HIDDEN = 64
FIT_LOSSES = ("mse", "mae")


@dataclass(frozen=True)
class CurveFitConfig:
    hidden: int = 8
    activation: str = "tanh"
    loss: str = "mse"
    optimizer: str = "adam"
    learning_rate: float = 0.02
    seed: int = 0

    def validate(self) -> None:
        """Raise ``ValueError`` with a plain reason for a setting the fit cannot use."""
        if not isinstance(self.hidden, int) or not 1 <= self.hidden <= MAX_HIDDEN:
            raise ValueError(f"the network needs 1 to {MAX_HIDDEN} hidden neurons")
        if self.activation not in HIDDEN_ACTIVATIONS:
            raise ValueError(f"unknown activation {self.activation!r}")
        if self.loss not in FIT_LOSSES:
            raise ValueError(f"the loss must be one of {', '.join(FIT_LOSSES)}")
        if self.optimizer not in OPTIMIZERS:
            raise ValueError(f"unknown optimiser {self.optimizer!r}")
        if not self.learning_rate > 0:
            raise ValueError("the learning rate must be positive")


@dataclass(frozen=True)
class SetPoints:
    """Replace the points (the GUI sends the whole edited set).

    Edited points keep the weights and the loss curves: the fit moves on from
    where it was.  A new point set (``new_set``) starts both models and their
    loss curves afresh, so the curve never mixes two problems.
    """

    x: np.ndarray
    y: np.ndarray
    new_set: bool = False


@dataclass(frozen=True)
class FitState:
    """What :class:`Restore` puts back: settings, points and both models' weights."""

    config: CurveFitConfig
    x: np.ndarray
    y: np.ndarray
    line: tuple[tuple[np.ndarray, np.ndarray], ...]
    network: tuple[tuple[np.ndarray, np.ndarray], ...]


@dataclass(frozen=True)
class FitSnapshot:
    step: int
    running: bool
    config: CurveFitConfig
    x: np.ndarray
    y: np.ndarray
    grid: np.ndarray                 # x values for the curves
    line: np.ndarray                 # the line's prediction on the grid
    curve: np.ndarray                # the network's prediction on the grid
    contributions: np.ndarray        # (hidden, len(grid)): v_j·h_j(x)
    slope: float
    intercept: float
    line_history: dict[str, np.ndarray]
    curve_history: dict[str, np.ndarray]
    message: str | None


def _points(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The points as float arrays, or ``ValueError`` if a fit cannot use them."""
    x, y = np.asarray(x, np.float64), np.asarray(y, np.float64)
    finite = np.isfinite(x).all() and np.isfinite(y).all()
    if len(x) < 2 or x.shape != y.shape or not finite:
        raise ValueError("curve fitting needs at least 2 finite points")
    return x, y


class CurveFit(Model):
    """Line and network fitted to the same points; a training-loop target."""

    def __init__(self, x: np.ndarray, y: np.ndarray, config: CurveFitConfig | None = None,
                 grid_points: int = 300) -> None:
        self.config = config or CurveFitConfig()
        self.config.validate()
        self.grid = np.linspace(*X_RANGE, grid_points)
        self.x, self.y = np.asarray(x, np.float64), np.asarray(y, np.float64)
        self._build(self.config)

    def kept_whole(self) -> tuple[np.ndarray, ...]:
        return self.grid, self.x, self.y

    def _trainer(self, c: CurveFitConfig, hidden: tuple[int, ...], seed: int) -> Trainer:
        spec = NetworkSpec(1, hidden, 1, c.activation, "linear", dtype="float64")
        rng = np.random.default_rng([c.seed, seed])
        optimizer = make_optimizer(c.optimizer, learning_rate=c.learning_rate)
        return Trainer(Network(spec, rng), optimizer, c.loss, self.x[:, None], self.y[:, None],
                       task=REGRESSION, batch_size=max(1, len(self.x)), rng=rng)

    def _build(self, config: CurveFitConfig) -> None:
        """Both models from ``config``, with fresh weights."""
        if len(self.x) < 2:
            raise ValueError("curve fitting needs at least 2 points")
        self.config = config
        self.line = self._trainer(config, (), 0)
        self.net = self._trainer(config, (config.hidden,), 1)

    @property
    def can_train(self) -> bool:
        return self.line.can_train or self.net.can_train

    def advance(self, n_steps: int) -> int:
        self.line.run(n_steps)
        return self.net.run(n_steps)

    # -- commands -------------------------------------------------------------------
    @handles(SetPoints)
    def _set_points(self, command: SetPoints) -> None:
        self.x, self.y = x, y = _points(command.x, command.y)
        if command.new_set:
            self._build(self.config)
            return
        for trainer in (self.line, self.net):  # keep the weights: they move on from here
            trainer.set_data(x[:, None], y[:, None])
            trainer.batch_size = len(x)

    @handles(Configure)
    def _configure(self, command: Configure) -> None:
        unknown = set(command.changes) - set(CurveFitConfig.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown setting {', '.join(sorted(unknown))}")
        new = replace(self.config, **command.changes)
        new.validate()
        changed = {k for k in command.changes if getattr(new, k) != getattr(self.config, k)}
        if changed <= LIVE:
            self._retune(new)
        else:
            self._build(new)

    @handles(Restart)
    def _restart(self, _: Restart) -> None:
        self._build(replace(self.config, seed=self.config.seed + 1))

    @handles(RestoreBest)
    def _restore_best(self, _: RestoreBest) -> None:
        for trainer in (self.line, self.net):
            trainer.restore_best()

    @handles(Restore)
    def _restore(self, command: Restore) -> None:
        state = command.state
        if not isinstance(state, FitState):
            raise ValueError("this is not a saved curve fit")
        state.config.validate()
        self.x, self.y = _points(state.x, state.y)
        self._build(state.config)
        self.line.network.set_weights(list(state.line))
        self.net.network.set_weights(list(state.network))
        for trainer in (self.line, self.net):
            trainer.reset_counters()  # the best weights are the restored ones

    def _retune(self, config: CurveFitConfig) -> None:
        """Learning rate, optimiser and loss act on the running fit: the weights stay,
        so a learner sees the same line tilt faster or slower."""
        old, self.config = self.config, config
        for trainer in (self.line, self.net):
            if config.optimizer != old.optimizer:
                trainer.optimizer = make_optimizer(config.optimizer,
                                                   learning_rate=config.learning_rate)
            trainer.optimizer.learning_rate = config.learning_rate
            if config.loss != old.loss:
                trainer.set_loss(config.loss)

    @property
    def slope_intercept(self) -> tuple[float, float]:
        W, b = self.line.network.get_weights()[0]
        return float(W[0, 0]), float(b[0])

    def snapshot(self, running: bool = False, message: str | None = None,
                 view: None = None) -> FitSnapshot:
        """Copies of what the window shows (this model has no view choices: ``view`` is None)."""
        grid = self.grid[:, None]
        line = self.line.network.predict(grid)[:, 0].copy()
        curve = self.net.network.predict(grid)[:, 0].copy()
        hidden = self.net.network.layer_outputs[0]           # (grid, hidden)
        v = self.net.network.layers[1].W[:, 0]               # output weights
        a, b = self.slope_intercept
        return FitSnapshot(
            step=self.net.step_count, running=running, config=self.config,
            x=self.x.copy(), y=self.y.copy(), grid=self.grid.copy(), line=line, curve=curve,
            contributions=(hidden * v).T.copy(), slope=a, intercept=b,
            line_history={k: self.line.history.column(k) for k in COLUMNS},
            curve_history={k: self.net.history.column(k) for k in COLUMNS},
            message=message,
        )
