"""The Learn panel driven with real clicks on the real window (issue 17)."""

from __future__ import annotations

import csv
import time
import tomllib

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox

from core.lessons.observables import names
from core.lessons.parse import parse_lesson
from core.settings_table import SettingError

LESSON = """
id = "test-xor"
title.en = "Test: one line"
title.zh = "测试：一条直线"
concepts = ["hidden_layers"]

[[steps]]
page = "playground"
settings = { dataset = "xor", hidden = [], learning_rate = 0.1 }
lock = ["dataset"]
hide = ["dropout"]
highlight = "hidden"
text.en = "No hidden layer. Test accuracy {test_accuracy:.0%}."
text.zh = "没有隐藏层。测试准确率 {test_accuracy:.0%}。"

[steps.prediction]
question.en = "What will one line reach?"
question.zh = "一条直线能达到多少？"
explanation.en = "About half: one line cannot split xor."
explanation.zh = "大约一半：一条直线分不开异或。"

[[steps.prediction.choices]]
en = "About 50 %"
zh = "大约 50%"
correct = true

[[steps.prediction.choices]]
en = "Close to 100 %"
zh = "接近 100%"

[[steps]]
text.en = "Add a hidden layer."
text.zh = "加一个隐藏层。"
goal = "test_accuracy >= 0.9 and layers >= 1"
goal_text.en = "test accuracy {test_accuracy:.0%} — goal ≥ 90 %"
goal_text.zh = "测试准确率 {test_accuracy:.0%} —— 目标 ≥ 90%"
hint.en = "Click + above the network."
hint.zh = "点击网络上方的 +。"
hint_after = 5

[steps.solution]
settings = { hidden = [4] }
actions = ["reset"]
train_seconds = 4
"""


@pytest.fixture
def fresh_progress(qapp):
    QSettings().remove("learn")
    yield
    QSettings().remove("learn")


@pytest.fixture
def panel(window, qtbot, tmp_path, monkeypatch, fresh_progress):
    """The window with the test lesson opened through File → Open lesson…."""
    path = tmp_path / "test-xor.toml"
    path.write_text(LESSON, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    _menu_action(window, "File", "Open lesson…").trigger()
    panel = window.learn.panel
    qtbot.waitUntil(lambda: panel.isVisible() and panel.lesson is not None, timeout=5000)
    qtbot.waitUntil(lambda: window.learn.pages["playground"].ready(), timeout=10_000)
    return panel


def _menu_action(window, menu_title: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions()
                if a.text().replace("&", "") == menu_title)
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_help_lessons_opens_and_closes_the_dock(window, qtbot, fresh_progress):
    panel = window.learn.panel
    assert not panel.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(panel.isVisible, timeout=3000)
    assert _menu_action(window, "Help", "Lessons").shortcut().toString() == "Ctrl+L"
    assert panel.lesson_list.count() == len(window.learn.panel.lessons) > 0
    assert QSettings().value("learn/seen", "", type=str) == "true"  # no second auto-open
    panel.close()
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=3000)


def test_a_step_sets_up_its_page_and_points_at_its_control(window, panel, qtbot):
    page = window.playground
    assert window.tabs.currentWidget() is page
    assert page.config.dataset == "xor" and page.config.hidden == ()
    assert "Step 1 of 2" in panel.counter.text()
    qtbot.waitUntil(lambda: "%" in panel.text.text(), timeout=5000)  # live number filled in
    spot = panel.spotlight
    qtbot.waitUntil(spot.isVisible, timeout=3000)
    corner = page.architecture.mapTo(window, QPoint(0, 0))
    assert spot.geometry().contains(corner)
    assert spot.geometry().width() >= page.architecture.width()
    # Student mode: the data set is locked and dropout hidden while the step runs.
    assert not page.data_panel.datasets.isEnabled()
    assert not page.controls.dropout.isVisible()
    # Leaving the lesson (closing the panel) gives every control back.
    close = next(b for b in panel.findChildren(QAbstractButton)
                 if b.objectName() == "qt_dockwidget_closebutton")
    _click(qtbot, close)
    qtbot.waitUntil(lambda: not panel.isVisible(), timeout=3000)
    assert page.data_panel.datasets.isEnabled() and page.controls.dropout.isVisible()
    assert not spot.isVisible()


