"""Digit files: IDX reading, the bundled subset, and downloading from a local server."""

import gzip
import hashlib
import http.server
import os
import struct
import threading

import numpy as np
import pytest

from core.digits.data import (
    DigitsFileError,
    find_idx_pair,
    load_bundled_digits,
    load_idx_pair,
    read_idx,
)
from core.digits.downloads import (
    REMOTE_DATASETS,
    DownloadCancelled,
    DownloadError,
    RemoteFile,
    download_dataset,
    download_file,
)


def idx_bytes(array):
    array = np.asarray(array, dtype=np.uint8)
    header = struct.pack(">BBBB", 0, 0, 0x08, array.ndim)
    return header + struct.pack(f">{array.ndim}I", *array.shape) + array.tobytes()


@pytest.fixture
def idx_folder(tmp_path):
    rng = np.random.default_rng(0)
    for prefix, n in (("train", 30), ("t10k", 12)):
        images = rng.integers(0, 256, (n, 28, 28))
        labels = rng.integers(0, 10, n)
        (tmp_path / f"{prefix}-images-idx3-ubyte.gz").write_bytes(gzip.compress(idx_bytes(images)))
        (tmp_path / f"{prefix}-labels-idx1-ubyte").write_bytes(idx_bytes(labels))
    return tmp_path


def test_idx_pair_round_trip(idx_folder):
    images, labels = load_idx_pair(*find_idx_pair(idx_folder, "train"))
    assert images.shape == (30, 28, 28) and labels.shape == (30,)
    rng = np.random.default_rng(0)
    assert np.array_equal(images, rng.integers(0, 256, (30, 28, 28)).astype(np.uint8))


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x01\x02\x08\x01" + struct.pack(">I", 1) + b"\x00", "bad magic"),
        (b"\x00\x00\x0d\x01" + struct.pack(">I", 1) + b"\x00\x00\x00\x00", "not unsigned bytes"),
        (b"\x00\x00\x08\x03" + struct.pack(">III", 10, 28, 28) + b"\x00" * 100, "truncated"),
        (b"\x00\x00\x08\x01" + struct.pack(">I", 2) + b"\x00" * 5, "longer than its header"),
        (b"\x00\x00", "bad magic"),
    ],
)
def test_corrupt_idx_files_are_refused(tmp_path, data, message):
    path = tmp_path / "x-idx"
    path.write_bytes(data)
    with pytest.raises(DigitsFileError, match=message):
        read_idx(path)


def test_mismatched_pair_and_broken_gzip_are_refused(tmp_path, idx_folder):
    with pytest.raises(DigitsFileError, match="30 images but 12 labels"):
        load_idx_pair(idx_folder / "train-images-idx3-ubyte.gz", idx_folder / "t10k-labels-idx1-ubyte")
    broken = tmp_path / "b.gz"
    broken.write_bytes(gzip.compress(idx_bytes(np.zeros(10)))[:-12])
    with pytest.raises(DigitsFileError, match="cannot read"):
        read_idx(broken)
    with pytest.raises(DigitsFileError, match="has no"):
        find_idx_pair(tmp_path / "nowhere", "test")


def test_bundled_digits_are_the_mnist_subset():
    images, labels = load_bundled_digits()
    assert images.shape == (5000, 28, 28) and images.dtype == np.uint8
    assert np.array_equal(np.bincount(labels), [500] * 10)
    # Real MNIST: ink in the middle, the outer 2-pixel frame almost always empty.
    assert images[:, 10:18, 10:18].mean() > 4 * images[:, :2, :].mean()


class _Server:
    """A throw-away HTTP server on 127.0.0.1 serving a dict of files."""

    def __init__(self, files):
        files_ = files

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                body = files_.get(self.path.lstrip("/"))
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def _remote(name, body):
    return RemoteFile(name, hashlib.sha256(body).hexdigest())


def test_download_reports_progress_and_verifies(tmp_path):
    body = os.urandom(300_000)
    seen = []
    with _Server({"a.gz": body}) as server:
        path = download_file(server.url + "a.gz", tmp_path / "a.gz", _remote("a.gz", body).sha256,
                             progress=lambda name, done, total: seen.append((done, total)))
    assert path.read_bytes() == body
    assert seen[-1] == (len(body), len(body)) and len(seen) > 2
    assert os.listdir(tmp_path) == ["a.gz"]


def test_checksum_mismatch_leaves_nothing_behind(tmp_path):
    with _Server({"a.gz": b"tampered"}) as server, \
            pytest.raises(DownloadError, match="checksum does not match"):
        download_file(server.url + "a.gz", tmp_path / "a.gz", "0" * 64)
    assert os.listdir(tmp_path) == []


def test_cancel_and_missing_file_leave_nothing_behind(tmp_path):
    body = os.urandom(500_000)
    with _Server({"a.gz": body}) as server:
        with pytest.raises(DownloadCancelled):
            download_file(server.url + "a.gz", tmp_path / "a.gz", "0" * 64,
                          cancelled=lambda: True)
        with pytest.raises(DownloadError, match="cannot download"):
            download_file(server.url + "missing.gz", tmp_path / "m.gz", "0" * 64)
    assert os.listdir(tmp_path) == []


def test_download_dataset_keeps_intact_files_and_loads(tmp_path):
    rng = np.random.default_rng(1)
    bodies = {}
    for prefix, n in (("train", 20), ("t10k", 5)):
        bodies[f"{prefix}-images-idx3-ubyte.gz"] = gzip.compress(idx_bytes(rng.integers(0, 256, (n, 28, 28))))
        bodies[f"{prefix}-labels-idx1-ubyte.gz"] = gzip.compress(idx_bytes(rng.integers(0, 10, n)))
    files = tuple(_remote(name, body) for name, body in bodies.items())
    with _Server(bodies) as server:
        download_dataset(server.url, tmp_path, files)
        stamp = (tmp_path / "t10k-labels-idx1-ubyte.gz").stat().st_mtime_ns
        download_dataset(server.url, tmp_path, files)  # second time: nothing re-fetched
    assert (tmp_path / "t10k-labels-idx1-ubyte.gz").stat().st_mtime_ns == stamp
    images, labels = load_idx_pair(*find_idx_pair(tmp_path, "test"))
    assert images.shape == (5, 28, 28) and labels.shape == (5,)


def test_known_data_sets_have_four_checksummed_files():
    for base, files in REMOTE_DATASETS.values():
        assert base.endswith("/") and len(files) == 4
        assert all(len(f.sha256) == 64 for f in files)


class _StallingServer:
    """Sends the headers and a first piece, then goes silent (a dead connection)."""

    def __init__(self):
        self.release = threading.Event()
        release = self.release

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Length", "1000000")
                self.end_headers()
                self.wfile.write(b"x" * 1000)
                self.wfile.flush()
                release.wait(10)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/big.gz"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


def test_a_cancel_ends_a_download_stuck_on_a_silent_server_at_once(tmp_path):
    import time

    server = _StallingServer()
    cancel = threading.Event()
    seen = []
    threading.Timer(0.3, cancel.set).start()
    started = time.monotonic()
    try:
        with pytest.raises(DownloadCancelled):
            download_file(server.url, tmp_path / "big.gz", "0" * 64,
                          progress=lambda *a: seen.append(a), cancelled=cancel.is_set)
    finally:
        server.close()
    assert time.monotonic() - started < 1.0   # not the 30 s socket timeout
    assert seen and seen[0][1] == 1000         # the first piece did arrive
    assert list(tmp_path.iterdir()) == []      # nothing half-written is kept
