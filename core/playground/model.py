"""The playground model: a multi-layer network and a linear classifier trained
side by side on the same 2D data, driven by commands, seen through snapshots.

Everything the playground window shows is computed here (and so is testable
headless): both decision boundaries and every neuron's activation over the
plane, weights, losses, accuracies.  Optimiser and regularisation settings
change live; structural changes (layers, features, data set) rebuild the
networks.  Snapshots hold copies only — the training process keeps the model.

The parts live beside this module: config.py (settings), commands.py (the
playground's own commands), networks.py (building and retuning the models),
points.py (editing points), views.py (view-only choices and the replay's
record), judge.py (what went wrong), snapshot.py and remedy.py.  A snapshot
changes nothing: the replay is recorded as training advances, and what the
window looks at is a :class:`~core.playground.views.View` passed in.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from core.data.datasets import BINARY, CURVE, MULTICLASS, make_dataset, split_dataset
from core.playground.commands import (
    AddPoint,
    ApplyPreset,
    EnlargeNeuron,
    LoadData,
    PlaygroundState,
    Regenerate,
    RemovePoint,
    Replay,
    ShowHealth,
)
from core.playground.config import (
    DATA_SETTINGS,
    LIVE_SETTINGS,
    PRESETS,
    REGULARISERS,
    PlaygroundConfig,
    configured,
)
from core.playground.edit import EditParameter, edit_parameter
from core.playground.grid import GridEvaluator
from core.playground.judge import Judge
from core.playground.networks import make_trainers, model_arrays, retune
from core.playground.points import with_point, without_point
from core.playground.remedy import Remedy, remedy_for
from core.playground.snapshot import PlaygroundSnapshot, model_snapshot
from core.playground.transformed_space import TransformedSpace, WatchNeurons
from core.playground.views import ReplayLog, View, transformed
from core.training.history import COLUMNS
from core.training.trainer import Divergence
from core.worker.protocol import Configure, Model, Restart, Restore, RestoreBest, handles, views


class Playground(Model):
    """Two trainers (network and linear) over one data set; see module doc."""

    def __init__(self, config: PlaygroundConfig | None = None) -> None:
        self.config = config or PlaygroundConfig()
        self.config.validate()
        self._resets = 0
        self._regenerations = 0
        self.replay_log = ReplayLog()
        self._make_data()
        self._build()

    def kept_whole(self) -> tuple[object, ...]:
        return self.train, self.test, self.grid, self.replay_log.log

    # -- construction ---------------------------------------------------------------
    def _make_data(self) -> None:
        c = self.config
        rng = np.random.default_rng([c.seed, self._regenerations])
        data = make_dataset(c.dataset, c.n_points, c.noise, rng, c.formula, c.formula_task)
        if data.task == CURVE:
            raise ValueError("curves belong to the curve-fitting lab, not the playground")
        self.train, self.test = split_dataset(data, c.train_ratio, rng)

    def _build(self) -> None:
        """(Re)create both networks and trainers from the config and data."""
        self.trainers = make_trainers(self.config, self.train, self.test, self._resets)
        self.grid = GridEvaluator(self.config.inputs, self.config.resolution)
        self.judge = Judge(self.trainers["network"])
        self.replay_log.restart(self.trainers["network"])

    def _data_changed(self) -> None:
        """The points changed but the task did not: keep the weights training."""
        arrays = model_arrays(self.config.inputs, self.train, self.test)
        for trainer in self.trainers.values():
            trainer.set_data(*arrays)
        self.judge.restart(self.trainers["network"])

    # -- training ----------------------------------------------------------------------
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
        self.judge.check(self.trainers["network"], self.train.task)
        self.replay_log.record(self.trainers["network"])
        return done

    # -- commands ----------------------------------------------------------------------
    @handles(Configure)
    def _configure(self, command: Configure) -> None:
        changes = set(command.changes)
        old = self.config
        self.config = configured(old, command.changes, self.train.task)
        if changes <= LIVE_SETTINGS:
            if retune(self.trainers, old, self.config):
                self.replay_log.restart(self.trainers["network"])  # recorded: old layout
            if any(getattr(self.config, k) != getattr(old, k) for k in REGULARISERS):
                self.judge.mark_weights(self.trainers["network"])
            self.judge.restart(self.trainers["network"])
            return
        if DATA_SETTINGS & changes:
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

    @handles(AddPoint)
    def _add_point(self, command: AddPoint) -> None:
        self.train = with_point(self.train, command)
        self._data_changed()

    @handles(RemovePoint)
    def _remove_point(self, command: RemovePoint) -> None:
        self.train, self.test = without_point(self.train, self.test, command)
        self._data_changed()

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

    @handles(RestoreBest)
    def _restore_best(self, _: RestoreBest) -> None:
        for trainer in self.trainers.values():
            trainer.restore_best()
        self.judge.restart(self.trainers["network"])

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
        self.judge = Judge(self.trainers["network"])
        self.replay_log.restart(self.trainers["network"])  # from the restored weights

    @handles(EditParameter)
    def _edit_parameter(self, command: EditParameter) -> None:
        edit_parameter(self.trainers["network"].network, command)
        self.trainers["network"].weights_edited()
        self.judge.restart(self.trainers["network"])

    # -- view-only choices: new View values, never stored here ----------------------
    def initial_view(self) -> View:
        return View()

    @views(ShowHealth)
    def _show_health(self, view: View, command: ShowHealth) -> View:
        return replace(view, health=command.on)

    @views(EnlargeNeuron)
    def _enlarge(self, view: View, command: EnlargeNeuron) -> View:
        return replace(view, enlarged=command.neuron)

    @views(WatchNeurons)
    def _watch(self, view: View, command: WatchNeurons) -> View:
        view = replace(view, watch=command)
        self._transformed(view)  # refuse impossible choices now, with their reason
        return view

    @views(Replay)
    def _choose_replay(self, view: View, command: Replay) -> View:
        return replace(view, replay=self.replay_log.chosen(command.index))

    # -- snapshots ---------------------------------------------------------------------
    def remedy(self) -> Remedy | None:
        """The fix for what the window shows: the divergence, else the problem."""
        divergence, problem = self.divergence(), self.judge.problem
        if divergence is None and problem is None:
            return None
        return remedy_for("diverged" if divergence else problem.kind, self.config)

    def divergence(self) -> Divergence | None:
        """Where a model blew up (the window words it in the user's language)."""
        for trainer in self.trainers.values():
            if trainer.diverged is not None:
                return trainer.diverged
        return None

    def _transformed(self, view: View) -> TransformedSpace | None:
        return transformed(view, self.trainers["network"], self.config.inputs, self.train)

    def snapshot(self, running: bool = False, message: str | None = None,
                 view: View | None = None) -> PlaygroundSnapshot:
        net, view = self.trainers["network"], view or View()
        replay, replay_step = self.replay_log.replay(view, net, self.grid)
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
            network=model_snapshot(net, self.grid, view.enlarged, view.health),
            linear=model_snapshot(self.trainers["linear"], self.grid, None, view.health),
            divergence=self.divergence(),
            message=message,
            transformed=self._transformed_or_none(view),
            replay_steps=tuple(self.replay_log.log.steps()),
            replay=replay,
            replay_step=replay_step,
            weight_effect=self.judge.weight_effect(net) if view.health else None,
            problem=self.judge.problem,
            remedy=self.remedy(),
        )

    def _transformed_or_none(self, view: View) -> TransformedSpace | None:
        """The watched neurons, or nothing while the network has no such neurons."""
        try:
            return self._transformed(view)
        except ValueError:
            return None
