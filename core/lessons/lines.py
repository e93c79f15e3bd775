"""Find the line of a key in a TOML lesson file, for ``file:line: reason``.

``tomllib`` reports lines only for syntax errors, so a value's line is found
by scanning the source: within the n-th ``[[steps]]`` block, the first line
that starts with the key (``key =``, ``key.en =``, ``[steps.key]``), else the
first line that mentions it.  Good enough to point a teacher at the place.
"""

from __future__ import annotations

import re

_STEPS = re.compile(r"\s*\[\[\s*steps\s*\]\]")


class Lines:
    def __init__(self, source: str) -> None:
        self.lines = source.splitlines()
        self.steps = [i for i, line in enumerate(self.lines) if _STEPS.match(line)]

    def of(self, *path: str | int) -> int:
        """The 1-based line of the key ``path``, e.g. ``("steps", 2, "settings", "hidden")``."""
        start, end = 0, len(self.lines)
        if path and path[0] != "steps" and self.steps:
            end = self.steps[0]
        for before, part in zip((None, *path), path, strict=False):
            if isinstance(part, int):
                if before == "steps" and part < len(self.steps):
                    start = self.steps[part]
                    end = self.steps[part + 1] if part + 1 < len(self.steps) else len(self.lines)
                continue
            found = self._find(part, start, end)
            if found is not None:
                start = found
        return start + 1

    def _find(self, key: str, start: int, end: int) -> int | None:
        key = re.escape(key)
        for pattern in (rf"^\s*(\[+\s*)?([\w\"-]+\s*\.\s*)*{key}\s*(=|\.|\])",
                        rf"(?<![\w-]){key}\s*(=|\.|\])"):
            regex = re.compile(pattern)
            for i in range(start, end):
                if regex.search(self.lines[i]):
                    return i
        return None
