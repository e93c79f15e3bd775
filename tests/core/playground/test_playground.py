"""The two-model playground: commands, live settings, snapshots and grids."""

import numpy as np
import pytest

from core.data.datasets import parse_points_csv
from core.playground.commands import (
    AddPoint,
    ApplyPreset,
    EnlargeNeuron,
    LoadData,
    Regenerate,
    RemovePoint,
    ShowHealth,
)
from core.playground.config import PlaygroundConfig
from core.playground.features import feature_matrix
from core.playground.grid import grid_points
from core.playground.model import Playground
from core.worker.protocol import Configure, Restart, RestoreBest
from tests.core.playground.conftest import view_of


@pytest.fixture
def playground():
    return Playground(PlaygroundConfig(dataset="xor", hidden=(4,), resolution=30))


def test_multi_layer_network_beats_the_line_on_xor(playground):
    playground.advance(7500)
    snap = playground.snapshot()
    assert snap.network.test_accuracy >= 0.9
    assert snap.linear.test_accuracy <= 0.65
    loss = snap.network.history["train_loss"]
    assert len(loss) > 100 and loss[-1] < loss[0] / 2


def test_snapshot_grids_equal_a_direct_forward_pass(playground):
    playground.advance(200)
    snap = playground.snapshot()
    net = playground.trainers["network"].network
    points = grid_points(30)
    out = net.predict(feature_matrix(points, ("x1", "x2")))
    assert np.allclose(snap.network.grid.output[0], out[:, 0].reshape(30, 30), atol=1e-6)
    hidden = net.layer_outputs[0]
    assert np.allclose(snap.network.grid.tiles[1][2], hidden[:, 2].reshape(30, 30), atol=1e-6)
    # [i1, i2] indexing: the first axis walks along x1.
    assert points[30, 0] > points[0, 0] and points[30, 1] == points[0, 1]
    assert [g.shape[0] for g in snap.network.grid.tiles] == [2, 4, 1]
    assert [g.shape[0] for g in snap.linear.grid.tiles] == [2, 1]
    assert snap.network.grid.focus is None


def test_fine_grids_send_small_tiles_and_the_enlarged_neuron_in_full():
    playground = Playground(PlaygroundConfig(dataset="xor", hidden=(4, 3), resolution=150))
    playground.advance(100)
    snap = playground.snapshot(view=view_of(playground, EnlargeNeuron((2, 1))))
    net = playground.trainers["network"].network
    net.predict(feature_matrix(grid_points(150), ("x1", "x2")))
    second = net.layer_outputs[1][:, 1].reshape(150, 150)
    assert np.allclose(snap.network.grid.focus, second, atol=1e-6)
    # Tiles: every 5th grid point, 30 a side, for every neuron.
    assert [t.shape for t in snap.network.grid.tiles] == [(2, 30, 30), (4, 30, 30),
                                                          (3, 30, 30), (1, 30, 30)]
    assert np.allclose(snap.network.grid.tiles[2][1], second[::5, ::5], atol=1e-6)
    assert snap.network.grid.output.shape == (1, 150, 150)
    # A neuron a rebuild removed is simply not sent.
    playground.apply(Configure({"hidden": (4,)}))
    assert playground.snapshot().network.grid.focus is None


def test_snapshots_are_copies(playground):
    snap = playground.snapshot()
    playground.advance(50)
    W_now = playground.trainers["network"].network.layers[0].W
    assert not np.array_equal(snap.network.weights[0][0], W_now)
    snap.train_X[:] = 99
    assert playground.train.X.max() < 99


def test_live_settings_do_not_reset(playground):
    playground.advance(100)
    for changes in ({"learning_rate": 0.1}, {"l2": 0.01}, {"batch_size": 5},
                    {"optimizer": "adam"}, {"dropout": 0.2}, {"input_noise": 0.1}):
        playground.apply(Configure(changes))
        assert playground.step_count == 100, changes
    trainer = playground.trainers["network"]
    assert trainer.optimizer.name == "adam" and trainer.optimizer.learning_rate == 0.1
    assert trainer.penalty.l2 == 0.01 and trainer.network.dropout_rate == 0.2
    assert trainer.augment.std == 0.1 and playground.trainers["linear"].augment.std == 0.1


def test_structural_settings_rebuild(playground):
    playground.advance(100)
    playground.apply(Configure({"hidden": (3, 3)}))
    assert playground.step_count == 0
    assert playground.snapshot().network.layer_sizes == (2, 3, 3, 1)
    playground.apply(Configure({"features": ("x1", "x2", "x1*x2")}))
    assert playground.snapshot().network.layer_sizes == (3, 3, 3, 1)


