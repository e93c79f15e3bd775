"""The regularisers' effect on the weights: their spread now against when they last changed.

The worker marks the network's weights whenever L1, L2, dropout, input noise
or batch norm is switched; this view draws that spread (grey) under today's
(coloured), with the numbers that tell the regularisers apart: how many
weights sit at zero (L1), how large they are on average and at most (L2).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from core.playground.config import PlaygroundConfig
from core.playground.weight_effect import EFFECT_BINS, NEAR_ZERO, WeightEffect


class WeightEffectView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()  # a widget's text: it wraps and scales like the rest
        self.title.setWordWrap(True)
        outer.addWidget(self.title)
        layout = QHBoxLayout()
        outer.addLayout(layout, 1)
        self.plot = pg.PlotWidget()
        self.plot.setMenuEnabled(False)
        self.plot.setMouseEnabled(False, False)
        self.plot.hideButtons()
        self.plot.setLabel("bottom", "w")
        self.plot.setLabel("left", self.tr("% of weights"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)
        self.before = self.plot.plot(stepMode="center", pen=pg.mkPen("#999999", width=1.5),
                                     fillLevel=0, brush=(153, 153, 153, 60))
        self.now = self.plot.plot(stepMode="center", pen=pg.mkPen("#0877bd", width=1.5),
                                  fillLevel=0, brush=(8, 119, 189, 80))
        self.plot.setXRange(EFFECT_BINS[0], EFFECT_BINS[-1], padding=0)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self._fit_to_font()
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.label)
        self._since: int | None = None

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size changed
            self._fit_to_font()

    def _fit_to_font(self) -> None:
        """Room for the numbers and the regularisers' sentences at any text size."""
        metrics = self.fontMetrics()
        self.label.setFixedWidth(24 * metrics.averageCharWidth())
        self.setFixedHeight(max(220, 8 * metrics.lineSpacing()))

    def show_effect(self, effect: WeightEffect, config: PlaygroundConfig) -> None:
        before, now = 100 * effect.before.histogram, 100 * effect.now.histogram
        self.before.setData(EFFECT_BINS, before)
        self.now.setData(EFFECT_BINS, now)
        self.plot.setYRange(0, max(float(before.max()), float(now.max()), 5.0), padding=0.05)
        if effect.since_step != self._since:
            self._since = effect.since_step
            self.title.setText(self.tr("Every weight: at step {0:,d} (grey) and now "
                                       "(blue)").format(effect.since_step))
        b, n = effect.before, effect.now
        lines = [self.tr("Since step {0:,d}:").format(effect.since_step),
                 self.tr("near 0 (|w| < {0:g}): {1:.0%} → {2:.0%}").format(
                     NEAR_ZERO, b.near_zero, n.near_zero),
                 self.tr("RMS: {0:.3f} → {1:.3f}").format(b.rms, n.rms),
                 self.tr("largest |w|: {0:.2f} → {1:.2f}").format(b.largest, n.largest),
                 "", *self._lessons(config)]
        self.label.setText("\n".join(lines))

    def _lessons(self, config: PlaygroundConfig) -> list[str]:
        """One sentence per regulariser that is on: what to look for."""
        lessons = [text for on, text in (
            (config.l1 > 0, self.tr("L1 pulls every weight towards 0 by the same amount: "
                                    "the ones the network does not need end at 0.")),
            (config.l2 > 0, self.tr("L2 shrinks every weight in proportion to its size: "
                                    "the large ones shrink most, few reach 0.")),
            (config.dropout > 0, self.tr("Dropout: no neuron can be relied on alone, so the "
                                         "work is spread over more, smaller weights.")),
            (config.input_noise > 0, self.tr("Input noise: a sharp boundary costs more, so the "
                                             "weights stay smaller.")),
            (config.batch_norm, self.tr("Batch norm: each sum is re-scaled, so how large "
                                        "the weights are matters less.")),
            (config.layer_norm, self.tr("Layer norm: each sample's sums are re-scaled "
                                        "together, so how large the weights are matters "
                                        "less.")),
        ) if on]
        return lessons or [self.tr("No regulariser is on: nothing stops the weights from "
                                   "growing. Switch one on and watch this plot.")]

