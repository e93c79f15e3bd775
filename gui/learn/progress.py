"""The learner's progress and prediction answers, kept per user in QSettings.

A teacher collects the answers as a small CSV (``core.lessons.progress``).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

if TYPE_CHECKING:  # core.lessons loads its course reader: imported when an answer comes
    from core.lessons.progress import AnswerRecord

GROUP = "learn"
class Progress:
    """Finished lessons, where the learner is, and every prediction answered."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or QSettings()

    def _get(self, key: str, default):
        raw = self.settings.value(f"{GROUP}/{key}", "", type=str)
        try:
            return json.loads(raw) if raw else default
        except ValueError:  # a hand-edited or damaged value: start afresh, never crash
            return default

    def _set(self, key: str, value) -> None:
        self.settings.setValue(f"{GROUP}/{key}", json.dumps(value))

    # -- lessons -----------------------------------------------------------------
    def done(self) -> set[str]:
        return set(self._get("done", []))

    def mark_done(self, lesson: str) -> None:
        self._set("done", sorted(self.done() | {lesson}))

    def position(self) -> tuple[str, int] | None:
        """The lesson and step index the learner was at, if any."""
        value = self._get("position", None)
        if isinstance(value, list) and len(value) == 2:
            return str(value[0]), int(value[1])
        return None

    def set_position(self, lesson: str, step: int) -> None:
        self._set("position", [lesson, step])

    def seen(self) -> bool:
        """Whether the panel was ever shown (it opens by itself on the first start)."""
        return bool(self._get("seen", False))

    def mark_seen(self) -> None:
        self._set("seen", True)

    # -- answers -----------------------------------------------------------------
    def answers(self) -> list[AnswerRecord]:
        from core.lessons.progress import AnswerRecord

        records = []
        for row in self._get("answers", []):
            try:
                records.append(AnswerRecord(**row))
            except TypeError:  # a damaged row is skipped, the others kept
                continue
        return records

    def record(self, lesson: str, step: int, answer: int, correct: bool) -> AnswerRecord:
        """Keep one answer; ``step`` and ``answer`` count from 1."""
        from core.lessons.progress import AnswerRecord

        entry = AnswerRecord.now(lesson, step, answer, correct)
        self._set("answers", [asdict(a) for a in (*self.answers(), entry)])
        return entry

    def export_csv(self, path: str | Path) -> int:
        """Write every answer to ``path``; returns how many rows."""
        from core.lessons.progress import answers_csv

        answers = self.answers()
        Path(path).write_text(answers_csv(answers), encoding="utf-8")
        return len(answers)