def test_predict_answer_is_recorded_then_explained(window, panel, qtbot):
    choices = panel.choices
    assert [c.isVisible() for c in choices] == [True, True, False, False]
    assert not panel.explanation.text()
    _click(qtbot, choices[1])  # the wrong one
    assert all(not c.isEnabled() for c in choices)
    assert "recorded" in panel.verdict.text()
    _click(qtbot, choices[0])  # a second answer is not taken
    answers = panel.progress.answers()
    assert [(a.lesson, a.step, a.answer, a.correct) for a in answers] == [
        ("test-xor", 1, 2, False)]
    _click(qtbot, panel.explain_button)
    assert "About half" in panel.explanation.text()
    assert "✗" in panel.verdict.text() and "About 50 %" in panel.verdict.text()


def test_next_back_hint_and_show_me(window, panel, qtbot):
    page = window.playground
    _click(qtbot, panel.next)
    assert "Step 2 of 2" in panel.counter.text()
    assert panel.back.isEnabled() and not panel.prediction.isVisible()
    # Leaving step 1 gives its locked and hidden controls back.
    assert page.data_panel.datasets.isEnabled() and page.controls.dropout.isVisibleTo(page)
    assert not panel.hint.text()
    _click(qtbot, panel.hint_button)
    assert "Click + above the network." in panel.hint.text()
    qtbot.waitUntil(lambda: "goal ≥ 90 %" in panel.goal.text(), timeout=3000)
    assert not panel.goal_met and panel.goal.text().startswith("◎")
    _click(qtbot, panel.show_me)
    qtbot.waitUntil(lambda: panel.goal_met, timeout=15_000)
    assert panel.goal.text().startswith("✓")
    values = window.learn.pages["playground"].observables()
    assert values["layers"] == 1 and page.config.hidden == (4,)
    _click(qtbot, panel.back)
    assert "Step 1 of 2" in panel.counter.text()
    assert panel.prediction.isVisible() and all(c.isEnabled() for c in panel.choices[:2])


