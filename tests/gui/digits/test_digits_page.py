"""The digits canvas: a real mouse drag becomes a 28×28 input and moves the bars."""

import itertools

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from core.digits.network import recognise
from core.digits.preprocess import CENTRE, centre_of_mass, to_mnist


def drag(widget, points):
    QTest.mousePress(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(*points[0]))
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        for t in range(1, 16):
            QTest.mouseMove(widget, QPoint(int(x0 + (x1 - x0) * t / 15),
                                           int(y0 + (y1 - y0) * t / 15)))
    QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       QPoint(*points[-1]))


def test_drawing_a_one_is_recognised_and_every_layer_updates(qtbot, window):
    page = window.digits
    window.tabs.setCurrentWidget(page)
    assert page.network is not None, "the shipped model loads at start"
    assert page.answer.text() == "–"
    drag(page.canvas, [(140, 40), (140, 240)])
    rec = page.recognition
    assert not rec.blank
    assert page.answer.text() == "1"
    # The preview is exactly core's preprocessing of the canvas.
    assert np.allclose(page.preview.image, to_mnist(page.canvas.ink()).T)
    cy, cx = centre_of_mass(rec.digit_image)
    assert abs(cy - CENTRE) <= 0.5 and abs(cx - CENTRE) <= 0.5
    heights = page.activity.bars.opts["height"]
    assert np.allclose(heights, rec.probabilities) and np.argmax(heights) == 1
    assert page.activity.layer_plots[0][1].image is not None
    # The same numbers come out of core directly.
    again = recognise(page.network, page.canvas.ink(), page.scaling)
    assert np.allclose(again.probabilities, rec.probabilities)


def test_clear_undo_and_eraser(qtbot, window):
    page = window.digits
    drag(page.canvas, [(60, 60), (220, 220)])
    assert not page.canvas.is_blank()
    QTest.keyClick(page.canvas, Qt.Key.Key_Escape)
    assert page.canvas.is_blank() and page.answer.text() == "–"
    page.canvas.undo()
    assert not page.canvas.is_blank()
    before = page.canvas.ink().sum()
    page.eraser.setChecked(True)
    drag(page.canvas, [(60, 60), (220, 220)])
    assert page.canvas.ink().sum() < before / 4


def test_clicking_a_hidden_neuron_shows_its_weights(qtbot, window):
    page = window.digits
    drag(page.canvas, [(100, 60), (180, 60), (120, 230)])
    page.activity.neuron_clicked.emit(1, 5)
    W, _b = page.network.get_weights()[0]
    assert np.allclose(page.neuron_weights.image, W[:, 5].reshape(28, 28).T)
    z = page.recognition.pre_activations[0][5]
    assert f"{z:.3f}" in page.neuron_text.text()


def test_playground_keys_do_nothing_on_the_digits_tab(qtbot, window):
    window.tabs.setCurrentWidget(window.digits)
    assert not any(a.isEnabled() for a in window._playground_actions)
    window.tabs.setCurrentWidget(window.playground)
    assert all(a.isEnabled() for a in window._playground_actions)


def test_cli_predict_on_the_canvas_png_agrees_with_the_canvas(qtbot, window, tmp_path, capsys):
    import json

    from core.cli import run
    from gui.digits.digits_page import SHIPPED_MODEL

    page = window.digits
    drag(page.canvas, [(80, 70), (200, 70), (200, 150), (90, 150), (200, 150), (200, 240)])
    path = tmp_path / "drawing.png"
    assert page.canvas.image.save(str(path))  # Qt's own PNG writer, 280×280
    assert run(["predict", "--model", str(SHIPPED_MODEL), str(path), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["digit"] == page.recognition.digit
    assert np.allclose(result["probabilities"], page.recognition.probabilities, atol=1e-5)
