"""Training digits in the window: curves, results, and the canvas gets the model."""

import gzip
import hashlib

import numpy as np
from PySide6.QtCore import Qt

import gui.digits.data_source as data_source
from core.digits.downloads import RemoteFile
from tests.core.digits.test_digits_data import _Server, idx_bytes


def wait_for(qtbot, panel, condition, timeout=60_000):
    qtbot.waitUntil(lambda: panel.snapshot is not None and condition(panel.snapshot),
                    timeout=timeout)
    return panel.snapshot


def test_training_in_the_window_feeds_the_canvas(qtbot, window):
    page = window.digits
    panel = page.training
    panel.hidden.setText("32")
    panel.hidden.editingFinished.emit()
    panel.epochs.setValue(2)
    wait_for(qtbot, panel, lambda s: s.spec.hidden == (32,) and s.config.epochs == 2)
    panel.toggle_training()
    snap = wait_for(qtbot, panel, lambda s: s.epoch == 2 and not s.running)
    assert snap.validation_accuracy > 0.85
    assert snap.confusion.sum() == 1000
    assert panel.progress.value() == 1000
    qtbot.waitUntil(lambda: "trained in this window" in page.model_label.text())
    assert page.network.spec.hidden == (32,)
    x, y = panel.loss_view.curves[("model", "train")].getData()
    assert len(x) == 2 and y[1] < y[0]
    # Misclassified digits can be sent to the canvas.
    panel.misclassified_chosen.emit(snap.misclassified[0] / 255.0)
    assert page.tabs.currentIndex() == 0 and not page.canvas.is_blank()
    assert page.recognition.digit == snap.misclassified_predicted[0]


def test_download_from_a_local_server_then_train_on_it(qtbot, window, tmp_path, monkeypatch):
    rng = np.random.default_rng(0)
    bodies = {}
    for prefix, n in (("train", 200), ("t10k", 50)):
        bodies[f"{prefix}-images-idx3-ubyte.gz"] = gzip.compress(
            idx_bytes(rng.integers(0, 256, (n, 28, 28))))
        bodies[f"{prefix}-labels-idx1-ubyte.gz"] = gzip.compress(idx_bytes(rng.integers(0, 10, n)))
    files = tuple(RemoteFile(k, hashlib.sha256(v).hexdigest()) for k, v in bodies.items())
    panel = window.digits.training
    progress = []
    panel_progress = panel.data_chooser._on_task_progress
    monkeypatch.setattr(panel.data_chooser, "_on_task_progress",
                        lambda *a: (progress.append(a), panel_progress(*a)))
    with _Server(bodies) as server:
        monkeypatch.setitem(data_source.REMOTE_DATASETS, "mnist", (server.url, files))
        monkeypatch.setattr(data_source, "data_folder", lambda name: str(tmp_path / name))
        index = panel.data_source.findData("mnist")
        panel.data_source.setCurrentIndex(index)
        panel.data_source.activated.emit(index)
        snap = wait_for(qtbot, panel, lambda s: "200 + 50" in s.data_name)
    assert (tmp_path / "mnist" / "train-images-idx3-ubyte.gz").exists()
    assert not list((tmp_path / "mnist").glob("*.part"))
    assert snap.confusion.sum() == 50
    assert progress, "download progress was reported"


def test_overfitting_example_stops_early_and_the_canvas_gets_the_best(qtbot, window):
    page = window.digits
    panel = page.training
    said: list[str] = []
    panel.status_message.connect(said.append)
    qtbot.mouseClick(panel.overfit_button, Qt.MouseButton.LeftButton)
    assert panel.train_size.currentData() == 500 and panel.hidden.text() == "256,256"
    # It says what it changed, as the playground's example does.
    assert any("500 training digits" in text and "256-256" in text for text in said), said
    panel.patience.setValue(3)  # early stopping, switched on while it trains
    snap = wait_for(qtbot, panel, lambda s: s.stopped_early and not s.running)
    assert snap.config.train_size == 500 and snap.config.patience == 3
    assert snap.epoch == snap.best_epoch + 3
    assert "Stopped early" in panel.progress_label.text()
    # The green line marks the best epoch's step, and the gap between the curves is shaded.
    best_step = snap.history["step"][snap.best_epoch - 1]
    assert panel.loss_view._best_line.value() == best_step
    assert not panel.loss_view._gap.path().isEmpty()
    # The canvas recognises with the restored weights: the best epoch's, not the last.
    qtbot.waitUntil(lambda: np.array_equal(page.network.get_weights()[0][0],
                                           snap.weights[0][0]))
    assert panel.restore_best_button.isEnabled()


def test_nice_ceilings_leave_little_empty_space():
    from gui.history_plot import nice_ceiling

    values = np.exp(np.random.default_rng(0).uniform(-5, 5, 500))
    ceilings = np.array([nice_ceiling(v) for v in values])
    assert np.all(ceilings >= values) and np.all(ceilings <= 1.5 * values)
    assert nice_ceiling(2.05) == 3.0 and nice_ceiling(0.0) == 1.0
