"""The whole course: every lesson file of a folder, broken ones refused one by one."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from core.lessons.model import Lesson, Problem
from core.lessons.parse import LessonError, read_lesson

COURSE_DIR = Path(__file__).resolve().parents[2] / "resources" / "lessons"
MAX_FILES = 200


@dataclass(frozen=True)
class Course:
    """The lessons that loaded, in file-name order, and the problems of those that did not."""

    lessons: tuple[Lesson, ...]
    problems: tuple[Problem, ...]

    def find(self, lesson_id: str) -> Lesson | None:
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)


def load_course(directory: str | os.PathLike = COURSE_DIR) -> Course:
    """Every ``*.toml`` lesson in ``directory``; a broken file is skipped with its reasons."""
    folder = Path(directory)
    try:
        files = sorted(p for p in folder.iterdir() if p.suffix == ".toml" and p.is_file())
    except OSError as exc:
        return Course((), (Problem(str(folder), 1, f"cannot read it: {exc.strerror or exc}"),))
    lessons: list[Lesson] = []
    problems: list[Problem] = []
    if len(files) > MAX_FILES:
        problems.append(Problem(str(folder), 1, f"more than {MAX_FILES} lessons; the rest "
                                                "were not read"))
    for path in files[:MAX_FILES]:
        try:
            lesson = read_lesson(path)
        except LessonError as exc:
            problems.extend(exc.problems)
            continue
        if any(other.id == lesson.id for other in lessons):
            problems.append(Problem(str(path), 1, f"another lesson already has id {lesson.id!r}"))
            continue
        lessons.append(lesson)
    return Course(tuple(lessons), tuple(problems))
