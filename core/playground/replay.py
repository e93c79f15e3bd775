"""A memory-capped record of snapshots, for replaying how training unfolded.

When the record would exceed its byte budget, every second snapshot is
dropped (the first and the newest always stay), so a long run keeps its whole
time span at a coarser grain instead of growing without bound.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np


def snapshot_nbytes(obj: Any) -> int:
    """Bytes held by the numpy arrays inside ``obj`` (dataclasses, tuples, dicts)."""
    if isinstance(obj, np.ndarray):
        return obj.nbytes
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return sum(snapshot_nbytes(getattr(obj, f.name)) for f in dataclasses.fields(obj))
    if isinstance(obj, (tuple, list)):
        return sum(snapshot_nbytes(item) for item in obj)
    if isinstance(obj, dict):
        return sum(snapshot_nbytes(item) for item in obj.values())
    return 0


class SnapshotHistory:
    """Snapshots in time order within ``max_bytes``."""

    def __init__(self, max_bytes: int = 200 * 1024 * 1024, max_items: int | None = None) -> None:
        self.max_bytes = max_bytes
        self.max_items = max_items
        self._items: list[tuple[int, Any, int]] = []  # (step, snapshot, bytes)
        self.nbytes = 0

    def __len__(self) -> int:
        return len(self._items)

    def add(self, step: int, snapshot: Any) -> None:
        size = snapshot_nbytes(snapshot)
        if size > self.max_bytes:
            raise ValueError("a single snapshot is larger than the whole history budget")
        self._items.append((step, snapshot, size))
        self.nbytes += size
        while len(self._items) > 2 and (self.nbytes > self.max_bytes or (
                self.max_items is not None and len(self._items) > self.max_items)):
            # Thin the middle: keep every other one, plus the first and the newest.
            kept = [*self._items[:-1:2], self._items[-1]]
            self._items = kept
            self.nbytes = sum(item[2] for item in kept)

    def steps(self) -> list[int]:
        return [item[0] for item in self._items]

    def get(self, index: int) -> Any:
        return self._items[index][1]

    def clear(self) -> None:
        self._items, self.nbytes = [], 0
