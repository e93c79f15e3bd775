"""Any value in any field is refused with a reason, never a crash."""

from __future__ import annotations

import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from core.lessons.parse import _SOLUTION_KEYS, _STEP_KEYS, LessonError, _Checker, parse_lesson
from tests.core.lessons.test_parse import GOOD

values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63 - 1), st.floats(),
              st.text(max_size=20), st.sampled_from(["xor", "playground", "x1", "train"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.sampled_from(["en", "zh", "correct", "hidden",
                                                             "learning_rate", "x"]),
                                            inner, max_size=3)),
    max_leaves=8,
)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(("id", "title", "concepts", "minutes", "steps", *_STEP_KEYS,
                        *(f"solution.{k}" for k in _SOLUTION_KEYS), "prediction.choices",
                        "prediction.question")),
       values)
def test_any_value_anywhere_is_refused_or_accepted_never_a_crash(key, value):
    data = _good_data()
    if key in ("id", "title", "concepts", "minutes", "steps"):
        data[key] = value
    else:
        step = data["steps"][1] if key.startswith("solution") else data["steps"][0]
        *parents, last = key.split(".")
        for parent in parents:
            step = step.setdefault(parent, {}) if isinstance(step.get(parent, {}), dict) else {}
        step[last] = value
    checker = _Checker(GOOD, "t.toml")
    lesson = checker.lesson(data)
    assert (lesson is None) == bool(checker.problems)
    assert all(p.line >= 1 and p.reason for p in checker.problems)


def _good_data() -> dict:
    return tomllib.loads(GOOD)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_refused_or_accepted_never_a_crash(text):
    problems: tuple = ()
    try:
        parse_lesson(text, "t.toml")
    except LessonError as exc:
        problems = exc.problems or (None,)
    assert all(p is not None and p.line >= 1 and p.reason for p in problems)
