"""Live numbers in lesson texts: ``{test_accuracy:.0%}`` filled safely.

Only ``{name}`` or ``{name:spec}`` with a declared name and a plain number
format (``.2f``, ``.0%``, ``,d``, ``>6.1f`` …) are accepted; ``{{`` and ``}}``
are literal braces.  Filling uses the built-in ``format(value, spec)`` on the
value itself — never ``str.format`` on the template, so a lesson cannot reach
attributes or items (``{x.__class__}``, ``{x[0]}``) of anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

_FIELD = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_NAME_SPEC = re.compile(r"([A-Za-z_]\w*)(?::([<>^]?\d{0,3},?(?:\.\d{1,2})?[dfeg%]?))?")


class TemplateError(ValueError):
    """A placeholder that is not ``{name}`` or ``{name:spec}``."""


def placeholders(text: str) -> Iterator[tuple[str, str]]:
    """Each ``(name, spec)`` in ``text``; TemplateError on a malformed one."""
    for match in _FIELD.finditer(text):
        whole, inner = match.group(0), match.group(1)
        if whole in ("{{", "}}"):
            continue
        if inner is None:
            raise TemplateError(f"a lone {whole!r}: write {whole * 2!r} for a brace")
        parsed = _NAME_SPEC.fullmatch(inner.strip())
        if not parsed:
            raise TemplateError(f"{{{inner}}} is not {{name}} or {{name:format}}, "
                                "e.g. {test_accuracy:.0%}")
        yield parsed.group(1), parsed.group(2) or ""


def fill(text: str, values: Mapping[str, Any]) -> str:
    """``text`` with each placeholder replaced by its live value ("?" if unknown)."""
    def replace(match: re.Match) -> str:
        whole, inner = match.group(0), match.group(1)
        if whole in ("{{", "}}"):
            return whole[0]
        parsed = _NAME_SPEC.fullmatch((inner or "").strip())
        if not parsed or parsed.group(1) not in values:
            return "?"
        return _format(values[parsed.group(1)], parsed.group(2) or "")

    return _FIELD.sub(replace, text)


def _format(value: Any, spec: str) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return value
    try:
        if spec.endswith("d"):
            value = round(float(value))
        return format(value, spec)
    except (TypeError, ValueError, OverflowError):
        return str(value)
