"""Sessions: a saved playground/digits state comes back exactly; hostile files are refused."""

from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest

import core.util.fileio as fileio
from core.digits.model import DigitsConfig, DigitsSession
from core.playground.commands import AddPoint
from core.playground.config import PlaygroundConfig
from core.playground.features import feature_matrix
from core.playground.grid import grid_points
from core.playground.model import Playground
from core.sessions.archive import SessionFileError, read_session, write_session
from core.sessions.session import open_session, save_session
from core.worker.protocol import Configure, Restore


@pytest.fixture
def trained() -> Playground:
    playground = Playground(PlaygroundConfig(dataset="xor", hidden=(5, 3), resolution=20,
                                             learning_rate=0.1, seed=4))
    playground.apply(AddPoint(0.5, -0.25, 1))
    playground.apply(Configure({"l2": 0.001, "optimizer": "adam"}))
    playground.advance(300)
    return playground


def test_a_saved_playground_comes_back_with_its_points_settings_and_weights(tmp_path, trained):
    path = tmp_path / "xor.npsession"
    snap = trained.snapshot()
    save_session(path, "playground", snap, None)

    session = open_session(path)
    assert session.mode == "playground" and session.digits is None
    fresh = Playground(PlaygroundConfig(resolution=20))
    fresh.apply(Restore(session.playground))
    back = fresh.snapshot()
    assert back.config == snap.config
    assert np.array_equal(back.train_X, snap.train_X) and np.array_equal(back.train_y, snap.train_y)
    assert any(np.allclose(p, (0.5, -0.25)) for p in back.train_X)  # the hand-added point
    for (W, b), (W0, b0) in zip(back.network.weights, snap.network.weights, strict=True):
        assert np.array_equal(W, W0) and np.array_equal(b, b0)
    # Same weights, same answers: the restored network predicts what the saved one did.
    points = feature_matrix(grid_points(20), snap.config.features)
    assert np.allclose(fresh.trainers["network"].network.predict(points),
                       trained.trainers["network"].network.predict(points))
    assert back.network.test_loss == pytest.approx(snap.network.test_loss, rel=1e-6)


def test_a_saved_digits_network_comes_back(tmp_path):
    config = DigitsConfig(hidden=(16,), epochs=1, batch_size=32, learning_rate=3e-3)
    digits = DigitsSession(config)
    digits.advance(40)
    snap = digits.snapshot()
    save_session(tmp_path / "d.npsession", "digits", None, snap)
    session = open_session(tmp_path / "d.npsession")
    assert session.mode == "digits" and session.playground is None
    fresh = DigitsSession(DigitsConfig(hidden=(16,), epochs=1))
    fresh.apply(Restore(session.digits))
    assert fresh.config == config
    for (W, b), (W0, b0) in zip(fresh.trainer.network.get_weights(), snap.weights, strict=True):
        assert np.array_equal(W, W0) and np.array_equal(b, b0)


def test_weights_that_do_not_fit_leave_the_playground_as_it_was(tmp_path, trained):
    save_session(tmp_path / "s.npsession", "playground", trained.snapshot(), None)
    session = open_session(tmp_path / "s.npsession")
    other = Playground(PlaygroundConfig(dataset="circle", hidden=(2,), resolution=20))
    before = other.snapshot()
    bad = session.playground.__class__(session.playground.config, session.playground.train,
                                       session.playground.test,
                                       {"network": session.playground.weights["linear"]})
    with pytest.raises(ValueError, match="layers"):
        other.apply(Restore(bad))
    after = other.snapshot()
    assert after.config == before.config and np.array_equal(after.train_X, before.train_X)
    other.advance(5)  # and it still trains


# -- hostile files ------------------------------------------------------------------------
def _rewrite(path, edit) -> None:
    """Apply ``edit(document, arrays)`` to a saved session and write it back."""
    document, arrays = read_session(path)
    edit(document, arrays)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("session.json", json.dumps(document))
        for name, array in arrays.items():
            buffer = io.BytesIO()
            np.lib.format.write_array(buffer, array, allow_pickle=False)
            archive.writestr(f"arrays/{name}.npy", buffer.getvalue())


