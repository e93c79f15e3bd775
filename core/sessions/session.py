"""What a saved session holds, and turning it back into worker commands.

A session is the open mode, the playground (every setting, the points
including hand-edited ones, both models' weights), the digits settings
and weights, and the digits the learner drew and added to the training
set.  It is built from the GUI's latest snapshots — immutable copies — so
saving never waits for the worker; opening one becomes commands.
Every value read back is checked here, and a bad one is refused with a
:class:`~core.sessions.archive.SessionFileError` naming it.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Any

import numpy as np

from core.data.datasets import BINARY, MULTICLASS, REGRESSION, Dataset
from core.digits.model import DigitsConfig, DigitsSession, DigitsSnapshot, DigitsState
from core.digits.own_digits import OwnDigits
from core.nn.layers import BatchNorm
from core.playground.commands import PlaygroundState
from core.playground.config import PlaygroundConfig
from core.playground.model import Playground
from core.playground.snapshot import PlaygroundSnapshot
from core.sessions.archive import SessionFileError, read_session, write_session
from core.settings_table import SettingError, check_settings, table
from core.training.history import COLUMNS
from core.util.fileio import FileError, finite_as
from core.util.limits import MAX_LAYERS, MAX_POINTS, OPTIMIZER_SETTING_RANGES
from core.worker.protocol import Restore

MODES = ("playground", "digits", "descent", "curve_fit", "inside")
MODELS = ("network", "linear")
MAX_CLASSES = 10


@dataclasses.dataclass(frozen=True)
class Session:
    """A session as read back: the mode and the state each worker is to restore."""

    mode: str
    playground: PlaygroundState | None
    digits: DigitsState | None
    # The learner's digits: None leaves the window's as they are (a session without
    # a digits part); a session with one brings its own set, empty if it had none.
    own_digits: OwnDigits | None = None


def save_session(path: str | os.PathLike, mode: str, playground: PlaygroundSnapshot | None,
                 digits: DigitsSnapshot | None, own_digits: OwnDigits | None = None) -> None:
    """Write the session atomically; ``None`` parts and an empty set of own digits are
    left out."""
    document: dict[str, Any] = {"mode": mode}
    arrays: dict[str, np.ndarray] = {}
    if playground is not None:
        document["playground"] = {
            "config": _plain(dataclasses.asdict(playground.config)),
            "task": playground.task, "n_classes": playground.n_classes,
            "step": playground.step, "epoch": playground.epoch,
        }
        for split in ("train", "test"):
            arrays[f"{split}_X"] = getattr(playground, f"{split}_X")
            arrays[f"{split}_y"] = getattr(playground, f"{split}_y")
        for name in MODELS:
            _put_weights(arrays, name, getattr(playground, name).weights)
            _put_history(arrays, name, getattr(playground, name).history)
        for i, norm in enumerate(playground.network.norms):
            # batch norm's γ, β, μ, σ², or layer norm's first two
            for part, array in zip(BatchNorm.parts, norm, strict=False):
                arrays[f"network_{part}{i}"] = array
    if digits is not None:
        document["digits"] = {"config": _plain(dataclasses.asdict(digits.config))}
        _put_weights(arrays, "digits", digits.weights)
    if own_digits is not None and len(own_digits):
        arrays["own_images"], arrays["own_labels"] = own_digits.images, own_digits.labels
    write_session(path, document, arrays)


def open_session(path: str | os.PathLike) -> Session:
    """Read and check a whole session; :class:`SessionFileError` says what is wrong.

    Structure and meaning are both checked before anything is applied: every
    setting against the settings tables, every array finite in float32, and
    then each part is rehearsed on a throwaway model with the very checks the
    workers use, so a session the caller applies cannot be refused half-way.
    """
    document, arrays = read_session(path)
    mode = document.get("mode", "playground")
    if mode not in MODES:
        raise SessionFileError(f"unknown mode {mode!r:.40}")
    playground = _restore_playground(document["playground"], arrays) \
        if "playground" in document else None
    digits = None
    if "digits" in document:
        digits = DigitsState(_config(DigitsConfig, "digits",
                                     _section(document["digits"]).get("config")),
                             _get_weights(arrays, "digits"))
    session = Session(mode, playground, digits, _own_digits(arrays, digits is not None))
    _rehearse(session)
    return session


def _own_digits(arrays: dict[str, np.ndarray], has_digits: bool) -> OwnDigits | None:
    """The learner's digits, checked as :class:`OwnDigits` checks any set."""
    if "own_images" not in arrays and "own_labels" not in arrays:
        return OwnDigits() if has_digits else None
    try:
        return OwnDigits(_array(arrays, "own_images"), _array(arrays, "own_labels"))
    except ValueError as exc:
        raise SessionFileError(str(exc)) from None


