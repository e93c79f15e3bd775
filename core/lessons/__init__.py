"""Lessons: a guided course stored as TOML files (issue 17), numpy + stdlib only.

API (stable; the Learn panel codes against it)
----------------------------------------------
Loading::

    load_course(directory=COURSE_DIR) -> Course      # never raises; broken files -> problems
    Course.lessons: tuple[Lesson, ...]                # file-name order (NN-slug.toml)
    Course.problems: tuple[Problem, ...]              # str(p) == "file:line: reason"
    Course.find(lesson_id) -> Lesson | None
    read_lesson(path) -> Lesson                       # LessonError(.problems) if refused
    parse_lesson(source, path="<lesson>") -> Lesson   # same, from TOML text
    check_lesson_file(path) -> list[Problem]          # [] when the file is fine

The model (frozen dataclasses, ``core.lessons.model``)::

    Lesson(id, title: Text, concepts: tuple[str], steps: tuple[Step], path, minutes)
        .setup(i) -> Setup(page, settings, points, weights)   # what entering step i applies
    Step(page, text: Text, line, keep, settings, points, weights, hide, lock, highlight,
         prediction: Prediction | None, goal: Condition | None, goal_text: Text | None,
         hint: Text | None, hint_after: float (s), solution: Solution | None)
    Text(en, zh).get(language)              # "zh_CN" -> Chinese, else English
    Prediction(question: Text, choices: tuple[Choice(text: Text, correct)], explanation)
        .correct_index
    Solution(settings, actions: tuple[str], train_seconds: float, steps: int)
    Condition(values: Mapping[str, float | bool | str]) -> bool;  .names, .text

Entering a step (unless ``keep``): reset the page to its settings table's defaults,
apply ``setup.settings`` (then points / weights), restart the model; hide / lock the
listed settings' controls; highlight ``highlight``'s control.

Live values: ``observables.names(page)`` -> {name: kind} — the page's OBSERVABLES
plus its scalar settings; a page passes a mapping with those values to
``fill(text, values)`` and to ``step.goal(values)``.  ``observables.ACTIONS[page]``
are the solution's action names.  ``observables.regime(path)`` and
``observables.minimum(curve, w)`` / ``surface_minimum(surface, point)`` compute the
descent lab's text values (of the walk so far: the path up to the step shown).

Answers: ``AnswerRecord.now(lesson, step, answer, correct)`` (step and answer from 1),
``answers_csv(records) -> str``, ``read_answers_csv(text)``.

Concepts: ``CONCEPTS`` {key: (English, Chinese)} in the notes' order.
"""

from core.lessons.concepts import CONCEPTS
from core.lessons.course import COURSE_DIR, Course, load_course
from core.lessons.model import Choice, Lesson, Prediction, Problem, Setup, Solution, Step, Text
from core.lessons.observables import ACTIONS, OBSERVABLES, Observable, names
from core.lessons.parse import LessonError, check_lesson_file, parse_lesson, read_lesson
from core.lessons.progress import AnswerRecord, answers_csv, read_answers_csv
from core.lessons.text import fill
from core.util.expression import Condition

__all__ = [
    "ACTIONS", "CONCEPTS", "COURSE_DIR", "OBSERVABLES", "AnswerRecord", "Choice", "Condition",
    "Course", "Lesson", "LessonError", "Observable", "Prediction", "Problem", "Setup",
    "Solution", "Step", "Text", "answers_csv", "check_lesson_file", "fill", "load_course",
    "names", "parse_lesson", "read_answers_csv", "read_lesson",
]
