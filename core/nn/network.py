"""A fully connected network built from a :class:`NetworkSpec`.

All weights live in one flat buffer ``params`` (every ``W`` first, then every
``b``, then batch norm's ``γ, β`` per hidden layer) and all gradients in
``grads`` with the same layout, so an optimiser updates the whole model with a
few vectorised in-place operations, and L1/L2 penalties apply to
``params[:n_weights]`` alone.  ``state`` is ``params`` followed by batch norm's
running statistics: everything a copy must keep to give the same answers.
``forward`` records every layer's pre-activation ``Z`` (after normalisation)
and activation ``A`` so views can draw them.  Zero hidden layers is the linear
model.
"""

from __future__ import annotations

import copy
import itertools
from dataclasses import asdict, dataclass, field, replace

import numpy as np

from core.nn.activations import ACTIVATIONS, Activation, get_activation
from core.nn.initializers import INITIALIZERS, get_initializer
from core.nn.layers import BatchNorm, Dense, Dropout, LayerNorm

DTYPES = ("float32", "float64")


@dataclass(frozen=True)
class NetworkSpec:
    """Shape of a network: sizes, activations, initialiser and dtype."""

    n_inputs: int
    hidden: tuple[int, ...] = ()
    n_outputs: int = 1
    activation: str | tuple[str, ...] = "tanh"
    output_activation: str = "sigmoid"
    init: str = "xavier"
    dropout: float = 0.0
    dtype: str = "float32"
    batch_norm: bool = False  # normalise each hidden layer's weighted sums per batch
    layer_norm: bool = False  # normalise each hidden layer's weighted sums per sample
    leaky_alpha: float = field(default=0.01, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "hidden", tuple(int(h) for h in self.hidden))
        if not isinstance(self.activation, str):
            object.__setattr__(self, "activation", tuple(self.activation))
        self.validate()

    def validate(self) -> None:
        """Raise ``ValueError`` with a plain message for an impossible spec."""
        if self.n_inputs < 1 or self.n_outputs < 1:
            raise ValueError("a network needs at least one input and one output")
        if any(h < 1 for h in self.hidden):
            raise ValueError("every hidden layer needs at least one neuron")
        for name in (*self.hidden_activations, self.output_activation):
            if name not in ACTIVATIONS:
                raise ValueError(f"unknown activation {name!r}")
        if self.init not in INITIALIZERS:
            raise ValueError(f"unknown initialiser {self.init!r}")
        if not 0.0 <= self.dropout < 1.0:
            raise ValueError("dropout must be in [0, 1)")
        if self.dtype not in DTYPES:
            raise ValueError(f"dtype must be one of {DTYPES}")
        if self.batch_norm and self.layer_norm:
            raise ValueError("choose batch norm or layer norm, not both")

    @property
    def hidden_activations(self) -> tuple[str, ...]:
        if isinstance(self.activation, str):
            return (self.activation,) * len(self.hidden)
        if len(self.activation) != len(self.hidden):
            raise ValueError("give one activation per hidden layer")
        return self.activation

    @property
    def layer_sizes(self) -> tuple[int, ...]:
        return (self.n_inputs, *self.hidden, self.n_outputs)

    def to_dict(self) -> dict:
        data = asdict(self)
        data["hidden"] = list(self.hidden)
        if not isinstance(self.activation, str):
            data["activation"] = list(self.activation)
        return data

    @classmethod
    def from_dict(cls, data: dict) -> NetworkSpec:
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise ValueError(f"unknown network fields: {', '.join(sorted(unknown))}")
        return cls(**data)


