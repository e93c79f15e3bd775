"""The shipped course: every lesson parses, is bilingual, and covers the notes in order."""

from __future__ import annotations

import re
from dataclasses import fields
from pathlib import Path

import pytest

from core.cli import run
from core.lessons import CONCEPTS, COURSE_DIR, OBSERVABLES, Text, load_course, names
from core.lessons.parse import (
    _LESSON_KEYS,
    _SOLUTION_KEYS,
    _STEP_KEYS,
    MAX_SOLUTION_STEPS,
    parse_lesson,
)
from core.lessons.reference import reference
from core.lessons.text import placeholders
from core.settings_table import PAGES, table

COURSE = load_course()
CJK = re.compile(r"[\u4e00-\u9fff]")


def texts(value):
    """Every Text inside a lesson, step, prediction or choice."""
    if isinstance(value, Text):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from texts(item)
    elif hasattr(value, "__dataclass_fields__"):
        for field in fields(value):
            yield from texts(getattr(value, field.name))


def test_every_shipped_lesson_loads():
    assert COURSE.problems == ()
    assert len(COURSE.lessons) >= 20


def test_files_are_numbered_in_order_and_named_after_their_id():
    stems = [Path(lesson.path).stem for lesson in COURSE.lessons]
    assert stems == [f"{i:02d}-{lesson.id}" for i, lesson in enumerate(COURSE.lessons, 1)]
    assert sorted(p.name for p in COURSE_DIR.glob("*.toml")) == [s + ".toml" for s in stems]


@pytest.mark.parametrize("lesson", COURSE.lessons, ids=lambda lesson: lesson.id)
def test_every_text_is_in_english_and_chinese(lesson):
    found = list(texts(lesson))
    assert len(found) >= 3 * len(lesson.steps) // 2
    for text in found:
        assert text.en.strip() and not CJK.search(text.en), text.en
        # Chinese, unless the text is only numbers such as a choice "13,002".
        assert CJK.search(text.zh) or (text.zh == text.en and not re.search("[A-Za-z]", text.en))
        # Both languages show the same live values.
        assert sorted(placeholders(text.en)) == sorted(placeholders(text.zh)), text.en


@pytest.mark.parametrize("lesson", COURSE.lessons, ids=lambda lesson: lesson.id)
def test_predictions_and_goals(lesson):
    for step in lesson.steps:
        if step.prediction:
            assert 2 <= len(step.prediction.choices) <= 4
            assert sum(c.correct for c in step.prediction.choices) == 1
            assert step.prediction.explanation.en and step.prediction.explanation.zh
        if step.goal:
            assert step.hint is not None and step.goal_text is not None
            solution = step.solution
            assert solution.settings or solution.actions or solution.steps
            assert step.solution.steps <= MAX_SOLUTION_STEPS
            assert step.goal.names <= set(names(step.page))
    assert lesson.minutes <= 5


def test_most_lessons_predict_then_observe():
    both = [lesson for lesson in COURSE.lessons
            if any(s.prediction for s in lesson.steps) and any(s.goal for s in lesson.steps)]
    assert len(both) >= 0.8 * len(COURSE.lessons)
    assert all(any(s.prediction for s in lesson.steps) for lesson in COURSE.lessons)


def test_the_course_covers_every_concept_in_the_notes_order():
    order = list(CONCEPTS)
    taught = [order.index(c) for lesson in COURSE.lessons for c in lesson.concepts]
    assert set(taught) == set(range(len(order)))
    assert taught == sorted(taught)


def test_every_page_is_used_and_observables_do_not_shadow_settings():
    assert {s.page for lesson in COURSE.lessons for s in lesson.steps} == set(PAGES)
    assert set(OBSERVABLES) == set(PAGES)
    for page in PAGES:
        assert not set(OBSERVABLES[page]) & set(table(page)), page


def test_check_lesson_accepts_the_shipped_course(capsys):
    assert run(["check-lesson", *map(str, sorted(COURSE_DIR.glob("*.toml")))]) == 0
    assert capsys.readouterr().out == ""


# -- the guide ---------------------------------------------------------------------------
GUIDE = (Path(__file__).resolve().parents[3] / "docs" / "lessons.md").read_text("utf-8")


def test_guide_reference_is_generated_from_the_code():
    assert reference() in GUIDE, "run: python -m core.lessons.reference docs/lessons.md"


def test_guide_example_is_a_shipped_lesson_that_loads():
    example = re.search(r"```toml\n(.*?)```", GUIDE, re.S).group(1)
    assert parse_lesson(example, "docs/lessons.md").id == "one-line-is-not-enough"
    assert example == (COURSE_DIR / "05-one-line-is-not-enough.toml").read_text("utf-8")


def test_guide_explains_every_field():
    for key in (*_LESSON_KEYS, *_STEP_KEYS, *_SOLUTION_KEYS, "question", "choices",
                "explanation", "correct"):
        assert re.search(rf"[`\[.\n]{key}(\.|\s*=|\]|`)", GUIDE), key
