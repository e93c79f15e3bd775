"""Layers with ``forward`` / ``backward``: dense (y = Wx + b), activation, dropout.

Each layer caches in ``forward`` what ``backward`` needs.  A trainable layer
keeps ``params`` and ``grads`` dicts with the same keys (``"W"``, ``"b"``);
``backward(dY)`` fills ``grads`` and returns the gradient for the layer's input.
Arrays are ``(n_samples, n_features)``; a ``Dense`` can own its arrays or be
handed views into the network's flat parameter buffer.
"""

from __future__ import annotations

import numpy as np

from core.activations import Activation, get_activation


class Dense:
    """Affine layer ``Z = X @ W + b`` with ``W`` of shape ``(n_in, n_out)``."""

    def __init__(
        self,
        W: np.ndarray,
        b: np.ndarray,
        dW: np.ndarray | None = None,
        db: np.ndarray | None = None,
    ) -> None:
        self.params = {"W": W, "b": b}
        self.grads = {
            "W": np.zeros_like(W) if dW is None else dW,
            "b": np.zeros_like(b) if db is None else db,
        }
        self._X: np.ndarray | None = None

    @property
    def W(self) -> np.ndarray:
        return self.params["W"]

    @property
    def b(self) -> np.ndarray:
        return self.params["b"]

    def forward(self, X: np.ndarray) -> np.ndarray:
        self._X = X
        Z = X @ self.params["W"]
        Z += self.params["b"]
        return Z

    def backward(self, dZ: np.ndarray, need_input_grad: bool = True) -> np.ndarray | None:
        """Fill ``grads`` and return ``dZ @ Wᵀ``: the error sent back a layer."""
        X = self._X
        if X is None:
            raise RuntimeError("backward() called before forward()")
        np.matmul(X.T, dZ, out=self.grads["W"])
        np.add.reduce(dZ, axis=0, out=self.grads["b"])
        return dZ @ self.params["W"].T if need_input_grad else None


class ActivationLayer:
    """Wraps an :class:`Activation` as a layer (no parameters)."""

    def __init__(self, activation: Activation | str) -> None:
        self.activation = (
            get_activation(activation) if isinstance(activation, str) else activation
        )
        self._Z: np.ndarray | None = None
        self._A: np.ndarray | None = None

    def forward(self, Z: np.ndarray) -> np.ndarray:
        self._Z = Z
        self._A = self.activation.forward(Z)
        return self._A

    def backward(self, dA: np.ndarray) -> np.ndarray:
        if self._Z is None or self._A is None:
            raise RuntimeError("backward() called before forward()")
        return self.activation.backward(self._Z, self._A, dA)


class Dropout:
    """Inverted dropout: in training, zero a unit with probability ``rate``.

    Survivors are scaled by ``1/(1-rate)`` so evaluation needs no rescaling.
    """

    def __init__(self, rate: float, rng: np.random.Generator) -> None:
        if not 0.0 <= rate < 1.0:
            raise ValueError(f"dropout rate must be in [0, 1), got {rate}")
        self.rate = rate
        self.rng = rng
        self._mask: np.ndarray | None = None

    def forward(self, X: np.ndarray, training: bool = True) -> np.ndarray:
        if not training or self.rate == 0.0:
            self._mask = None
            return X
        keep = 1.0 - self.rate
        self._mask = (self.rng.random(X.shape) < keep).astype(X.dtype) / X.dtype.type(keep)
        return X * self._mask

    def backward(self, dY: np.ndarray) -> np.ndarray:
        return dY if self._mask is None else dY * self._mask


NORM_EPSILON = 1e-5  # batch norm's ε: keeps √(σ² + ε) away from zero


class BatchNorm:
    """Batch normalisation: ``γ·(x − μ)/√(σ² + ε) + β`` per feature.

    In training the batch's own mean and variance are used and running
    averages are updated; in evaluation the running averages are used, so a
    prediction does not depend on which other samples share its batch.
    """

    def __init__(self, n_features: int, momentum: float = 0.9, epsilon: float = NORM_EPSILON,
                 dtype: str | np.dtype = "float32",
                 buffers: dict[str, np.ndarray] | None = None) -> None:
        """``buffers`` hands in views (``gamma``, ``beta``, their gradients ``dgamma``,
        ``dbeta``, and ``mean``, ``var``) into a network's flat arrays."""
        b = buffers or {k: np.zeros(n_features, dtype=dtype)
                        for k in ("gamma", "beta", "dgamma", "dbeta", "mean", "var")}
        self.params = {"gamma": b["gamma"], "beta": b["beta"]}
        self.grads = {"gamma": b["dgamma"], "beta": b["dbeta"]}
        self.running_mean, self.running_var = b["mean"], b["var"]
        self.momentum = momentum
        self.epsilon = epsilon
        self._cache: tuple[np.ndarray, np.ndarray, bool] | None = None
        self.reset()

    def reset(self) -> None:
        """The identity on standardised inputs: γ = 1, β = 0, μ = 0, σ² = 1."""
        self.params["gamma"][...] = 1
        self.params["beta"][...] = 0
        self.running_mean[...] = 0
        self.running_var[...] = 1

    @property
    def scale(self) -> np.ndarray:
        """γ/√(σ² + ε) of the running statistics: what evaluation multiplies by."""
        return self.params["gamma"] / np.sqrt(self.running_var + self.epsilon)

    def forward(self, X: np.ndarray, training: bool = True) -> np.ndarray:
        """In training, a batch of one sample is normalised with the running
        statistics (its own variance is 0: it would erase the sample), and
        does not move them."""
        gamma, beta = self.params["gamma"], self.params["beta"]
        if not training:
            self._cache = None
            return (X - self.running_mean) * self.scale + beta
        if X.shape[0] == 1:
            inv_std = 1.0 / np.sqrt(self.running_var + self.epsilon)
            x_hat = (X - self.running_mean) * inv_std
            self._cache = (x_hat, inv_std, False)
            return gamma * x_hat + beta
        mean, var = X.mean(axis=0), X.var(axis=0)
        inv_std = 1.0 / np.sqrt(var + self.epsilon)
        x_hat = (X - mean) * inv_std
        m = self.momentum
        self.running_mean[...] = m * self.running_mean + (1 - m) * mean
        self.running_var[...] = m * self.running_var + (1 - m) * var
        self._cache = (x_hat, inv_std, True)
        return gamma * x_hat + beta

    def backward(self, dY: np.ndarray) -> np.ndarray:
        """Gradient through the batch statistics too (every sample moves μ and σ)."""
        if self._cache is None:
            raise RuntimeError("backward() needs a forward() in training mode")
        x_hat, inv_std, batch_statistics = self._cache
        n = dY.shape[0]
        self.grads["gamma"][...] = (dY * x_hat).sum(axis=0)
        self.grads["beta"][...] = dY.sum(axis=0)
        dx_hat = dY * self.params["gamma"]
        if not batch_statistics:  # fixed μ and σ: an affine map
            return dx_hat * inv_std
        return (inv_std / n) * (n * dx_hat - dx_hat.sum(axis=0)
                                - x_hat * (dx_hat * x_hat).sum(axis=0))