class Network:
    """Multi-layer perceptron over flat parameter and gradient buffers."""

    def __init__(self, spec: NetworkSpec, rng: np.random.Generator) -> None:
        self.spec = spec
        self.dtype = np.dtype(spec.dtype)
        sizes = spec.layer_sizes
        shapes = list(itertools.pairwise(sizes))
        self.n_weights = sum(a * b for a, b in shapes)
        n_biases = sum(sizes[1:])
        normalised = spec.batch_norm or spec.layer_norm
        n_norm = 2 * sum(spec.hidden) if normalised else 0
        n_running = n_norm if spec.batch_norm else 0
        n_params = self.n_weights + n_biases + n_norm
        self.state = np.zeros(n_params + n_running, dtype=self.dtype)
        self.params = self.state[:n_params]
        self.grads = np.zeros_like(self.params)
        self.layers: list[Dense] = []
        w_off, b_off = 0, self.n_weights
        for n_in, n_out in shapes:
            w_end, b_end = w_off + n_in * n_out, b_off + n_out
            self.layers.append(
                Dense(
                    self.params[w_off:w_end].reshape(n_in, n_out),
                    self.params[b_off:b_end],
                    self.grads[w_off:w_end].reshape(n_in, n_out),
                    self.grads[b_off:b_end],
                )
            )
            w_off, b_off = w_end, b_end
        self.norms: list[BatchNorm | LayerNorm] = []
        if normalised:
            p_off, s_off = b_off, n_params
            for h in spec.hidden:
                views = {"gamma": self.params[p_off:p_off + h],
                         "beta": self.params[p_off + h:p_off + 2 * h],
                         "dgamma": self.grads[p_off:p_off + h],
                         "dbeta": self.grads[p_off + h:p_off + 2 * h]}
                if spec.layer_norm:
                    self.norms.append(LayerNorm(h, dtype=self.dtype, buffers=views))
                else:
                    views |= {"mean": self.state[s_off:s_off + h],
                              "var": self.state[s_off + h:s_off + 2 * h]}
                    self.norms.append(BatchNorm(h, dtype=self.dtype, buffers=views))
                p_off, s_off = p_off + 2 * h, s_off + 2 * h
        names = (*spec.hidden_activations, spec.output_activation)
        self.activations: list[Activation] = [get_activation(n) for n in names]
        for act in self.activations:
            if hasattr(act, "alpha"):
                act.alpha = spec.leaky_alpha
        self.dropouts = [Dropout(spec.dropout, rng) for _ in spec.hidden]
        self.dropout_rate = spec.dropout
        self.pre_activations: list[np.ndarray] = []
        self.layer_outputs: list[np.ndarray] = []
        self.initialize(rng)

    def __deepcopy__(self, memo: dict) -> Network:
        """A copy whose layers view its own flat buffers (numpy would copy each view apart).

        Rebuilt from the spec, then given this network's numbers and dropout
        generators; the forward pass's records are left out (the next pass makes them).
        """
        twin = Network(self.spec, np.random.default_rng(0))
        memo[id(self)] = twin
        twin.state[...] = self.state
        twin.grads[...] = self.grads
        twin.dropouts = copy.deepcopy(self.dropouts, memo)
        return twin

    # -- parameters ---------------------------------------------------------
    def initialize(self, rng: np.random.Generator) -> None:
        """Draw new weights with the spec's initialiser; biases start at 0."""
        init = get_initializer(self.spec.init)
        for layer in self.layers:
            W = layer.params["W"]
            W[...] = init(W.shape[0], W.shape[1], rng)
            layer.params["b"][...] = 0
        for norm in self.norms:
            norm.reset()

    @property
    def n_params(self) -> int:
        return int(self.params.size)

    @property
    def output_activation(self) -> str:
        return self.spec.output_activation

    def set_dropout(self, rate: float) -> None:
        """Change the dropout rate of every hidden layer between steps."""
        if not 0.0 <= rate < 1.0:
            raise ValueError("dropout must be in [0, 1)")
        # The spec describes this network: a copy built from it (batch norm
        # toggled, a saved model) must have the rate in use, not the first one.
        self.spec = replace(self.spec, dropout=rate)
        self.dropout_rate = rate
        for dropout in self.dropouts:
            dropout.rate = rate

    def get_weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Copies of ``(W, b)`` for every layer, input side first."""
        return [(lay.params["W"].copy(), lay.params["b"].copy()) for lay in self.layers]

    @property
    def norm_parts(self) -> tuple[str, ...]:
        """Names of each normaliser's arrays: batch norm's γ, β, μ, σ²; layer norm's γ, β."""
        return self.norms[0].parts if self.norms else ()

    def get_norms(self) -> tuple[tuple[np.ndarray, ...], ...]:
        """Copies of every hidden layer's normaliser arrays (see :attr:`norm_parts`)."""
        return tuple(n.arrays() for n in self.norms)

    def set_norms(self, norms: tuple[tuple[np.ndarray, ...], ...] | list) -> None:
        if len(norms) != len(self.norms):
            kind = "layer norm" if self.spec.layer_norm else "batch norm"
            raise ValueError(f"expected {kind} for {len(self.norms)} layers, got {len(norms)}")
        for norm, arrays in zip(self.norms, norms, strict=True):
            shape = norm.params["gamma"].shape
            if len(arrays) != len(norm.parts) or any(np.shape(a) != shape for a in arrays):
                raise ValueError("normaliser arrays do not match the layer's size")
            if not all(np.isfinite(a).all() for a in arrays) or (
                    isinstance(norm, BatchNorm) and np.any(np.asarray(arrays[3]) < 0)):
                raise ValueError("normalisers need finite numbers and variances ≥ 0")
        for norm, arrays in zip(self.norms, norms, strict=True):
            norm.load(tuple(arrays))

    def set_weights(self, weights: list[tuple[np.ndarray, np.ndarray]]) -> None:
        if len(weights) != len(self.layers):
            raise ValueError(f"expected {len(self.layers)} layers, got {len(weights)}")
        for layer, (W, b) in zip(self.layers, weights, strict=True):
            if W.shape != layer.W.shape or b.shape != layer.b.shape:
                raise ValueError(
                    f"layer shape {W.shape}/{b.shape} does not match "
                    f"{layer.W.shape}/{layer.b.shape}"
                )
            layer.params["W"][...] = W
            layer.params["b"][...] = b

    # -- computation --------------------------------------------------------
    def forward(self, X: np.ndarray, training: bool = False, logits: bool = False) -> np.ndarray:
        """Outputs for ``X`` of shape ``(n, n_inputs)``; records every ``Z`` and ``A``.

        ``training`` switches dropout on and makes batch norm use (and
        learn from) the batch's statistics.  ``logits`` stops before the
        output activation and returns its input ``Z``: a fused loss applies
        the activation itself, so training need not compute it twice.
        """
        A = np.asarray(X, dtype=self.dtype)
        Zs, As = [], []
        last = len(self.layers) - 1
        for i, (layer, act) in enumerate(zip(self.layers, self.activations, strict=True)):
            Z = layer.forward(A)
            if i < last and self.norms:
                Z = self.norms[i].forward(Z, training)
            A = Z if logits and i == last else act.forward(Z)
            Zs.append(Z)
            As.append(A)
            if i < last and training and self.dropout_rate > 0.0:
                A = self.dropouts[i].forward(A, training=True)
        self.pre_activations, self.layer_outputs = Zs, As
        return As[-1]

    def backward(
        self, grad: np.ndarray, on_logits: bool = False, need_input_grad: bool = False
    ) -> np.ndarray | None:
        """Back-propagate ``grad`` from the output; fills ``grads``.

        ``grad`` is dloss/dA of the output layer, or dloss/dZ when
        ``on_logits`` (a fused loss already applied the output activation).
        Returns dloss/dX when ``need_input_grad``.
        """
        Zs, As = self.pre_activations, self.layer_outputs
        dropout_on = self.dropout_rate > 0.0
        for i in range(len(self.layers) - 1, -1, -1):
            if i == len(self.layers) - 1:
                dZ = grad if on_logits else self.activations[i].backward(Zs[i], As[i], grad)
            else:
                if dropout_on:
                    grad = self.dropouts[i].backward(grad)
                dZ = self.activations[i].backward(Zs[i], As[i], grad)
                if self.norms:
                    dZ = self.norms[i].backward(dZ)
            grad = self.layers[i].backward(dZ, need_input_grad=i > 0 or need_input_grad)
        return grad

    def predict(self, X: np.ndarray) -> np.ndarray:
        """Outputs in evaluation mode (no dropout)."""
        return self.forward(X, training=False)


