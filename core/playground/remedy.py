"""The one-click fix the playground offers when training goes wrong."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from core.playground.config import MAX_NEURONS, PlaygroundConfig


@dataclass(frozen=True)
class Remedy:
    """The one-click fix offered for a divergence or a :class:`Problem`.

    ``fix`` names it (the window words it); the window sends
    ``Configure(changes)`` if there are any, then ``Restart()`` if ``restart``,
    then plays.
    """

    fix: str
    changes: dict[str, Any]
    restart: bool


def remedy_for(kind: str, config: PlaygroundConfig) -> Remedy | None:
    """The fix for a divergence (``kind="diverged"``) or a problem's kind."""
    rate = config.learning_rate
    lower = Remedy("lower_learning_rate", {"learning_rate": float(f"{rate / 10:.3g}")}, True)
    if kind in ("diverged", "collapsed", "saturated"):
        return lower
    if kind == "dead":
        return Remedy("leaky_relu", {"activation": "leaky_relu"}, True)
    if config.init == "zeros":  # stuck: identical units never tell each other apart
        return Remedy("xavier", {"init": "xavier"}, True)
    if config.hidden and set(config.hidden_activations) == {"linear"}:
        return Remedy("nonlinear", {"activation": "tanh"}, True)
    if rate < 0.01:
        return Remedy("raise_learning_rate", {"learning_rate": float(f"{rate * 10:.3g}")},
                      False)
    if config.hidden and min(config.hidden) < MAX_NEURONS:
        wider = tuple(min(MAX_NEURONS, 2 * h) for h in config.hidden)
        return Remedy("wider", {"hidden": wider}, True)
    return None
