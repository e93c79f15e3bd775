"""Saving and loading models: identical predictions, corrupt files refused."""

import json
import os
import zipfile

import numpy as np
import pytest

from core.nn import model_files as model_io
from core.nn.model_files import ModelFileError, load_model, save_model
from core.nn.network import Network, NetworkSpec


@pytest.fixture
def network():
    rng = np.random.default_rng(3)
    net = Network(NetworkSpec(3, (5, 4), 3, ("tanh", "relu"), "softmax"), rng)
    net.params += rng.normal(0, 0.1, net.params.shape).astype(np.float32)
    return net


def test_save_load_gives_identical_predictions(tmp_path, network):
    path = tmp_path / "m.npz"
    save_model(path, network, {"dataset": "spiral"})
    loaded, meta = load_model(path)
    X = np.random.default_rng(0).normal(size=(20, 3))
    assert loaded.spec == network.spec
    assert np.array_equal(loaded.predict(X), network.predict(X))
    assert meta == {"dataset": "spiral"}


def test_save_is_atomic_and_keeps_the_old_file_on_failure(tmp_path, network, monkeypatch):
    path = tmp_path / "m.npz"
    save_model(path, network)
    original = path.read_bytes()

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(model_io, "model_bytes", lambda *a, **k: broken())
    with pytest.raises(OSError, match="disk full"):
        save_model(path, network)
    assert path.read_bytes() == original
    assert os.listdir(tmp_path) == ["m.npz"]  # no temporary file left behind


def test_interrupted_write_leaves_no_partial_file(tmp_path):
    from core.util.fileio import atomic_write

    path = tmp_path / "x.bin"

    def half(handle):
        handle.write(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        atomic_write(path, half)
    assert not path.exists() and os.listdir(tmp_path) == []


def _rewrite(path, mutate):
    with np.load(path, allow_pickle=False) as archive:
        arrays = {k: archive[k] for k in archive.files}
    mutate(arrays)
    np.savez(path, **arrays)


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda a: a.pop("header"), "no readable model header"),
        (lambda a: a.update(header=np.array("{not json")), "no readable model header"),
        (lambda a: a.update(header=np.array(json.dumps({"format": "other"}))), "not a Neural"),
        (lambda a: a.pop("W1"), "the weights of layer 2 are missing"),
        (lambda a: a.update(W0=np.zeros((2, 2), np.float32)), "does not match"),
        (lambda a: a.update(b0=np.full(5, np.nan, np.float32)), "NaN or infinite"),
        (lambda a: a.update(W0=np.array(["a"] * 15).reshape(3, 5)), "not plain numbers"),
    ],
)
def test_broken_model_files_are_refused(tmp_path, network, mutate, message):
    path = tmp_path / "m.npz"
    save_model(path, network)
    _rewrite(path, mutate)
    with pytest.raises(ModelFileError, match=message):
        load_model(path)


def test_newer_format_and_impossible_spec_are_refused(tmp_path, network):
    path = tmp_path / "m.npz"
    save_model(path, network)

    def newer(a):
        header = json.loads(str(a["header"]))
        header["version"] = 99
        a["header"] = np.array(json.dumps(header))

    _rewrite(path, newer)
    with pytest.raises(ModelFileError, match="version 99"):
        load_model(path)
    save_model(path, network)

    def impossible(a):
        header = json.loads(str(a["header"]))
        header["spec"]["hidden"] = [-3]
        a["header"] = np.array(json.dumps(header))

    _rewrite(path, impossible)
    with pytest.raises(ModelFileError, match="impossible network"):
        load_model(path)


def test_non_model_files_are_refused(tmp_path):
    junk = tmp_path / "junk.npz"
    junk.write_bytes(b"this is not a zip file")
    with pytest.raises(ModelFileError, match="not a model file"):
        load_model(junk)
    truncated = tmp_path / "t.npz"
    with zipfile.ZipFile(truncated, "w") as zf:
        zf.writestr("header.npy", b"\x93NUMPY broken")
    with pytest.raises(ModelFileError):
        load_model(truncated)
    with pytest.raises(ModelFileError, match="does not exist"):
        load_model(tmp_path / "missing.npz")


def test_pickled_arrays_are_never_loaded(tmp_path, network):
    path = tmp_path / "m.npz"
    save_model(path, network)
    _rewrite(path, lambda a: a.update(W0=np.array([object()], dtype=object)))
    with pytest.raises(ModelFileError):
        load_model(path)
