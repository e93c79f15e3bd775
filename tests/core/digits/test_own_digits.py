"""The learner's own digits: an immutable checked set, mixed into training, kept in sessions."""

from __future__ import annotations

import numpy as np
import pytest

from core.digits.model import DigitsConfig, DigitsSession
from core.digits.own_digits import (
    MAX_REPEATS,
    AddOwnDigit,
    OwnDigits,
    RemoveOwnDigit,
    SetOwnDigits,
)
from core.digits.preprocess import as_bytes, to_mnist
from core.sessions.archive import SessionFileError
from core.sessions.session import open_session, save_session
from core.util.limits import MAX_OWN_DIGITS
from core.worker.protocol import Configure, Restart
from tests.core.sessions.test_session import _rewrite


def odd_seven(rng: np.random.Generator) -> np.ndarray:
    """A 7 turned half round (an "L"), drawn a little differently each time, as 28×28 bytes."""
    ink = np.zeros((100, 100))
    left, bottom, width = rng.integers(15, 25), rng.integers(80, 90), rng.integers(9, 14)
    ink[10:bottom, left:left + width] = 1
    ink[bottom - width:bottom, left:left + 60] = 1
    return as_bytes(to_mnist(ink))


@pytest.fixture(scope="module")
def sevens() -> OwnDigits:
    rng = np.random.default_rng(0)
    return OwnDigits(np.stack([odd_seven(rng) for _ in range(10)]), np.full(10, 7, np.uint8))


def a_digit(value: int = 200) -> np.ndarray:
    image = np.zeros((28, 28), np.uint8)
    image[8:20, 12:16] = value
    return image


def forward_answers(weights, images: np.ndarray) -> np.ndarray:
    """The network's answers by hand: ReLU hidden layers, argmax of the last sums."""
    a = images.reshape(len(images), -1).astype(np.float64) / 255
    for i, (W, b) in enumerate(weights):
        z = a @ W.astype(np.float64) + b
        a = np.maximum(z, 0) if i < len(weights) - 1 else z
    return a.argmax(axis=1)


# -- the set ------------------------------------------------------------------------------
def test_adding_and_removing_make_new_sets_and_leave_the_old_ones():
    empty = OwnDigits()
    one = empty.add(a_digit(), 3)
    two = one.add(a_digit(90), 5)
    assert len(empty) == 0 and len(one) == 1 and len(two) == 2
    assert list(two.labels) == [3, 5] and two.images[1].max() == 90
    assert not two.images.flags.writeable and not two.labels.flags.writeable
    left = two.remove(0)
    assert list(left.labels) == [5] and np.array_equal(left.images[0], a_digit(90))
    assert list(two.labels) == [3, 5]  # unchanged


@pytest.mark.parametrize(("image", "label", "reason"), [
    (a_digit(), 10, "0–9"),
    (a_digit(), -1, "0–9"),
    (a_digit(), True, "0–9"),
    (a_digit(), 3.0, "0–9"),
    (np.zeros((28, 28), np.uint8), 3, "blank"),
    (a_digit().astype(np.float32), 3, "28×28 bytes"),
    (a_digit()[:27], 3, "28×28 bytes"),
])
def test_a_bad_digit_is_refused_with_its_reason(image, label, reason):
    with pytest.raises(ValueError, match=reason):
        OwnDigits().add(image, label)


def test_the_count_is_limited_and_removing_needs_a_digit_there():
    full = OwnDigits(np.repeat(a_digit()[None], MAX_OWN_DIGITS, axis=0),
                     np.zeros(MAX_OWN_DIGITS, np.uint8))
    with pytest.raises(ValueError, match="remove some first"):
        full.add(a_digit(), 1)
    with pytest.raises(ValueError, match=f"at most {MAX_OWN_DIGITS}"):
        OwnDigits(np.repeat(a_digit()[None], MAX_OWN_DIGITS + 1, axis=0),
                  np.zeros(MAX_OWN_DIGITS + 1, np.uint8))
    for index in (-1, MAX_OWN_DIGITS, True):
        with pytest.raises(ValueError, match="no digit"):
            full.remove(index)


@pytest.mark.parametrize(("own", "training", "repeats"), [
    (12, 4000, 17),     # 5 % of 4,000 = 200 presentations: 200 / 12 = 16.7
    (1, 4000, MAX_REPEATS),  # one digit would come 200 times: capped
    (100, 4000, 2),
    (100, 500, 1),      # never less than once
    (0, 4000, 0),
])
def test_each_own_digit_comes_about_five_percent_of_an_epoch(own, training, repeats):
    digits = OwnDigits(np.repeat(a_digit()[None], own, axis=0), np.arange(own, dtype=np.uint8) % 10)
    assert digits.repeats(training) == repeats
    images = np.zeros((training, 28, 28), np.uint8)
    labels = np.zeros(training, np.uint8)
    mixed_images, mixed_labels = digits.mixed_into(images, labels)
    assert len(mixed_images) == len(mixed_labels) == training + own * repeats
    assert np.array_equal(np.bincount(mixed_labels[training:], minlength=10),
                          np.bincount(digits.labels, minlength=10) * repeats)


