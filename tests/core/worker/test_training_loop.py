"""The training generator, driven by a fake clock."""

import queue

import numpy as np
import pytest

from core.playground.config import PlaygroundConfig
from core.playground.model import Playground
from core.worker.loop import Pause, Play, SetSpeed, Step, Stop, training_loop
from core.worker.protocol import Configure


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


class CountingTarget:
    """A minimal trainable: counts steps, snapshots are (steps, running, message)."""

    def __init__(self, clock, seconds_per_step=0.001, limit=None):
        self.steps, self.clock, self.dt, self.limit = 0, clock, seconds_per_step, limit
        self.applied = []

    @property
    def can_train(self):
        return self.limit is None or self.steps < self.limit

    def advance(self, n):
        n = n if self.limit is None else min(n, self.limit - self.steps)
        self.steps += n
        self.clock.now += n * self.dt
        return n

    def apply(self, command):
        if command == "bad":
            raise ValueError("that setting is impossible")
        if command == "bug":
            raise KeyError("missing")
        self.applied.append(command)

    def snapshot(self, running, message, view):
        return (self.steps, running, message)


def test_snapshots_are_throttled_to_the_frame_rate():
    clock = FakeClock()
    target = CountingTarget(clock)
    commands = queue.SimpleQueue()
    commands.put(Play())
    loop = training_loop(target, commands, clock=clock, frame_interval=1 / 30)
    frames = [next(loop) for _ in range(31)]
    # 30 frames after the first span one simulated second of training...
    elapsed = clock.now
    assert 0.99 <= elapsed <= 1.2
    # ...and training kept going between frames: many steps per frame.
    assert frames[-1][0] - frames[1][0] >= 900
    assert all(f[1] for f in frames[1:])


def test_fixed_speed_trains_that_many_steps_per_frame():
    clock = FakeClock()
    target = CountingTarget(clock, seconds_per_step=0.0)
    commands = queue.SimpleQueue()
    commands.put(SetSpeed(3))
    commands.put(Play())
    loop = training_loop(target, commands, clock=clock, frame_interval=0.0)
    steps = [next(loop)[0] for _ in range(5)]
    assert np.all(np.diff(steps) == 3)


def test_commands_between_steps_pause_step_and_stop():
    clock = FakeClock()
    target = CountingTarget(clock)
    commands = queue.SimpleQueue()
    loop = training_loop(target, commands, clock=clock, frame_interval=0.0)
    assert next(loop) == (0, False, None)  # the initial frame, paused
    commands.put(Step(5))
    assert next(loop) == (5, False, None)
    commands.put("bad")
    assert next(loop) == (5, False, "that setting is impossible")
    commands.put("hello")
    next(loop)
    assert target.applied == ["hello"]
    commands.put(Play())
    assert next(loop)[1] is True
    commands.put(Pause())
    paused = next(loop)
    assert paused[1] is False
    commands.put(Stop())
    with pytest.raises(StopIteration):
        next(loop)


def test_loop_pauses_itself_when_the_target_cannot_train():
    clock = FakeClock()
    target = CountingTarget(clock, limit=50)
    commands = queue.SimpleQueue()
    commands.put(Play())
    loop = training_loop(target, commands, clock=clock, frame_interval=0.0)
    frame = next(loop)
    while frame[1]:
        frame = next(loop)
    assert frame == (50, False, None)


def test_playground_in_the_loop_changes_learning_rate_without_reset():
    commands = queue.SimpleQueue()
    pg = Playground(PlaygroundConfig(dataset="xor", hidden=(4,), resolution=20))
    commands.put(Step(100))
    loop = training_loop(pg, commands, frame_interval=0.0)
    snap = next(loop)
    assert snap.step == 100
    weights = pg.trainers["network"].network.params.copy()
    commands.put(Configure({"learning_rate": 0.5}))
    snap = next(loop)
    assert pg.trainers["network"].optimizer.learning_rate == 0.5
    assert snap.step == 100 and np.array_equal(weights, pg.trainers["network"].network.params)
    commands.put(Stop())
    with pytest.raises(StopIteration):
        next(loop)


def test_view_choices_stay_with_the_loop_and_a_refused_one_changes_nothing():
    from core.playground.commands import Replay, ShowHealth

    commands = queue.SimpleQueue()
    pg = Playground(PlaygroundConfig(dataset="xor", hidden=(4,), resolution=12))
    loop = training_loop(pg, commands, frame_interval=0.0)
    commands.put(Step(20))
    commands.put(ShowHealth(True))
    commands.put(Replay(0))
    snap = next(loop)
    assert snap.network.health != () and snap.replay_step == 0 and snap.message is None
    version = pg.state_version
    commands.put(Replay(10**6))  # refused: the view it had stays, and the model is untouched
    snap = next(loop)
    assert "no recorded moment" in snap.message
    assert snap.replay_step == 0 and snap.network.health != ()
    assert pg.state_version == version
    commands.put(Stop())
    with pytest.raises(StopIteration):
        next(loop)


def test_a_command_that_hits_a_bug_is_reported_and_training_goes_on():
    clock = FakeClock()
    target = CountingTarget(clock)
    commands = queue.SimpleQueue()
    loop = training_loop(target, commands, clock=clock, frame_interval=1 / 30)
    next(loop)
    commands.put("bug")
    clock.now += 1.0  # a frame is due
    steps, _, message = next(loop)
    assert "KeyError" in message and "missing" in message
    commands.put(Play())
    commands.put("fine")
    later = next(loop)
    while later[0] <= steps:
        later = next(loop)
    assert later[1] and target.applied == ["fine"]


@pytest.mark.parametrize("steps_per_frame", [None, 7])
def test_the_frame_in_which_training_stops_already_says_paused(steps_per_frame):
    """A divergence's frame must not say "running": the window showed "Training…" under it."""
    clock = FakeClock()
    target = CountingTarget(clock, limit=20)
    commands = queue.SimpleQueue()
    commands.put(SetSpeed(steps_per_frame))
    commands.put(Play())
    loop = training_loop(target, commands, clock=clock, frame_interval=0.0)
    frames = [next(loop)]
    while frames[-1][0] < 20:
        frames.append(next(loop))
    assert frames[-1] == (20, False, None)
