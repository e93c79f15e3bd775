"""The playground window driven like a person would, checked on its data."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from core.playground.features import feature_matrix
from core.playground.grid import grid_points
from core.worker.protocol import Configure


def full_speed(qtbot, page):
    """Choose "max" in the speed box, as a person would, for tests that need many steps."""
    combo = page.controls.speed
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)  # the last item: as fast as possible
    assert combo.currentData() is None


def wait_for(qtbot, page, condition, timeout=20_000):
    """The first snapshot meeting ``condition`` that the page has drawn in full."""
    qtbot.waitUntil(lambda: page.drawn is not None and condition(page.drawn), timeout=timeout)
    return page.drawn


def test_xor_from_the_window_network_beats_line(qtbot, page):
    page.controller.send(Configure({"dataset": "xor", "hidden": (4,)}))
    wait_for(qtbot, page, lambda s: s.config.dataset == "xor")
    page.toggle_play()
    snap = wait_for(qtbot, page, lambda s: s.network.test_accuracy > 0.9 and s.step > 3000,
                    timeout=60_000)
    assert snap.linear.test_accuracy <= 0.65
    page.toggle_play()
    wait_for(qtbot, page, lambda s: not s.running)
    page.loss_view.show_histories({"network": page.snapshot.network.history,
                                   "linear": page.snapshot.linear.history})
    x, y = page.loss_view.curves[("network", "train")].getData()
    assert len(x) > 10 and y[-1] < y[0] / 2
    # The boundary heatmap shows the network's output: blue where it says class 1.
    image = page.network_boundary.image.image
    assert image.shape == (150, 150)
    assert image[120, 120] > 0.5 > image[120, 30]  # (+,+) is class 1, (+,−) class 0


def test_learning_rate_changes_live_without_reset(qtbot, page):
    page.toggle_play()
    wait_for(qtbot, page, lambda s: s.step > 500)
    combo = page.controls.learning_rate
    index = combo.findData(0.3)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    before = page.snapshot.step
    snap = wait_for(qtbot, page, lambda s: s.network.optimizer_settings["learning_rate"] == 0.3)
    assert snap.step >= before  # no reset: the step counter kept counting
    assert snap.linear.optimizer_settings["learning_rate"] == 0.3
    page.toggle_play()


def test_adding_a_layer_resets_and_redraws_the_diagram(qtbot, page):
    page.controller.send(Configure({"hidden": (4, 2)}))
    page.toggle_play()
    wait_for(qtbot, page, lambda s: s.step > 200)
    page.toggle_play()
    tiles_before = len(page.network_view.tiles)
    qtbot.mouseClick(page.architecture.add_layer, Qt.MouseButton.LeftButton)
    snap = wait_for(qtbot, page, lambda s: len(s.config.hidden) == 3)
    assert snap.network.layer_sizes == (2, 4, 2, 4, 1)
    assert snap.step == 0
    assert len(page.network_view.tiles) == tiles_before + 4
    assert len(page.architecture.neuron_boxes) == 3


def test_clicking_the_boundary_adds_a_point_of_the_chosen_class(qtbot, page):
    n = len(page.snapshot.train_X)
    page.data_panel.edit_class.setCurrentIndex(1)
    view = page.network_boundary
    scene_point = view.getViewBox().mapViewToScene(QPointF(2.0, 3.0))
    pos = view.mapFromScene(scene_point)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(pos.x(), pos.y()))
    snap = wait_for(qtbot, page, lambda s: len(s.train_X) == n + 1)
    assert np.allclose(snap.train_X[-1], [2.0, 3.0], atol=0.15)
    assert snap.train_y[-1] == 1
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.RightButton, pos=QPoint(pos.x(), pos.y()))
    wait_for(qtbot, page, lambda s: len(s.train_X) == n)


def test_huge_learning_rate_shows_the_banner_and_the_fix_works(qtbot, page):
    # Linear units add up without bound: a rate of 3 explodes, 0.3 does not.
    page.controller.send(Configure({"activation": "linear", "learning_rate": 3.0}))
    wait_for(qtbot, page, lambda s: s.config.learning_rate == 3.0)
    qtbot.keyClick(page.window(), Qt.Key.Key_Space)
    snap = wait_for(qtbot, page, lambda s: s.divergence is not None)
    qtbot.waitUntil(page.banner.isVisible)
    assert "learning rate is too large" in page.banner.label.text()
    assert not snap.running
    status = page.window().statusBar()
    assert "Training…" not in status.currentMessage()
    assert "paused" in status.currentMessage()
    qtbot.keyClick(page.window(), Qt.Key.Key_Space)  # Play cannot go on past a divergence
    assert "Training…" not in status.currentMessage()
    wait_for(qtbot, page, lambda s: not s.running and s.divergence is not None)
    assert page.banner.isVisible()
    qtbot.mouseClick(page.banner.fix, Qt.MouseButton.LeftButton)
    snap = wait_for(qtbot, page, lambda s: s.divergence is None and s.running and s.step > 50)
    assert snap.config.learning_rate == 0.3
    qtbot.waitUntil(lambda: not page.banner.isVisible())
    assert page.controls._shows_running


def test_the_status_bar_forgets_a_warning_that_is_gone(qtbot, page):
    page.controller.send(Configure({"activation": "linear", "learning_rate": 3.0}))
    wait_for(qtbot, page, lambda s: s.config.learning_rate == 3.0)
    qtbot.keyClick(page.window(), Qt.Key.Key_Space)
    wait_for(qtbot, page, lambda s: s.divergence is not None)
    qtbot.waitUntil(page.banner.isVisible)
    status = page.window().statusBar()
    assert "warning above" in status.currentMessage()
    qtbot.keyClick(page.window(), Qt.Key.Key_R)  # new weights: nothing has gone wrong yet
    wait_for(qtbot, page, lambda s: s.divergence is None and s.step == 0)
    qtbot.waitUntil(lambda: not page.banner.isVisible())
    assert "warning above" not in status.currentMessage()


def test_a_collapse_to_one_colour_is_explained_and_fixed_in_one_click(qtbot, page):
    full_speed(qtbot, page)
    page.controller.send(Configure({"activation": "relu", "learning_rate": 10.0}))
    wait_for(qtbot, page, lambda s: s.config.learning_rate == 10.0)
    qtbot.keyClick(page.window(), Qt.Key.Key_Space)
    snap = wait_for(qtbot, page, lambda s: s.problem is not None)
    assert snap.problem.kind == "collapsed" and snap.running and snap.divergence is None
    qtbot.waitUntil(page.banner.isVisible)
    assert "same class" in page.banner.label.text()
    assert page.banner.fix.text() == "Lower the learning rate 10× and start again"
    status = page.window().statusBar()
    assert "Training…" not in status.currentMessage()
    for _ in range(2):  # pause, then play again: the warning stays, and so do the words
        qtbot.keyClick(page.window(), Qt.Key.Key_Space)
        assert "Training…" not in status.currentMessage()
    qtbot.mouseClick(page.banner.fix, Qt.MouseButton.LeftButton)
    assert status.currentMessage() == "Training…"
    fixed = wait_for(qtbot, page, lambda s: s.config.learning_rate == 1.0 and s.problem is None
                     and s.running)
    assert fixed.config.activation == "relu"


def test_a_dead_relu_layer_offers_leaky_relu(qtbot, page):
    full_speed(qtbot, page)
    page.controller.send(Configure({"activation": "relu", "hidden": (16, 16),
                                    "optimizer": "adam", "learning_rate": 3.0}))
    wait_for(qtbot, page, lambda s: s.config.hidden == (16, 16))
    qtbot.keyClick(page.window(), Qt.Key.Key_Space)
    snap = wait_for(qtbot, page, lambda s: s.problem is not None)
    assert snap.problem.kind == "dead" and snap.problem.share > 0.5
    qtbot.waitUntil(page.banner.isVisible)
    assert f"{snap.problem.share:.0%} of one layer's ReLU units are dead" in \
        page.banner.label.text()
    assert page.banner.fix.text() == "Switch to leaky ReLU and start again"
    qtbot.mouseClick(page.banner.fix, Qt.MouseButton.LeftButton)
    fixed = wait_for(qtbot, page, lambda s: s.config.activation == "leaky_relu" and s.step > 0)
    assert fixed.network.activations[:2] == ("leaky_relu", "leaky_relu")


def test_neuron_click_enlarges_it_and_hover_shows_its_formula(qtbot, page):
    page.network_view.neuron_clicked.emit(1, 0)
    qtbot.waitUntil(lambda: "neuron" in page.network_boundary.plotItem.titleLabel.text)
    qtbot.waitUntil(lambda: page.snapshot.network.grid.focus is not None)
    image = page.network_boundary.image.image
    # The enlarged heatmap is the first hidden neuron, at full resolution.
    W, b = page.snapshot.network.weights[0]
    points = grid_points(page.config.resolution)
    inputs = feature_matrix(points, page.snapshot.config.features)
    expected = np.tanh(inputs @ W[:, 0] + b[0]).reshape(image.shape)
    assert np.allclose(image, expected, atol=1e-5)
    formula = page.network_view.neuron_formula(1, 0)
    W, b = page.snapshot.network.weights[0]
    assert formula.startswith("L1·N1 = tanh(") and f"{abs(b[0]):.2f}" in formula
    assert f"{abs(W[0, 0]):.2f}·x1" in formula


def test_input_tile_click_toggles_a_feature(qtbot, page):
    page.network_view.feature_toggled.emit("x1*x2")
    snap = wait_for(qtbot, page, lambda s: "x1*x2" in s.config.features)
    assert snap.network.layer_sizes[0] == 3


def test_closing_the_window_while_training_stops_the_worker(qtbot, window):
    page = window.playground
    page.toggle_play()
    wait_for(qtbot, page, lambda s: s.running and s.step > 100)
    window.close()
    assert not page.controller.is_running()


def test_each_layer_can_have_its_own_activation(qtbot, page):
    page.controller.send(Configure({"hidden": (4, 2)}))
    wait_for(qtbot, page, lambda s: s.config.hidden == (4, 2))
    qtbot.waitUntil(lambda: len(page.architecture.neuron_boxes) == 2)
    from PySide6.QtWidgets import QComboBox

    combo = page.architecture.neuron_boxes[1].findChild(QComboBox)
    index = combo.findData("relu")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    snap = wait_for(qtbot, page, lambda s: s.network.activations[1] == "relu")
    assert snap.network.activations == ("tanh", "relu", "sigmoid")
    assert "relu(" in page.network_view.neuron_formula(2, 0)


def test_overfitting_example_shows_the_gap_and_restores_the_best(qtbot, page):
    qtbot.mouseClick(page.overfit_button, Qt.MouseButton.LeftButton)
    wait_for(qtbot, page, lambda s: s.config.hidden == (32, 32, 32))
    page.toggle_play()
    snap = wait_for(qtbot, page, lambda s: s.epoch > 60, timeout=60_000)
    page.toggle_play()
    snap = wait_for(qtbot, page, lambda s: not s.running)
    history = snap.network.history
    # The shaded gap spans the training and test losses from first to last step.
    page.loss_view.show_histories({"network": history, "linear": snap.linear.history})
    gap = page.loss_view._gap.path().boundingRect()
    losses = np.concatenate([history["train_loss"], history["test_loss"]])
    assert gap.left() == history["step"][0] and gap.right() == history["step"][-1]
    assert gap.top() == pytest.approx(losses.min(), rel=0.2)
    assert gap.bottom() == pytest.approx(losses.max(), rel=0.2)
    best_step = page.loss_view.mark_best({"network": history}, "network")
    assert best_step == history["step"][int(np.nanargmin(history["test_loss"]))]
    assert page.loss_view._best_line.value() == best_step
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    restored = wait_for(qtbot, page, lambda s: s.network.test_loss < snap.network.test_loss)
    assert restored.network.test_loss == pytest.approx(np.nanmin(history["test_loss"]), rel=1e-3)


def test_complexity_sweep_runs_in_the_background_and_keeps_partial_results(qtbot, page):
    dialog = page.open_sweep()
    dialog.epochs.setValue(400)  # slow enough that cancelling finds it half-way
    qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(dialog.points) >= 3, timeout=60_000)
    qtbot.mouseClick(dialog.cancel, Qt.MouseButton.LeftButton)
    kept = len(dialog.points)
    assert 3 <= kept < 14 and dialog.start.isEnabled()
    sizes = [p.parameters for p in dialog.points]
    assert sizes == sorted(sizes)
    x, _ = dialog.test_curve.getData()
    assert len(x) == kept
    dialog.close()


def test_inside_the_training_shows_every_layers_health(qtbot, page):
    page.controller.send(Configure({"hidden": (6, 4), "activation": "sigmoid",
                                    "learning_rate": 3.0}))
    page.toggle_play()
    wait_for(qtbot, page, lambda s: s.step > 300 and s.config.hidden == (6, 4))
    dialog = page.open_health()
    qtbot.waitUntil(lambda: len(dialog.buffers) == 3 and len(dialog.buffers[0][0]) >= 3,
                    timeout=20_000)
    page.toggle_play()
    health = page.snapshot.network.health   # two hidden layers and the output layer
    assert len(health) == 3 and health[0].activation == "sigmoid"
    assert health[0].weight_histogram.sum() == 2 * 6
    assert health[2].weight_histogram.sum() == 4 * 1 and health[2].activation == "sigmoid"
    assert dialog.grid.itemAtPosition(3, 2).widget().text().startswith("output layer · sigmoid")
    w_image, _g_image, label = dialog.rows[1]
    assert w_image.image.shape[1] == 30 and "saturated" in label.text()
    dialog.close()


def test_switching_l1_on_shows_its_effect_on_the_weights(qtbot, page):
    page.controller.send(Configure({"dataset": "xor", "hidden": (8, 8)}))
    page.toggle_play()
    wait_for(qtbot, page, lambda s: s.step > 1000 and s.config.hidden == (8, 8))
    dialog = page.open_health()
    view = dialog.weight_effect
    qtbot.waitUntil(lambda: "No regulariser" in view.label.text(), timeout=10_000)
    controls = page.controls
    for combo, value in ((controls.reg_rate, 0.01), (controls.regularization, "l1")):
        index = combo.findData(value)
        combo.setCurrentIndex(index)
        combo.activated.emit(index)
    snap = wait_for(qtbot, page, lambda s: s.config.l1 == 0.01 and s.weight_effect is not None
                    and s.step > s.weight_effect.since_step + 3000, timeout=60_000)
    page.toggle_play()
    effect = snap.weight_effect
    assert effect.since_step > 1000
    assert effect.now.near_zero > effect.before.near_zero + 0.1  # L1 switched weights off
    qtbot.waitUntil(lambda: "L1 pulls" in view.label.text())
    assert f"{effect.since_step:,d}" in view.label.text()
    _, heights = view.now.getData()
    assert np.isclose(heights.sum(), 100.0)  # per cent of the weights
    dialog.close()


def test_transformed_space_dialog_follows_the_choice(qtbot, page):
    page.controller.send(Configure({"hidden": (4, 3)}))
    wait_for(qtbot, page, lambda s: s.config.hidden == (4, 3))
    dialog = page.open_transformed()
    qtbot.waitUntil(lambda: page.snapshot.transformed is not None, timeout=10_000)
    # the keyboard on the x-axis box: End picks its last unit, the output's weighted sum
    dialog.x_axis.setFocus()
    qtbot.keyClick(dialog.x_axis, Qt.Key.Key_End)
    snap = wait_for(qtbot, page, lambda s: s.transformed is not None and s.transformed.layer == 3)
    assert (snap.transformed.i, snap.transformed.second_layer) == (0, 1)  # y stays on layer 1
    x, _ = dialog.lines.getData()
    assert len(x) == len(snap.transformed.lines)
    assert len(dialog.points.data) == len(snap.train_X)
    assert "output" in dialog.plot.getAxis("bottom").labelText
    dialog.close()


def test_history_slider_replays_while_training_goes_on(qtbot, page):
    page.toggle_play()
    wait_for(qtbot, page, lambda s: len(s.replay_steps) > 10)
    slider = page.replay_slider
    slider.setFocus()
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    snap = wait_for(qtbot, page, lambda s: s.replay_step == 0)
    assert "training goes on" in page.replay_label.text()
    later = wait_for(qtbot, page, lambda s: s.step > snap.step + 100 and s.replay_step == 0)
    assert np.allclose(page.network_boundary.image.image,
                       0.5 + 0.8 * (later.replay.grid.output[0] - 0.5))
    qtbot.keyClick(slider, Qt.Key.Key_End)
    wait_for(qtbot, page, lambda s: s.replay is None)
    assert page.replay_label.text() == "live"
    page.toggle_play()


def test_history_slider_answers_every_key_and_a_click_on_its_track(qtbot, page):
    page.toggle_play()
    wait_for(qtbot, page, lambda s: len(s.replay_steps) > 30)
    page.toggle_play()
    paused = wait_for(qtbot, page, lambda s: not s.running)
    slider = page.replay_slider
    qtbot.waitUntil(lambda: slider.maximum() == len(paused.replay_steps) - 1)
    slider.setFocus()
    for key, expected in ((Qt.Key.Key_Home, 0), (Qt.Key.Key_Right, 1),
                          (Qt.Key.Key_PageUp, 1 + slider.pageStep())):
        qtbot.keyClick(slider, key)
        snap = wait_for(qtbot, page, lambda s, e=expected: s.replay_step == s.replay_steps[e])
        assert page.replay_label.text() != "live"
        assert f"{snap.replay_step:,d}" in page.replay_label.text()
    qtbot.keyClick(slider, Qt.Key.Key_End)
    wait_for(qtbot, page, lambda s: s.replay is None)
    # A click on the track, left of the handle, moves back and replays.
    qtbot.mouseClick(slider, Qt.MouseButton.LeftButton, pos=QPoint(5, slider.height() // 2))
    assert slider.value() < slider.maximum()
    snap = wait_for(qtbot, page, lambda s: s.replay_step is not None)
    assert snap.replay_step == snap.replay_steps[slider.value()]
    assert page.replay_label.text() != "live"


def test_batch_norm_box_switches_it_while_training(qtbot, page):
    page.toggle_play()
    wait_for(qtbot, page, lambda s: s.step > 300)
    qtbot.mouseClick(page.controls.batch_norm, Qt.MouseButton.LeftButton)
    before = page.snapshot.step
    snap = wait_for(qtbot, page, lambda s: s.config.batch_norm and s.step > before + 300)
    assert len(snap.network.norms) == len(snap.config.hidden)
    page.toggle_play()
    snap = wait_for(qtbot, page, lambda s: not s.running)
    assert snap.step > before  # switched live: no restart
    # The enlarged neuron's heatmap is tanh of the normalised sum, computed by hand.
    page.network_view.neuron_clicked.emit(1, 0)
    snap = wait_for(qtbot, page, lambda s: s.network.grid.focus is not None)
    W, b = snap.network.weights[0]
    gamma, beta, mean, var = (a[0] for a in snap.network.norms[0])
    inputs = feature_matrix(grid_points(snap.config.resolution), snap.config.features)
    z = inputs @ W[:, 0] + b[0]
    expected = np.tanh(gamma * (z - mean) / np.sqrt(var + 1e-5) + beta)
    assert np.allclose(snap.network.grid.focus, expected.reshape(snap.network.grid.focus.shape),
                       atol=1e-4)
    assert "batch norm" in page.network_view.neuron_formula(1, 0)


def test_heatmap_tiles_are_coloured_from_the_activations(qtbot, page):
    from gui.colors import diverging_colormap
    from gui.playground.network_mosaic import mosaic_indices, mosaic_lookup_table

    # The colour table row of an activation, against the colour map computed directly.
    values = np.array([[-1.0, -0.5, 0.0, 0.5, 1.0, np.nan]])
    rows = mosaic_indices(values)[0]
    assert rows[-1] != 0 and rows.min() >= 1  # only the gaps between tiles are transparent
    table = mosaic_lookup_table()
    assert table[0, 3] == 0 and (table[1:, 3] == 255).all()
    expected = diverging_colormap().map((values[0, :5] + 1) / 2, mode="byte")[:, :3]
    assert np.abs(table[rows[:5], :3].astype(int) - expected.astype(int)).max() <= 3
    # A hidden neuron's tile in the mosaic is its activation over the plane (tanh: as is).
    wait_for(qtbot, page, lambda s: s.step >= 0)
    view = page.network_view
    qtbot.waitUntil(lambda: view._model is not None)
    tile = next(t for t in view.tiles if (t.column, t.unit) == (1, 0))
    x, y = int(tile.x), int(tile.y)
    block = view.tile_mosaic.canvas[x:x + 30, y:y + 30]
    assert np.array_equal(block, mosaic_indices(view._model.grid.tiles[1][0]))


def test_a_refused_setting_puts_the_control_back(qtbot, page):
    page.controller.send(Configure({"dataset": "plane"}))  # regression: squared error
    wait_for(qtbot, page, lambda s: s.config.dataset == "plane" and s.config.loss == "mse")
    combo = page.controls.loss
    index = combo.findData("cross_entropy")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    snap = wait_for(qtbot, page, lambda s: s.message is not None)
    assert "cross-entropy needs classes" in snap.message and snap.config.loss == "mse"
    qtbot.waitUntil(lambda: combo.currentData() == "mse")


def test_a_frame_is_drawn_in_two_halves_with_a_paint_between(qtbot, page, monkeypatch):
    """The diagram is painted before the boundaries of the same snapshot are
    set: the event loop is never blocked for a whole frame."""
    from PySide6.QtCore import QEvent, QObject

    order: list[tuple[str, int]] = []

    class PaintSpy(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint:
                order.append(("paint", 0))
            return False

    spy = PaintSpy()
    page.network_view.viewport().installEventFilter(spy)
    page.controller.snapshot_ready.connect(lambda s: order.append(("ready", id(s))))
    boundary = page.network_boundary
    draw = boundary.show_snapshot
    monkeypatch.setattr(boundary, "show_snapshot",
                        lambda snap, *rest: (order.append(("boundary", id(snap))),
                                             draw(snap, *rest)))
    page.toggle_play()
    qtbot.waitUntil(lambda: sum(kind == "boundary" for kind, _ in order) >= 10, timeout=20_000)
    page.toggle_play()
    frames = 0
    for i, (kind, key) in enumerate(order):
        if kind != "ready" or ("boundary", key) not in order[i:]:
            continue
        later = order.index(("boundary", key), i)
        assert all(k in ("paint",) for k, _ in order[i + 1:later])  # nothing else between
        frames += any(k == "paint" for k, _ in order[i + 1:later])
    assert frames >= 8


def test_the_linear_caption_says_linear_in_the_features_once_they_bend(qtbot, page):
    assert "one straight line" in page.summary.text()
    from core.playground.features import FEATURE_NAMES
    from gui.playground.network_layout import TILE

    view = page.network_view
    qtbot.waitUntil(lambda: any(t.column == 0 for t in view.tiles))
    unit = FEATURE_NAMES.index("sin(x1)")
    tile = next(t for t in view.tiles if (t.column, t.unit) == (0, unit))
    centre = view.view.mapViewToScene(QPointF(tile.x + TILE / 2, tile.y + TILE / 2))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.mapFromScene(centre))
    wait_for(qtbot, page, lambda s: "sin(x1)" in s.config.features)
    qtbot.waitUntil(lambda: "linear in the chosen features" in page.summary.text())
    assert "one straight line" not in page.summary.text()


def test_the_speed_box_runs_from_one_step_per_frame_to_full_speed(qtbot, page):
    from gui.playground.controls import DEFAULT_SPEED

    combo = page.controls.speed
    assert combo.currentData() == DEFAULT_SPEED  # slow enough to watch by default
    steps: list[tuple[int, bool]] = []
    page.controller.snapshot_ready.connect(lambda s: steps.append((s.step, s.running)))
    qtbot.keyClick(page.window(), Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: sum(r for _, r in steps) >= 12, timeout=20_000)
    # Each frame trains DEFAULT_SPEED steps; a frame the busy window had no time to take
    # is folded into the next one, so a gap is a whole number of frames.
    gaps = np.diff([s for s, r in steps if r])
    assert np.median(gaps) == DEFAULT_SPEED and not (gaps % DEFAULT_SPEED).any()
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # the first item: one step per frame
    assert combo.currentData() == 1
    steps.clear()
    qtbot.waitUntil(lambda: len(steps) >= 12, timeout=20_000)
    assert np.median(np.diff([s for s, _ in steps[2:]])) == 1
    qtbot.keyClick(combo, Qt.Key.Key_End)  # as fast as possible: many steps per frame
    steps.clear()
    qtbot.waitUntil(lambda: len(steps) >= 12, timeout=20_000)
    assert np.median(np.diff([s for s, _ in steps[2:]])) > 20
    qtbot.keyClick(page.window(), Qt.Key.Key_Space)


def test_the_data_sliders_answer_the_arrow_keys(qtbot, page):
    slider = page.data_panel.noise
    slider.setFocus()
    step = page.snapshot.step
    for _ in range(3):
        qtbot.keyClick(slider, Qt.Key.Key_Right)  # not the window's "one training step"
    snap = wait_for(qtbot, page, lambda s: s.config.noise == 0.03)
    assert snap.step == step and page.data_panel.noise_label.text() == "Noise: 3"


def test_importing_regression_points_switches_to_squared_error(qtbot, window, tmp_path,
                                                               monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    page = window.playground
    path = tmp_path / "values.csv"
    path.write_text("".join(f"{x},{y},{x / 4:.2f}\n" for x in range(-3, 4) for y in (-1, 1)))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    snap = wait_for(qtbot, page, lambda s: s.task == "regression")
    assert snap.config.loss == "mse" and len(snap.train_X) + len(snap.test_X) == 14
    qtbot.waitUntil(lambda: page.controls.loss.currentData() == "mse")
    assert page.data_panel.problem.currentData() == "regression"


def test_a_reopened_session_shows_its_step_and_loss_curves(qtbot, window, tmp_path,
                                                           monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from gui.main_window import MainWindow

    page = window.playground
    full_speed(qtbot, page)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    wait_for(qtbot, page, lambda s: s.step > 2000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    saved = wait_for(qtbot, page, lambda s: not s.running)
    path = tmp_path / "later.npsession"
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, lambda *a, **k: (str(path), ""))
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    other = MainWindow()
    qtbot.addWidget(other)
    other.show()
    qtbot.waitUntil(lambda: other.playground.snapshot is not None, timeout=10_000)
    qtbot.keyClick(other, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    back = wait_for(qtbot, other.playground, lambda s: s.step == saved.step)
    assert f"{saved.step:,d}" in other.playground.controls.step_label.text()
    x, y = other.playground.loss_view.curves[("network", "train")].getData()
    np.testing.assert_array_equal(x, saved.network.history["step"])
    np.testing.assert_allclose(y, saved.network.history["train_loss"])
    assert back.epoch == saved.epoch
    other.close()
