"""What the window chose to look at in the playground, and what it takes to show it.

None of this changes training: the replay of recorded weights, a neuron drawn
at full resolution, the health of each layer, the space seen by two watched
neurons.
"""

from __future__ import annotations

from core.data.datasets import Dataset
from core.playground.grid import GridEvaluator
from core.playground.replay import SnapshotHistory
from core.playground.snapshot import ModelSnapshot, model_snapshot
from core.playground.transformed_space import TransformedSpace, WatchNeurons, transform
from core.training.trainer import Trainer

REPLAY_ITEMS = 600  # recorded moments kept for the replay slider (thinned beyond)
REPLAY_BYTES = 32 * 1024 * 1024


class ViewChoices:
    """The view-only choices and the record of the network's weights for the replay."""

    def __init__(self) -> None:
        self.watch: WatchNeurons | None = None
        self.enlarged: tuple[int, int] | None = None
        self.health = False
        self.forget_replay()

    def forget_replay(self) -> None:
        """A new, empty replay: recorded weights that no longer fit the network go."""
        self.replay_log = SnapshotHistory(max_bytes=REPLAY_BYTES, max_items=REPLAY_ITEMS)
        self.replay_index: int | None = None

    def record(self, trainer: Trainer) -> None:
        """Keep the network's weights at this step for the replay (once per step)."""
        steps = self.replay_log.steps()
        if not steps or steps[-1] != trainer.step_count:
            self.replay_log.add(trainer.step_count, trainer.network.state.copy())

    def choose_replay(self, index: int | None) -> None:
        if index is not None and not 0 <= index < len(self.replay_log):
            raise ValueError("there is no recorded moment with that number")
        self.replay_index = index

    def replay(self, trainer: Trainer,
               grid: GridEvaluator) -> tuple[ModelSnapshot | None, int | None]:
        """The network as recorded at ``replay_index``, drawn on a scratch copy."""
        if self.replay_index is None or self.replay_index >= len(self.replay_log):
            return None, None
        step = self.replay_log.steps()[self.replay_index]
        live = trainer.network.state.copy()
        trainer.network.state[...] = self.replay_log.get(self.replay_index)
        try:
            return model_snapshot(trainer, grid, self.enlarged, self.health), step
        finally:
            trainer.network.state[...] = live

    def transformed(self, trainer: Trainer, features: tuple[str, ...],
                    train: Dataset) -> TransformedSpace | None:
        """The watched neurons' view of the plane; ``ValueError`` if they do not exist."""
        if self.watch is None:
            return None
        return transform(trainer.network, features, self.watch, train.X, train.y)
