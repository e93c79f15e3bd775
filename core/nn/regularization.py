"""L1 and L2 weight penalties (biases are not penalised).

L2 (weight decay) pulls every weight towards 0 in proportion to its size; L1
pulls by a constant amount, driving unneeded weights to exactly-small values.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Penalty:
    """Penalty ``l1·Σ|w| + l2/2·Σw²`` over the weights."""

    l1: float = 0.0
    l2: float = 0.0

    @property
    def active(self) -> bool:
        return self.l1 > 0.0 or self.l2 > 0.0

    def value(self, weights: np.ndarray) -> float:
        if not self.active:
            return 0.0
        return float(self.l1 * np.abs(weights).sum() + 0.5 * self.l2 * (weights @ weights))

    def add_gradient(self, weights: np.ndarray, grads: np.ndarray) -> None:
        """Add the penalty's gradient to ``grads`` (same shape) in place."""
        t = weights.dtype.type
        if self.l2 > 0.0:
            grads += t(self.l2) * weights
        if self.l1 > 0.0:
            grads += t(self.l1) * np.sign(weights)
