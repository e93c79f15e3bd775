"""Goal conditions against an independent evaluation of the same random trees."""

from __future__ import annotations

import math
import operator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from core.util.expression import (
    BOOL,
    MAX_DEPTH,
    NUMBER,
    ExpressionError,
    parse_condition,
    parse_expression,
)

KINDS = {"loss": NUMBER, "step": NUMBER, "running": BOOL,
         "regime": ("crawling", "converging", "oscillating", "diverging")}
VALUES = {"loss": 0.25, "step": 120, "running": True, "regime": "converging"}

_ARITH = {"+": operator.add, "-": operator.sub, "*": operator.mul}
_COMPARE = {"<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
            "==": operator.eq, "!=": operator.ne}

numbers = st.recursive(
    st.one_of(st.sampled_from(["loss", "step"]), st.integers(0, 200).map(str)),
    lambda inner: st.tuples(st.sampled_from(sorted(_ARITH)), inner, inner),
    max_leaves=6,
)
comparisons = st.one_of(
    st.tuples(st.sampled_from(sorted(_COMPARE)), numbers, numbers),
    st.tuples(st.sampled_from(["==", "!="]), st.just("regime"),
              st.sampled_from(KINDS["regime"]).map(repr)),
    st.just("running"),
)
conditions = st.recursive(
    comparisons,
    lambda inner: st.one_of(st.tuples(st.sampled_from(["and", "or"]), inner, inner),
                            st.tuples(st.just("not"), inner)),
    max_leaves=6,
)


def render(tree) -> str:
    if isinstance(tree, str):
        return tree
    if tree[0] == "not":
        return f"not ({render(tree[1])})"
    return f"({render(tree[1])} {tree[0]} {render(tree[2])})"


def expected(tree):
    """Plain Python semantics, written without the parser."""
    if isinstance(tree, str):
        if tree in VALUES:
            return VALUES[tree]
        return tree[1:-1] if tree[0] == "'" else float(tree)
    if tree[0] == "not":
        return not expected(tree[1])
    if tree[0] == "and":
        return expected(tree[1]) and expected(tree[2])
    if tree[0] == "or":
        return expected(tree[1]) or expected(tree[2])
    return {**_ARITH, **_COMPARE}[tree[0]](expected(tree[1]), expected(tree[2]))


@settings(max_examples=300, deadline=None)
@given(conditions)
def test_random_conditions_match_python_semantics(tree):
    condition = parse_condition(render(tree), KINDS)
    assert condition(VALUES) == bool(expected(tree))


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("loss < 0.3 and step >= 120", True),
        ("loss ≤ 0.25 and step ≠ 5", True),
        ("not running or loss > 1", False),
        ("regime == 'converging' and running == true", True),
        ('regime != "diverging"', True),
        ("2 * loss + step / 10 >= 12.5", True),   # precedence: * and / before + before >=
        ("loss - 0.05 > 0.2 or false", False),
        ("(loss + 1) ^ 2 == 1.5625", True),
        ("step / 0 > 1e300", True),                # 1/0 is +inf, not a crash
        ("sqrt(-loss) > 0 or sqrt(-loss) <= 0", False),  # NaN compares false
    ],
)
def test_conditions(text, result):
    assert parse_condition(text, KINDS)(VALUES) is result


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("los < 1", "unknown name 'los' \\(did you mean 'loss'\\?\\)"),
        ("loss + 1", "must be true or false"),
        ("regime == 'crawl'", "'crawl' is not one of"),
        ("regime < 2", "needs numbers"),
        ("loss == 'x'", "compares two numbers"),
        ("running and 1", "joins conditions"),
        ("0 < loss < 1", "two things at a time"),
        ("loss.__class__ < 1", "not allowed"),
        ("__import__('os') == 1", "unknown name"),
        ("loss < 1;", "not allowed"),
        ("not " * 50 + "running", "nested too deeply"),
        ("(" * 50 + "loss" + ")" * 50 + " < 1", "nested too deeply"),
        ("-" * 50 + "loss < 1", "nested too deeply"),
        ("loss < " + "1+" * 300 + "1", "longer than"),
        ("", "empty"),
        ("2 loss < 1", "unexpected"),              # no implicit product in goals
    ],
)
def test_bad_conditions_are_refused(text, message):
    with pytest.raises(ExpressionError, match=message):
        parse_condition(text, KINDS)


def test_reserved_words_cannot_be_names():
    with pytest.raises(ValueError, match="reserved"):
        parse_condition("and < 1", {"and": NUMBER})


def test_missing_value_is_named():
    with pytest.raises(ExpressionError, match="no value for step"):
        parse_condition("step > 1", KINDS)({"loss": 1.0})


def test_names_are_the_ones_used():
    assert parse_condition("loss < 1 or not running", KINDS).names == {"loss", "running"}


def test_formulas_in_w_are_unchanged():
    """The descent lab's parser keeps refusing what goals allow."""
    for text in ("w < 1", "'a'", "w == 1"):
        with pytest.raises(ExpressionError, match="not allowed"):
            parse_expression(text)
    assert math.isclose(float(parse_expression("2w(w-1)")(3.0)), 12.0)
    assert MAX_DEPTH == 40
