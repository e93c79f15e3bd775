"""Read and validate lesson files; every problem is reported as ``file:line: reason``.

A file is read only if it is small enough, then parsed with ``tomllib``;
every key is checked against the lesson format, settings against the page's
settings table, goals and text placeholders against the page's observables
(``core.lessons.observables``).  All problems of a file are collected, so a
teacher fixes them in one go; a file with any problem is refused whole.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from typing import Any

from core.lessons.concepts import CONCEPTS
from core.lessons.fields import MAX_LIST, FieldChecker, Where
from core.lessons.model import Choice, Lesson, Prediction, Problem, Solution, Step
from core.lessons.observables import ACTIONS, names
from core.settings_table import PAGES

MAX_FILE_BYTES = 64_000
MAX_STEPS = 12
MAX_TRAIN_SECONDS = 20.0
MAX_SOLUTION_STEPS = 10_000
HINT_AFTER = (5.0, 600.0)
MINUTES = (0.5, 15.0)
_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
_LESSON_KEYS = ("id", "title", "concepts", "minutes", "steps")
_STEP_KEYS = ("page", "keep", "text", "settings", "points", "weights", "hide", "lock",
              "highlight", "prediction", "goal", "goal_text", "hint", "hint_after", "solution")
_SOLUTION_KEYS = ("settings", "actions", "train_seconds", "steps")
_TOML_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)")


class LessonError(ValueError):
    """A refused lesson file; ``problems`` holds every ``file:line: reason``."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = tuple(problems)


def read_lesson(path: str | os.PathLike) -> Lesson:
    """The lesson in the file at ``path``, or LessonError with every problem."""
    name = os.fspath(path)
    try:
        if os.path.getsize(name) > MAX_FILE_BYTES:
            raise LessonError([Problem(name, 1, f"the file is larger than {MAX_FILE_BYTES:,} "
                                                "bytes; split the lesson")])
        with open(name, "rb") as file:
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise LessonError([Problem(name, 1, f"cannot read it: {exc.strerror or exc}")]) from None
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise LessonError([Problem(name, line, "not UTF-8 text")]) from None
    return parse_lesson(source, name)


def check_lesson_file(path: str | os.PathLike) -> list[Problem]:
    """Every problem of the lesson file at ``path`` (empty: the lesson is fine)."""
    try:
        read_lesson(path)
    except LessonError as exc:
        return list(exc.problems)
    return []


def parse_lesson(source: str, path: str = "<lesson>") -> Lesson:
    """The lesson in TOML ``source`` (``path`` names it in problems)."""
    if len(source.encode("utf-8")) > MAX_FILE_BYTES:
        raise LessonError([Problem(path, 1, f"the file is larger than {MAX_FILE_BYTES:,} bytes")])
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_LINE.search(message)
        line = int(found.group(1)) if found else 1
        reason = _TOML_LINE.sub("", message)
        raise LessonError([Problem(path, line, f"not valid TOML: {reason}")]) from None
    except RecursionError:
        raise LessonError([Problem(path, 1, "values are nested too deeply")]) from None
    checker = _Checker(source, path)
    lesson = checker.lesson(data)
    if checker.problems or lesson is None:
        raise LessonError(sorted(checker.problems, key=lambda p: p.line))
    return lesson


