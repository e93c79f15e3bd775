"""Weight initialisers: how the starting point of gradient descent is chosen.

Every function takes an explicit ``numpy.random.Generator`` so runs are
reproducible, and returns a ``(fan_in, fan_out)`` array.  ``zeros`` is kept on
purpose: with it every hidden neuron computes the same thing forever, which is
the symmetry lesson the playground shows.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

Initializer = Callable[[int, int, np.random.Generator], np.ndarray]


def he(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Normal with variance 2/fan_in; keeps ReLU activations' scale per layer."""
    return rng.normal(0.0, np.sqrt(2.0 / fan_in), (fan_in, fan_out))


def xavier(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Glorot uniform: variance 2/(fan_in+fan_out), suited to tanh/sigmoid."""
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, (fan_in, fan_out))


def lecun(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Normal with variance 1/fan_in."""
    return rng.normal(0.0, np.sqrt(1.0 / fan_in), (fan_in, fan_out))


def small_uniform(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """Uniform in ±0.5/sqrt(fan_in): the beginner's "small random weights"."""
    limit = 0.5 / np.sqrt(fan_in)
    return rng.uniform(-limit, limit, (fan_in, fan_out))


def zeros(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    """All zeros: fails to break symmetry (a lesson, not a bug)."""
    return np.zeros((fan_in, fan_out))


INITIALIZERS: dict[str, Initializer] = {
    "xavier": xavier,
    "he": he,
    "lecun": lecun,
    "small_uniform": small_uniform,
    "zeros": zeros,
}


def get_initializer(name: str) -> Initializer:
    try:
        return INITIALIZERS[name]
    except KeyError:
        choices = ", ".join(INITIALIZERS)
        raise ValueError(f"unknown initialiser {name!r} (choose from {choices})") from None
