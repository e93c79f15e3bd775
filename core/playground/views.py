"""What the window chose to look at in the playground, and what it takes to show it.

None of this changes training: the replay of recorded weights, a neuron drawn
at full resolution, the health of each layer, the space seen by two watched
neurons.  The choices are a :class:`View` value the training loop holds and
hands to each snapshot (the model computes for it but never stores it); only
the record of weights for the replay is the model's (:class:`ReplayLog`).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.data.datasets import Dataset
from core.playground.grid import GridEvaluator
from core.playground.replay import SnapshotHistory
from core.playground.snapshot import ModelSnapshot, model_snapshot
from core.playground.transformed_space import TransformedSpace, WatchNeurons, transform
from core.training.trainer import Trainer

REPLAY_ITEMS = 600  # recorded moments kept for the replay slider (thinned beyond)
REPLAY_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class View:
    """The window's view-only choices; ``replay`` is (record number, moment index)."""

    watch: WatchNeurons | None = None
    enlarged: tuple[int, int] | None = None
    health: bool = False
    replay: tuple[int, int] | None = None


class ReplayLog:
    """The network's weights recorded as training goes, for the replay slider.

    Recorded in ``advance``, not per snapshot (a snapshot changes nothing): at
    most once every ``stride`` steps, and each time the log is thinned the
    stride becomes the thinned log's spacing, so a long run keeps its moments
    spread evenly over its whole span however fast it trains.
    ``number`` changes with every new record, so a chosen moment of an older
    record (before a rebuild) shows nothing rather than a moment of this one.
    """

    def __init__(self) -> None:
        self.number = 0
        self.log = SnapshotHistory(max_bytes=REPLAY_BYTES, max_items=REPLAY_ITEMS)
        self.stride = 1.0

    def restart(self, trainer: Trainer) -> None:
        """A new record starting at the network's weights now (the old ones no longer fit)."""
        self.number += 1
        self.log = SnapshotHistory(max_bytes=REPLAY_BYTES, max_items=REPLAY_ITEMS)
        self.stride = 1.0
        self.record(trainer)

    def record(self, trainer: Trainer) -> None:
        """Keep the weights at this step if ``stride`` steps passed since the last kept."""
        steps = self.log.steps()
        if steps and trainer.step_count - steps[-1] < self.stride:
            return
        before = len(self.log)
        self.log.add(trainer.step_count, trainer.network.state.copy())
        if len(self.log) <= before:  # thinned to every other moment: record as sparsely
            kept = self.log.steps()
            self.stride = (kept[-1] - kept[0]) / (len(kept) - 1)

    def chosen(self, index: int | None) -> tuple[int, int] | None:
        """The view's ``replay`` for moment ``index`` of this record; ``None`` = live."""
        if index is None:
            return None
        if not 0 <= index < len(self.log):
            raise ValueError("there is no recorded moment with that number")
        return self.number, index

    def replay(self, view: View, trainer: Trainer,
               grid: GridEvaluator) -> tuple[ModelSnapshot | None, int | None]:
        """The network as recorded at the chosen moment, drawn on a scratch copy."""
        if view.replay is None:
            return None, None
        number, index = view.replay
        if number != self.number or index >= len(self.log):
            return None, None
        step = self.log.steps()[index]
        live = trainer.network.state.copy()
        trainer.network.state[...] = self.log.get(index)
        try:
            return model_snapshot(trainer, grid, view.enlarged, view.health), step
        finally:
            trainer.network.state[...] = live


def transformed(view: View, trainer: Trainer, features: tuple[str, ...],
                train: Dataset) -> TransformedSpace | None:
    """The watched neurons' view of the plane; ``ValueError`` if they do not exist."""
    if view.watch is None:
        return None
    return transform(trainer.network, features, view.watch, train.X, train.y)
