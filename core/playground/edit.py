"""Set one weight or bias of the playground's network by hand.

TensorFlow Playground lets a learner type a weight and watch the boundary
move; training then goes on from the typed value.  The command names a
parameter as :meth:`Network.get_weights` lays them out: ``layer`` is the
index of a ``(W, b)`` pair (0 = from the inputs), ``W`` has shape
``(n_in, n_out)``, so the weight from input/neuron ``source`` to neuron
``unit`` is ``W[source, unit]`` and that neuron's bias is ``b[unit]``.
In layer 0, ``source`` counts the features in use, in the config's order.
"""

from __future__ import annotations

import math
import operator
from dataclasses import dataclass
from typing import Literal

from core.nn.network import Network

# Larger values teach nothing and are almost surely typos (1e9 for 1e-9):
# training keeps weights within a few units, and one of 1000 on an input
# scaled to about ±1 already pins the tanh or sigmoid neuron it feeds to ±1 on
# all but a hair-thin strip of the plane; in a regression's linear output it
# blows the loss past the divergence guard (1000 × the first loss) at once.
# It also keeps every typed value finite in float32 (whose limit is ~3.4e38).
EDIT_LIMIT = 1e3


@dataclass(frozen=True)
class EditParameter:
    """Set the weight ``source → unit`` of ``layer`` (``kind="weight"``) or the
    bias of ``unit`` in ``layer`` (``kind="bias"``; ``source`` is unused)."""

    kind: Literal["weight", "bias"]
    layer: int
    unit: int
    value: float
    source: int = 0


def value_allowed(value: float) -> bool:
    """Whether ``value`` may be typed in: finite and within ±``EDIT_LIMIT``."""
    return math.isfinite(value) and abs(value) <= EDIT_LIMIT


def _index(value: int, size: int, what: str) -> int:
    try:
        index = operator.index(value)
    except TypeError:
        raise ValueError(f"the {what} must be a whole number") from None
    if not 0 <= index < size:
        raise ValueError(f"there is no {what} {index} (this layer has {size})")
    return index


def edit_parameter(network: Network, command: EditParameter) -> None:
    """Write ``command.value`` into ``network``; a bad command raises ``ValueError``
    with a plain reason before anything is written."""
    if command.kind not in ("weight", "bias"):
        raise ValueError(f"unknown parameter kind {command.kind!r}")
    layer = network.layers[_index(command.layer, len(network.layers), "layer")]
    try:
        value = float(command.value)
    except (TypeError, ValueError):
        raise ValueError("a weight or bias must be a number") from None
    if not value_allowed(value):
        raise ValueError(f"a weight or bias must be a number between "
                         f"{-EDIT_LIMIT:g} and {EDIT_LIMIT:g}")
    n_in, n_out = layer.params["W"].shape
    unit = _index(command.unit, n_out, "neuron")
    if command.kind == "bias":
        layer.params["b"][unit] = value
    else:
        layer.params["W"][_index(command.source, n_in, "input"), unit] = value
