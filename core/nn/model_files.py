"""Save and load a network as ``.npz``: weight arrays plus a JSON spec, no pickle.

The file is written atomically, so an interrupted save leaves the previous
file intact.  Loading trusts nothing: the file's size, every member's
inflated size, the spec's types and budgets (core.util.limits) are checked before
the network is built, and weights must be finite in the network's dtype.  A
corrupt, foreign or incompatible file raises :class:`ModelFileError` with a
plain reason.
"""

from __future__ import annotations

import io
import itertools
import json
import os
from pathlib import Path
from typing import Any

import numpy as np

from core.nn.network import Network, NetworkSpec
from core.util.fileio import (
    FileError,
    atomic_write,
    finite_as,
    parse_json,
    parse_npy,
    read_limited,
    read_zip,
)
from core.util.limits import (
    MAX_INPUTS,
    MAX_LAYERS,
    MAX_MODEL_FILE_BYTES,
    MAX_NEURONS,
    MAX_OUTPUTS,
    MAX_PARAMETERS,
)

FORMAT = "neural-playground-model"
VERSION = 1


class ModelFileError(FileError):
    """A model file that cannot be loaded; the message says why."""


def model_bytes(network: Network, metadata: dict[str, Any] | None = None) -> bytes:
    """The ``.npz`` bytes for ``network`` (used by saving and by sessions)."""
    header = {
        "format": FORMAT,
        "version": VERSION,
        "spec": network.spec.to_dict(),
        "metadata": metadata or {},
    }
    arrays: dict[str, np.ndarray] = {"header": np.array(json.dumps(header))}
    for i, (W, b) in enumerate(network.get_weights()):
        arrays[f"W{i}"], arrays[f"b{i}"] = W, b
    for i, norm in enumerate(network.get_norms()):
        arrays.update({f"{part}{i}": a for part, a in zip(network.norm_parts, norm, strict=True)})
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **arrays)
    return buffer.getvalue()


def save_model(
    path: str | os.PathLike, network: Network, metadata: dict[str, Any] | None = None
) -> None:
    data = model_bytes(network, metadata)
    atomic_write(path, lambda handle: handle.write(data))


def load_model(
    path: str | os.PathLike, rng: np.random.Generator | None = None
) -> tuple[Network, dict[str, Any]]:
    """Return ``(network, metadata)``; raises :class:`ModelFileError`."""
    try:
        data = read_limited(path, MAX_MODEL_FILE_BYTES, "model")
    except FileError as exc:
        raise ModelFileError(str(exc)) from None
    return model_from_bytes(data, rng, name=Path(path).name)


def model_from_bytes(
    data: bytes, rng: np.random.Generator | None = None, name: str = "the model"
) -> tuple[Network, dict[str, Any]]:
    """A network from ``.npz`` bytes, every part checked before the network is built."""
    try:
        parts = read_zip(io.BytesIO(data), "model file")
        arrays = {key.removesuffix(".npy"): parse_npy(value, f"{key:.40}",
                                                      text=key == "header.npy")
                  for key, value in parts.items()}
        header = _header(arrays.pop("header", None), name)
        spec = _spec(header.get("spec"), name)
    except ModelFileError:
        raise
    except FileError as exc:
        raise ModelFileError(f"{name}: {exc}") from None
    network = Network(spec, rng if rng is not None else np.random.default_rng(0))
    weights = [_layer(arrays, "Wb", i, spec.dtype, f"{name}: the weights of layer {i + 1}")
               for i in range(len(network.layers))]
    norms = [_layer(arrays, network.norm_parts, i, spec.dtype,
                    f"{name}: the normaliser of layer {i + 1}")
             for i in range(len(network.norms))]
    try:
        network.set_weights(weights)
        network.set_norms(norms)
    except ValueError as exc:
        raise ModelFileError(f"{name} does not match its own spec: {exc}") from exc
    metadata = header.get("metadata", {})
    return network, metadata if isinstance(metadata, dict) else {}


def _header(array: np.ndarray | None, name: str) -> dict[str, Any]:
    if array is None or array.dtype.kind != "U" or array.shape != ():
        raise ModelFileError(f"{name} has no readable model header")
    try:
        header = parse_json(str(array), "the header")
    except FileError as exc:
        raise ModelFileError(f"{name} has no readable model header ({exc})") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ModelFileError(f"{name} is not a Neural Playground model")
    if header.get("version") != VERSION:
        raise ModelFileError(f"{name} has format version {header.get('version')!r:.20}; "
                             f"this app reads {VERSION}")
    return header


def _spec(fields: Any, name: str) -> NetworkSpec:
    """The network's spec, every field's type and size checked before anything is built."""
    if not isinstance(fields, dict):
        raise ModelFileError(f"{name} has no network description")
    problem = _spec_problem(fields)
    if problem is None:
        try:
            return NetworkSpec.from_dict(fields)
        except (TypeError, ValueError) as exc:
            problem = str(exc)
    raise ModelFileError(f"{name} describes an impossible network: {problem}")


def _whole(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _spec_problem(fields: dict[str, Any]) -> str | None:
    """What is wrong with a spec's fields (types and the budgets of core.util.limits), or None."""
    hidden = fields.get("hidden", [])
    if not _whole(fields.get("n_inputs"), 1, MAX_INPUTS):
        return f"n_inputs must be a whole number from 1 to {MAX_INPUTS}"
    if not _whole(fields.get("n_outputs", 1), 1, MAX_OUTPUTS):
        return f"n_outputs must be a whole number from 1 to {MAX_OUTPUTS}"
    if not isinstance(hidden, list) or len(hidden) > MAX_LAYERS or \
            not all(_whole(h, 1, MAX_NEURONS) for h in hidden):
        return f"hidden must list at most {MAX_LAYERS} layers of 1–{MAX_NEURONS} neurons"
    sizes = [fields["n_inputs"], *hidden, fields.get("n_outputs", 1)]
    if sum(a * b + b for a, b in itertools.pairwise(sizes)) > MAX_PARAMETERS:
        return f"more than {MAX_PARAMETERS:,} weights"
    activation = fields.get("activation", "tanh")
    if not (isinstance(activation, str) or (isinstance(activation, list) and all(
            isinstance(a, str) for a in activation))):
        return "activation must be a name or a list of names"
    for key in ("output_activation", "init", "dtype"):
        if key in fields and not isinstance(fields[key], str):
            return f"{key} must be a name"
    for key in ("batch_norm", "layer_norm"):
        if not isinstance(fields.get(key, False), bool):
            return f"{key} must be true or false"
    for key, low, high in (("dropout", 0.0, 0.99), ("leaky_alpha", 0.0, 1.0)):
        value = fields.get(key, 0.0)
        if isinstance(value, bool) or not isinstance(value, int | float) or \
                not low <= value <= high:
            return f"{key} must be a number from {low:g} to {high:g}"
    return None


def _layer(arrays: dict[str, np.ndarray], parts, i: int, dtype: str,
           what: str) -> tuple[np.ndarray, ...]:
    """Layer ``i``'s arrays converted to the network's dtype, refused unless finite there."""
    try:
        return tuple(finite_as(arrays[f"{part}{i}"], dtype, what) for part in parts)
    except KeyError:
        raise ModelFileError(f"{what} are missing") from None
    except FileError as exc:
        raise ModelFileError(str(exc)) from None