# -- training -----------------------------------------------------------------------------
def train(session: DigitsSession):
    while session.can_train:
        session.advance(100)
    return session.snapshot()


def test_training_with_own_digits_learns_them(sevens):
    config = DigitsConfig(hidden=(32,), epochs=2)
    without = train(DigitsSession(config))
    before = forward_answers(without.weights, sevens.images)
    assert np.count_nonzero(before == 7) <= 2, "the odd sevens must look odd to plain MNIST"
    session = DigitsSession(config)
    session.apply(SetOwnDigits(sevens))
    snap = train(session)
    after = forward_answers(snap.weights, sevens.images)
    assert np.count_nonzero(after == 7) >= 9
    assert np.array_equal(snap.own_answers, after)  # what the window shows
    assert snap.validation_accuracy > 0.85  # and MNIST is not forgotten for them


def test_adding_a_digit_keeps_the_weights_and_answers_for_it_at_once():
    session = DigitsSession(DigitsConfig(hidden=(16,), epochs=3))
    session.advance(70)  # into the second epoch
    before = session.snapshot()
    session.apply(AddOwnDigit(a_digit(), 1))
    after = session.snapshot()
    assert after.step == before.step and after.epoch == before.epoch == 1
    for (W, b), (W0, b0) in zip(after.weights, before.weights, strict=True):
        assert np.array_equal(W, W0) and np.array_equal(b, b0)
    assert len(after.own_digits) == 1
    assert after.own_answers.tolist() == forward_answers(after.weights, after.own_digits.images)\
        .tolist()
    repeats = after.own_digits.repeats(4000)
    assert len(session.trainer.X_train) == 4000 + repeats
    session.apply(RemoveOwnDigit(0))
    assert len(session.snapshot().own_digits) == 0 and len(session.trainer.X_train) == 4000
    with pytest.raises(ValueError, match="no digit"):
        session.apply(RemoveOwnDigit(0))


def test_own_digits_stay_through_a_restart_and_new_settings():
    session = DigitsSession(DigitsConfig(hidden=(16,)))
    session.apply(AddOwnDigit(a_digit(), 4))
    session.apply(Restart())
    session.apply(Configure({"hidden": (8,)}))
    assert len(session.snapshot().own_digits) == 1
    assert len(session.trainer.X_train) == 4000 + MAX_REPEATS


# -- sessions -----------------------------------------------------------------------------
@pytest.fixture
def saved_with_sevens(tmp_path, sevens):
    session = DigitsSession(DigitsConfig(hidden=(16,), epochs=1))
    session.advance(10)
    path = tmp_path / "own.npsession"
    save_session(path, "digits", None, session.snapshot(), sevens)
    return path


def test_own_digits_come_back_from_a_session(saved_with_sevens, sevens, tmp_path):
    back = open_session(saved_with_sevens).own_digits
    assert np.array_equal(back.images, sevens.images)
    assert np.array_equal(back.labels, sevens.labels)
    fresh = DigitsSession(DigitsConfig(hidden=(16,)))
    fresh.apply(SetOwnDigits(back))
    assert len(fresh.snapshot().own_digits) == 10
    # A session with a digits part but none of the learner's brings an empty set;
    # one without a digits part leaves the window's as they are.
    save_session(tmp_path / "none.npsession", "digits", None, fresh.snapshot())
    assert len(open_session(tmp_path / "none.npsession").own_digits) == 0
    save_session(tmp_path / "own_only.npsession", "digits", None, None, sevens)
    assert len(open_session(tmp_path / "own_only.npsession").own_digits) == 10
    save_session(tmp_path / "nothing.npsession", "playground", None, None)
    assert open_session(tmp_path / "nothing.npsession").own_digits is None


def _set(name, make):
    return lambda document, arrays: arrays.__setitem__(name, make(arrays))


@pytest.mark.parametrize(("edit", "reason"), [
    (_set("own_images", lambda a: a["own_images"].astype(np.float32)), "28×28 bytes"),
    (_set("own_images", lambda a: a["own_images"][:, :27]), "28×28 bytes"),
    (_set("own_labels", lambda a: a["own_labels"].astype(np.int64)), "one byte label"),
    (_set("own_labels", lambda a: a["own_labels"][:5]), "one byte label"),
    (_set("own_labels", lambda a: np.full(10, 10, np.uint8)), "not a digit"),
    (_set("own_images", lambda a: np.zeros((10, 28, 28), np.uint8)), "blank"),
    (lambda d, a: (a.__setitem__("own_images", np.repeat(a["own_images"][:1], 101, axis=0)),
                   a.__setitem__("own_labels", np.zeros(101, np.uint8))), "at most 100"),
    (lambda d, a: a.pop("own_labels"), "lacks 'own_labels'"),
])
def test_hostile_own_digits_in_a_session_are_refused(saved_with_sevens, edit, reason):
    _rewrite(saved_with_sevens, edit)
    with pytest.raises(SessionFileError, match=reason):
        open_session(saved_with_sevens)