def test_switching_to_regression_switches_the_loss(playground):
    playground.apply(Configure({"dataset": "plane"}))
    assert playground.config.loss == "mse" and playground.train.task == "regression"
    with pytest.raises(ValueError, match="cross-entropy needs classes"):
        playground.apply(Configure({"loss": "cross_entropy"}))
    playground.apply(Configure({"dataset": "blobs4"}))
    assert playground.snapshot().network.layer_sizes[-1] == 4


def test_bad_settings_are_refused_and_change_nothing(playground):
    before = playground.config
    for changes in ({"learning_rate": -1}, {"hidden": (0,)}, {"hidden": (4,) * 9},
                    {"features": ()}, {"colour": 3}):
        with pytest.raises(ValueError, match=r"."):
            playground.apply(Configure(changes))
    assert playground.config == before


def test_points_can_be_added_and_removed(playground):
    n = len(playground.train)
    playground.apply(AddPoint(1.0, 1.0, 1))
    assert len(playground.train) == n + 1
    assert np.allclose(playground.trainers["network"].X_train[-1], [1 / 6, 1 / 6])
    playground.apply(RemovePoint(1.05, 1.0))
    assert len(playground.train) == n
    with pytest.raises(ValueError, match="class 5 does not exist"):
        playground.apply(AddPoint(0, 0, 5))


def test_regenerate_keeps_training_reset_starts_over(playground):
    playground.advance(100)
    old = playground.train.X.copy()
    playground.apply(Regenerate())
    assert playground.step_count == 100 and not np.array_equal(old, playground.train.X)
    weights = playground.trainers["network"].network.params.copy()
    playground.apply(Restart())
    assert playground.step_count == 0
    assert not np.array_equal(weights, playground.trainers["network"].network.params)


def test_divergence_is_reported(playground):
    playground.apply(Configure({"learning_rate": 1e6}))
    playground.advance(200)
    assert not playground.can_train
    assert "learning rate is too large" in playground.snapshot().divergence.message


def test_imported_points_replace_the_data(playground):
    text = "".join(f"{x},{y},{int(x > 0)}\n" for x in range(-3, 4) for y in (-1, 1))
    playground.apply(LoadData(parse_points_csv(text)))
    assert len(playground.train) + len(playground.test) == 14


def test_activation_per_layer_or_for_all(playground):
    playground.apply(Configure({"hidden": (4, 3)}))
    playground.apply(Configure({"layer_activations": ("relu", "sigmoid")}))
    assert playground.snapshot().network.activations == ("relu", "sigmoid", "sigmoid")
    playground.apply(Configure({"hidden": (4, 3, 2)}))   # a new layer takes the "all" choice
    assert playground.config.hidden_activations == ("relu", "sigmoid", "tanh")
    playground.apply(Configure({"activation": "leaky_relu"}))  # "all" overrides per-layer
    assert playground.snapshot().network.activations == ("leaky_relu",) * 3 + ("sigmoid",)
    with pytest.raises(ValueError, match="unknown activation"):
        playground.apply(Configure({"layer_activations": ("relu", "nope", "tanh")}))


def test_overfit_preset_and_restoring_the_best_weights(playground):
    playground.apply(ApplyPreset("overfit"))
    assert playground.config.hidden == (32, 32, 32) and len(playground.train) == 30
    playground.advance(3000)
    worse = playground.snapshot().network.test_loss
    history = playground.trainers["network"].history
    best = float(np.nanmin(history.column("test_loss")))
    playground.apply(RestoreBest())
    restored = playground.snapshot().network.test_loss
    assert restored == pytest.approx(best, rel=1e-4) and restored < worse
    with pytest.raises(ValueError, match="unknown preset"):
        playground.apply(ApplyPreset("nope"))


def test_transformed_space_is_the_layer_activations(playground):
    from core.playground.features import feature_matrix
    from core.playground.transformed_space import WatchNeurons

    playground.apply(Configure({"hidden": (4, 3)}))
    playground.advance(300)
    view = view_of(playground, WatchNeurons(2, 0, 2))
    t = playground.snapshot(view=view).transformed
    net = playground.trainers["network"].network
    net.predict(feature_matrix(playground.train.X, playground.config.features))
    expected = net.layer_outputs[1][:, [0, 2]]
    assert np.allclose(t.points, expected, atol=1e-6)
    assert np.isnan(t.lines).any() and np.isfinite(t.lines).sum() > 1000
    with pytest.raises(ValueError, match="neurons 1–3"):
        playground.view_with(view, WatchNeurons(2, 0, 3))
    playground.apply(Configure({"hidden": (2,)}))       # the watched layer is gone
    assert playground.snapshot(view=view).transformed is None
    playground.apply(Configure({"hidden": (4, 3)}))     # and back: the choice shows again
    assert playground.snapshot(view=view).transformed.points.shape == t.points.shape