def test_finishing_ticks_the_lesson_and_export_writes_the_answers(
        window, panel, qtbot, tmp_path, monkeypatch):
    _click(qtbot, panel.choices[0])
    _click(qtbot, panel.next)
    assert panel.next.text() == "Finish ✓"
    _click(qtbot, panel.next)
    assert "test-xor" in panel.progress.done()
    items = [panel.lesson_list.item(i) for i in range(panel.lesson_list.count())]
    assert any(item.text(0).startswith("✓") and "Test: one line" in item.text(1)
               for item in items)
    out = tmp_path / "answers.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _menu_action(window, "File", "Export lesson answers (CSV)…").trigger()
    rows = list(csv.reader(out.read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["lesson", "step", "answer", "correct", "time"]
    assert rows[1][:4] == ["test-xor", "1", "1", "yes"]


def test_clicking_a_lesson_in_the_list_starts_it(window, panel, qtbot):
    shipped = panel.lessons[0]
    assert shipped.id != "test-xor"
    panel.lesson_list.scrollToItem(panel.lesson_list.item(0))  # as the learner scrolls up
    rect = panel.lesson_list.visualItemRect(panel.lesson_list.item(0))
    qtbot.mouseClick(panel.lesson_list.viewport(), Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert panel.lesson.id == shipped.id and panel.index == 0
    assert panel.title.text() == shipped.title.en


def test_a_broken_lesson_file_is_refused_with_file_and_line(window, qtbot, tmp_path,
                                                            monkeypatch, fresh_progress):
    path = tmp_path / "broken.toml"
    path.write_text(LESSON.replace('hidden = [4]', 'hidden = [4], warp = 9'), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    _menu_action(window, "File", "Open lesson…").trigger()
    assert len(shown) == 1 and f"{path}:" in shown[0] and "warp" in shown[0]
    ids = [lesson.id for lesson in window.learn.panel.lessons]
    assert "test-xor" not in ids and len(ids) == len(set(ids)) > 0  # the course still loads


def test_save_this_setup_writes_a_step_that_parses_back(window, qtbot, tmp_path,
                                                        monkeypatch):
    page = window.learn.pages["playground"]
    page.apply_settings({"dataset": "spiral", "hidden": (6, 3), "learning_rate": 0.3})
    qtbot.waitUntil(page.ready, timeout=10_000)
    out = tmp_path / "step.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _menu_action(window, "File", "Save this setup as a lesson step…").trigger()
    step = tomllib.loads(out.read_text(encoding="utf-8"))["steps"][0]
    assert step["page"] == "playground"
    assert step["settings"]["dataset"] == "spiral"
    assert step["settings"]["hidden"] == [6, 3]
    assert step["settings"]["learning_rate"] == pytest.approx(0.3)
    header = 'id = "saved"\ntitle.en = "S"\ntitle.zh = "S"\nconcepts = ["neuron"]\n'
    lesson = parse_lesson(header + out.read_text(encoding="utf-8"), str(out))
    assert lesson.steps[0].settings["hidden"] == (6, 3)


def test_apply_settings_is_all_or_nothing(window, qtbot):
    pages = window.learn.pages
    before = dict(pages["playground"].settings())
    with pytest.raises(SettingError, match="learning_rate"):
        pages["playground"].apply_settings({"hidden": (2,), "learning_rate": 1e9})
    qtbot.wait(300)
    assert pages["playground"].settings() == before
    descent = pages["descent"]
    descent.apply_settings({"curve": "double_well", "learning_rate": 0.05, "start_w": 0.0})
    values = descent.observables()
    assert values["curve"] == "double_well" and values["learning_rate"] == pytest.approx(
        0.05, rel=0.01)
    for name, page in pages.items():
        for setting, control in page.controls().items():
            assert page.control_for(setting) is control, (name, setting)


def test_every_page_saves_a_setup_the_lesson_reader_accepts(window, qtbot, tmp_path,
                                                            monkeypatch):
    header = 'id = "saved"\ntitle.en = "S"\ntitle.zh = "S"\nconcepts = ["neuron"]\n'
    for index, (name, page) in enumerate(window.learn.pages.items()):
        qtbot.mouseClick(window.tabs.tabBar(), Qt.MouseButton.LeftButton,
                         pos=window.tabs.tabBar().tabRect(index).center())
        assert window.learn.current_page() is page
        out = tmp_path / f"{name}.toml"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, o=out, **k: (str(o), ""))
        _menu_action(window, "File", "Save this setup as a lesson step…").trigger()
        lesson = parse_lesson(header + out.read_text(encoding="utf-8"), str(out))
        step = lesson.steps[0]
        assert step.page == name
        saved = page.settings()
        assert all(saved[k] == pytest.approx(v) if isinstance(v, float) else saved[k] == v
                   for k, v in step.settings.items()), name
        if page.points() is not None:
            assert len(step.points) == len(page.points())


def test_the_hint_comes_by_itself_after_a_while(window, panel, qtbot):
    _click(qtbot, panel.next)
    entered = time.monotonic()
    qtbot.wait(3000)
    assert not panel.hint.text()
    qtbot.waitUntil(lambda: bool(panel.hint.text()), timeout=6000)
    assert time.monotonic() - entered >= 5
    assert "Click + above the network." in panel.hint.text()


def test_the_panel_opens_by_itself_on_the_first_start_only(window, qtbot, fresh_progress):
    learn = window.learn
    learn.open_on_first_start()
    qtbot.waitUntil(learn.panel.isVisible, timeout=3000)
    learn.panel.close()
    qtbot.waitUntil(lambda: not learn.panel.isVisible(), timeout=3000)
    learn.open_on_first_start()
    qtbot.wait(200)
    assert not learn.panel.isVisible()


def test_every_page_reports_every_name_its_lessons_may_use(window, qtbot):
    """The page interface keeps the contract of core/lessons/observables.py."""
    only_1d, only_2d = {"w", "slope", "regime"}, {"w1", "w2"}
    for name, page in window.learn.pages.items():
        qtbot.waitUntil(lambda p=page: bool(p.observables()), timeout=15_000)
        declared = set(names(name))
        missing = declared - set(page.observables())
        if name == "descent":
            assert missing <= only_2d, missing
            page.apply_settings({"mode": "2d"})
            missing = declared - set(page.observables())
            assert missing <= only_1d, missing
        else:
            assert not missing, (name, missing)


def test_an_edited_playground_saves_its_points(window, qtbot, tmp_path, monkeypatch):
    page = window.learn.pages["playground"]
    assert page.points() is None  # generated points: the settings and seed make them again
    view = window.playground.network_boundary
    qtbot.waitUntil(lambda: window.playground.snapshot is not None, timeout=10_000)
    before = len(window.playground.snapshot.train_X) + len(window.playground.snapshot.test_X)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.viewport().rect().center())
    qtbot.waitUntil(lambda: len(page.points() or ()) == before + 1, timeout=10_000)
    out = tmp_path / "edited.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    _menu_action(window, "File", "Save this setup as a lesson step…").trigger()
    assert len(tomllib.loads(out.read_text(encoding="utf-8"))["steps"][0]["points"]) == before + 1
