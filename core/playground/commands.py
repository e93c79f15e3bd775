"""The playground's own commands (the shared ones are in core.worker.protocol).

Each is a small frozen value the window sends to the training process; the
playground's handler for it is registered with ``@handles`` in
core.playground.model.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.data.datasets import Dataset
from core.playground.config import PlaygroundConfig


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
class LoadData:
    """Replace the data with imported points (e.g. from CSV)."""

    data: Dataset


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
class PlaygroundState:
    """What ``Restore`` puts back (a session): settings, points and both models' weights."""

    config: PlaygroundConfig
    train: Dataset
    test: Dataset
    weights: dict[str, tuple[tuple[np.ndarray, np.ndarray], ...]]
    norms: tuple[tuple[np.ndarray, ...], ...] = ()  # the network's batch norm, if on
    step: int = 0   # where training had got to: the counters go on from here
    epoch: int = 0
    histories: dict[str, np.ndarray] = field(default_factory=dict)  # rows of COLUMNS
