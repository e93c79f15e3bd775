"""Save and load a network as ``.npz``: weight arrays plus a JSON spec, no pickle.

The file is written atomically, so an interrupted save leaves the previous
file intact.  Loading validates everything and raises :class:`ModelFileError`
with a plain reason for a corrupt, foreign or incompatible file.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from core.fileio import atomic_write
from core.network import Network, NetworkSpec

FORMAT = "neural-playground-model"
VERSION = 1
MAX_MODEL_BYTES = 512 * 1024 * 1024


class ModelFileError(ValueError):
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
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_MODEL_BYTES:
            raise ModelFileError(f"{path.name} is too large for a model ({size} bytes)")
        data = path.read_bytes()
    except OSError as exc:
        raise ModelFileError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return model_from_bytes(data, rng, name=path.name)


def model_from_bytes(
    data: bytes, rng: np.random.Generator | None = None, name: str = "the model"
) -> tuple[Network, dict[str, Any]]:
    try:
        with np.load(io.BytesIO(data), allow_pickle=False) as archive:
            arrays = {key: archive[key] for key in archive.files}
    except (ValueError, OSError, EOFError, zipfile.BadZipFile, KeyError) as exc:
        raise ModelFileError(f"{name} is not a valid model file ({exc})") from exc
    try:
        header = json.loads(str(arrays.pop("header")))
    except (KeyError, json.JSONDecodeError) as exc:
        raise ModelFileError(f"{name} has no readable model header") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ModelFileError(f"{name} is not a Neural Playground model")
    if header.get("version") != VERSION:
        raise ModelFileError(
            f"{name} has format version {header.get('version')}; this app reads {VERSION}"
        )
    try:
        spec = NetworkSpec.from_dict(header["spec"])
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelFileError(f"{name} describes an impossible network: {exc}") from exc
    network = Network(spec, rng if rng is not None else np.random.default_rng(0))
    weights = []
    for i in range(len(network.layers)):
        try:
            W, b = arrays[f"W{i}"], arrays[f"b{i}"]
        except KeyError:
            raise ModelFileError(f"{name} lacks the weights of layer {i + 1}") from None
        if not (np.issubdtype(W.dtype, np.floating) and np.issubdtype(b.dtype, np.floating)):
            raise ModelFileError(f"{name}: layer {i + 1} weights are not numbers")
        if not (np.isfinite(W).all() and np.isfinite(b).all()):
            raise ModelFileError(f"{name}: layer {i + 1} has NaN or infinite weights")
        weights.append((W, b))
    norms = []
    for i in range(len(network.norms)):
        try:
            norm = tuple(arrays[f"{part}{i}"] for part in network.norm_parts)
        except KeyError:
            raise ModelFileError(f"{name} lacks the normaliser of layer {i + 1}") from None
        if not all(np.issubdtype(a.dtype, np.floating) and np.isfinite(a).all() for a in norm):
            raise ModelFileError(f"{name}: the normaliser of layer {i + 1} is not finite numbers")
        norms.append(norm)
    try:
        network.set_weights(weights)
        network.set_norms(norms)
    except ValueError as exc:
        raise ModelFileError(f"{name} does not match its own spec: {exc}") from exc
    metadata = header.get("metadata", {})
    return network, metadata if isinstance(metadata, dict) else {}