def network_from_weights(spec: NetworkSpec,
                         weights: list[tuple[np.ndarray, np.ndarray]] | tuple,
                         norms: tuple = ()) -> Network:
    """A network with the given weights (e.g. rebuilt from a snapshot in the GUI)."""
    network = Network(spec, np.random.default_rng(0))
    network.set_weights(list(weights))
    network.set_norms(norms)
    return network


def with_batch_norm(network: Network, on: bool, X: np.ndarray) -> Network:
    """The same function with batch norm switched on or off, for a live toggle.

    Switching on puts each normaliser where it changes nothing: its running
    statistics are the hidden sums' mean and variance over ``X`` (the
    training inputs) and γ, β undo them.  Switching off folds the running
    statistics into ``W`` and ``b``.  Either way the network answers as
    before in evaluation; only how it learns from here on differs.
    """
    spec = network.spec
    if spec.batch_norm == on:
        return network
    result = Network(replace(spec, batch_norm=on), np.random.default_rng(0))
    weights = network.get_weights()
    if not on:
        for i, norm in enumerate(network.norms):
            W, b = weights[i]
            scale = norm.scale
            weights[i] = (W * scale, (b - norm.running_mean) * scale + norm.params["beta"])
        result.set_weights(weights)
        return result
    result.set_weights(weights)
    network.predict(X)
    for norm, Z in zip(result.norms, network.pre_activations, strict=False):
        mean, var = Z.mean(axis=0), Z.var(axis=0)
        norm.running_mean[...] = mean
        norm.running_var[...] = var
        norm.params["gamma"][...] = np.sqrt(var + norm.epsilon)
        norm.params["beta"][...] = mean
    return result