class _Checker(FieldChecker):
    """Builds a Lesson from the parsed TOML, noting each problem with its line."""

    # -- the lesson ------------------------------------------------------------------
    def lesson(self, data: dict) -> Lesson | None:
        self.keys(data, _LESSON_KEYS, ())
        lesson_id = data.get("id")
        if not isinstance(lesson_id, str) or not _ID.fullmatch(lesson_id):
            self.fail(("id",), "id must be lower-case letters, digits and '-', e.g. "
                               "'xor-needs-hidden-layers'")
        title = self.text(data.get("title"), ("title",), None)
        concepts = data.get("concepts", [])
        if not isinstance(concepts, list) or not concepts or \
                any(not isinstance(c, str) or c not in CONCEPTS for c in concepts):
            self.fail(("concepts",), f"concepts must list some of: {', '.join(CONCEPTS)}")
            concepts = []
        minutes = self.number(data.get("minutes", 3.0), ("minutes",), *MINUTES)
        raw_steps = data.get("steps")
        if not isinstance(raw_steps, list) or not raw_steps or \
                not all(isinstance(s, dict) for s in raw_steps):
            self.fail(("steps",), "a lesson needs [[steps]]")
            return None
        if len(raw_steps) > MAX_STEPS:
            self.fail(("steps", MAX_STEPS), f"at most {MAX_STEPS} steps; split the lesson")
            return None
        steps: list[Step | None] = []
        page = None
        for i, raw in enumerate(raw_steps):   # go on after a bad step: report every problem
            steps.append(self.step(raw, i, page))
            page = raw.get("page", page)
            if page not in PAGES:   # the steps after it cannot be checked against a page
                break
        if self.problems or title is None or minutes is None or None in steps:
            return None
        lesson = Lesson(lesson_id, title, tuple(concepts), tuple(steps), self.path, minutes)
        for i, step in enumerate(lesson.steps):
            if step.weights:
                self.weight_shapes(step.weights, lesson.setup(i).settings, ("steps", i, "weights"))
        return None if self.problems else lesson

    # -- one step --------------------------------------------------------------------
    def step(self, raw: dict, i: int, previous: str | None) -> Step | None:
        """Step ``i``; ``previous`` is the page of the step before it."""
        where: Where = ("steps", i)
        self.keys(raw, _STEP_KEYS, where)
        page = raw.get("page", previous)
        if page not in PAGES:
            self.fail((*where, "page") if "page" in raw else where,
                      f"unknown page {page!r}: use one of {', '.join(PAGES)}" if page
                      else "the first step needs a page")
            return None
        keep = self.keep(raw, page, previous, where)
        kinds = names(page)
        fields: dict[str, Any] = {
            "page": page, "keep": keep, "line": self.lines.of(*where),
            "text": self.text(raw.get("text"), (*where, "text"), kinds),
            "settings": self.settings(raw.get("settings", {}), page, (*where, "settings")),
            "hide": self.setting_names(raw.get("hide", []), page, (*where, "hide")),
            "lock": self.setting_names(raw.get("lock", []), page, (*where, "lock")),
            **self.optional_fields(raw, page, where, kinds),
        }
        if any(value is None for value in fields.values()):
            return None
        return Step(**fields)

    def keep(self, raw: dict, page: str, previous: str | None, where: Where) -> bool:
        """Whether the step continues the previous one (which then gives no set-up)."""
        keep = raw.get("keep", False)
        if not isinstance(keep, bool):
            self.fail((*where, "keep"), "keep must be true or false")
            return False
        if keep:
            if previous != page:
                self.fail((*where, "keep"), "keep = true continues the previous step's page")
            for key in ("settings", "points", "weights", "goal"):
                if key in raw:
                    self.fail((*where, key), f"a step with keep = true has no {key}: it "
                                             "continues where the learner left off")
        return keep

    def optional_fields(self, raw: dict, page: str, where: Where,
                        kinds: Mapping) -> dict[str, Any]:
        """The step's fields that may be left out, each checked by its own reader."""
        readers: dict[str, Any] = {
            "highlight": lambda v, w: (self.setting_names([v], page, w) or [""])[0],
            "points": lambda v, w: self.points(v, page, w),
            "weights": lambda v, w: self.weights(v, page, w),
            "prediction": lambda v, w: self.prediction(v, w, kinds),
            "goal_text": lambda v, w: self.text(v, w, kinds),
            "hint": lambda v, w: self.text(v, w, kinds),
            "hint_after": lambda v, w: self.number(v, w, *HINT_AFTER),
            "goal": lambda v, w: self.goal(v, kinds, w),
            "solution": lambda v, w: self.solution(v, page, w),
        }
        fields = {key: read(raw[key], (*where, key))
                  for key, read in readers.items() if key in raw}
        if "goal" in raw and "solution" not in raw:
            self.fail((*where, "goal"), "a goal needs a [steps.solution] that reaches it")
        if "solution" in raw and "goal" not in raw:
            self.fail((*where, "solution"), "a solution needs a goal to reach")
        return fields

    # -- values ----------------------------------------------------------------------
    def prediction(self, value: Any, where: Where, kinds: Mapping) -> Prediction | None:
        if not isinstance(value, dict):
            self.fail(where, "prediction is a table: [steps.prediction]")
            return None
        self.keys(value, ("question", "choices", "explanation"), where)
        question = self.text(value.get("question"), (*where, "question"), kinds)
        explanation = self.text(value.get("explanation"), (*where, "explanation"), kinds)
        raw = value.get("choices")
        if not isinstance(raw, list) or not 2 <= len(raw) <= 4 or \
                not all(isinstance(c, dict) for c in raw):
            self.fail((*where, "choices"), "a prediction has 2–4 [[steps.prediction.choices]]")
            return None
        choices = []
        for k, item in enumerate(raw):
            correct = item.get("correct", False)
            if not isinstance(correct, bool):
                self.fail((*where, "choices", k, "correct"), "correct must be true or false")
            text = self.text({key: v for key, v in item.items() if key != "correct"},
                             (*where, "choices"), kinds)
            choices.append(Choice(text, correct is True) if text else None)
        if sum(c is not None and c.correct for c in choices) != 1:
            self.fail((*where, "choices"), "exactly one choice has correct = true")
            return None
        if question is None or explanation is None or None in choices:
            return None
        return Prediction(question, tuple(choices), explanation)

    def solution(self, value: Any, page: str, where: Where) -> Solution | None:
        if not isinstance(value, dict) or not value:
            self.fail(where, "solution is a table: settings, actions, train_seconds or steps")
            return None
        self.keys(value, _SOLUTION_KEYS, where)
        settings = self.settings(value.get("settings", {}), page, (*where, "settings"))
        actions = value.get("actions", [])
        allowed = ACTIONS[page]
        if not isinstance(actions, list) or len(actions) > MAX_LIST or \
                any(not isinstance(a, str) or a not in allowed for a in actions):
            self.fail((*where, "actions"), f"actions on page {page}: {', '.join(allowed)}")
            actions = None
        seconds = self.number(value.get("train_seconds", 0), (*where, "train_seconds"),
                              0, MAX_TRAIN_SECONDS)
        steps = value.get("steps", 0)
        if isinstance(steps, bool) or not isinstance(steps, int) or \
                not 0 <= steps <= MAX_SOLUTION_STEPS:
            self.fail((*where, "steps"), f"steps must be a whole number, 0–{MAX_SOLUTION_STEPS}")
            steps = None
        if settings is None or actions is None or seconds is None or steps is None:
            return None
        if not (settings or actions or seconds or steps):
            self.fail(where, "the solution does nothing: give settings, actions, "
                             "train_seconds or steps")
            return None
        return Solution(settings, tuple(actions), seconds, steps)
