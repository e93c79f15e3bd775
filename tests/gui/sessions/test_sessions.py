"""Sessions, exports and help from the window: what a person does with the File menu."""

from __future__ import annotations

import csv

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QMessageBox

from core.nn.model_files import load_model
from core.playground.commands import AddPoint
from core.playground.features import feature_matrix
from core.playground.grid import grid_points
from core.worker.protocol import Configure
from gui.export import export_history, export_network, export_view, visible_plots
from gui.help import HelpDialog
from gui.main_window import MainWindow
from gui.sessions.session_manager import autosave_path
from tests.gui.playground.test_playground_window import wait_for


@pytest.fixture
def warnings(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text, *a: shown.append(text))
    return shown


def _answer_dialogs(monkeypatch, path) -> None:
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, lambda *a, **k: (str(path), ""))


def _trained(qtbot, page):
    page.controller.send(Configure({"dataset": "xor", "hidden": (3,), "learning_rate": 0.1}))
    page.controller.send(AddPoint(0.25, 0.5, 1))
    page.toggle_play()
    wait_for(qtbot, page, lambda s: s.step > 300 and s.config.hidden == (3,))
    page.toggle_play()
    return wait_for(qtbot, page, lambda s: not s.running)


def _second_window(qtbot) -> MainWindow:
    other = MainWindow()
    qtbot.addWidget(other)
    other.show()
    qtbot.waitUntil(lambda: other.playground.snapshot is not None, timeout=10_000)
    return other


def test_ctrl_s_then_ctrl_o_in_another_window_brings_everything_back(qtbot, window, tmp_path,
                                                                     monkeypatch):
    saved = _trained(qtbot, window.playground)
    window.tabs.setCurrentIndex(2)
    path = tmp_path / "mine.npsession"
    _answer_dialogs(monkeypatch, path)
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.exists() and "mine.npsession" in window.windowTitle()
    assert str(path) in window.sessions.recent()

    other = _second_window(qtbot)
    qtbot.keyClick(other, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    back = wait_for(qtbot, other.playground, lambda s: s.config == saved.config)
    assert other.tabs.currentIndex() == 2
    assert np.array_equal(back.train_X, saved.train_X)
    for (W, b), (W0, b0) in zip(back.network.weights, saved.network.weights, strict=True):
        assert np.array_equal(W, W0) and np.array_equal(b, b0)
    # The controls show the restored settings, not the old ones.
    assert other.playground.controls.learning_rate.currentData() == pytest.approx(0.1)
    other.close()


def test_a_broken_session_is_refused_and_changes_nothing(qtbot, window, tmp_path, monkeypatch,
                                                         warnings):
    before = window.playground.snapshot
    path = tmp_path / "broken.npsession"
    path.write_bytes(b"PK\x03\x04 this is not really a zip")
    _answer_dialogs(monkeypatch, path)
    assert not window.sessions.open()
    assert warnings and "not a session file" in warnings[0]
    qtbot.wait(200)
    assert window.playground.snapshot.config == before.config
    assert window.sessions.path is None


def test_closing_autosaves_and_the_next_start_restores_it(qtbot, window):
    saved = _trained(qtbot, window.playground)
    window.close()
    assert autosave_path().exists()
    other = _second_window(qtbot)
    other.sessions.restore_last()
    back = wait_for(qtbot, other.playground, lambda s: s.config == saved.config)
    assert np.array_equal(back.train_y, saved.train_y)
    assert "last session is back" in other.statusBar().currentMessage()
    other.close()


def test_a_broken_autosave_is_set_aside_not_lost(qtbot, window):
    window.close()
    autosave_path().write_bytes(b"garbage")
    other = _second_window(qtbot)
    other.sessions.restore_last()
    kept = autosave_path().with_name(autosave_path().name + ".broken")
    assert kept.read_bytes() == b"garbage" and not autosave_path().exists()
    assert "could not be restored" in other.statusBar().currentMessage()
    other.close()
    kept.unlink()


def test_every_visible_plot_exports_as_png_and_svg(qtbot, window, tmp_path):
    _trained(qtbot, window.playground)
    plots = dict(visible_plots(window.playground))
    assert {"Loss", "Accuracy"} <= set(plots)
    assert any(title.startswith("Network") for title in plots)
    for title, view in plots.items():
        png, svg = tmp_path / "p.png", tmp_path / "p.svg"
        export_view(view, png)
        export_view(view, svg)
        image = QImage(str(png))
        assert image.width() >= 2 * view.width() - 4, title   # twice the screen size
        assert "<svg" in svg.read_text(encoding="utf-8")[:2000], title
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.png", "p.svg"]  # no debris


def test_history_and_network_exports_match_the_snapshot(qtbot, window, tmp_path, monkeypatch):
    snap = _trained(qtbot, window.playground)
    _answer_dialogs(monkeypatch, tmp_path / "history.csv")
    window._export(export_history)
    with (tmp_path / "history.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    network_rows = [r for r in rows if r["model"] == "network"]
    assert len(network_rows) == len(snap.network.history["step"])
    assert float(network_rows[-1]["train_loss"]) == pytest.approx(
        snap.network.history["train_loss"][-1], rel=1e-6)

    _answer_dialogs(monkeypatch, tmp_path / "net.npz")
    window._export(export_network)
    network, meta = load_model(tmp_path / "net.npz")
    assert meta["features"] == list(snap.config.features)
    # Recompute the first hidden layer by hand from the snapshot's weights.
    inputs = feature_matrix(grid_points(12), snap.config.features)
    network.predict(inputs)
    W, b = snap.network.weights[0]
    assert np.allclose(network.layer_outputs[0], np.tanh(inputs @ W + b), atol=1e-5)


def test_f1_opens_help_for_the_current_mode(qtbot, window):
    window.tabs.setCurrentIndex(1)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialogs = [w for w in window.findChildren(HelpDialog)
               if w.isVisible()]
    assert dialogs and "Digits" in dialogs[0].windowTitle()
    assert "784" in dialogs[0].browser.toPlainText()
