"""Layers with ``forward`` / ``backward``: dense (y = Wx + b), dropout, batch and
layer normalisation.

Each layer caches in ``forward`` what ``backward`` needs.  A trainable layer
keeps ``params`` and ``grads`` dicts with the same keys (``"W"``, ``"b"``);
``backward(dY)`` fills ``grads`` and returns the gradient for the layer's input.
Arrays are ``(n_samples, n_features)``; a ``Dense`` can own its arrays or be
handed views into the network's flat parameter buffer.
"""

from __future__ import annotations

import numpy as np


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

    parts = ("gamma", "beta", "mean", "var")  # what :meth:`arrays` returns, in order

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

    def arrays(self) -> tuple[np.ndarray, ...]:
        """Copies of γ, β and the running mean and variance (see ``parts``)."""
        return (self.params["gamma"].copy(), self.params["beta"].copy(),
                self.running_mean.copy(), self.running_var.copy())

    def load(self, arrays: tuple[np.ndarray, ...]) -> None:
        """Put back what :meth:`arrays` returned (checked by the network)."""
        gamma, beta, mean, var = arrays
        self.params["gamma"][...] = gamma
        self.params["beta"][...] = beta
        self.running_mean[...] = mean
        self.running_var[...] = var

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


class LayerNorm:
    """Layer normalisation: ``γ·(x − μ)/√(σ² + ε) + β`` with μ, σ² over one sample's units.

    Unlike batch norm it needs no batch and no running statistics: each sample is
    standardised on its own, so training and evaluation compute the same thing.
    (A layer of one unit has σ² = 0 and always outputs β.)
    """

    parts = ("gamma", "beta")

    def __init__(self, n_features: int, epsilon: float = NORM_EPSILON,
                 dtype: str | np.dtype = "float32",
                 buffers: dict[str, np.ndarray] | None = None) -> None:
        """``buffers`` hands in views (``gamma``, ``beta``, ``dgamma``, ``dbeta``)."""
        b = buffers or {k: np.zeros(n_features, dtype=dtype)
                        for k in ("gamma", "beta", "dgamma", "dbeta")}
        self.params = {"gamma": b["gamma"], "beta": b["beta"]}
        self.grads = {"gamma": b["dgamma"], "beta": b["dbeta"]}
        self.epsilon = epsilon
        self._cache: tuple[np.ndarray, np.ndarray] | None = None
        self.reset()

    def reset(self) -> None:
        self.params["gamma"][...] = 1
        self.params["beta"][...] = 0

    def arrays(self) -> tuple[np.ndarray, ...]:
        return self.params["gamma"].copy(), self.params["beta"].copy()

    def load(self, arrays: tuple[np.ndarray, ...]) -> None:
        gamma, beta = arrays
        self.params["gamma"][...] = gamma
        self.params["beta"][...] = beta

    def standardise(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(x̂, 1/√(σ² + ε))`` of every row of ``X`` (n, units)."""
        mean = X.mean(axis=1, keepdims=True)
        inv_std = 1.0 / np.sqrt(X.var(axis=1, keepdims=True) + self.epsilon)
        return (X - mean) * inv_std, inv_std

    def forward(self, X: np.ndarray, training: bool = True) -> np.ndarray:
        x_hat, inv_std = self.standardise(X)
        self._cache = (x_hat, inv_std)
        return self.params["gamma"] * x_hat + self.params["beta"]

    def backward(self, dY: np.ndarray) -> np.ndarray:
        """Gradient through each row's own μ and σ (every unit moves them)."""
        if self._cache is None:
            raise RuntimeError("backward() called before forward()")
        x_hat, inv_std = self._cache
        units = dY.shape[1]
        self.grads["gamma"][...] = (dY * x_hat).sum(axis=0)
        self.grads["beta"][...] = dY.sum(axis=0)
        dx_hat = dY * self.params["gamma"]
        return (inv_std / units) * (units * dx_hat - dx_hat.sum(axis=1, keepdims=True)
                                    - x_hat * (dx_hat * x_hat).sum(axis=1, keepdims=True))
