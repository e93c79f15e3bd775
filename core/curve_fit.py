"""Curve fitting: a straight line y = ax + b and a small network, fitted live.

Both models learn from the same points with the same loss (squared or
absolute error) by full-batch gradient descent, so a learner sees the line
settle on its best compromise while the network bends to the points.  Each
hidden neuron's contribution ``v_j·h_j(x)`` is available to draw: the curve
is their sum plus a bias.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from core.datasets import REGRESSION
from core.history import COLUMNS
from core.network import Network, NetworkSpec
from core.optimizers import make_optimizer
from core.trainer import Trainer

X_RANGE = (-6.0, 6.0)


@dataclass(frozen=True)
class CurveFitConfig:
    hidden: int = 8
    activation: str = "tanh"
    loss: str = "mse"
    optimizer: str = "adam"
    learning_rate: float = 0.02
    seed: int = 0


@dataclass(frozen=True)
class SetPoints:
    """Replace the points (the GUI sends the whole edited set)."""

    x: np.ndarray
    y: np.ndarray


@dataclass(frozen=True)
class ConfigureFit:
    changes: dict[str, Any]


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


class CurveFit:
    """Line and network fitted to the same points; a training-loop target."""

    def __init__(self, x: np.ndarray, y: np.ndarray, config: CurveFitConfig | None = None,
                 grid_points: int = 300) -> None:
        self.config = config or CurveFitConfig()
        self.grid = np.linspace(*X_RANGE, grid_points)
        self.x, self.y = np.asarray(x, np.float64), np.asarray(y, np.float64)
        self._build()

    def _trainer(self, hidden: tuple[int, ...], seed: int) -> Trainer:
        c = self.config
        spec = NetworkSpec(1, hidden, 1, c.activation, "linear", dtype="float64")
        rng = np.random.default_rng([c.seed, seed])
        optimizer = make_optimizer(c.optimizer, learning_rate=c.learning_rate)
        return Trainer(Network(spec, rng), optimizer, c.loss, self.x[:, None], self.y[:, None],
                       task=REGRESSION, batch_size=max(1, len(self.x)), rng=rng)

    def _build(self) -> None:
        if len(self.x) < 2:
            raise ValueError("curve fitting needs at least 2 points")
        self.line = self._trainer((), 0)
        self.net = self._trainer((self.config.hidden,), 1)

    @property
    def can_train(self) -> bool:
        return self.line.can_train or self.net.can_train

    def advance(self, n_steps: int) -> int:
        self.line.run(n_steps)
        return self.net.run(n_steps)

    def apply(self, command: Any) -> None:
        if isinstance(command, SetPoints):
            x, y = np.asarray(command.x, np.float64), np.asarray(command.y, np.float64)
            finite = np.isfinite(x).all() and np.isfinite(y).all()
            if len(x) < 2 or x.shape != y.shape or not finite:
                raise ValueError("curve fitting needs at least 2 finite points")
            self.x, self.y = x, y
            for trainer in (self.line, self.net):  # keep the weights: they move on from here
                trainer.set_data(x[:, None], y[:, None])
                trainer.batch_size = len(x)
        elif isinstance(command, ConfigureFit):
            self.config = replace(self.config, **command.changes)
            self._build()
        else:
            raise ValueError(f"unknown command {command!r}")

    @property
    def slope_intercept(self) -> tuple[float, float]:
        W, b = self.line.network.get_weights()[0]
        return float(W[0, 0]), float(b[0])

    def snapshot(self, running: bool = False, message: str | None = None) -> FitSnapshot:
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
