"""For teachers: a step written from the current page, so settings are never typed by hand."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from core.settings_table import table


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(round(value, 6)) if math.isfinite(value) else "0.0"
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}"'
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} to a lesson file")


def step_toml(page: str, settings: Mapping[str, Any],
              points: list[tuple[float, float]] | None = None) -> str:
    """A TOML ``[[steps]]`` block setting the page up as now, with text to complete.

    Only settings of the page's table are written (a page may hold more, like
    its grid resolution), in the table's order.
    """
    names = [n for n in table(page) if n in settings]
    lines = [
        "[[steps]]",
        f"page = {_toml_value(page)}",
        'text.en = "TODO: what the learner should do and notice."',
        'text.zh = "TODO: 学习者要做什么、注意什么。"',
    ]
    if points:
        lines.append("points = " + _toml_value([list(p) for p in points]))
    lines.append("")
    lines.append("[steps.settings]")
    lines += [f"{name} = {_toml_value(settings[name])}" for name in names]
    return "\n".join(lines) + "\n"
