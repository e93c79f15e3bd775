"""The banner that says, in plain words, what went wrong in training, with a fix."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from core.data.datasets import REGRESSION
from core.playground.remedy import Remedy
from core.playground.snapshot import PlaygroundSnapshot
from core.training.diagnostics import Problem
from gui.widgets import divergence_text


class TrainingBanner(QFrame):
    """A divergence or a :class:`Problem` in words, and its one-click :class:`Remedy`."""

    fix_requested = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setStyleSheet("TrainingBanner { background: #fde2d6; border: 1px solid #e07a52;"
                           " border-radius: 4px; } TrainingBanner QLabel { color: #222; }")
        row = QHBoxLayout(self)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.fix = QPushButton()
        self.fix.setToolTip(self.tr("Apply the suggested fix and train again."))
        row.addWidget(self.label, 1)
        row.addWidget(self.fix)
        self.fix.clicked.connect(self.fix_requested)
        self.shown_key: tuple | None = None  # what the banner says now; None = hidden
        self.hide()

    def show_snapshot(self, snap: PlaygroundSnapshot) -> bool:
        """Show what went wrong in ``snap`` (or hide); True if that changed (shown,
        another warning, or gone: the status bar follows)."""
        if snap.divergence is not None:
            key: tuple | None = ("diverged", snap.divergence.step)
            text = divergence_text(snap.divergence)
        elif snap.problem is not None:
            key, text = (snap.problem.kind,), self._problem_text(snap.problem, snap.task)
        else:
            key, text = None, ""
        news = key != self.shown_key
        self.shown_key = key
        if key is not None:
            self.label.setText(text)
            self._show_remedy(snap.remedy)
        self.setVisible(key is not None)
        return news

    def _problem_text(self, problem: Problem, task: str) -> str:
        share = f"{problem.share:.0%}"
        if problem.kind == "collapsed":
            return self.tr(
                "Training went wrong: the network gives every point the same class (one "
                "colour everywhere), so the accuracy is stuck at that class's share. A layer "
                "of its units is dead or saturated — the learning rate is too large.")
        if problem.kind == "dead":
            return self.tr(
                "{0} of one layer's ReLU units are dead: they output 0 for every point, so "
                "no gradient reaches them and they never learn again. A large learning rate "
                "usually kills them.").format(share)
        if problem.kind == "saturated":
            return self.tr(
                "{0} of one layer's outputs sit on the flat ends of tanh or sigmoid, where "
                "the slope is almost 0: those units have nearly stopped learning. Large "
                "weights, often from a large learning rate, push them there.").format(share)
        if task == REGRESSION:
            return self.tr("The loss has stopped improving, yet the network does not fit "
                           "the training points.")
        return self.tr("The loss has stopped improving, yet the network is still wrong on "
                       "{0} of the training points.").format(share)

    def _show_remedy(self, remedy: Remedy | None) -> None:
        self.fix.setVisible(remedy is not None)
        if remedy is None:
            return
        words = {
            "lower_learning_rate": (
                self.tr("Lower the learning rate 10× and start again"),
                self.tr("Steps proportional to a steep slope overshoot the minimum; "
                        "a smaller learning rate takes smaller, safer steps.")),
            "leaky_relu": (
                self.tr("Switch to leaky ReLU and start again"),
                self.tr("A leaky ReLU keeps a small slope below 0, so a unit that went "
                        "quiet still gets a gradient and can come back.")),
            "xavier": (
                self.tr("Use Xavier initialisation and start again"),
                self.tr("Units that start with the same weights get the same gradient and "
                        "stay identical; random starting weights tell them apart.")),
            "nonlinear": (
                self.tr("Use tanh and start again"),
                self.tr("Linear units add up to one straight line, however many there are; "
                        "a curved activation lets the network bend its boundary.")),
            "raise_learning_rate": (
                self.tr("Raise the learning rate 10×"),
                self.tr("Steps this small barely move the weights; a larger rate takes "
                        "bigger steps. Training goes on from here.")),
            "wider": (
                self.tr("Double the neurons and start again"),
                self.tr("A network this small may not be able to draw the boundary this "
                        "data needs.")),
        }
        text, tip = words[remedy.fix]
        self.fix.setText(text)
        self.fix.setToolTip(tip)
