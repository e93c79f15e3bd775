"""Digits results with real input: nothing pretends before training, settings act live,
and a trained model survives two restarts."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QMessageBox

from core.digits.network import digits_spec
from core.nn.network import Network
from gui.main_window import MainWindow
from tests.gui.digits.test_digits_page import drag
from tests.gui.digits.test_digits_training import wait_for


def _small_and_trained(qtbot, panel, hidden: str = "80"):
    """A small network trained for one epoch on 200 digits, set up with the keyboard."""
    panel.hidden.clear()
    qtbot.keyClicks(panel.hidden, hidden)
    qtbot.keyClick(panel.hidden, Qt.Key.Key_Return)
    panel.epochs.setFocus()
    panel.epochs.selectAll()
    qtbot.keyClicks(panel.epochs, "1")
    qtbot.keyClick(panel.epochs, Qt.Key.Key_Return)
    panel.train_size.setFocus()
    qtbot.keyClick(panel.train_size, Qt.Key.Key_End)  # the smallest: 200 digits
    want = tuple(int(h) for h in hidden.split(","))
    wait_for(qtbot, panel, lambda s: s.spec.hidden == want and s.config.epochs == 1
             and s.config.train_size == 200)
    qtbot.mouseClick(panel.train_button, Qt.MouseButton.LeftButton)
    return wait_for(qtbot, panel, lambda s: s.epoch == 1 and not s.running)


def test_results_wait_for_training_then_show_readable_counts_and_pages(qtbot, window):
    window.resize(1280, 720)
    panel = window.digits.training
    window.tabs.setCurrentWidget(window.digits)
    window.digits.tabs.setCurrentWidget(panel)
    snap = wait_for(qtbot, panel, lambda s: True)
    assert not snap.trained
    for view in (panel.confusion_view, panel.wrong_view, panel.weights_view.plot):
        assert view.showing_placeholder and view.image.image is None
        assert "Train a model to see" in view.placeholder.text()

    snap = _small_and_trained(qtbot, panel, "80")
    qtbot.waitUntil(lambda: not panel.confusion_view.showing_placeholder)
    confusion = panel.confusion_view
    assert np.array_equal(confusion.counts, snap.confusion) and snap.confusion.sum() == 1000
    # Every count fits inside its cell at this window size, and can be read.
    cell = confusion.cell_pixels()
    for k, label in enumerate(confusion.labels):
        count = int(snap.confusion[k // 10, k % 10])
        assert label.toPlainText() == (str(count) if count else "")
        assert label.isVisible() and label.textItem.font().pixelSize() >= 7
        assert QFontMetrics(label.textItem.font()).horizontalAdvance(
            label.toPlainText()) < cell
    # 80 first-layer neurons: 64 on the first page, the other 16 one click away.
    weights = panel.weights_view
    assert weights.shown_neurons() == range(64) and weights.plot.image.image.shape == (232, 232)
    qtbot.mouseClick(weights.next, Qt.MouseButton.LeftButton)
    assert weights.shown_neurons() == range(64, 80)
    assert "65–80 of 80" in weights.page_label.text() and not weights.next.isEnabled()
    assert weights.plot.image.image.shape == (116, 116)  # 4 × 4 tiles of 29 pixels


def test_dropout_and_optimiser_go_on_training_and_a_rebuild_asks_first(qtbot, window):
    panel = window.digits.training
    window.tabs.setCurrentWidget(window.digits)
    window.digits.tabs.setCurrentWidget(panel)
    trained = _small_and_trained(qtbot, panel, "16")
    panel.dropout.setFocus()
    qtbot.keyClick(panel.dropout, Qt.Key.Key_Up)
    panel.optimizer.setFocus()
    qtbot.keyClick(panel.optimizer, Qt.Key.Key_Up)
    snap = wait_for(qtbot, panel, lambda s: s.config.dropout == 0.1
                    and s.config.optimizer != trained.config.optimizer)
    assert snap.step == trained.step and snap.epoch == 1  # nothing learned was thrown away
    assert np.array_equal(snap.weights[0][0], trained.weights[0][0])

    def answer(button):
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "epoch 0" in box.text()
        qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    activation = panel.activation.currentText()
    QTimer.singleShot(200, lambda: answer(QMessageBox.StandardButton.No))
    panel.activation.setFocus()
    qtbot.keyClick(panel.activation, Qt.Key.Key_Down)
    assert panel.activation.currentText() == activation  # refused: the control goes back
    qtbot.wait(300)
    assert panel.snapshot.step == trained.step
    QTimer.singleShot(200, lambda: answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(panel.activation, Qt.Key.Key_Down)
    snap = wait_for(qtbot, panel, lambda s: s.config.activation == panel.activation.currentData())
    assert snap.step == 0 and snap.config.activation != activation


def test_typing_new_hidden_layers_after_training_asks_once(qtbot, window, monkeypatch):
    panel = window.digits.training
    window.tabs.setCurrentWidget(window.digits)
    window.digits.tabs.setCurrentWidget(panel)
    _small_and_trained(qtbot, panel, "16")
    asked = []
    # The open box takes the focus, and the line edit reports "finished" once more.
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: (
        asked.append(a[2]), panel.hidden.editingFinished.emit(),
        QMessageBox.StandardButton.Yes)[-1])
    panel.hidden.setFocus()
    panel.hidden.selectAll()
    qtbot.keyClicks(panel.hidden, "24")
    qtbot.keyClick(panel.hidden, Qt.Key.Key_Return)
    snap = wait_for(qtbot, panel, lambda s: s.spec.hidden == (24,))
    assert len(asked) == 1 and "epoch 0" in asked[0] and snap.step == 0


def test_a_trained_model_survives_two_restarts(qtbot, window):
    panel = window.digits.training
    trained = _small_and_trained(qtbot, panel, "16")
    window.close()
    for _ in range(2):  # reopen, close, reopen: the second autosave must keep it too
        other = MainWindow()
        qtbot.addWidget(other)
        other.show()
        other.sessions.restore_last()
        back = wait_for(qtbot, other.digits.training,
                        lambda s: s.trained and s.config.hidden == (16,))
        assert np.array_equal(back.weights[0][0], trained.weights[0][0])
        qtbot.waitUntil(lambda o=other: "trained in this window" in
                        o.digits.model_label.text())
        assert not other.digits.training.confusion_view.showing_placeholder
        other.close()


def test_the_one_neuron_panel_follows_the_model(qtbot, window):
    page = window.digits
    window.tabs.setCurrentWidget(page)
    drag(page.canvas, [(100, 60), (180, 60), (120, 230)])
    qtbot.wait(300)  # the newly shown tab lays its plots out
    image = page.activity.layer_plots[0][1]
    # Click the tile of neuron 3 (column 2, row 0 of the layer's grid).
    target = page.activity.mapFromScene(image.mapToScene(QPointF(2.5, 0.5)))
    qtbot.mouseClick(page.activity.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(target.x(), target.y()))
    assert page.selected == (1, 2)
    old_text = page.neuron_text.text()
    trained = _small_and_trained(qtbot, page.training, "64")
    qtbot.waitUntil(lambda: page.network.spec.hidden == (64,))
    qtbot.wait(300)
    # Still neuron 3 of layer 1, now with the new model's weights and sums.
    assert page.selected == (1, 2)
    W = trained.weights[0][0]
    assert np.allclose(page.neuron_weights.image, W[:, 2].reshape(28, 28).T)
    z = page.recognition.pre_activations[0][2]
    assert f"{z:.3f}" in page.neuron_text.text() and page.neuron_text.text() != old_text
    # A model without the chosen neuron clears the panel instead of keeping stale numbers.
    image = page.activity.layer_plots[0][1]
    last = page.activity.mapFromScene(image.mapToScene(QPointF(7.5, 7.5)))
    qtbot.mouseClick(page.activity.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(last.x(), last.y()))
    assert page.selected == (1, 63)
    small = Network(digits_spec((16,)), np.random.default_rng(0))
    page.training.model_trained.emit(small, "0-1")
    assert page.selected is None and page.neuron_weights.image is None
    assert "Click a neuron" in page.neuron_text.text()
