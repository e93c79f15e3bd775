"""What a regulariser does to the weights: now, against the moment it was switched.

L1 pulls every weight towards 0 by the same amount, so the unneeded ones end
at 0; L2 pulls in proportion to size, so all shrink and few reach 0; dropout
and input noise keep single weights from growing large.  Comparing the
weights' spread now with their spread when the setting changed shows which.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

NEAR_ZERO = 0.01  # |w| below this counts as switched off
EFFECT_BINS = np.linspace(-2.0, 2.0, 81)  # weights beyond ±2 are counted in the end bins


@dataclass(frozen=True)
class WeightSummary:
    histogram: np.ndarray  # fraction of weights per bin of ``EFFECT_BINS``
    near_zero: float       # fraction with |w| < NEAR_ZERO
    rms: float
    largest: float         # max |w|


def summarize_weights(weights: np.ndarray) -> WeightSummary:
    w = np.asarray(weights, dtype=np.float64).ravel()
    if w.size == 0:
        return WeightSummary(np.zeros(len(EFFECT_BINS) - 1), 0.0, 0.0, 0.0)
    counts = np.histogram(np.clip(w, EFFECT_BINS[0], EFFECT_BINS[-1]), EFFECT_BINS)[0]
    magnitude = np.abs(w)
    return WeightSummary(counts / w.size, float((magnitude < NEAR_ZERO).mean()),
                         float(np.sqrt(np.mean(w * w))), float(magnitude.max()))


@dataclass(frozen=True)
class WeightEffect:
    """The network's weights at ``since_step`` (when the regularisers last changed) and now."""

    since_step: int
    before: WeightSummary
    now: WeightSummary
