"""The layer-norm switch, clicked: the worker's network changes, batch norm goes off;
and the summary line, which gives the linear model's line."""

import numpy as np
from PySide6.QtCore import Qt

from tests.gui.playground.test_playground_window import wait_for


def _click(qtbot, box):
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())


def test_clicking_layer_norm_switches_the_live_network(qtbot, page):
    bar = page.controls
    _click(qtbot, bar.play_button)
    wait_for(qtbot, page, lambda s: s.step > 50)
    _click(qtbot, bar.batch_norm)
    wait_for(qtbot, page, lambda s: s.config.batch_norm and len(s.network.norms[0]) == 4)
    _click(qtbot, bar.layer_norm)
    snap = wait_for(qtbot, page, lambda s: s.config.layer_norm and not s.config.batch_norm)
    assert all(len(norm) == 2 for norm in snap.network.norms)   # γ, β: no running statistics
    qtbot.waitUntil(lambda: not bar.batch_norm.isChecked())
    assert bar.layer_norm.isChecked() and snap.step > 50          # switched, not restarted
    _click(qtbot, bar.layer_norm)
    snap = wait_for(qtbot, page, lambda s: not s.config.layer_norm)
    assert snap.network.norms == ()


def test_the_summary_gives_the_linear_models_line(qtbot, page):
    import re

    from core.playground.features import feature_matrix

    _click(qtbot, page.controls.play_button)
    wait_for(qtbot, page, lambda s: s.step > 200)
    _click(qtbot, page.controls.play_button)   # pause: the title then shows the last frame
    summary = page.summary
    qtbot.waitUntil(lambda: not page.drawn.running and "x2 =" in summary.text(), timeout=10_000)
    k, sign, c = re.search(r"x2 = (\S+)·x1 ([+−]) (\S+)\.$", summary.text()).groups()
    (W, b), = page.drawn.linear.weights
    # independently: on the line the logit w1·x1/6 + w2·x2/6 + b is 0
    slope, intercept = -W[0, 0] / W[1, 0], -6 * b[0] / W[1, 0]
    assert (k, sign, c) == (f"{slope:.2g}", "+" if intercept >= 0 else "−",
                            f"{abs(intercept):.2g}")
    for x1 in (-3.0, 4.0):
        point = np.array([[x1, slope * x1 + intercept]])
        logit = feature_matrix(point, page.drawn.config.features, "float64") @ W + b
        assert abs(logit[0, 0]) < 1e-5
