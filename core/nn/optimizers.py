"""Gradient-descent optimisers over flat parameter arrays.

``step(params, grads)`` updates ``params`` in place.  Hyper-parameters are
plain attributes, so they can be changed between steps without losing the
optimiser's state (velocities, moment estimates); the state is allocated on
the first step from the parameters' shape.  The same objects drive both the
networks and the gradient-descent lab's 2-weight functions.
"""

from __future__ import annotations

import numpy as np


class Optimizer:
    """Base class; subclasses implement :meth:`_update`."""

    name = "sgd"
    hyper_parameters: tuple[str, ...] = ("learning_rate",)

    def __init__(self, learning_rate: float = 0.03) -> None:
        self.learning_rate = learning_rate
        self.iterations = 0
        self._state: list[np.ndarray] = []

    def step(self, params: np.ndarray, grads: np.ndarray) -> None:
        if not self._state or self._state[0].shape != params.shape:
            self._state = self._new_state(params)
            self.iterations = 0
        self.iterations += 1
        self._update(params, grads)

    def reset(self) -> None:
        """Forget the state (needed when the network is re-initialised)."""
        self._state = []
        self.iterations = 0

    def settings(self) -> dict[str, float]:
        return {name: float(getattr(self, name)) for name in self.hyper_parameters}

    def _new_state(self, params: np.ndarray) -> list[np.ndarray]:
        return [np.zeros_like(params)]

    def _update(self, params: np.ndarray, grads: np.ndarray) -> None:
        params -= params.dtype.type(self.learning_rate) * grads


class SGD(Optimizer):
    """w ← w − α·g: steps proportional to the slope."""


class Momentum(Optimizer):
    """v ← μ·v + g;  w ← w − α·v: a heavy ball that rolls through small bumps."""

    name = "momentum"
    hyper_parameters = ("learning_rate", "momentum")

    def __init__(self, learning_rate: float = 0.03, momentum: float = 0.9) -> None:
        super().__init__(learning_rate)
        self.momentum = momentum

    def _update(self, params: np.ndarray, grads: np.ndarray) -> None:
        (v,) = self._state
        t = params.dtype.type
        v *= t(self.momentum)
        v += grads
        params -= t(self.learning_rate) * v


class Nesterov(Momentum):
    """v ← μ·v + g;  w ← w − α·(g + μ·v): momentum that looks ahead."""

    name = "nesterov"

    def _update(self, params: np.ndarray, grads: np.ndarray) -> None:
        (v,) = self._state
        t = params.dtype.type
        v *= t(self.momentum)
        v += grads
        params -= t(self.learning_rate) * (grads + t(self.momentum) * v)


class AdaGrad(Optimizer):
    """s ← s + g²;  w ← w − α·g/(√s + ε): each weight's rate shrinks with use."""

    name = "adagrad"
    hyper_parameters = ("learning_rate", "epsilon")

    def __init__(self, learning_rate: float = 0.1, epsilon: float = 1e-7) -> None:
        super().__init__(learning_rate)
        self.epsilon = epsilon

    def _update(self, params: np.ndarray, grads: np.ndarray) -> None:
        (s,) = self._state
        t = params.dtype.type
        s += grads * grads
        params -= t(self.learning_rate) * grads / (np.sqrt(s) + t(self.epsilon))


class RMSProp(Optimizer):
    """s ← ρ·s + (1−ρ)·g²;  w ← w − α·g/(√s + ε)."""

    name = "rmsprop"
    hyper_parameters = ("learning_rate", "rho", "epsilon")

    def __init__(
        self, learning_rate: float = 0.001, rho: float = 0.9, epsilon: float = 1e-7
    ) -> None:
        super().__init__(learning_rate)
        self.rho = rho
        self.epsilon = epsilon

    def _update(self, params: np.ndarray, grads: np.ndarray) -> None:
        (s,) = self._state
        t = params.dtype.type
        s *= t(self.rho)
        s += t(1.0 - self.rho) * grads * grads
        params -= t(self.learning_rate) * grads / (np.sqrt(s) + t(self.epsilon))


class Adam(Optimizer):
    """Momentum on g and on g², both bias-corrected (Kingma & Ba, 2015)."""

    name = "adam"
    hyper_parameters = ("learning_rate", "beta1", "beta2", "epsilon")

    def __init__(
        self,
        learning_rate: float = 0.001,
        beta1: float = 0.9,
        beta2: float = 0.999,
        epsilon: float = 1e-7,
    ) -> None:
        super().__init__(learning_rate)
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon

    def _new_state(self, params: np.ndarray) -> list[np.ndarray]:
        self._scaled_for = (self.beta1, self.beta2)
        return [np.zeros_like(params), np.zeros_like(params), np.zeros_like(params)]

    def _update(self, params: np.ndarray, grads: np.ndarray) -> None:
        """Ten in-place passes over the flat buffers, not the textbook's twelve.

        The state holds ``M = m/(1−β1)`` and ``V = v/(1−β2)``, updated as
        ``M ← β1·M + g`` and ``V ← β2·V + g²``; the factors (1−β1) and
        √(1−β2) are folded into the step size and ε once per step.  On the
        digits network this pass over 110k weights is most of what a step
        does besides its matrix products.
        """
        M, V, tmp = self._state
        t = params.dtype.type
        b1, b2, k = self.beta1, self.beta2, self.iterations
        if (b1, b2) != self._scaled_for:  # β changed live: keep m and v, rescale M and V
            old1, old2 = self._scaled_for
            M *= t((1.0 - old1) / (1.0 - b1))
            V *= t((1.0 - old2) / (1.0 - b2))
            self._scaled_for = (b1, b2)
        M *= t(b1)
        M += grads
        np.multiply(grads, grads, out=tmp)
        V *= t(b2)
        V += tmp
        # m/(√v + ε̂) = (1−β1)/√(1−β2) · M/(√V + ε̂/√(1−β2)), ε̂ = ε·√(1−β2^k)
        root = np.sqrt(1.0 - b2)
        step = self.learning_rate * np.sqrt(1.0 - b2**k) / (1.0 - b1**k) * (1.0 - b1) / root
        np.sqrt(V, out=tmp)
        tmp += t(self.epsilon * np.sqrt(1.0 - b2**k) / root)
        np.divide(M, tmp, out=tmp)
        tmp *= t(step)
        params -= tmp


OPTIMIZERS: dict[str, type[Optimizer]] = {
    cls.name: cls for cls in (SGD, Momentum, Nesterov, RMSProp, Adam, AdaGrad)
}


def make_optimizer(name: str, **settings: float) -> Optimizer:
    """Build optimiser ``name``; unknown settings raise ``ValueError``."""
    try:
        cls = OPTIMIZERS[name]
    except KeyError:
        choices = ", ".join(OPTIMIZERS)
        raise ValueError(f"unknown optimiser {name!r} (choose from {choices})") from None
    unknown = set(settings) - set(cls.hyper_parameters)
    if unknown:
        raise ValueError(f"{name} has no setting {', '.join(sorted(unknown))}")
    return cls(**settings)
