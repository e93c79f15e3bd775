"""Reading untrusted files and writing files atomically.

Every file the app reads may be hostile.  The helpers here are the pieces
each format's reader is built from: read a regular file up to a budget
(:func:`read_limited`), parse JSON without unbounded nesting
(:func:`parse_json`), parse a ``.npy`` array after checking its declared size
(:func:`parse_npy`), and check that numbers stay finite in the dtype they will
live in (:func:`finite_as`).  They all raise :class:`FileError` — the one file
error of the project, which every format's error subclasses — with a
one-line reason a person can act on.

Writing is atomic: a crash or a kill never leaves a half-written file, and
saving refuses any target that is not a regular file or a new name in an
existing folder (a device node is never renamed over).
"""

from __future__ import annotations

import ast
import contextlib
import json
import os
import stat
import struct
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, BinaryIO

import numpy as np

from core.util.limits import MAX_ARCHIVE_BYTES, MAX_JSON_DEPTH, MAX_MEMBER_BYTES, MAX_MEMBERS

TEMP_SUFFIX = ".tmp"
STALE_TEMP_SECONDS = 60.0  # a save takes well under a second; older temp files are orphans
_NPY_MAGIC = b"\x93NUMPY"
_NPY_DTYPES = ("<f4", "<f8", "|u1", "<i4", "<i8", "|b1", "<u4", "<u8")


class FileError(ValueError):
    """A file that cannot be used; the message is one line saying why."""


# -- reading ---------------------------------------------------------------------------
def open_regular(path: str | os.PathLike, limit: int, what: str = "file") -> BinaryIO:
    """``path`` opened for reading if it is a regular file of at most ``limit`` bytes.

    Devices, pipes and folders are refused (``/dev/zero`` never ends).
    """
    path = Path(path)
    try:
        handle = open(path, "rb")  # noqa: SIM115 - the caller closes it
    except FileNotFoundError:
        raise FileError(f"cannot read {path}: it does not exist") from None
    except IsADirectoryError:
        raise FileError(f"{path.name} is a folder, not a {what}") from None
    except OSError as exc:
        raise FileError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    info = os.fstat(handle.fileno())
    problem = None
    if not stat.S_ISREG(info.st_mode):
        problem = f"{path} is not a regular file"
    elif info.st_size > limit:
        problem = f"{path.name} is {info.st_size:,} bytes; a {what} has at most {limit:,}"
    if problem:
        handle.close()
        raise FileError(problem)
    return handle


