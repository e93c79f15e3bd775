"""File → Export as PyTorch code, chosen from the menu with the keyboard."""

import importlib.util

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu

from core.nn.model_files import load_model
from core.playground.features import feature_matrix
from tests.gui.sessions.test_sessions import _answer_dialogs, _trained


def test_the_menu_writes_a_script_and_the_weights_it_loads(qtbot, window, tmp_path,
                                                             monkeypatch):
    snap = _trained(qtbot, window.playground)
    _answer_dialogs(monkeypatch, tmp_path / "xor_net.py")
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    qtbot.keyClick(QApplication.activePopupWidget(), Qt.Key.Key_C)   # "PyTorch &code…"
    qtbot.waitUntil(lambda: (tmp_path / "xor_net.py").exists())
    script = (tmp_path / "xor_net.py").read_text()
    assert "nn.Linear(2, 3)" in script and "xor_net.npz" in script
    network, meta = load_model(tmp_path / "xor_net.npz")
    assert meta["features"] == list(snap.config.features)
    points = np.random.default_rng(0).uniform(-6, 6, (30, 2))
    expected = network.predict(feature_matrix(points, snap.config.features))
    W, _ = snap.network.weights[0]   # the file holds the snapshot's weights
    np.testing.assert_allclose(network.get_weights()[0][0], W)
    pytest.importorskip("torch", reason="torch is not installed (pip install -e '.[bench]')")
    spec = importlib.util.spec_from_file_location("xor_net", tmp_path / "xor_net.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    got = module.load()(module.preprocess(points)).detach().numpy()
    np.testing.assert_allclose(got, expected, atol=1e-5)