def with_layer_norm(network: Network, on: bool, X: np.ndarray) -> Network:
    """The network with layer norm switched on or off, answering as nearly as before.

    Unlike batch norm's, this switch cannot be exact: each sample is standardised by
    its own mean and spread, which no choice of γ, β or W, b undoes for every input.
    So each layer, input side first, is fitted by least squares over ``X`` (the
    training inputs) to the weighted sums the old network computed there:
    switching on fits each hidden unit's γ, β, switching off each hidden layer's W
    and b, and either way the output layer's W and b take up what is left.
    """
    spec = network.spec
    if spec.layer_norm == on:
        return network
    if on and spec.batch_norm:
        network = with_batch_norm(network, False, X)
    result = Network(replace(network.spec, layer_norm=on), np.random.default_rng(0))
    result.set_weights(network.get_weights())
    network.predict(X)
    targets = network.pre_activations
    A = np.asarray(X, dtype=result.dtype)
    for i, layer in enumerate(result.layers):
        if on and i < len(result.norms):
            if i > 0:  # the inputs moved: first fit the sums again, then γ and β
                _fit_dense(layer, A, targets[i])
            x_hat, _ = result.norms[i].standardise(layer.forward(A))
            gamma, beta = _fit_lines(x_hat, targets[i])
            result.norms[i].load((gamma, beta))
        else:  # W, b: the hidden layers when switching off, and the output layer always,
            _fit_dense(layer, A, targets[i])  # which takes up what the others missed
        result.predict(X)
        A = result.layer_outputs[i]
    return result


def _fit_dense(layer: Dense, A: np.ndarray, Z: np.ndarray) -> None:
    """Least-squares W, b with ``A @ W + b ≈ Z``."""
    ones = np.ones((len(A), 1), dtype=np.float64)
    solution = np.linalg.lstsq(np.hstack([A.astype(np.float64), ones]),
                               Z.astype(np.float64), rcond=None)[0]
    layer.params["W"][...] = solution[:-1]
    layer.params["b"][...] = solution[-1]


def _fit_lines(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per column, the least-squares ``y ≈ γ·x + β``; a constant column gets γ = 1."""
    x, y = x.astype(np.float64), y.astype(np.float64)
    dx = x - x.mean(axis=0)
    spread = (dx * dx).sum(axis=0)
    gamma = np.divide((dx * (y - y.mean(axis=0))).sum(axis=0), spread,
                      out=np.ones_like(spread), where=spread > 1e-12)
    return gamma, y.mean(axis=0) - gamma * x.mean(axis=0)
