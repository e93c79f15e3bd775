"""The learner's own digits: drawings added to the training set with a label.

A handful of digits among thousands of MNIST ones would hardly move the
network, so each own digit is repeated in the training set: together they make
up about ``SHARE`` of what an epoch sees (5 %: 12 own digits among the 4,000
bundled training digits come 17 times each), but no digit more than
``MAX_REPEATS`` times, so that one drawing cannot crowd out MNIST.  Random
shifts and rotations, when on, distort every copy differently.

:class:`OwnDigits` is immutable and checks what it is given, so a set read
from a session file goes through the same checks as one drawn in the window.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from core.digits.preprocess import SIDE
from core.util.limits import MAX_OWN_DIGITS

SHARE = 0.05
MAX_REPEATS = 50


def _no_images() -> np.ndarray:
    return np.zeros((0, SIDE, SIDE), dtype=np.uint8)


def _no_labels() -> np.ndarray:
    return np.zeros(0, dtype=np.uint8)


@dataclass(frozen=True, eq=False)
class OwnDigits:
    """Images ``(n, 28, 28)`` uint8 as MNIST's (ink = 255) and labels ``(n,)`` uint8 0–9."""

    images: np.ndarray = field(default_factory=_no_images)
    labels: np.ndarray = field(default_factory=_no_labels)

    def __post_init__(self) -> None:
        """Refuse anything but a set the network can train on, with a one-line reason."""
        images, labels = self.images, self.labels
        if not isinstance(images, np.ndarray) or not isinstance(labels, np.ndarray):
            raise ValueError("your digits must be arrays")
        if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != (SIDE, SIDE):
            raise ValueError(f"your digits must be 28×28 bytes, not {images.dtype} "
                             f"of shape {images.shape}")
        if labels.dtype != np.uint8 or labels.shape != (len(images),):
            raise ValueError(f"your digits need one byte label each: {len(images)} digits "
                             f"but labels of shape {labels.shape}")
        if len(images) > MAX_OWN_DIGITS:
            raise ValueError(f"{len(images):,} of your digits; at most {MAX_OWN_DIGITS}")
        if labels.max(initial=0) > 9:
            raise ValueError(f"a label of your digits is {labels.max()}, not a digit 0–9")
        blank = np.flatnonzero(~images.any(axis=(1, 2)))
        if len(blank):
            raise ValueError(f"your digit {blank[0] + 1} is blank")
        for name, array in (("images", images), ("labels", labels)):
            array = array.copy()
            array.flags.writeable = False
            object.__setattr__(self, name, array)

    def __len__(self) -> int:
        return len(self.labels)

    def add(self, image: np.ndarray, label: int) -> OwnDigits:
        """This set with ``image`` (28×28 bytes) as a ``label`` at the end."""
        if isinstance(label, bool) or not isinstance(label, int | np.integer) or \
                not 0 <= label <= 9:
            raise ValueError(f"the label must be a digit 0–9, not {label!r:.20}")
        if len(self) >= MAX_OWN_DIGITS:
            raise ValueError(f"you have {MAX_OWN_DIGITS} digits of your own, the most there "
                             "can be: remove some first")
        image = np.asarray(image)
        if image.dtype != np.uint8 or image.shape != (SIDE, SIDE):
            raise ValueError(f"a digit of yours must be 28×28 bytes, not {image.dtype} "
                             f"of shape {image.shape}")
        if not image.any():
            raise ValueError("the drawing is blank: draw a digit first")
        return OwnDigits(np.concatenate([self.images, image[None]]),
                         np.append(self.labels, np.uint8(label)))

    def remove(self, index: int) -> OwnDigits:
        """This set without its ``index``-th digit (0-based)."""
        if isinstance(index, bool) or not isinstance(index, int | np.integer) or \
                not 0 <= index < len(self):
            raise ValueError(f"there is no digit {index!r:.20} of yours to remove")
        keep = np.arange(len(self)) != index
        return OwnDigits(self.images[keep], self.labels[keep])

    def repeats(self, n_training: int) -> int:
        """How many copies of each own digit go among ``n_training`` others (see above)."""
        if not len(self):
            return 0
        return int(np.clip(round(SHARE * n_training / len(self)), 1, MAX_REPEATS))

    def mixed_into(self, images: np.ndarray,
                   labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The training digits with ``repeats`` copies of each own digit appended."""
        n = self.repeats(len(labels))
        if not n:
            return images, labels
        return (np.concatenate([images, np.repeat(self.images, n, axis=0)]),
                np.concatenate([labels, np.repeat(self.labels, n)]).astype(labels.dtype))


@dataclass(frozen=True, eq=False)
class AddOwnDigit:
    """Add a drawing (28×28 bytes, see :func:`~core.digits.preprocess.as_bytes`) as
    ``label``."""

    image: np.ndarray
    label: int

    def applied_to(self, own: OwnDigits) -> OwnDigits:
        return own.add(self.image, self.label)


@dataclass(frozen=True)
class RemoveOwnDigit:
    """Take the ``index``-th own digit (0-based) out of the training set."""

    index: int

    def applied_to(self, own: OwnDigits) -> OwnDigits:
        return own.remove(self.index)


@dataclass(frozen=True, eq=False)
class SetOwnDigits:
    """Replace the whole set, e.g. with a session's."""

    digits: OwnDigits

    def applied_to(self, own: OwnDigits) -> OwnDigits:
        return self.digits


OWN_DIGIT_COMMANDS = (AddOwnDigit, RemoveOwnDigit, SetOwnDigits)

