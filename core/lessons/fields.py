"""Checks of single lesson fields: texts, numbers, settings, points, weights, goals.

Each check returns the converted value, or notes a problem at the field's line
and returns None, so the parser can go on and report every problem at once.
"""

from __future__ import annotations

import difflib
import itertools
import math
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from core.lessons.lines import Lines
from core.lessons.model import Problem, Text
from core.lessons.text import TemplateError, placeholders
from core.settings_table import SettingError, table
from core.util.expression import Condition, ExpressionError, parse_condition

MAX_TEXT = 1_500
MAX_POINTS = 500
MAX_WEIGHTS = 200
MAX_LIST = 64

Where = tuple[str | int, ...]


class FieldChecker:
    """Notes ``file:line: reason`` problems while converting single fields."""

    def __init__(self, source: str, path: str) -> None:
        self.lines = Lines(source)
        self.path = path
        self.problems: list[Problem] = []

    def fail(self, where: Where, reason: str) -> None:
        self.problems.append(Problem(self.path, self.lines.of(*where), reason))

    def keys(self, data: Mapping, allowed: tuple[str, ...], where: Where) -> None:
        for key in data:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean {close[0]!r}?" if close else \
                    f"expected one of {', '.join(allowed)}"
                self.fail((*where, key), f"unknown key {key!r}: {hint}")

    def text(self, value: Any, where: Where, kinds: Mapping | None) -> Text | None:
        if not isinstance(value, dict):
            self.fail(where, f"{where[-1]} needs en and zh, e.g. {where[-1]}.en = \"…\" "
                             f"and {where[-1]}.zh = \"…\"")
            return None
        self.keys(value, ("en", "zh"), where)
        for language in ("en", "zh"):
            words = value.get(language)
            if not isinstance(words, str) or not words.strip():
                self.fail((*where, language) if language in value else where,
                          f"{where[-1]}.{language} is missing or empty")
                return None
            if len(words) > MAX_TEXT:
                self.fail((*where, language), f"{where[-1]}.{language} is longer than "
                                              f"{MAX_TEXT} characters")
                return None
            try:
                for name, _spec in placeholders(words):
                    if kinds is None or name not in kinds:
                        self.fail((*where, language), f"{{{name}}} is not a value this page "
                                                      "shows (see docs/lessons.md)")
                        return None
            except TemplateError as exc:
                self.fail((*where, language), str(exc))
                return None
        return Text(value["en"], value["zh"])

    def number(self, value: Any, where: Where, low: float, high: float) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float) or \
                not math.isfinite(value) or not low <= value <= high:
            self.fail(where, f"{where[-1]} must be a number from {low:g} to {high:g}")
            return None
        return float(value)

    def settings(self, value: Any, page: str, where: Where) -> Mapping[str, Any] | None:
        if not isinstance(value, dict):
            self.fail(where, "settings is a table: settings = { name = value, … }")
            return None
        known = table(page)
        checked: dict[str, Any] = {}
        for name, raw in value.items():
            if name not in known:
                close = difflib.get_close_matches(name, list(known), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                self.fail((*where, name), f"unknown setting {name!r} on page {page}{hint}")
                continue
            try:
                checked[name] = known[name].check(tuple(raw) if isinstance(raw, list) else raw)
            except SettingError as exc:
                self.fail((*where, name), str(exc))   # the message names the setting
        return MappingProxyType(checked) if len(checked) == len(value) else None

    def setting_names(self, value: Any, page: str, where: Where) -> tuple[str, ...] | None:
        known = table(page)
        if not isinstance(value, list) or len(value) > MAX_LIST:
            self.fail(where, f"{where[-1]} lists setting names, e.g. [\"learning_rate\"]")
            return None
        unknown = [v for v in value if not isinstance(v, str) or v not in known]
        if unknown:
            self.fail(where, f"{unknown[0]!r} is not a setting on page {page}")
            return None
        return tuple(value)

    def _numbers(self, rows: Any, width: int | None, limit: float, where: Where,
                 check: Callable[[list], bool] = lambda _row: True) -> tuple | None:
        ok = isinstance(rows, list) and all(
            isinstance(row, list) and (width is None or len(row) == width) and row and all(
                not isinstance(v, bool) and isinstance(v, int | float) and math.isfinite(v)
                and abs(v) <= limit for v in row) and check(row) for row in rows)
        return tuple(tuple(float(v) for v in row) for row in rows) if ok else None

    def points(self, value: Any, page: str, where: Where) -> tuple | None:
        width = {"curve_fit": 2, "playground": 3}.get(page)
        if width is None:
            self.fail(where, "points are for the curve_fit ([x, y]) and playground "
                             "([x1, x2, label]) pages")
            return None
        rows = self._numbers(value, width, 1e6, where,
                             lambda row: width == 2 or float(row[2]).is_integer())
        if rows is None or not 2 <= len(rows) <= MAX_POINTS:
            shape = "[x, y]" if width == 2 else "[x1, x2, label] (label a whole number)"
            self.fail(where, f"points is a list of 2–{MAX_POINTS} {shape} of finite numbers")
            return None
        return rows

    def weights(self, value: Any, page: str, where: Where) -> tuple | None:
        if page != "backprop":
            self.fail(where, "weights are for the backprop page")
            return None
        layers = value if isinstance(value, list) else None
        matrices = [self._numbers(m, None, 100.0, where) for m in layers or []]
        if not layers or any(m is None for m in matrices) or \
                sum(len(r) for m in matrices for r in m) > MAX_WEIGHTS:
            self.fail(where, "weights is a list of matrices, one a layer: each row a neuron's "
                             "incoming weights then its bias, numbers within ±100")
            return None
        return tuple(matrices)

    def weight_shapes(self, weights: tuple, settings: Mapping[str, Any], where: Where) -> None:
        """Backprop weights must fit the network: a row per neuron, inputs then bias."""
        setup = settings.get("setup", table("backprop")["setup"].default)
        sizes = [int(n) for n in setup.split("-")]
        wanted = [(n_out, n_in + 1) for n_in, n_out in itertools.pairwise(sizes)]
        shapes = [(len(m), len({len(row) for row in m}) == 1 and len(m[0])) for m in weights]
        if shapes != wanted:
            rows = " and ".join(f"{r} rows of {c} numbers" for r, c in wanted)
            self.fail(where, f"weights for {setup}: {rows} (each row a neuron's weights, "
                             "then its bias)")

    def goal(self, value: Any, kinds: Mapping, where: Where) -> Condition | None:
        if not isinstance(value, str):
            self.fail(where, "goal is a text, e.g. goal = \"test_accuracy >= 0.95\"")
            return None
        try:
            return parse_condition(value, kinds)
        except ExpressionError as exc:
            self.fail(where, f"goal: {exc}")
            return None
