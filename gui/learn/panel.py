"""The Learn dock: the course, the current step, its prediction, goal and hints.

The panel drives the pages only through the page interface (:mod:`gui.page`):
a step switches to its page, applies its setup, points at the control it uses,
and its goal is checked four times a second from the page's observables.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from core.settings_table import SettingError, defaults
from gui.learn.lesson_list import LessonList
from gui.learn.prediction import PredictionBox
from gui.learn.progress import Progress
from gui.learn.spotlight import Spotlight, StudentMode
from gui.page import Page

if TYPE_CHECKING:  # core.lessons loads its course reader: imported when a lesson runs
    from core.lessons.model import Lesson, Step, Text

GOAL_CHECK_MS = 250          # the goal line is checked about 4× a second
SETTLE_S = 0.3               # a step's goal is judged this long after its setup at the earliest
MIN_WIDTH = 300
# What a solution's ``steps`` counts on each page (core.lessons.model.Solution).
STEP_COUNTERS = {"playground": "step", "digits": "epoch", "descent": "steps",
                 "curve_fit": "step", "backprop": "stage"}
START_ACTIONS = ("train", "run")


def pick(text: Text | None, language: str) -> str:
    return text.get(language) if text is not None else ""


class LearnPanel(QDockWidget):
    """A dock beside whichever page is showing; it can be closed and reopened."""

    def __init__(self, pages: Mapping[str, Page], show_page: Callable[[Page], None],
                 language: str, progress: Progress | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("learnDock")
        self.setWindowTitle(self.tr("Learn"))
        self.pages, self.show_page, self.language = pages, show_page, language
        self.progress = progress or Progress()
        self.lessons: list[Lesson] = []
        self.lesson: Lesson | None = None
        self.index = 0
        self._entered_at = 0.0
        self._goal_met = False
        self._run: tuple[float, float] | None = None  # a "Show me" run: started, counter
        self.student = StudentMode()
        self.spotlight = Spotlight(parent) if parent is not None else None
        self._build_step_widgets()
        self._build_buttons()
        self.setWidget(self._build_body())
        self.timer = QTimer(self)
        self.timer.setInterval(GOAL_CHECK_MS)
        self._connect()
        self._show_empty()

    def _build_step_widgets(self) -> None:
        """The course list and the step's title, counter, text, prediction, goal and hint."""
        self.lesson_list = LessonList()
        self.lesson_list.setToolTip(self.tr("The course, in the order of the notes. "
                                            "A tick marks a lesson you finished."))
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.counter = QLabel()
        self.counter.setStyleSheet("color: #888;")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.prediction = PredictionBox()
        # The learner's widgets, named for tests and the spotlight.
        self.choices = self.prediction.choices
        self.verdict = self.prediction.verdict
        self.explanation = self.prediction.explanation
        self.explain_button = self.prediction.explain_button
        self.goal = QLabel()
        self.goal.setWordWrap(True)
        self.goal.setObjectName("lessonGoal")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #7a5a00;")

    def _build_buttons(self) -> None:
        self.hint_button = QPushButton(self.tr("Hint"))
        self.hint_button.setToolTip(self.tr("A nudge towards the goal."))
        self.show_me = QPushButton(self.tr("Show me"))
        self.show_me.setToolTip(self.tr("Apply a solution and run it, to see what reaches "
                                        "the goal."))
        self.back = QPushButton(self.tr("◂ Back"))
        self.back.setToolTip(self.tr("The step before; it sets its page up again."))
        self.next = QPushButton(self.tr("Next ▸"))
        self.next.setToolTip(self.tr("The next step. You may go on before reaching a goal."))

    def _build_body(self) -> QWidget:
        """The list above the step (which scrolls), the helper and move buttons below."""
        step_box = QWidget()
        step_layout = QVBoxLayout(step_box)
        for widget in (self.title, self.counter, self.text, self.prediction, self.goal,
                       self.hint):
            step_layout.addWidget(widget)
        step_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(step_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setMinimumWidth(MIN_WIDTH)
        layout = QVBoxLayout(body)
        layout.addWidget(self.lesson_list, 1)
        layout.addWidget(scroll, 3)
        for pair in ((self.hint_button, self.show_me), (self.back, self.next)):
            row = QHBoxLayout()
            for button in pair:
                row.addWidget(button)
            layout.addLayout(row)
        return body

    def _connect(self) -> None:
        self.timer.timeout.connect(self.refresh)
        self.prediction.answered.connect(self._on_prediction_answered)
        self.lesson_list.chosen.connect(self._on_lesson_list_chosen)
        self.hint_button.clicked.connect(self._show_hint)
        self.show_me.clicked.connect(self.apply_solution)
        self.back.clicked.connect(lambda: self.go(self.index - 1))
        self.next.clicked.connect(self._on_next_clicked)
        self.visibilityChanged.connect(self._on_visibility_changed)

    # -- the course ------------------------------------------------------------------
    def set_lessons(self, lessons: list[Lesson]) -> None:
        self.lessons = list(lessons)
        self._fill_list()

    def add_lesson(self, lesson: Lesson) -> None:
        """A teacher's own lesson: replaces one with the same id, else goes last."""
        self.lessons = [x for x in self.lessons if x.id != lesson.id] + [lesson]
        self._fill_list()
        self.start(lesson.id)

    def _fill_list(self) -> None:
        done = self.progress.done()
        rows = [(lesson.id, f"{'✓' if lesson.id in done else ''} {number}.",
                 pick(lesson.title, self.language),
                 ", ".join(c.replace("_", " ") for c in lesson.concepts))
                for number, lesson in enumerate(self.lessons, start=1)]
        self.lesson_list.show_lessons(rows, self.lesson.id if self.lesson else None)

    def _on_lesson_list_chosen(self, lesson_id: str) -> None:
        if self.lesson is None or lesson_id != self.lesson.id:
            self.start(lesson_id)

    def start(self, lesson_id: str, index: int = 0) -> None:
        lesson = next((x for x in self.lessons if x.id == lesson_id), None)
        if lesson is None:
            return
        self.lesson = lesson
        self._fill_list()
        self.go(index)

    def resume(self) -> None:
        """Back where the learner left off, else the first lesson."""
        position = self.progress.position()
        if position is not None and any(x.id == position[0] for x in self.lessons):
            self.start(*position)
        elif self.lessons:
            self.start(self.lessons[0].id)

    def leave(self) -> None:
        """Stop the lesson: give back every control, hide the highlight."""
        self.timer.stop()
        self.student.restore()
        if self.spotlight is not None:
            self.spotlight.point_at(None)

    # -- steps -----------------------------------------------------------------------
    @property
    def step(self) -> Step | None:
        if self.lesson is None or not self.lesson.steps:
            return None
        return self.lesson.steps[self.index]

    @property
    def page(self) -> Page | None:
        step = self.step
        return None if step is None else self.pages.get(step.page)

    def go(self, index: int) -> None:
        if self.lesson is None:
            return
        self.index = max(0, min(index, len(self.lesson.steps) - 1))
        step, page = self.step, self.page
        self._entered_at = time.monotonic()
        self._goal_met = False
        self._run = None
        self.progress.set_position(self.lesson.id, self.index)
        if page is not None:
            self.show_page(page)
            self._set_up(page, step)
        self._show_step(step)
        self.timer.start()
        self.refresh()

    def _set_up(self, page: Page, step: Step) -> None:
        """The page afresh: table defaults, the lesson's settings, points, weights, restart."""
        page.set_training(False)
        if not step.keep:
            setup = self.lesson.setup(self.index)
            try:
                page.apply_settings({**defaults(page.name), **setup.settings})
                page.set_points(setup.points)
                page.set_weights(setup.weights)
            except (SettingError, ValueError) as exc:  # checked when loaded; shapes may differ
                self.hint.setText(str(exc))
            if "reset" in page.actions():
                page.act("reset")
        self._guide(page, step)

    def _guide(self, page: Page, step: Step) -> None:
        """Student mode (hidden and locked controls) and the highlighted control."""
        controls = page.controls()
        self.student.apply([controls[n] for n in step.hide if n in controls],
                           [controls[n] for n in step.lock if n in controls])
        if self.spotlight is not None:
            self.spotlight.point_at(page.control_for(step.highlight) if step.highlight
                                    else None)

    def _show_step(self, step: Step) -> None:
        lesson = self.lesson
        self.title.setText(pick(lesson.title, self.language))
        self.counter.setText(self.tr("Step {0} of {1}").format(self.index + 1,
                                                                len(lesson.steps)))
        self.prediction.ask(step.prediction, self.language)
        self.hint.clear()
        self.hint_button.setEnabled(step.hint is not None)
        self.show_me.setEnabled(step.solution is not None)
        self.back.setEnabled(self.index > 0)
        self.next.setEnabled(True)
        last = self.index == len(lesson.steps) - 1
        self.next.setText(self.tr("Finish ✓") if last else self.tr("Next ▸"))

    def refresh(self) -> None:
        """The live part: text with numbers, the goal line, hints and explanations."""
        step, page = self.step, self.page
        if step is None:
            return
        from core.lessons.text import fill

        values = page.observables() if page is not None else {}
        self.text.setText(fill(pick(step.text, self.language), values))
        now = time.monotonic()
        self._check_solution_run(page, values, now)
        if step.goal is not None:
            # Never judge a frame from before the setup (one may still be on its way).
            fresh = page is None or (page.ready() and now - self._entered_at > SETTLE_S)
            met = self._goal_met or (fresh and _safe_check(step.goal, values))
            self._goal_met = met
            line = fill(pick(step.goal_text, self.language), values) or step.goal.text
            self.goal.setText(("✓ " if met else "◎ ") + line)
            self.goal.setStyleSheet("color: #2e7d32; font-weight: bold;" if met
                                    else "color: #0877bd;")
            self.goal.show()
        else:
            self.goal.hide()
        if step.hint is not None and not self.hint.text() and \
                now - self._entered_at > step.hint_after and not self._goal_met:
            self._show_hint()
        self.prediction.explain_when_seen(self._goal_met)
        if self.spotlight is not None:
            self.spotlight.follow()

    @property
    def goal_met(self) -> bool:
        return self._goal_met

    # -- the learner's actions --------------------------------------------------------
    def _on_prediction_answered(self, choice: int) -> None:
        self.progress.record(self.lesson.id, self.index + 1, choice + 1,
                             self.prediction.correct)

    def _show_hint(self) -> None:
        step = self.step
        if step is not None:
            self.hint.setText(self.tr("Hint: {0}").format(pick(step.hint, self.language)))

    def apply_solution(self) -> None:
        """"Show me": the step's solution on its page, its actions, then a bounded run."""
        step, page = self.step, self.page
        if step is None or page is None or step.solution is None:
            return
        solution = step.solution
        self.student.restore()  # the solution may use a control the learner could not
        try:
            page.apply_settings(solution.settings)
            for action in solution.actions:
                page.act(action)
        except (SettingError, ValueError) as exc:
            self.hint.setText(str(exc))
            return
        if solution.steps > 0 and page.advance(solution.steps):
            return
        trains = any(a in START_ACTIONS for a in solution.actions)
        if trains or solution.train_seconds > 0 or solution.steps > 0:
            counter = page.observables().get(STEP_COUNTERS.get(page.name, "step")) or 0
            self._run = (time.monotonic(), counter)
            page.set_training(True)

    def _check_solution_run(self, page: Page | None, values, now: float) -> None:
        """Stop a "Show me" run when its time or its steps are used up."""
        if self._run is None or page is None or self.step.solution is None:
            return
        solution = self.step.solution
        started, counter = self._run
        done = (now - started >= solution.train_seconds) if solution.train_seconds > 0 \
            else False
        if solution.steps > 0:
            done = done or (values.get(STEP_COUNTERS.get(page.name, "step")) or 0) \
                - counter >= solution.steps
        if done:
            self._run = None
            page.set_training(False)

    def _on_next_clicked(self) -> None:
        if self.lesson is None:
            return
        if self.index < len(self.lesson.steps) - 1:
            self.go(self.index + 1)
            return
        self.progress.mark_done(self.lesson.id)
        at = next(i for i, x in enumerate(self.lessons) if x.id == self.lesson.id)
        self.leave()
        if at + 1 < len(self.lessons):
            self.start(self.lessons[at + 1].id)
        else:
            self._fill_list()

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.progress.mark_seen()
            if self.step is not None and self.page is not None:
                self._guide(self.page, self.step)
                self.timer.start()
        else:
            self.leave()

    def _show_empty(self) -> None:
        self.title.setText(self.tr("Choose a lesson"))
        self.text.setText(self.tr("Pick a lesson above. Each one sets up a page, asks you "
                                  "to predict what will happen, and gives you a goal."))
        self.prediction.ask(None, self.language)
        self.goal.hide()
        for button in (self.hint_button, self.show_me, self.back, self.next):
            button.setEnabled(False)


def _safe_check(goal, values) -> bool:
    """A goal over values the page does not have yet (no snapshot) is simply not met."""
    try:
        return bool(goal(values))
    except (KeyError, TypeError, ValueError):
        return False