def test_replay_shows_recorded_weights_and_stays_bounded(playground):
    from core.playground.commands import Replay
    from core.playground.views import REPLAY_ITEMS
    from core.worker.protocol import Configure

    first = playground.snapshot()
    for _ in range(REPLAY_ITEMS + 200):
        playground.advance(5)
    steps = playground.snapshot().replay_steps
    assert REPLAY_ITEMS // 2 <= len(steps) <= REPLAY_ITEMS
    # Thinned and recorded half as often since: the moments stay evenly spread.
    gaps = set(np.diff(steps).tolist())
    assert steps[0] == 0 and steps[-1] <= playground.step_count and gaps == {10}
    view = view_of(playground, Replay(0))
    snap = playground.snapshot(view=view)
    assert snap.replay_step == 0 and snap.replay_steps[0] == 0
    assert np.allclose(snap.replay.grid.output, first.network.grid.output)
    # Replaying does not touch the live network, which kept its trained weights.
    assert not np.allclose(snap.network.grid.output, first.network.grid.output)
    assert playground.snapshot(view=view_of(playground, Replay(0), Replay(None))).replay is None
    with pytest.raises(ValueError, match="no recorded moment"):
        view_of(playground, Replay(10**6))
    playground.apply(Configure({"hidden": (3,)}))
    after = playground.snapshot(view=view)  # a moment of the old record: live now
    assert after.replay_steps == (playground.step_count,) and after.replay is None


def test_layer_health_is_computed_only_while_someone_looks():
    playground = Playground(PlaygroundConfig(dataset="xor", hidden=(5, 3), resolution=20))
    playground.advance(50)
    assert playground.snapshot().network.health == ()
    health = playground.snapshot(view=view_of(playground, ShowHealth(True))).network.health
    assert [h.weight_histogram.sum() for h in health] == [2 * 5, 5 * 3, 3 * 1]  # output too
    view = view_of(playground, ShowHealth(True), ShowHealth(False))
    assert playground.snapshot(view=view).network.health == ()


def test_settings_that_cannot_be_built_change_nothing_and_training_goes_on(monkeypatch):
    playground = Playground(PlaygroundConfig(dataset="xor", hidden=(3,), resolution=20))
    playground.apply(Configure({"optimizer": "momentum",
                                "optimizer_settings": (("momentum", 0.8),)}))
    before = playground.snapshot()
    # A setting the optimiser does not have is refused, live or not.
    with pytest.raises(ValueError, match="momentum has no setting beta9"):
        playground.apply(Configure({"optimizer_settings": (("beta9", 0.5),)}))
    # Switching optimiser keeps only the settings the new one has.
    playground.apply(Configure({"optimizer": "adam"}))
    assert playground.config.optimizer_settings == ()
    playground.apply(Configure({"optimizer": "momentum",
                                "optimizer_settings": (("momentum", 0.8),)}))
    # A rebuild that fails half-way leaves the old models and settings in place.
    import core.playground.networks as module

    def broken(*args, **kwargs):
        raise ValueError("no optimiser today")

    monkeypatch.setattr(module, "make_optimizer", broken)
    with pytest.raises(ValueError, match="no optimiser today"):
        playground.apply(Configure({"hidden": (5, 5)}))
    after = playground.snapshot()
    assert after.config == before.config and after.network.layer_sizes == (2, 3, 1)
    assert playground.advance(10) == 10


def test_switching_batch_norm_on_keeps_the_dropout_rate(playground):
    playground.apply(Configure({"dropout": 0.3}))
    playground.apply(Configure({"batch_norm": True}))
    net = playground.trainers["network"].network
    assert net.dropout_rate == 0.3 and net.spec.dropout == 0.3
    assert all(d.rate == 0.3 for d in net.dropouts)
    playground.apply(Configure({"batch_norm": False}))
    assert playground.trainers["network"].network.dropout_rate == 0.3


def test_importing_regression_points_under_cross_entropy_switches_the_loss(playground):
    text = "".join(f"{x},{y},{x / 4:.2f}\n" for x in range(-3, 4) for y in (-1, 1))
    playground.apply(LoadData(parse_points_csv(text)))
    snap = playground.snapshot()
    assert snap.task == "regression" and snap.config.loss == "mse"
    assert playground.trainers["network"].loss_name == "mse"
    assert playground.trainers["network"].network.output_activation == "linear"
    assert len(snap.train_X) + len(snap.test_X) == 14
    playground.advance(20)  # trains on the imported points
    assert np.isfinite(playground.trainers["network"].evaluate().train_loss)