@pytest.fixture
def saved(tmp_path, trained):
    path = tmp_path / "s.npsession"
    save_session(path, "playground", trained.snapshot(), None)
    return path


def _nan_weights(document, arrays):
    arrays["network_W0"] = arrays["network_W0"].copy()
    arrays["network_W0"][0, 0] = np.nan


def _set(section_path, value):
    def edit(document, arrays):
        target = document
        for key in section_path[:-1]:
            target = target[key]
        target[section_path[-1]] = value
    return edit


@pytest.mark.parametrize(("edit", "reason"), [
    (_set(["version"], 99), "newer Neural Playground"),
    (_set(["format"], "something-else"), "not a Neural Playground session"),
    (_set(["mode"], "chess"), "unknown mode"),
    (_set(["playground", "config", "hidden"], "lots"), "hidden must be a list"),
    (_set(["playground", "config", "learning_rate"], -1.0), "learning_rate must be between"),
    (_set(["playground", "config", "flavour"], "mint"), "unknown settings"),
    (_set(["playground", "task"], "chess"), "task"),
    (_nan_weights, "NaN or infinite"),
    (lambda d, a: a.__setitem__("train_X", np.zeros((4, 3))), "expected \\(n, 2\\)"),
    (lambda d, a: a.__setitem__("train_y", np.full(len(a["train_y"]), 7.0)), "not classes"),
    (lambda d, a: a.pop("linear_W0"), "linear model's weights are missing"),
    (lambda d, a: a.__setitem__("network_b0", np.zeros(99)), "layer 1 of the network"),
])
def test_damaged_sessions_are_refused_with_their_reason(saved, edit, reason):
    _rewrite(saved, edit)
    with pytest.raises(SessionFileError, match=reason):
        open_session(saved)


