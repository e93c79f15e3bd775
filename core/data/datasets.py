"""Toy data sets on the plane [-6, 6]², 1D curves, and CSV import/export.

Classification labels are integers ``0..k-1``; regression targets are floats in
about [-1, 1].  Noise is Gaussian jitter of the points (std ``2·noise`` plane
units) added after labelling, so classes overlap as noise grows.  Every
generator takes an explicit ``numpy.random.Generator``.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from core.data.formula import CLASSES, formula_points
from core.training.tasks import BINARY, CURVE, MULTICLASS, REGRESSION, TASKS
from core.util.fileio import FileError, atomic_write_bytes, read_limited
from core.util.limits import MAX_CSV_BYTES, MAX_CSV_FIELD, MAX_POINTS

FLOAT32_MAX = float(np.finfo(np.float32).max)


class DataFileError(FileError):
    """A data file that cannot be used; the message says why."""


@dataclass(frozen=True)
class Dataset:
    """Points ``X`` ``(n, 2)`` (``(n, 1)`` for curves) and labels/targets ``y`` ``(n,)``."""

    X: np.ndarray
    y: np.ndarray
    task: str
    n_classes: int = 0
    name: str = "custom"

    def __post_init__(self) -> None:
        if self.X.ndim != 2 or self.y.shape != (self.X.shape[0],):
            raise ValueError(f"bad data shapes X{self.X.shape} y{self.y.shape}")
        if self.task not in TASKS:
            raise ValueError(f"unknown task {self.task!r}")

    def __len__(self) -> int:
        return int(self.X.shape[0])

    @property
    def is_classification(self) -> bool:
        return self.task in (BINARY, MULTICLASS)

    @property
    def n_outputs(self) -> int:
        return self.n_classes if self.task == MULTICLASS else 1

    def subset(self, index: np.ndarray) -> Dataset:
        return replace(self, X=self.X[index], y=self.y[index])

    def with_point(self, point: tuple[float, ...], label: float) -> Dataset:
        """A copy with one more point (hand editing in the playground)."""
        X = np.vstack([self.X, np.asarray(point, dtype=self.X.dtype)[None, :]])
        y = np.append(self.y, np.asarray(label, dtype=self.y.dtype))
        return replace(self, X=X, y=y)

    def without_nearest(self, point: tuple[float, ...], radius: float) -> Dataset:
        """A copy without the point nearest to ``point`` if within ``radius``."""
        if len(self) == 0:
            return self
        d2 = ((self.X - np.asarray(point, dtype=self.X.dtype)) ** 2).sum(axis=1)
        i = int(d2.argmin())
        if d2[i] > radius * radius:
            return self
        keep = np.ones(len(self), dtype=bool)
        keep[i] = False
        return self.subset(keep)

    def targets(self, dtype: str | np.dtype = "float32") -> np.ndarray:
        """Network targets: one-hot ``(n, k)`` for multi-class, else ``(n, 1)``."""
        if self.task == MULTICLASS:
            return np.eye(self.n_classes, dtype=dtype)[self.y.astype(np.intp)]
        return self.y.astype(dtype)[:, None]


def _jitter(X: np.ndarray, noise: float, rng: np.random.Generator) -> np.ndarray:
    if noise > 0:
        X = X + rng.normal(0.0, 2.0 * noise, X.shape)
    return X


def _circle(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    half = n // 2
    r = np.concatenate([rng.uniform(0, 2.5, half), rng.uniform(3.5, 5.0, n - half)])
    t = rng.uniform(0, 2 * math.pi, n)
    y = np.concatenate([np.ones(half), np.zeros(n - half)])
    return np.stack([r * np.cos(t), r * np.sin(t)], axis=1), y


def _xor(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    X = rng.uniform(-5, 5, (n, 2))
    X += np.where(X > 0, 0.3, -0.3)  # keep points off the axes, where xor flips
    return X, (X[:, 0] * X[:, 1] > 0).astype(float)


def _gauss(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    half = n // 2
    y = np.concatenate([np.ones(half), np.zeros(n - half)])
    centres = np.where(y[:, None] == 1, 2.0, -2.0)
    return centres + rng.normal(0, 1.0, (n, 2)), y


def _spiral_arms(n: int, k: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    y = np.arange(n) % k
    s = rng.uniform(0, 1, n)
    r = 5.0 * s
    t = 1.75 * s * 2 * math.pi + 2 * math.pi * y / k
    return np.stack([r * np.sin(t), r * np.cos(t)], axis=1), y.astype(float)


def _moons(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    half = n // 2
    t = rng.uniform(0, math.pi, n)
    y = np.concatenate([np.zeros(half), np.ones(n - half)])
    x1 = np.where(y == 0, np.cos(t), 1 - np.cos(t)) - 0.5
    x2 = np.where(y == 0, np.sin(t), 0.5 - np.sin(t)) - 0.25
    return 3.2 * np.stack([x1, x2], axis=1), y


def _blobs(n: int, k: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    y = np.arange(n) % k
    angle = 2 * math.pi * y / k + math.pi / 2
    centres = 3.5 * np.stack([np.cos(angle), np.sin(angle)], axis=1)
    return centres + rng.normal(0, 0.9, (n, 2)), y.astype(float)


def _plane(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    X = rng.uniform(-6, 6, (n, 2))
    return X, (X[:, 0] + X[:, 1]) / 12.0


_BUMPS = np.array([[-3, 3, 1], [0, 0, -1], [3, -3, 1], [3, 3, -1], [-3, -3, -1]], float)


def multi_gauss_surface(X: np.ndarray) -> np.ndarray:
    """The multi-gauss regression target: signed Gaussian bumps, in [-1, 1]."""
    d2 = ((X[:, None, :] - _BUMPS[None, :, :2]) ** 2).sum(axis=2)
    return np.clip((_BUMPS[:, 2] * np.exp(-d2 / 4.0)).sum(axis=1), -1, 1)


def _multi_gauss(n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    X = rng.uniform(-6, 6, (n, 2))
    return X, multi_gauss_surface(X)


_Generator = Callable[[int, np.random.Generator], tuple[np.ndarray, np.ndarray]]


def _k(fn: Callable[[int, int, np.random.Generator], tuple], k: int) -> _Generator:
    return lambda n, rng: fn(n, k, rng)


# name -> (generator, task, number of classes)
DATASETS: dict[str, tuple[_Generator, str, int]] = {
    "circle": (_circle, BINARY, 2),
    "xor": (_xor, BINARY, 2),
    "gauss": (_gauss, BINARY, 2),
    "spiral": (_k(_spiral_arms, 2), BINARY, 2),
    "moons": (_moons, BINARY, 2),
    **{f"blobs{k}": (_k(_blobs, k), MULTICLASS, k) for k in (3, 4, 5)},
    **{f"spiral{k}": (_k(_spiral_arms, k), MULTICLASS, k) for k in (3, 4, 5)},
    "plane": (_plane, REGRESSION, 0),
    "multi_gauss": (_multi_gauss, REGRESSION, 0),
}

CURVES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "line": lambda x: 0.1 * x + 0.2,
    "sine": np.sin,
    "x_sin_x": lambda x: x * np.sin(x) / 6.0,
    "step": lambda x: np.where(x > 0, 0.5, -0.5),
}


FORMULA = "formula"  # points labelled by a typed formula in x1, x2 (core.data.formula)


def dataset_task(name: str, formula_task: str = CLASSES) -> str:
    """The task of data set ``name`` without generating it."""
    if name in CURVES:
        return CURVE
    if name == FORMULA:
        return BINARY if formula_task == CLASSES else REGRESSION
    if name not in DATASETS:
        raise ValueError(f"unknown data set {name!r}")
    return DATASETS[name][1]


def make_dataset(
    name: str, n: int = 500, noise: float = 0.0, rng: np.random.Generator | None = None,
    formula: str = "", formula_task: str = CLASSES,
) -> Dataset:
    """Generate data set ``name`` (a key of ``DATASETS`` or ``CURVES``, or ``FORMULA``
    with the ``formula`` text and its ``formula_task``, see core.data.formula)."""
    rng = rng if rng is not None else np.random.default_rng()
    if n < 2:
        raise ValueError("a data set needs at least 2 points")
    if not 0.0 <= noise <= 1.0:
        raise ValueError("noise must be between 0 and 1")
    if name in CURVES:
        x = np.sort(rng.uniform(-6, 6, n))
        y = CURVES[name](x) + rng.normal(0, noise, n) if noise else CURVES[name](x)
        return Dataset(x[:, None].astype(np.float32), y.astype(np.float32), CURVE, 0, name)
    if name == FORMULA:
        generate, task, k = _formula_generator(formula, formula_task)
    elif name in DATASETS:
        generate, task, k = DATASETS[name]
    else:
        choices = ", ".join([*DATASETS, FORMULA, *CURVES])
        raise ValueError(f"unknown data set {name!r} (choose from {choices})")
    X, y = generate(n, rng)
    X = _jitter(X, noise, rng).astype(np.float32)
    if task == REGRESSION:
        return Dataset(X, y.astype(np.float32), task, 0, name)
    return Dataset(X, y.astype(np.int64), task, k, name)


def _formula_generator(formula: str, formula_task: str) -> tuple[_Generator, str, int]:
    task = dataset_task(FORMULA, formula_task)
    return (lambda n, rng: formula_points(formula, formula_task, n, rng)), task, \
        (2 if task == BINARY else 0)


def split_dataset(
    data: Dataset, train_ratio: float, rng: np.random.Generator
) -> tuple[Dataset, Dataset]:
    """Shuffle and split into (train, test); both keep at least one point."""
    if not 0.0 < train_ratio < 1.0:
        raise ValueError("the training ratio must be between 0 and 1 (exclusive)")
    n = len(data)
    order = rng.permutation(n)
    n_train = min(max(1, round(n * train_ratio)), n - 1)
    return data.subset(order[:n_train]), data.subset(order[n_train:])


# -- CSV ---------------------------------------------------------------------
def load_points_csv(path: str | os.PathLike, task: str | None = None) -> Dataset:
    """Read ``x1,x2,label`` rows (an optional header line is skipped).

    Integer labels make a classification set (binary for 2 classes); any
    fractional label makes a regression set unless ``task`` says otherwise.
    The file's size is checked before it is read (core.util.limits).  Raises
    :class:`DataFileError` naming the first bad line.
    """
    try:
        data = read_limited(path, MAX_CSV_BYTES, "CSV file of points")
    except FileError as exc:
        raise DataFileError(str(exc)) from None
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark is not part of the first value
    except UnicodeDecodeError as exc:
        raise DataFileError(f"cannot read {Path(path).name}: it is not UTF-8 text "
                            f"({exc})") from None
    return parse_points_csv(text, task)


def parse_points_csv(text: str, task: str | None = None) -> Dataset:
    """A data set from CSV text; every value must be finite as the float32 it becomes."""
    rows = _csv_rows(text)
    if len(rows) < 2:
        raise DataFileError("the file needs at least 2 points")
    return _points_dataset(np.asarray(rows, dtype=np.float64), task)


def _csv_rows(text: str) -> list[tuple[float, ...]]:
    """The rows of numbers, a header line skipped; :class:`DataFileError` names a bad line."""
    rows: list[tuple[float, ...]] = []
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff")))
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            values = _csv_row(number, row, header_allowed=number == 1 and not rows)
            if values is not None:
                rows.append(values)
            if len(rows) > MAX_POINTS:
                raise DataFileError(f"more than {MAX_POINTS:,} points")
    except csv.Error as exc:
        raise DataFileError(f"line {number + 1}: {exc}") from None
    return rows


def _csv_row(number: int, row: list[str], header_allowed: bool) -> tuple[float, ...] | None:
    """Line ``number``'s three values, or None for a blank line or the header."""
    if not row or all(not cell.strip() for cell in row):
        return None
    if len(row) != 3:
        raise DataFileError(f"line {number}: expected 3 columns x1,x2,label, got {len(row)}")
    if any(len(cell) > MAX_CSV_FIELD for cell in row):
        raise DataFileError(f"line {number}: a value longer than {MAX_CSV_FIELD} characters")
    try:
        values = tuple(float(cell) for cell in row)
    except ValueError:
        if header_allowed:
            return None
        raise DataFileError(f"line {number}: not a number in {','.join(row)[:60]!r}") from None
    if not all(abs(v) <= FLOAT32_MAX for v in values):  # NaN fails this too
        raise DataFileError(f"line {number}: values must be finite numbers "
                            f"(at most {FLOAT32_MAX:.3g} in size)")
    return values


