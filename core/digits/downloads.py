"""Downloading the full MNIST / Fashion-MNIST into the user's data folder.

Each file is streamed to a temporary file next to its destination, its SHA-256
checked, and only then renamed into place: a cancelled, interrupted or
corrupted download never leaves a half-written file behind.  Progress and
cancellation go through callbacks so the GUI worker and the command line can
both drive it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import tempfile
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CHUNK = 64 * 1024
CANCEL_POLL_SECONDS = 0.1
MAX_BYTES = 100 * 1024 * 1024


class DownloadError(Exception):
    """A download that failed; the message says why (nothing was left behind)."""


class DownloadCancelled(DownloadError):
    """The user cancelled."""


@dataclass(frozen=True)
class RemoteFile:
    name: str
    sha256: str


def _files(train_images: str, train_labels: str, test_images: str,
           test_labels: str) -> tuple[RemoteFile, ...]:
    names = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
             "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")
    hashes = (train_images, train_labels, test_images, test_labels)
    return tuple(RemoteFile(n, h) for n, h in zip(names, hashes, strict=True))


# Where each data set lives and the SHA-256 of its standard gzipped IDX files.
REMOTE_DATASETS: dict[str, tuple[str, tuple[RemoteFile, ...]]] = {
    "mnist": ("https://ossci-datasets.s3.amazonaws.com/mnist/", _files(
        "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609",
        "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c",
        "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6",
        "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6")),
    "fashion-mnist": ("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/", _files(
        "08dc20ab1689590a0bcd66e874647b6ee8464e2d501b5a3f1f78831db19a3fdc",
        "b0197879cbda89f3dc7b894f9fd52b858e68ea4182b6947c9d8c2b67e5f18dcc",
        "78dcbbfb5a27efaf1b6c1d616caca68560be8766c5bffcb2791df9273a534229",
        "42bd18137a62d5998cdeae52bf3a0676ac6b706f5cf8439b47bb5b151ae3dccf")),
}

Progress = Callable[[str, int, int | None], None]  # file name, bytes so far, total


class _CancelWatcher:
    """Reads a response; a cancel wakes even a read blocked on a silent server.

    A thread polls ``cancelled`` while the transfer runs and then shuts the
    socket down, which ends the blocked read at once: closing the window
    mid-download must take well under a second, not the socket's timeout.
    """

    def __init__(self, response, cancelled: Callable[[], bool]) -> None:
        self._response, self._cancelled = response, cancelled
        self._done = threading.Event()
        threading.Thread(target=self._watch, name="download-cancel", daemon=True).start()

    def _watch(self) -> None:
        while not self._done.wait(CANCEL_POLL_SECONDS):
            if self._cancelled():
                sock = getattr(getattr(self._response.fp, "raw", None), "_sock", None)
                with contextlib.suppress(OSError, AttributeError):
                    sock.shutdown(socket.SHUT_RDWR)
                return

    def __enter__(self) -> _CancelWatcher:
        return self

    def __exit__(self, *exc) -> None:
        self._done.set()

    def read(self, size: int) -> bytes:
        if self._cancelled():
            raise DownloadCancelled("the download was cancelled")
        return self._response.read1(size)


def download_file(url: str, destination: str | os.PathLike, sha256: str, *,
                  progress: Progress | None = None,
                  cancelled: Callable[[], bool] = lambda: False,
                  timeout: float = 30.0) -> Path:
    """Fetch ``url`` to ``destination`` if its SHA-256 matches; returns the path."""
    destination = Path(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=destination.parent, prefix=f".{destination.name}.",
                               suffix=".part")
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb") as handle, urllib.request.urlopen(url, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            total = int(length) if length and length.isdigit() else None
            if total is not None and total > MAX_BYTES:
                raise DownloadError(f"{destination.name} is {total} bytes, more than expected")
            done = 0
            # read1: whatever has arrived, so a slow server does not delay a cancel.
            with _CancelWatcher(resp, cancelled) as watcher:
                while chunk := watcher.read(CHUNK):
                    handle.write(chunk)
                    digest.update(chunk)
                    done += len(chunk)
                    if done > MAX_BYTES:
                        raise DownloadError(f"{destination.name} is larger than expected")
                    if progress is not None:
                        progress(destination.name, done, total)
                if cancelled():  # the watcher ended the transfer early
                    raise DownloadCancelled("the download was cancelled")
        if digest.hexdigest() != sha256.lower():
            raise DownloadError(f"{destination.name} is damaged: its checksum does not match")
        os.replace(tmp, destination)
        return destination
    except (urllib.error.URLError, OSError, ValueError) as exc:
        if cancelled():
            raise DownloadCancelled("the download was cancelled") from None
        raise DownloadError(f"cannot download {destination.name}: {exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def download_dataset(base_url: str, folder: str | os.PathLike,
                     files: tuple[RemoteFile, ...], **options) -> list[Path]:
    """Download every file of a data set; files already present and intact are kept.

    Use ``REMOTE_DATASETS[name]`` for ``(base_url, files)``.
    """
    folder = Path(folder)
    paths = []
    for remote in files:
        target = folder / remote.name
        if target.is_file() and _sha256(target) == remote.sha256:
            paths.append(target)
            continue
        paths.append(download_file(base_url + remote.name, target, remote.sha256, **options))
    return paths


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