def test_truncated_and_foreign_files_are_refused(saved, tmp_path):
    data = saved.read_bytes()
    for name, content in [("half", data[: len(data) // 2]), ("empty", b""),
                          ("png", b"\x89PNG\r\n\x1a\n" + bytes(200))]:
        path = tmp_path / f"{name}.npsession"
        path.write_bytes(content)
        with pytest.raises(SessionFileError, match="not a session file"):
            open_session(path)
    with pytest.raises(SessionFileError, match="does not exist"):
        open_session(tmp_path / "missing.npsession")


def test_an_object_array_is_refused_without_unpickling(saved):
    def edit(document, arrays):
        pass
    _rewrite(saved, edit)
    header = {"descr": "|O", "fortran_order": False, "shape": (1,)}
    buffer = io.BytesIO()
    np.lib.format.write_array_header_1_0(buffer, header)
    with zipfile.ZipFile(saved, "a") as archive:
        archive.writestr("arrays/evil.npy", buffer.getvalue() + b"cos\nsystem\n(S'true'\ntR.")
    with pytest.raises(SessionFileError, match="evil"):
        open_session(saved)


def test_a_zip_bomb_is_refused_before_it_is_inflated(saved, monkeypatch):
    # Lower the limit so the bomb can be small; the check is the same at 64 MB.
    monkeypatch.setattr(fileio, "MAX_MEMBER_BYTES", 1 << 20)
    with zipfile.ZipFile(saved, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("arrays/bomb.npy", bytes(8 << 20))  # 8 MB of zeros, ~8 kB packed
    assert saved.stat().st_size < 200_000
    with pytest.raises(SessionFileError, match="would unpack to 8,388,608 bytes"):
        open_session(saved)
    monkeypatch.setattr(fileio, "MAX_ARCHIVE_BYTES", 4 << 20)
    monkeypatch.setattr(fileio, "MAX_MEMBER_BYTES", 64 << 20)
    with pytest.raises(SessionFileError, match="more than 4 MB"):
        open_session(saved)


def test_a_failed_save_leaves_the_old_file_and_no_debris(saved):
    before = saved.read_bytes()
    with pytest.raises(ValueError, match=r"[Oo]bject arrays"):
        write_session(saved, {"mode": "playground"}, {"x": np.array([object()])})
    assert saved.read_bytes() == before
    assert [p.name for p in saved.parent.iterdir()] == [saved.name]


def test_a_batch_norm_network_comes_back_with_its_statistics(tmp_path, trained):
    trained.apply(Configure({"batch_norm": True}))
    trained.advance(200)
    snap = trained.snapshot()
    save_session(tmp_path / "bn.npsession", "playground", snap, None)
    fresh = Playground(PlaygroundConfig(resolution=20))
    fresh.apply(Restore(open_session(tmp_path / "bn.npsession").playground))
    points = feature_matrix(grid_points(20), snap.config.features)
    assert fresh.config.batch_norm
    assert np.allclose(fresh.trainers["network"].network.predict(points),
                       trained.trainers["network"].network.predict(points), atol=1e-6)


def test_a_batch_norm_setting_without_its_arrays_is_refused(tmp_path, trained):
    snap = trained.snapshot()  # batch norm off: no arrays saved
    save_session(tmp_path / "s.npsession", "playground", snap, None)
    document, arrays = read_session(tmp_path / "s.npsession")
    document["playground"]["config"]["batch_norm"] = True
    write_session(tmp_path / "s.npsession", document, arrays)
    fresh = Playground(PlaygroundConfig(resolution=20))
    before = fresh.snapshot().config
    with pytest.raises(ValueError, match="batch norm"):
        fresh.apply(Restore(open_session(tmp_path / "s.npsession").playground))
    assert fresh.snapshot().config == before  # nothing changed


def test_a_reopened_playground_goes_on_from_its_step_with_its_curves(tmp_path, trained):
    trained.advance(500)
    snap = trained.snapshot()
    assert snap.step == 800 and len(snap.network.history["step"]) > 10
    path = tmp_path / "later.npsession"
    save_session(path, "playground", snap, None)
    fresh = Playground(PlaygroundConfig(resolution=20))
    fresh.apply(Restore(open_session(path).playground))
    back = fresh.snapshot()
    assert (back.step, back.epoch) == (snap.step, snap.epoch)
    for model in ("network", "linear"):
        for column, values in getattr(snap, model).history.items():
            np.testing.assert_array_equal(getattr(back, model).history[column], values)
    fresh.advance(100)
    assert fresh.snapshot().step == 900
    assert fresh.snapshot().network.history["step"][-1] > snap.network.history["step"][-1]


def test_a_regression_history_keeps_its_blank_accuracy(tmp_path):
    playground = Playground(PlaygroundConfig(dataset="plane", loss="mse", resolution=20))
    playground.advance(300)
    snap = playground.snapshot()
    assert np.isnan(snap.network.history["test_accuracy"]).all()
    path = tmp_path / "plane.npsession"
    save_session(path, "playground", snap, None)
    back = Playground(PlaygroundConfig(resolution=20))
    back.apply(Restore(open_session(path).playground))
    history = back.snapshot().network.history
    assert np.isnan(history["test_accuracy"]).all()
    np.testing.assert_array_equal(history["train_loss"], snap.network.history["train_loss"])


@pytest.mark.parametrize(("edit", "reason"), [
    (_set(["playground", "step"], -3), "step -3 is not a count"),
    (_set(["playground", "epoch"], "many"), "epoch 'many' is not a count"),
    (lambda d, a: a.__setitem__("network_history", np.zeros((3, 2))), "history has the shape"),
])
def test_a_damaged_step_or_history_is_refused(saved, edit, reason):
    _rewrite(saved, edit)
    with pytest.raises(SessionFileError, match=reason):
        open_session(saved)
