"""The settings binder: controls from a table, one ``changed`` per person's change, none
when a configuration is shown, and never a value outside the table's limits.

Values are checked against the table itself (``core.settings_table``), not against
what the binder reports.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QSpinBox, QWidget

from core.playground.config import PlaygroundConfig
from core.settings_table import DESCENT, DIGITS, PLAYGROUND, SettingError
from gui.labs.rate_slider import bound_rate_slider
from gui.playground.controls import LEARNING_RATES, ControlsBar
from gui.settings_binder import SettingsBinder, nice_step, signals_blocked


@pytest.fixture
def binder(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    made = SettingsBinder("digits", holder)
    made.holder = holder
    return made


@pytest.fixture
def emitted(binder):
    got: list[tuple[str, object]] = []
    binder.changed.connect(lambda name, value: got.append((name, value)))
    return got


def _shown(qtbot, binder, widget):
    widget.setParent(binder.holder)
    binder.holder.show()
    qtbot.waitExposed(binder.holder)
    widget.setFocus()
    return widget


def test_spin_boxes_take_the_tables_range(binder):
    for name in ("batch_size", "epochs", "shift", "patience", "dropout", "rotation", "noise"):
        spin = binder.spin(name)
        setting = DIGITS[name]
        assert isinstance(spin, QSpinBox if setting.kind is int else QDoubleSpinBox)
        assert (spin.minimum(), spin.maximum()) == (setting.low, setting.high), name
        assert spin.value() == setting.default


def test_nice_steps_are_a_tenth_of_the_span_rounded_to_1_2_5():
    assert nice_step(0.5) == pytest.approx(0.05)
    assert nice_step(0.9) == pytest.approx(0.1)
    assert nice_step(0.8) == pytest.approx(0.1)
    assert nice_step(30.0) == pytest.approx(2.0)


def test_arrow_key_on_a_spin_emits_one_checked_change(qtbot, binder, emitted):
    spin = _shown(qtbot, binder, binder.spin("noise"))
    qtbot.keyClick(spin, Qt.Key.Key_Up)
    assert emitted == [("noise", 0.05)]  # the default 0 plus one step of 0.5 / 10
    assert isinstance(emitted[0][1], float)


def test_typing_a_number_and_enter_emits_it_once(qtbot, binder, emitted):
    spin = _shown(qtbot, binder, binder.spin("rotation", step=1.0))
    spin.selectAll()
    qtbot.keyClicks(spin, "7")
    qtbot.keyClick(spin, Qt.Key.Key_Return)  # Enter repeats the value: no second change
    assert emitted == [("rotation", 7.0)]


def test_typed_values_below_the_tables_low_are_pulled_up_to_it(qtbot, binder, emitted):
    spin = _shown(qtbot, binder, binder.spin("batch_size"))
    spin.selectAll()
    qtbot.keyClicks(spin, "0")  # batch size 0 does not exist: the table starts at 1
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == DIGITS["batch_size"].low == 1
    assert emitted == [("batch_size", 1)]


def test_typed_values_above_the_tables_high_never_arrive(qtbot, binder, emitted):
    spin = _shown(qtbot, binder, binder.spin("shift"))
    spin.selectAll()
    qtbot.keyClicks(spin, "9")  # shifts stop at 4 pixels: the key is refused
    qtbot.keyClick(spin, Qt.Key.Key_Return)
    assert spin.value() == DIGITS["shift"].default
    assert emitted == []


def test_a_menu_shows_the_table_choices_and_a_key_choice_emits_once(qtbot, binder, emitted):
    combo = _shown(qtbot, binder, binder.combo("activation"))
    items = [combo.itemData(i) for i in range(combo.count())]
    assert tuple(items) == DIGITS["activation"].choices
    assert combo.currentData() == DIGITS["activation"].default
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    following = items[items.index(DIGITS["activation"].default) + 1]
    assert emitted == [("activation", following)]


def test_a_menu_of_values_refuses_one_outside_the_table(binder):
    with pytest.raises(SettingError):
        binder.combo("l2", (0.0, 0.1, 2.0))  # the table's L2 stops at 1


def test_a_mouse_click_on_a_check_box_emits_true_once(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    binder = SettingsBinder("playground", holder)
    got = []
    binder.changed.connect(lambda name, value: got.append((name, value)))
    box = binder.check("batch_norm", "on")
    box.setParent(holder)
    holder.show()
    qtbot.waitExposed(holder)
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=box.rect().center())
    assert got == [("batch_norm", True)]


def test_show_sets_every_control_and_emits_nothing(qtbot, binder, emitted):
    spin, combo, rate = binder.spin("dropout"), binder.combo("learning_rate", (0.001, 0.01)), \
        binder.combo("scaling")
    binder.show({"dropout": 0.5, "learning_rate": 0.05, "scaling": DIGITS["scaling"].choices[-1],
                 "not_bound": 3})
    assert emitted == []
    assert spin.value() == 0.5
    assert combo.currentData() == 0.05 and combo.currentText() == "0.05"  # added, and said
    assert rate.currentData() == DIGITS["scaling"].choices[-1]
    qtbot.keyClick(_shown(qtbot, binder, spin), Qt.Key.Key_Down)
    assert emitted == [("dropout", 0.4)]  # the next change starts from what was shown


def test_signals_blocked_restores_the_blocking_it_found(qtbot):
    a, b = QWidget(), QWidget()
    qtbot.addWidget(a)
    qtbot.addWidget(b)
    b.blockSignals(True)
    with signals_blocked(a, b):
        assert a.signalsBlocked() and b.signalsBlocked()
    assert not a.signalsBlocked()
    assert b.signalsBlocked()


def test_the_rate_slider_is_adopted_with_the_tables_limits(qtbot):
    holder = QWidget()
    qtbot.addWidget(holder)
    binder = SettingsBinder("descent", holder)
    got = []
    binder.changed.connect(lambda name, value: got.append((name, value)))
    slider = bound_rate_slider(binder, "learning_rate", "tip")
    setting = DESCENT["learning_rate"]
    assert slider.stops[0] >= setting.low and slider.stops[-1] <= setting.high
    assert slider.rate == setting.default
    binder.show({"learning_rate": 0.5})
    assert got == [] and slider.rate == 0.5
    slider.setParent(holder)
    holder.show()
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    assert got == [("learning_rate", slider.stops[slider.stops.index(0.5) + 1])]


def test_the_playground_bar_sends_the_same_changes_as_before(qtbot):
    """Through the binder the bar still sends one dict: an optimiser resets its own
    settings, and one normaliser switches the other off."""
    bar = ControlsBar(PlaygroundConfig())
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    sent: list[dict] = []
    bar.changed.connect(sent.append)
    bar.sync(PlaygroundConfig(learning_rate=0.3, dropout=0.2, batch_norm=True))
    assert sent == []
    assert bar.learning_rate.currentData() == 0.3 and bar.dropout.value() == 0.2
    qtbot.mouseClick(bar.layer_norm, Qt.MouseButton.LeftButton,
                     pos=bar.layer_norm.rect().center())
    bar.dropout.setFocus()
    qtbot.keyClick(bar.dropout, Qt.Key.Key_Up)
    bar.optimizer.setFocus()
    qtbot.keyClick(bar.optimizer, Qt.Key.Key_Down)
    assert sent == [{"layer_norm": True, "batch_norm": False}, {"dropout": 0.3},
                    {"optimizer": bar.optimizer.currentData(), "optimizer_settings": ()}]
    assert set(LEARNING_RATES) <= {bar.learning_rate.itemData(i)
                                   for i in range(bar.learning_rate.count())}
    assert (bar.dropout.minimum(), bar.dropout.maximum()) == (
        PLAYGROUND["dropout"].low, PLAYGROUND["dropout"].high)
