"""A bounded record of training metrics that thins itself as it grows.

Long runs must not grow memory without limit: when the buffer is full every
second row is dropped and only every ``stride``-th later record is kept, so the
curve keeps its whole time span at half the resolution.
"""

from __future__ import annotations

import os

import numpy as np

from core.util.fileio import atomic_write_bytes

COLUMNS = ("step", "epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy")


class History:
    """Rows of ``COLUMNS`` (NaN where a value does not apply), at most ``capacity``."""

    def __init__(self, capacity: int = 2000) -> None:
        if capacity < 2 or capacity % 2:
            raise ValueError("capacity must be an even number ≥ 2")
        self.capacity = capacity
        self._rows = np.full((capacity, len(COLUMNS)), np.nan)
        self._count = 0
        self._stride = 1
        self._offered = 0

    def __len__(self) -> int:
        return self._count

    def append(self, **values: float | None) -> None:
        self._offered += 1
        if (self._offered - 1) % self._stride:
            return
        if self._count == self.capacity:
            half = self.capacity // 2
            self._rows[:half] = self._rows[: self.capacity : 2]
            self._rows[half:] = np.nan
            self._count = half
            self._stride *= 2
        row = self._rows[self._count]
        for i, name in enumerate(COLUMNS):
            value = values.get(name)
            row[i] = np.nan if value is None else value
        self._count += 1

    def column(self, name: str) -> np.ndarray:
        """A copy of one column's recorded values."""
        return self._rows[: self._count, COLUMNS.index(name)].copy()

    def as_dict(self) -> dict[str, np.ndarray]:
        return {name: self.column(name) for name in COLUMNS}

    def last(self, name: str) -> float | None:
        if not self._count:
            return None
        value = float(self._rows[self._count - 1, COLUMNS.index(name)])
        return None if np.isnan(value) else value

    def clear(self) -> None:
        self._rows[:] = np.nan
        self._count, self._stride, self._offered = 0, 1, 0


def history_csv(histories: dict[str, dict[str, np.ndarray]]) -> str:
    """Several models' histories as one CSV table: ``model`` then every column.

    Missing values (e.g. accuracy in regression) are empty cells, so a
    spreadsheet reads them as blanks, not as zeros.
    """
    lines = [",".join(["model", *COLUMNS])]
    for model, columns in histories.items():
        rows = np.column_stack([columns[name] for name in COLUMNS]) if columns else []
        for row in rows:
            cells = ("" if np.isnan(v) else f"{v:.9g}" for v in row)
            lines.append(",".join([model, *cells]))
    return "\n".join(lines) + "\n"


def save_history_csv(path: str | os.PathLike, histories: dict[str, dict[str, np.ndarray]]) -> None:
    atomic_write_bytes(path, history_csv(histories).encode("utf-8"))
