"""Frames and state on two channels: the state travels once per change, and every
frame rebuilt on the window's side equals the snapshot the model made."""

from __future__ import annotations

import pickle

import pytest

from core.playground.commands import AddPoint
from core.playground.config import PlaygroundConfig
from core.playground.model import Playground
from core.playground.snapshot import PlaygroundSnapshot
from core.worker.channels import Combiner, FrameSender
from core.worker.protocol import Configure, Restart
from tests.core.worker.test_protocol import assert_same


@pytest.fixture
def playground() -> Playground:
    return Playground(PlaygroundConfig(dataset="xor", hidden=(3,), resolution=12))


def _through_a_pipe(messages: list, combiner: Combiner) -> list:
    """What the window receives: each message pickled, read back, combined."""
    out: list = []
    for message in messages:
        combiner.receive(pickle.loads(pickle.dumps(message)), out.append)
    return out


def test_the_state_is_sent_once_and_every_frame_is_whole_again(playground):
    sender, combiner = FrameSender(), Combiner()
    first = sender.messages(playground.snapshot(), playground.state_version)
    assert [m[0] for m in first] == ["state", "frame"]
    assert set(first[0][2]) == set(PlaygroundSnapshot.STATE_FIELDS)
    assert not set(first[1][1]) & set(PlaygroundSnapshot.STATE_FIELDS)
    assert len(_through_a_pipe(first, combiner)) == 1
    playground.advance(30)
    snap = playground.snapshot(running=True)
    later = sender.messages(snap, playground.state_version)
    assert [m[0] for m in later] == ["frame"]
    assert len(pickle.dumps(later)) < len(pickle.dumps(first))
    [(kind, rebuilt)] = _through_a_pipe(later, combiner)
    assert kind == "snapshot" and rebuilt.step == 30 and rebuilt.running
    assert_same(rebuilt, snap)


def test_a_changed_state_arrives_before_the_frame_that_shows_it(playground):
    sender, combiner = FrameSender(), Combiner()
    _through_a_pipe(sender.messages(playground.snapshot(), playground.state_version), combiner)
    n = len(playground.train.X)
    playground.apply(AddPoint(0.5, -0.5, 1.0))
    snap = playground.snapshot()
    messages = sender.messages(snap, playground.state_version)
    assert [m[0] for m in messages] == ["state", "frame"]
    [(_, rebuilt)] = _through_a_pipe(messages, combiner)
    assert len(rebuilt.train_X) == n + 1 and rebuilt.train_X[-1].tolist() == [0.5, -0.5]
    assert_same(rebuilt, snap)
    playground.apply(Configure({"learning_rate": 0.2}))  # a setting is state too
    messages = sender.messages(playground.snapshot(), playground.state_version)
    assert messages[0][0] == "state" and messages[0][2]["config"].learning_rate == 0.2


def test_a_refused_command_sends_no_state(playground):
    sender = FrameSender()
    sender.messages(playground.snapshot(), playground.state_version)
    with pytest.raises(ValueError, match="1–32 neurons"):
        playground.apply(Configure({"hidden": (0,)}))
    assert [m[0] for m in sender.messages(playground.snapshot(), playground.state_version)] \
        == ["frame"]


def test_snapshots_without_state_fields_travel_whole():
    sender, combiner = FrameSender(), Combiner()
    assert sender.messages(7, 0) == [("snapshot", 7)]
    assert _through_a_pipe([("snapshot", 7), ("failed", "why")], combiner) \
        == [("snapshot", 7), ("failed", "why")]


def test_a_frame_without_a_state_is_an_error():
    with pytest.raises(ValueError, match="before any state"):
        Combiner().receive(("frame", {}), print)


def test_a_frame_carries_only_the_new_history_rows_and_a_restart_sends_them_whole(playground):
    sender, combiner = FrameSender(), Combiner()
    playground.advance(200)
    _through_a_pipe(sender.messages(playground.snapshot(), playground.state_version), combiner)
    had = len(playground.trainers["network"].history)
    playground.advance(60)
    grown = len(playground.trainers["network"].history)
    snap = playground.snapshot()
    [(_, frame)] = sender.messages(snap, playground.state_version)
    tail = frame["network"].history
    assert grown > had and tail.start == had and len(tail.rows["train_loss"]) == grown - had
    [(_, rebuilt)] = _through_a_pipe([("frame", frame)], combiner)
    assert_same(rebuilt, snap)
    playground.apply(Restart())  # the curves start again: sent whole
    playground.advance(60)
    snap = playground.snapshot()
    messages = sender.messages(snap, playground.state_version)
    assert messages[1][1]["linear"].history.start == 0
    [(_, rebuilt)] = _through_a_pipe(messages, combiner)
    assert_same(rebuilt, snap)
    assert len(rebuilt.network.history["step"]) == len(playground.trainers["network"].history)


def test_thinned_histories_are_sent_whole_and_still_rebuilt_exactly():
    """A full history is thinned to half its rows: no common prefix, sent whole.
    (One epoch, so one row, per step: 50 points, 25 to train on, in one batch.)"""
    playground = Playground(PlaygroundConfig(dataset="xor", hidden=(3,), resolution=8,
                                             n_points=50, batch_size=25))
    sender, combiner = FrameSender(), Combiner()
    starts = []
    for _ in range(30):
        playground.advance(100)
        snap = playground.snapshot()
        messages = sender.messages(snap, playground.state_version)
        starts.append(messages[-1][1]["network"].history.start)
        [(_, rebuilt)] = _through_a_pipe(messages, combiner)
        assert_same(rebuilt, snap)
    assert 0 in starts[1:] and max(starts) > 500


def test_a_tail_of_rows_never_received_is_an_error(playground):
    sender, combiner = FrameSender(), Combiner()
    playground.advance(60)
    state, _first = sender.messages(playground.snapshot(), playground.state_version)
    combiner.receive(state, print)  # a window that missed the first frame
    playground.advance(60)
    [frame] = sender.messages(playground.snapshot(), playground.state_version)
    assert frame[1]["network"].history.start > 0
    with pytest.raises(ValueError, match="never received"):
        combiner.receive(frame, print)
