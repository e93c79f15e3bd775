"""The session file: one zip with a JSON document and numeric arrays, no pickle.

Layout: ``session.json`` (``{"format", "version", ...}``) and one
``arrays/<name>.npy`` per array.  Reading trusts nothing (see
:mod:`core.util.fileio`): the file must be a regular file within its budget, every
member's declared size is checked before it is inflated, JSON nesting is
bounded, each array's declared shape must match its bytes before anything is
allocated, and arrays must be plain numbers.  What the values *mean* is
checked by :mod:`core.sessions.session`.  Every refusal is a :class:`SessionFileError`
whose message says what is wrong.  Writing is atomic.
"""

from __future__ import annotations

import io
import json
import os
import zipfile
from typing import Any

import numpy as np

from core.util.fileio import FileError, atomic_write, open_regular, parse_json, parse_npy, read_zip
from core.util.limits import MAX_DOCUMENT_BYTES, MAX_SESSION_FILE_BYTES

FORMAT = "neural-playground-session"
VERSION = 1
SUFFIX = ".npsession"
DOCUMENT = "session.json"
ARRAY_PREFIX = "arrays/"


class SessionFileError(FileError):
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
        with open_regular(path, MAX_SESSION_FILE_BYTES, "session") as handle:
            parts = read_zip(handle, "session file")
        if DOCUMENT not in parts:
            raise SessionFileError(f"not a session file: {DOCUMENT} is missing")
        if len(parts[DOCUMENT]) > MAX_DOCUMENT_BYTES:
            raise SessionFileError(f"{DOCUMENT} is larger than {MAX_DOCUMENT_BYTES:,} bytes")
        document = _check_document(parse_json(parts.pop(DOCUMENT), DOCUMENT))
        arrays = {}
        for member, data in parts.items():
            name = member.removeprefix(ARRAY_PREFIX).removesuffix(".npy")
            if not (member.startswith(ARRAY_PREFIX) and member.endswith(".npy")
                    and name.replace("_", "").isalnum() and name.isascii()):
                raise SessionFileError(f"unexpected part {member[:60]!r}")
            arrays[name] = parse_npy(data, f"array {name!r}")
    except SessionFileError:
        raise
    except FileError as exc:
        raise SessionFileError(str(exc)) from None
    return document, arrays


def _check_document(document: Any) -> dict[str, Any]:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise SessionFileError("not a Neural Playground session")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SessionFileError(f"the session's version {version!r:.40} is not valid")
    if version > VERSION:
        raise SessionFileError(f"the session was saved by a newer Neural Playground "
                               f"(format {version}; this one reads up to {VERSION}); update "
                               "the app to open it")
    return document
