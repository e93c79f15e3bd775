"""The session file: one zip with a JSON document and numeric arrays, no pickle.

Layout: ``session.json`` (``{"format", "version", ...}``) and one
``arrays/<name>.npy`` per array.  Reading trusts nothing: every member's
declared size is checked before it is inflated (zipfile never inflates past
a member's declared size, so a zip bomb stops at the limit), arrays must be
plain numbers, finite, and there may be only so many of them.  Every refusal
is a :class:`SessionFileError` whose message says what is wrong.  Writing is
atomic (see :mod:`core.fileio`).
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from typing import Any

import numpy as np

from core.fileio import atomic_write

FORMAT = "neural-playground-session"
VERSION = 1
SUFFIX = ".npsession"
DOCUMENT = "session.json"
ARRAY_PREFIX = "arrays/"
MAX_DOCUMENT_BYTES = 1 << 20          # settings are small
MAX_ARRAY_BYTES = 256 << 20           # a digits network with 4 × 1024 units fits
MAX_TOTAL_BYTES = 512 << 20
MAX_MEMBERS = 256


class SessionFileError(ValueError):
    """A session file that cannot be read, with the reason."""


def write_session(path: str | os.PathLike, document: dict[str, Any],
                  arrays: dict[str, np.ndarray]) -> None:
    """Write ``document`` (JSON-able) and ``arrays`` atomically to ``path``."""
    body = {"format": FORMAT, "version": VERSION, **document}

    def write(handle) -> None:
        with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(DOCUMENT, json.dumps(body, indent=1, allow_nan=False))
            for name, array in arrays.items():
                buffer = io.BytesIO()
                np.lib.format.write_array(buffer, np.ascontiguousarray(array),
                                          allow_pickle=False)
                archive.writestr(f"{ARRAY_PREFIX}{name}.npy", buffer.getvalue())

    atomic_write(path, write)


def read_session(path: str | os.PathLike) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The document and arrays of a session file, or :class:`SessionFileError`."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _read_archive(archive)
    except SessionFileError:
        raise
    except FileNotFoundError:
        raise SessionFileError(f"{os.fspath(path)} does not exist") from None
    except zipfile.BadZipFile as exc:
        raise SessionFileError(f"not a session file (not a complete zip archive: {exc})") \
            from None
    except (OSError, EOFError, zipfile.LargeZipFile, NotImplementedError) as exc:
        raise SessionFileError(f"the file cannot be read: {exc}") from None


def _read_archive(archive: zipfile.ZipFile) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise SessionFileError(f"too many parts ({len(members)}); a session has a few dozen")
    if sum(m.file_size for m in members) > MAX_TOTAL_BYTES:
        raise SessionFileError("the file would unpack to more than "
                               f"{MAX_TOTAL_BYTES >> 20} MB; refused")
    names = {m.filename for m in members}
    if DOCUMENT not in names:
        raise SessionFileError(f"not a session file: {DOCUMENT} is missing")
    document = _read_document(_member_bytes(archive, archive.getinfo(DOCUMENT),
                                            MAX_DOCUMENT_BYTES))
    arrays = {}
    for member in members:
        if member.filename == DOCUMENT or member.is_dir():
            continue
        name = member.filename.removeprefix(ARRAY_PREFIX).removesuffix(".npy")
        if not (member.filename.startswith(ARRAY_PREFIX) and member.filename.endswith(".npy")
                and name.replace("_", "").isalnum()):
            raise SessionFileError(f"unexpected part {member.filename!r}")
        arrays[name] = _read_array(name, _member_bytes(archive, member, MAX_ARRAY_BYTES))
    return document, arrays


def _member_bytes(archive: zipfile.ZipFile, member: zipfile.ZipInfo, limit: int) -> bytes:
    if member.file_size > limit:
        raise SessionFileError(f"{member.filename} would unpack to {member.file_size:,} bytes "
                               f"(at most {limit:,} allowed); refused")
    with archive.open(member) as handle:
        return handle.read(limit + 1)


def _read_document(data: bytes) -> dict[str, Any]:
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SessionFileError(f"{DOCUMENT} is not valid JSON: {exc}") from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SessionFileError("not a Neural Playground session")
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise SessionFileError(f"the session's version {version!r} is not valid")
    if version > VERSION:
        raise SessionFileError(f"the session was saved by a newer Neural Playground "
                               f"(format {version}; this one reads up to {VERSION}); update "
                               "the app to open it")
    return document


def _read_array(name: str, data: bytes) -> np.ndarray:
    try:
        array = np.lib.format.read_array(io.BytesIO(data), allow_pickle=False)
    except (ValueError, OSError, EOFError) as exc:
        raise SessionFileError(f"array {name!r} is damaged: {exc}") from None
    if array.dtype.kind not in "fiub":
        raise SessionFileError(f"array {name!r} holds {array.dtype}, not numbers")
    if array.dtype.kind == "f" and not np.isfinite(array).all():
        raise SessionFileError(f"array {name!r} contains NaN or infinite values")
    return array
