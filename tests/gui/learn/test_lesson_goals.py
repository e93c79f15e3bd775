"""Every shipped goal is honest: not met after its setup, met after its solution.

One window for the whole course (a window per step would spend the time
budget on start-ups); each step is entered through the Learn panel exactly as
a learner enters it, and its solution runs through "Show me".
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QSettings, Qt

from core.lessons.course import load_course

COURSE = load_course()
GOAL_STEPS = [(lesson, index) for lesson in COURSE.lessons
              for index, step in enumerate(lesson.steps) if step.goal is not None]
SETTLE_S = 0.6          # after the setup shows: the goal must stay unmet this long
MARGIN_S = 8.0          # beyond the solution's own time, for a loaded machine
STEPS_BOUND_S = 30.0    # a solution counted in steps gets at most this long


@pytest.fixture(scope="module")
def course_window(qapp):
    from gui.main_window import MainWindow

    QSettings().remove("learn")
    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    deadline = time.monotonic() + 10
    while window.playground.snapshot is None and time.monotonic() < deadline:
        qapp.processEvents()
    window.learn.open_panel()
    yield window
    window.close()
    QSettings().remove("learn")
    assert not window.playground.controller.is_running(), "training worker left running"


def test_the_shipped_course_loads_whole():
    assert COURSE.problems == ()
    assert GOAL_STEPS, "the course has goals to check"


@pytest.mark.parametrize(("lesson", "index"), GOAL_STEPS,
                         ids=[f"{lesson.id}-{index + 1}" for lesson, index in GOAL_STEPS])
def test_goal_is_unmet_after_setup_and_met_after_solution(course_window, qtbot, lesson,
                                                          index):
    panel = course_window.learn.panel
    step = lesson.steps[index]
    panel.start(lesson.id, index)
    page = panel.page
    assert page is not None and page.name == step.page
    qtbot.waitUntil(lambda: page.ready() and bool(page.observables()), timeout=15_000)
    qtbot.wait(int(SETTLE_S * 1000))
    assert not panel.goal_met, f"{lesson.path}:{step.line}: goal met before trying"
    assert step.solution is not None, f"{lesson.path}:{step.line}: a goal needs a solution"
    qtbot.mouseClick(panel.show_me, Qt.MouseButton.LeftButton)
    solution = step.solution
    bound = (solution.train_seconds if solution.train_seconds > 0 else
             STEPS_BOUND_S if solution.steps > 0 else 0.0) + MARGIN_S
    started = time.monotonic()
    qtbot.waitUntil(lambda: panel.goal_met, timeout=int(bound * 1000))
    took = time.monotonic() - started
    print(f"{lesson.id} step {index + 1}: goal met after {took:.1f} s")
    page.set_training(False)


def test_a_lesson_sets_up_a_trained_digits_model_without_asking(qtbot, window, monkeypatch):
    """A person changing the architecture of a trained model is asked; a lesson's set-up,
    which the learner asked for, is not (a question there blocked the lesson)."""
    from PySide6.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or
                        QMessageBox.StandardButton.No)
    panel = window.digits.training
    panel.snapshot = type("Trained", (), {"step": 500, "config": panel.config})()
    window.learn.pages["digits"].apply_settings({"hidden": (16, 16)})
    assert asked == [] and panel.config.hidden == (16, 16)
    panel.configure({"hidden": (32,)})
    assert len(asked) == 1
