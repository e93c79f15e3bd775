"""The lesson data model: frozen values built only by the validating parser."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from core.util.expression import Condition


@dataclass(frozen=True)
class Text:
    """The same words in English and Simplified Chinese."""

    en: str
    zh: str

    def get(self, language: str) -> str:
        """The text in ``language`` ("zh…" → Chinese, anything else → English)."""
        return self.zh if language.lower().startswith("zh") else self.en


@dataclass(frozen=True)
class Choice:
    text: Text
    correct: bool


@dataclass(frozen=True)
class Prediction:
    """Asked before the learner runs anything; the explanation comes after the result."""

    question: Text
    choices: tuple[Choice, ...]
    explanation: Text

    @property
    def correct_index(self) -> int:
        return next(i for i, c in enumerate(self.choices) if c.correct)


@dataclass(frozen=True)
class Solution:
    """What reaches the goal: settings, then actions, then training for a bounded time.

    ``train_seconds`` is wall-clock training; ``steps`` counts the page's own steps
    (playground updates, digits epochs, descent steps, fit steps, backprop stages).
    """

    settings: Mapping[str, Any] = field(default_factory=dict)   # read-only
    actions: tuple[str, ...] = ()
    train_seconds: float = 0.0
    steps: int = 0


@dataclass(frozen=True)
class Step:
    """One screen of a lesson.

    Unless ``keep`` is true, entering the step sets ``page`` up afresh: the
    settings table's defaults, then the ``settings`` of this lesson's earlier
    steps on the same page (see :meth:`Lesson.setup`), then the model restarts.
    """

    page: str
    text: Text
    line: int                                  # where the step starts in its file
    keep: bool = False
    settings: Mapping[str, Any] = field(default_factory=dict)   # read-only
    points: tuple[tuple[float, ...], ...] = ()  # curve_fit (x, y); playground (x1, x2, label)
    weights: tuple[tuple[tuple[float, ...], ...], ...] = ()   # backprop: one matrix a layer
    hide: tuple[str, ...] = ()
    lock: tuple[str, ...] = ()
    highlight: str = ""
    prediction: Prediction | None = None
    goal: Condition | None = None
    goal_text: Text | None = None
    hint: Text | None = None
    hint_after: float = 45.0
    solution: Solution | None = None


@dataclass(frozen=True)
class Setup:
    """What entering a step applies: settings over the page's defaults, points, weights."""

    page: str
    settings: dict[str, Any]
    points: tuple[tuple[float, ...], ...]
    weights: tuple[tuple[tuple[float, ...], ...], ...]


@dataclass(frozen=True)
class Lesson:
    id: str
    title: Text
    concepts: tuple[str, ...]
    steps: tuple[Step, ...]
    path: str
    minutes: float = 3.0

    def setup(self, index: int) -> Setup:
        """The setup of step ``index``: a ``keep`` step uses the one before it.

        Settings accumulate over consecutive steps on the same page, so a step
        only names what it changes.
        """
        while index > 0 and self.steps[index].keep:
            index -= 1
        page = self.steps[index].page
        first = index
        while first > 0 and self.steps[first - 1].page == page:
            first -= 1
        settings: dict[str, Any] = {}
        points, weights = (), ()
        for step in self.steps[first:index + 1]:
            settings.update(step.settings)
            points = step.points or points
            weights = step.weights or weights
        return Setup(page, settings, points, weights)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a lesson file, printed as ``file:line: reason``."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.reason}"