def _points_dataset(array: np.ndarray, task: str | None) -> Dataset:
    """Rows ``(n, 3)`` as a data set: whole labels make classes unless ``task`` says not."""
    X, labels = array[:, :2].astype(np.float32), array[:, 2]
    integral = bool(np.all(labels == np.round(labels)) and labels.min() >= 0)
    if task is None:
        task = REGRESSION if not integral else (BINARY if labels.max() <= 1 else MULTICLASS)
    if task == REGRESSION:
        return Dataset(X, labels.astype(np.float32), REGRESSION, 0, "custom")
    if not integral:
        raise DataFileError("class labels must be whole numbers 0, 1, 2, …")
    k = int(labels.max()) + 1
    if k > 10:
        raise DataFileError(f"at most 10 classes are supported, found labels up to {k - 1}")
    task = BINARY if k <= 2 and task != MULTICLASS else MULTICLASS
    return Dataset(X, labels.astype(np.int64), task, max(k, 2), "custom")


def points_csv(data: Dataset) -> str:
    """The data set as ``x1,x2,label`` CSV text with a header."""
    out = io.StringIO()
    out.write("x1,x2,label\n")
    for (x1, *rest), label in zip(data.X.tolist(), data.y.tolist(), strict=True):
        x2 = rest[0] if rest else 0.0
        out.write(f"{x1:.6g},{x2:.6g},{label:.6g}\n")
    return out.getvalue()


def save_points_csv(data: Dataset, path: str | os.PathLike) -> None:
    atomic_write_bytes(path, points_csv(data).encode("utf-8"))
