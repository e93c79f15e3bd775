"""Editing the playground's points by hand: add one, remove the nearest."""

from __future__ import annotations

from core.data.datasets import BINARY, MULTICLASS, Dataset
from core.playground.commands import AddPoint, RemovePoint

POINT_PICK_RADIUS = 0.5


def with_point(train: Dataset, command: AddPoint) -> Dataset:
    """``train`` with the new point; a class that does not exist or a value out of
    range is refused with its reason."""
    if train.task in (BINARY, MULTICLASS):
        label = int(command.label)
        if not 0 <= label < train.n_classes:
            raise ValueError(f"class {label} does not exist in this data set")
    elif not -1.0 <= command.label <= 1.0:
        raise ValueError("a regression value must be between -1 and 1")
    return train.with_point((command.x1, command.x2), command.label)


def without_point(train: Dataset, test: Dataset,
                  command: RemovePoint) -> tuple[Dataset, Dataset]:
    """Both splits without the training (else test) point near the click, if any."""
    point = (command.x1, command.x2)
    smaller = train.without_nearest(point, POINT_PICK_RADIUS)
    if len(smaller) == len(train):
        return train, test.without_nearest(point, POINT_PICK_RADIUS)
    if len(smaller) == 0:
        raise ValueError("the last training point cannot be removed")
    return smaller, test