def test_imported_points_that_cannot_be_built_change_nothing(playground, monkeypatch):
    before = (playground.train, playground.test, playground.config, playground.trainers)
    text = "".join(f"{x},{y},{x / 4:.2f}\n" for x in range(-3, 4) for y in (-1, 1))

    def broken(*_args, **_kwargs):
        raise ValueError("cannot build")

    monkeypatch.setattr("core.playground.model.GridEvaluator", broken)
    with pytest.raises(ValueError, match="cannot build"):
        playground.apply(LoadData(parse_points_csv(text)))
    after = (playground.train, playground.test, playground.config, playground.trainers)
    assert all(a is b for a, b in zip(before, after, strict=True))
    assert playground.snapshot().task == "binary"


def test_a_collapse_to_one_class_is_named_with_its_fix():
    playground = Playground(PlaygroundConfig(activation="relu", learning_rate=10.0,
                                             resolution=20))
    playground.advance(1000)
    snap = playground.snapshot()
    assert snap.divergence is None and snap.problem.kind == "collapsed"
    assert len(np.unique(snap.network.grid.output[0] > 0.5)) == 1  # one colour everywhere
    assert snap.remedy.fix == "lower_learning_rate" and snap.remedy.restart
    assert snap.remedy.changes == {"learning_rate": 1.0}
    playground.apply(Configure(snap.remedy.changes))
    assert playground.snapshot().problem is None  # judged afresh after a change


def test_a_stuck_loss_offers_the_fix_that_fits_the_settings():
    playground = Playground(PlaygroundConfig(learning_rate=1e-5, resolution=20))
    playground.advance(3000)
    snap = playground.snapshot()
    assert snap.problem.kind == "stuck"
    assert snap.remedy.changes == {"learning_rate": 1e-4} and not snap.remedy.restart
    zeros = Playground(PlaygroundConfig(init="zeros", resolution=20))
    zeros.advance(3000)
    assert zeros.snapshot().remedy.changes == {"init": "xavier"}
    spiral = Playground(PlaygroundConfig(dataset="spiral", resolution=20))
    spiral.advance(3000)
    assert spiral.snapshot().remedy.changes == {"hidden": (8, 4)}
    straight = Playground(PlaygroundConfig(activation="linear", learning_rate=0.3,
                                           resolution=20))
    straight.advance(3000)
    assert straight.snapshot().remedy.changes == {"activation": "tanh"}


def test_a_healthy_run_reports_nothing():
    playground = Playground(PlaygroundConfig(resolution=20))
    for _ in range(10):
        playground.advance(500)
        assert playground.snapshot().problem is None


def _observable(playground: Playground) -> tuple:
    """Everything a snapshot could change: weights, counters, the replay's record."""
    log = playground.replay_log
    return (playground.trainers["network"].network.state.copy(),
            playground.trainers["linear"].network.state.copy(), playground.step_count,
            playground.state_version, log.number, log.stride, tuple(log.log.steps()),
            playground.judge.problem, dict(vars(playground)).keys())


@pytest.mark.parametrize("commands", [(), (ShowHealth(True), EnlargeNeuron((1, 0)))])
def test_a_snapshot_changes_nothing(playground, commands):
    from core.playground.commands import Replay
    from core.playground.transformed_space import WatchNeurons

    playground.advance(40)
    view = view_of(playground, *commands, WatchNeurons(1, 0, 1), Replay(0))
    before = _observable(playground)
    first, second = playground.snapshot(view=view), playground.snapshot(view=view)
    after = _observable(playground)
    assert all(np.array_equal(a, b) for a, b in zip(before[:2], after[:2], strict=True))
    assert before[2:] == after[2:]
    assert first.replay_steps == second.replay_steps == (0, 40)
    assert np.array_equal(first.network.grid.output, second.network.grid.output)


def test_view_choices_are_not_the_models_and_a_rollback_leaves_them(playground):
    from core.playground.commands import Replay

    playground.advance(10)
    view = view_of(playground, ShowHealth(True), Replay(0))
    version = playground.state_version
    with pytest.raises(ValueError, match="1–32 neurons"):
        playground.apply(Configure({"hidden": (0,)}))  # refused: the model is as it was
    assert playground.state_version == version
    assert not any(isinstance(v, type(view)) for v in vars(playground).values())
    snap = playground.snapshot(view=view)
    assert snap.replay_step == 0 and snap.network.health != ()
    playground.apply(Configure({"learning_rate": 0.05}))
    assert playground.state_version == version + 1
    with pytest.raises(ValueError, match="does not understand"):
        playground.apply(ShowHealth(True))  # a view choice is never a training command
