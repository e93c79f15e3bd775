"""What a learner answered: records a teacher can collect as a small CSV."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

CSV_COLUMNS = ("lesson", "step", "answer", "correct", "time")


@dataclass(frozen=True)
class AnswerRecord:
    """One prediction answered: ``step`` and ``answer`` (the choice) count from 1."""

    lesson: str
    step: int
    answer: int
    correct: bool
    time: str          # ISO 8601, UTC, seconds

    @staticmethod
    def now(lesson: str, step: int, answer: int, correct: bool) -> AnswerRecord:
        stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
        return AnswerRecord(lesson, step, answer, correct, stamp)


def answers_csv(records: Iterable[AnswerRecord]) -> str:
    """The records as CSV text with a header row."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for r in records:
        writer.writerow((r.lesson, r.step, r.answer, "yes" if r.correct else "no", r.time))
    return out.getvalue()


def read_answers_csv(text: str) -> list[AnswerRecord]:
    """The records of :func:`answers_csv`'s text; ValueError names the bad row."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or tuple(rows[0]) != CSV_COLUMNS:
        raise ValueError(f"the first row must be {','.join(CSV_COLUMNS)}")
    records = []
    for number, row in enumerate(rows[1:], start=2):
        try:
            lesson, step, answer, correct, time = row
            if correct not in ("yes", "no"):
                raise ValueError
            records.append(AnswerRecord(lesson, int(step), int(answer), correct == "yes", time))
        except ValueError:
            raise ValueError(f"row {number} is not lesson,step,answer,yes/no,time") from None
    return records