def _rehearse(session: Session) -> None:
    """Apply each part to a fresh model, as its worker will; a refusal is the file's fault."""
    try:
        if session.playground is not None:
            Playground(session.playground.config).apply(Restore(session.playground))
        if session.digits is not None:
            DigitsSession(session.digits.config).apply(Restore(session.digits))
    except ValueError as exc:
        raise SessionFileError(f"the session does not fit together: {exc}") from None


# -- playground -------------------------------------------------------------
def _restore_playground(section: Any, arrays: dict[str, np.ndarray]) -> PlaygroundState:
    section = _section(section)
    config = _config(PlaygroundConfig, "playground", section.get("config"))
    task, n_classes = section.get("task"), section.get("n_classes")
    if task not in (BINARY, MULTICLASS, REGRESSION):
        raise SessionFileError(f"the playground's task {task!r:.40} is not one it can train")
    if not isinstance(n_classes, int) or isinstance(n_classes, bool) or \
            not 0 <= n_classes <= MAX_CLASSES:
        raise SessionFileError(f"the number of classes {n_classes!r:.40} is not valid")
    data = {}
    for split in ("train", "test"):
        X, y = _array(arrays, f"{split}_X"), _array(arrays, f"{split}_y")
        if X.ndim != 2 or X.shape[1] != 2 or y.shape != (X.shape[0],):
            raise SessionFileError(f"the {split} points have shapes {X.shape} and {y.shape}; "
                                   "expected (n, 2) and (n,)")
        if len(X) > MAX_POINTS:
            raise SessionFileError(f"the session has {len(X):,} {split} points; "
                                   f"at most {MAX_POINTS:,}")
        X = _finite(X, f"the {split} points")
        y = _finite(y, f"the {split} labels")
        if task != REGRESSION and len(y) and (y.min() < 0 or y.max() >= max(n_classes, 2)
                                              or not np.all(y == np.round(y))):
            raise SessionFileError(f"the {split} labels are not classes 0–{n_classes - 1}")
        data[split] = Dataset(X, y, task, n_classes)
    if len(data["train"]) == 0:
        raise SessionFileError("the session has no training points")
    weights = {name: _get_weights(arrays, name) for name in MODELS}
    step, epoch = section.get("step", 0), section.get("epoch", 0)  # absent before 0.x
    for name, value in (("step", step), ("epoch", epoch)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise SessionFileError(f"the playground's {name} {value!r} is not a count")
    histories = {name: _get_history(arrays, name) for name in MODELS
                 if f"{name}_history" in arrays}
    return PlaygroundState(config, data["train"], data["test"], weights, _get_norms(arrays),
                           step=step, epoch=epoch, histories=histories)


# -- helpers ----------------------------------------------------------------
def _put_weights(arrays: dict[str, np.ndarray], model: str, weights) -> None:
    for i, (W, b) in enumerate(weights):
        arrays[f"{model}_W{i}"], arrays[f"{model}_b{i}"] = W, b


def _get_weights(arrays: dict[str, np.ndarray], model: str):
    weights = []
    while f"{model}_W{len(weights)}" in arrays:
        i = len(weights)
        if i >= MAX_LAYERS + 1:
            raise SessionFileError(f"the {model} model has more than {MAX_LAYERS} hidden layers")
        W, b = _array(arrays, f"{model}_W{i}"), _array(arrays, f"{model}_b{i}")
        if W.ndim != 2 or b.shape != (W.shape[1],):
            raise SessionFileError(f"layer {i + 1} of the {model} model has shapes "
                                   f"{W.shape} and {b.shape}")
        what = f"the weights of layer {i + 1} of the {model} model"
        weights.append((_finite(W, what), _finite(b, what)))
    if not weights:
        raise SessionFileError(f"the {model} model's weights are missing")
    return tuple(weights)


def _put_history(arrays: dict[str, np.ndarray], model: str,
                 history: dict[str, np.ndarray]) -> None:
    """The loss curves as rows of ``COLUMNS``; blanks (NaN) are marked in a mask,
    since a session refuses NaN in its arrays."""
    rows = np.column_stack([history[c] for c in COLUMNS]).astype(np.float64)
    known = np.isfinite(rows)
    arrays[f"{model}_history"] = np.where(known, rows, 0.0)
    arrays[f"{model}_history_known"] = known


def _get_history(arrays: dict[str, np.ndarray], model: str) -> np.ndarray:
    rows, known = _array(arrays, f"{model}_history"), _array(arrays, f"{model}_history_known")
    if rows.ndim != 2 or rows.shape[1] != len(COLUMNS) or known.shape != rows.shape \
            or known.dtype != bool:
        raise SessionFileError(f"the {model} model's history has the shape {rows.shape}; "
                               f"expected (n, {len(COLUMNS)}) with a mask of the same shape")
    return np.where(known, rows, np.nan)


def _get_norms(arrays: dict[str, np.ndarray]) -> tuple[tuple[np.ndarray, ...], ...]:
    """The network's batch norm arrays; the worker checks they fit its layers."""
    norms = []
    while f"network_gamma{len(norms)}" in arrays:
        i = len(norms)
        if i >= MAX_LAYERS:
            raise SessionFileError(f"the network has more than {MAX_LAYERS} normalisers")
        names = [p for p in BatchNorm.parts if f"network_{p}{i}" in arrays]
        parts = tuple(_finite(_array(arrays, f"network_{p}{i}"), f"the normaliser of layer {i + 1}")
                      for p in names)
        if names not in (["gamma", "beta"], list(BatchNorm.parts)) or any(
                a.shape != parts[0].shape or a.ndim != 1 for a in parts):
            raise SessionFileError(f"the normaliser of layer {i + 1} is incomplete or its "
                                   "arrays differ in size")
        norms.append(parts)
    return tuple(norms)


def _finite(array: np.ndarray, what: str) -> np.ndarray:
    """``array`` as float32, the dtype the workers keep it in, refused unless finite there."""
    try:
        return finite_as(array, np.float32, what)
    except FileError as exc:
        raise SessionFileError(str(exc)) from None


def _array(arrays: dict[str, np.ndarray], name: str) -> np.ndarray:
    if name not in arrays:
        raise SessionFileError(f"the session lacks {name!r}")
    return arrays[name]


def _section(value: Any) -> dict:
    if not isinstance(value, dict):
        raise SessionFileError("a section of the session is not a JSON object")
    return value


def _plain(value: Any) -> Any:
    """Tuples (of tuples) as lists: what JSON can hold."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def _config(cls, page: str, values: Any):
    """A settings dataclass from JSON, every value checked against the page's settings table.

    The few fields a table does not hold (the playground's per-optimiser settings
    and grid resolution) are checked here, with the same strictness.
    """
    values = _section(values)
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = set(values) - set(fields)
    if unknown:
        raise SessionFileError(f"unknown settings {sorted(unknown)!s:.80}")
    settings = table(page)
    in_table = {name: v for name, v in values.items() if name in settings}
    try:
        kwargs = check_settings(page, in_table)
    except SettingError as exc:
        raise SessionFileError(f"a setting is not valid: {exc}") from None
    defaults = cls()
    for name, value in values.items():
        if name == "optimizer_settings":
            kwargs[name] = _optimizer_settings(value)
        elif name not in settings:
            kwargs[name] = _typed(name, value, getattr(defaults, name))
    try:
        config = cls(**kwargs)
        config.validate()
    except (TypeError, ValueError) as exc:
        raise SessionFileError(f"a setting is not valid: {exc}") from None
    return config


def _optimizer_settings(value: Any) -> tuple[tuple[str, float], ...]:
    """``[[name, number], …]`` with each number finite and in its range (limits.py)."""
    if not isinstance(value, list) or len(value) > len(OPTIMIZER_SETTING_RANGES):
        raise SessionFileError("the optimiser settings are not a short list of pairs")
    pairs = []
    for pair in value:
        if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], str)):
            raise SessionFileError(f"the optimiser setting {pair!r:.40} is not a name and "
                                   "a number")
        name, number = pair
        if name not in OPTIMIZER_SETTING_RANGES:
            raise SessionFileError(f"unknown optimiser setting {name!r:.40}")
        low, high = OPTIMIZER_SETTING_RANGES[name]
        if isinstance(number, bool) or not isinstance(number, int | float) or \
                not low <= number <= high:
            raise SessionFileError(f"the optimiser's {name} must be a number from {low:g} "
                                   f"to {high:g}, not {number!r:.40}")
        pairs.append((name, float(number)))
    return tuple(pairs)


def _typed(name: str, value: Any, default: Any) -> Any:
    """``value`` if it has the kind of ``default`` (a whole number for an int)."""
    if isinstance(default, bool) or isinstance(value, bool):
        ok = isinstance(value, bool) and isinstance(default, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int)
    elif isinstance(default, str):
        ok = isinstance(value, str)
    else:
        ok = False
    if not ok:
        raise SessionFileError(f"the setting {name!r} has the wrong kind of value: "
                               f"{value!r:.40}")
    return value
