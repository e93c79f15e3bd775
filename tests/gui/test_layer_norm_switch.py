"""The layer-norm switch, clicked: the worker's network changes, batch norm goes off."""

from PySide6.QtCore import Qt

from tests.gui.test_playground_window import wait_for


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
