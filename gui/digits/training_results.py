"""What a trained digits network got right and wrong: confusion matrix,
first-layer weights and the misclassified validation digits."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from core.digits.model import DigitsSnapshot
from gui.digits.results_views import ConfusionView, MisclassifiedView, WeightsView


class DigitsResults(QWidget):
    """The two square views side by side, the wide gallery under them: each gets
    room enough to read its numbers and strokes at 1280×720."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.confusion_view = ConfusionView()
        self.wrong_view = MisclassifiedView()
        self.wrong_caption = QLabel()
        self.wrong_caption.setWordWrap(True)
        # Room for its wrapped lines: the page scrolls by minimum sizes, and a
        # wrapped label's minimum is one line.
        self.wrong_caption.setMinimumHeight(3 * self.fontMetrics().lineSpacing())
        self.weights_view = WeightsView()
        results = QGridLayout(self)
        results.setContentsMargins(0, 0, 0, 0)
        results.addWidget(self.confusion_view, 0, 0)
        results.addWidget(self.weights_view, 0, 1)
        results.addWidget(self.wrong_view, 1, 0, 1, 2)
        results.addWidget(self.wrong_caption, 2, 0, 1, 2)
        results.setRowStretch(0, 3)
        results.setRowStretch(1, 2)

    def show_snapshot(self, snap: DigitsSnapshot) -> None:
        """The snapshot's results, or placeholders while the network is untrained."""
        if not snap.trained:  # a random network's results would look like findings
            for view in (self.confusion_view, self.wrong_view, self.weights_view):
                view.show_placeholder()
            self.wrong_caption.setText("")
            return
        if snap.confusion is not None:
            self.confusion_view.show_counts(snap.confusion)
        if snap.misclassified is not None and len(snap.misclassified):
            self.wrong_view.show_digits(snap.misclassified)
            pairs = ", ".join(f"{t}→{p}" for t, p in zip(
                snap.misclassified_true[:12], snap.misclassified_predicted[:12], strict=True))
            self.wrong_caption.setText(QCoreApplication.translate(
                "DigitsTrainingPanel", "True → predicted, first row: {0}").format(pairs))
        else:
            self.wrong_view.show_placeholder()
            self.wrong_caption.setText(QCoreApplication.translate(
                "DigitsTrainingPanel", "No validation digit is misclassified."))
        self.weights_view.show_weights(snap.first_layer)