def read_limited(path: str | os.PathLike, limit: int, what: str = "file") -> bytes:
    """The bytes of the regular file ``path``, refused before reading if over ``limit``.

    Reading stops at ``limit`` + 1 bytes even if the file grows meanwhile.
    """
    with open_regular(path, limit, what) as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise FileError(f"cannot read {Path(path).name}: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise FileError(f"{Path(path).name} is larger than {limit:,} bytes")
    return data


def parse_json(data: bytes | str, what: str) -> Any:
    """JSON from ``data`` with objects and lists nested at most ``MAX_JSON_DEPTH`` deep.

    The depth is measured on the text before parsing, so a file of a million
    ``[`` is refused without recursion.  Non-standard ``NaN``/``Infinity`` are refused.
    """
    try:
        text = data.decode("utf-8") if isinstance(data, bytes) else data
    except UnicodeDecodeError:
        raise FileError(f"{what} is not UTF-8 text") from None
    if _json_depth(text) > MAX_JSON_DEPTH:
        raise FileError(f"{what} is nested more than {MAX_JSON_DEPTH} levels deep")

    def refuse(constant: str) -> None:
        raise FileError(f"{what} contains {constant}, which is not a number")

    try:
        return json.loads(text, parse_constant=refuse)
    except (json.JSONDecodeError, RecursionError) as exc:
        raise FileError(f"{what} is not valid JSON: {exc}") from None


def _json_depth(text: str) -> int:
    """The deepest nesting of brackets outside strings (an upper bound is enough)."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_JSON_DEPTH:
                break
        elif char in "]}":
            depth -= 1
    return deepest


def read_zip(source: str | os.PathLike | BinaryIO, what: str) -> dict[str, bytes]:
    """Every member of the zip archive ``source`` (a ``what``), inflated, within budget.

    Declared sizes are checked before anything is inflated, and zipfile never
    inflates past a member's declared size, so a zip bomb stops at the limit.
    """
    try:
        with zipfile.ZipFile(source) as archive:
            members = archive.infolist()
            if len(members) > MAX_MEMBERS:
                raise FileError(f"the {what} has {len(members):,} parts; at most {MAX_MEMBERS}")
            if sum(m.file_size for m in members) > MAX_ARCHIVE_BYTES:
                raise FileError(f"the {what} would unpack to more than "
                                f"{MAX_ARCHIVE_BYTES >> 20} MB")
            parts = {}
            for member in members:
                if member.is_dir():
                    continue
                if member.file_size > MAX_MEMBER_BYTES:
                    raise FileError(f"the {what}'s {member.filename:.60} would unpack to "
                                    f"{member.file_size:,} bytes (at most "
                                    f"{MAX_MEMBER_BYTES:,})")
                if member.filename in parts:
                    raise FileError(f"the {what} holds {member.filename:.60} twice")
                with archive.open(member) as handle:
                    parts[member.filename] = handle.read(MAX_MEMBER_BYTES + 1)
            return parts
    except FileError:
        raise
    except FileNotFoundError:
        raise FileError(f"the {what} does not exist") from None
    except zipfile.BadZipFile as exc:
        raise FileError(f"not a {what} (not a complete zip archive: {exc})") from None
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError, ValueError,
            RuntimeError) as exc:
        raise FileError(f"the {what} cannot be read: {exc}") from None


def parse_npy(data: bytes, what: str, text: bool = False) -> np.ndarray:
    """A numeric array from ``.npy`` bytes, its declared size checked against the data.

    numpy's own reader allocates what the header declares before reading
    (an 8 TB claim is a ``MemoryError``); here the header is parsed first and
    the array is a view of ``data`` only when the byte counts agree.
    """
    if not data.startswith(_NPY_MAGIC) or len(data) < 10:
        raise FileError(f"{what} is not a numpy array")
    major = data[6]
    if major == 1:
        (length,), start = struct.unpack("<H", data[8:10]), 10
    elif major in (2, 3):
        (length,), start = struct.unpack("<I", data[8:12]), 12
    else:
        raise FileError(f"{what} has unknown array format {major}")
    if length > 4096 or start + length > len(data):
        raise FileError(f"{what} has a damaged array header")
    try:
        header = ast.literal_eval(data[start:start + length].decode("latin1"))
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        raise FileError(f"{what} has a damaged array header") from None
    if not isinstance(header, dict) or set(header) != {"descr", "fortran_order", "shape"}:
        raise FileError(f"{what} has a damaged array header")
    descr, fortran, shape = header["descr"], header["fortran_order"], header["shape"]
    if not (descr in _NPY_DTYPES or (text and isinstance(descr, str)
                                     and descr.startswith("<U") and descr[2:].isdigit())):
        raise FileError(f"{what} holds {descr!r}, not plain numbers")
    if not isinstance(fortran, bool) or not isinstance(shape, tuple) or len(shape) > 4 or \
            not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in shape):
        raise FileError(f"{what} has an impossible shape {shape!r:.60}")
    try:
        dtype = np.dtype(descr)
    except (TypeError, ValueError, OverflowError):
        raise FileError(f"{what} holds {descr!r:.40}, not plain numbers") from None
    count = 1
    for n in shape:
        count *= n  # Python integers: a product of huge sides cannot overflow
    body = len(data) - start - length
    if count * dtype.itemsize != body:
        raise FileError(f"{what} declares {count:,} values but holds {body:,} bytes")
    array = np.frombuffer(data, dtype, count, start + length)
    return np.reshape(array, shape, order="F" if fortran else "C")


def finite_as(values: Any, dtype: Any, what: str) -> np.ndarray:
    """``values`` converted to ``dtype``, refused unless every value is finite *there*.

    1e300 is finite in float64 and inf in float32, so the check comes after the cast.
    """
    array = np.asarray(values)
    if array.dtype.kind not in "biuf":
        raise FileError(f"{what} are not numbers")
    with np.errstate(over="ignore", invalid="ignore"):
        converted = array.astype(dtype)
    if converted.dtype.kind == "f" and not np.isfinite(converted).all():
        raise FileError(f"{what} contain NaN or infinite values (in {np.dtype(dtype).name})")
    return converted


# -- writing ---------------------------------------------------------------------------
def check_save_target(path: str | os.PathLike) -> Path:
    """``path`` if a save may replace it: a regular file, or a new name in an existing folder.

    Raises :class:`FileError` for an empty name, a folder, a device, a pipe,
    a socket or a folder that does not exist.
    """
    if not os.fspath(path):
        raise FileError("cannot save: no file name was given")
    target = Path(path)
    try:
        info = target.stat()
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise FileError(f"cannot save to {target}: the folder {target.parent} does not "
                            "exist") from None
        return target
    except OSError as exc:
        raise FileError(f"cannot save to {target}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise FileError(f"cannot save to {target}: it is {kind}")
    return target


def atomic_write(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write(file)`` on a temporary file next to ``path``, then rename it.

    The rename is atomic on POSIX and Windows, so readers see either the old
    file or the complete new one.  A kill during the save leaves a temporary
    file, which :func:`remove_stale_temps` deletes at the next start.
    """
    target = check_save_target(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                               suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private; give it the mode a plain open() would.
        os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else _default_mode())
        check_save_target(target)  # it may have been replaced by a device meanwhile
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def remove_stale_temps(target: str | os.PathLike,
                       older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Delete the temporary files killed saves of ``target`` left behind; returns them.

    Only regular files named like :func:`atomic_write`'s temp files and not
    touched for ``older_than`` seconds are removed: a save in progress is kept.
    """
    target = Path(target)
    removed = []
    now = time.time()
    with contextlib.suppress(OSError):
        for candidate in target.parent.glob(f".{target.name}.*{TEMP_SUFFIX}"):
            with contextlib.suppress(OSError):
                info = candidate.lstat()
                if stat.S_ISREG(info.st_mode) and now - info.st_mtime > older_than:
                    candidate.unlink()
                    removed.append(candidate)
    return removed


def _default_mode() -> int:
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> None:
    atomic_write(path, lambda handle: handle.write(data))
