"""The prediction box: a question and 2–4 choices, answered before the learner runs anything.

The explanation is revealed only after the learner has seen the result: on
request, once the step's goal is met, or a few seconds after answering.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout

from gui.learn.choice import ChoiceButton

if TYPE_CHECKING:
    from core.lessons.model import Prediction

MAX_CHOICES = 4
EXPLAIN_AFTER_S = 4.0


class PredictionBox(QFrame):
    """Emits ``answered(choice)`` once per step (choices count from 0)."""

    answered = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.prediction: Prediction | None = None
        self.language = "en"
        self.chosen: int | None = None
        self.answered_at: float | None = None
        self.question = QLabel()
        self.question.setWordWrap(True)
        self.question.setStyleSheet("font-weight: bold;")
        self.choices = [ChoiceButton() for _ in range(MAX_CHOICES)]
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.explain_button = QPushButton(self.tr("I have seen it — explain"))
        self.explain_button.setToolTip(self.tr("Show why, once you have watched the result."))
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Predict first, then try it:")))
        box.addWidget(self.question)
        for i, button in enumerate(self.choices):
            button.clicked.connect(lambda i=i: self.answer(i))
            box.addWidget(button)
        box.addWidget(self.verdict)
        box.addWidget(self.explain_button)
        box.addWidget(self.explanation)
        self.explain_button.clicked.connect(self.explain)

    def ask(self, prediction: Prediction | None, language: str) -> None:
        """Show a fresh question (or hide the box when the step has none)."""
        self.prediction, self.language = prediction, language
        self.chosen = self.answered_at = None
        self.setVisible(prediction is not None)
        if prediction is None:
            return
        self.question.setText(prediction.question.get(language))
        for i, button in enumerate(self.choices):
            button.setVisible(i < len(prediction.choices))
            button.setEnabled(True)
            button.set_chosen(False)
            if i < len(prediction.choices):
                button.setText(prediction.choices[i].text.get(language))
        self.verdict.clear()
        self.explanation.clear()
        self.explain_button.hide()

    def answer(self, choice: int) -> None:
        if self.prediction is None or self.chosen is not None:
            return
        self.chosen, self.answered_at = choice, time.monotonic()
        for i, button in enumerate(self.choices):
            button.set_chosen(i == choice)
            button.setEnabled(False)
        self.verdict.setText(self.tr("Your answer is recorded. Now try it and watch what "
                                     "happens."))
        self.explain_button.show()
        self.answered.emit(choice)

    @property
    def correct(self) -> bool:
        return self.prediction is not None and self.chosen == self.prediction.correct_index

    def explain_when_seen(self, goal_met: bool) -> None:
        """Reveal the explanation once the result has had time to show."""
        if self.answered_at is not None and not self.explanation.text() and (
                goal_met or time.monotonic() - self.answered_at > EXPLAIN_AFTER_S):
            self.explain()

    def explain(self) -> None:
        prediction = self.prediction
        if prediction is None or self.chosen is None:
            return
        right = prediction.choices[prediction.correct_index].text.get(self.language)
        self.verdict.setText(self.tr("✓ You predicted it.") if self.correct else
                             self.tr("✗ Not quite — the answer is: {0}").format(right))
        self.explanation.setText(prediction.explanation.get(self.language))
        self.explain_button.hide()
