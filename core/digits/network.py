"""Digit recognition: 784 inputs (28×28 pixels) → hidden layers → 10 outputs.

The split of the bundled 5,000 digits is fixed and stratified (the last 100 of
each class are held out for validation), so the shipped model's score on
digits it never saw can be checked by anyone.  Augmentation shifts, rotates
and adds noise to each mini-batch so a small training set goes further.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from core.digits.preprocess import as_bytes, to_mnist
from core.nn.network import Network, NetworkSpec
from core.nn.optimizers import make_optimizer
from core.nn.regularization import Penalty
from core.training.scaled_rows import ScaledRows
from core.training.tasks import MULTICLASS
from core.training.trainer import Trainer

SCALINGS = ("0-1", "0.01-0.99")
VALIDATION_PER_CLASS = 100


def scaled_images(images: np.ndarray, scaling: str = "0-1") -> ScaledRows:
    """uint8 images ``(n, 28, 28)`` as rows ``(n, 784)`` in [0, 1], read as float32.

    "0.01-0.99" is the notes' choice: no input exactly 0, so every weight
    gets some gradient; "0-1" is the common one.
    """
    if scaling not in SCALINGS:
        raise ValueError(f"input scaling must be one of {SCALINGS}")
    if scaling == "0.01-0.99":
        return ScaledRows(images, 0.98 / 255, 0.01)
    return ScaledRows(images, 1 / 255)


def digits_rows(digits: tuple[np.ndarray, np.ndarray],
                scaling: str = "0-1") -> tuple[ScaledRows, np.ndarray]:
    """uint8 ``(images, labels)`` as a trainer's inputs and one-hot targets."""
    images, labels = digits
    return scaled_images(images, scaling), np.eye(10, dtype=np.float32)[labels]


def scale_inputs(images: np.ndarray, scaling: str = "0-1") -> np.ndarray:
    """uint8 images ``(n, 28, 28)`` → float32 rows ``(n, 784)`` (see ``scaled_images``)."""
    return scaled_images(images, scaling)[:]


def validation_split(labels: np.ndarray,
                     per_class: int = VALIDATION_PER_CLASS) -> tuple[np.ndarray, np.ndarray]:
    """Indices ``(train, validation)``: the last ``per_class`` of each class held out."""
    held = np.concatenate([np.flatnonzero(labels == k)[-per_class:] for k in range(10)])
    mask = np.ones(len(labels), dtype=bool)
    mask[held] = False
    return np.flatnonzero(mask), np.sort(held)


@dataclass(frozen=True)
class Augmentation:
    """Random distortions applied to every training batch (not to validation)."""

    shift: int = 0            # pixels, uniformly in [-shift, shift] per axis
    rotation: float = 0.0     # degrees, uniformly in [-rotation, rotation]
    noise: float = 0.0        # std of Gaussian noise added to the pixels

    @property
    def active(self) -> bool:
        return self.shift > 0 or self.rotation > 0 or self.noise > 0

    def __call__(self, X: np.ndarray, rng: np.random.Generator) -> np.ndarray:
        """Distort a batch ``(n, 784)`` with one bilinear resampling per image."""
        n = len(X)
        images = X.reshape(n, 28, 28)
        angle = np.deg2rad(rng.uniform(-self.rotation, self.rotation, n))
        shift = rng.integers(-self.shift, self.shift + 1, (n, 2))
        rows, cols = np.indices((28, 28), dtype=np.float32) - np.float32(13.5)
        cos, sin = np.cos(angle)[:, None, None], np.sin(angle)[:, None, None]
        # Inverse map: where does each output pixel come from in the source?
        src_r = cos * rows[None] - sin * cols[None] + 13.5 - shift[:, 0, None, None]
        src_c = sin * rows[None] + cos * cols[None] + 13.5 - shift[:, 1, None, None]
        out = _bilinear(images, src_r, src_c)
        if self.noise > 0:
            out = out + rng.normal(0.0, self.noise, out.shape)
        low, high = float(X.min(initial=0.0)), float(X.max(initial=1.0))
        return np.clip(out, low, high).reshape(n, 784).astype(X.dtype, copy=False)


def _bilinear(images: np.ndarray, r: np.ndarray, c: np.ndarray) -> np.ndarray:
    """Sample ``images`` ``(n, h, w)`` at fractional ``(r, c)``; outside is 0."""
    n, h, w = images.shape
    padded = np.zeros((n, h + 2, w + 2), dtype=images.dtype)
    padded[:, 1:-1, 1:-1] = images
    r = np.clip(r + 1, 0, h + 0.999)
    c = np.clip(c + 1, 0, w + 0.999)
    r0, c0 = np.floor(r).astype(np.intp), np.floor(c).astype(np.intp)
    fr, fc = r - r0, c - c0
    idx = np.arange(n)[:, None, None]

    def at(dr: int, dc: int) -> np.ndarray:
        return padded[idx, np.minimum(r0 + dr, h + 1), np.minimum(c0 + dc, w + 1)]

    top = at(0, 0) * (1 - fc) + at(0, 1) * fc
    bottom = at(1, 0) * (1 - fc) + at(1, 1) * fc
    return top * (1 - fr) + bottom * fr


def digits_spec(hidden: tuple[int, ...], activation: str = "relu", dropout: float = 0.0,
                dtype: str = "float32") -> NetworkSpec:
    init = "he" if activation in ("relu", "leaky_relu") else "xavier"
    return NetworkSpec(784, hidden, 10, activation, "softmax", init=init, dropout=dropout,
                       dtype=dtype)


def make_digits_trainer(
    train: tuple[np.ndarray, np.ndarray],
    validation: tuple[np.ndarray, np.ndarray],
    *,
    hidden: tuple[int, ...] = (128,),
    activation: str = "relu",
    optimizer: str = "adam",
    learning_rate: float = 1e-3,
    batch_size: int = 64,
    l2: float = 0.0,
    dropout: float = 0.0,
    scaling: str = "0-1",
    augmentation: Augmentation | None = None,
    seed: int = 0,
    dtype: str = "float32",
) -> Trainer:
    """A trainer for uint8 ``(images, labels)`` pairs; validation is the test set."""
    rng = np.random.default_rng(seed)
    network = Network(digits_spec(hidden, activation, dropout, dtype), rng)
    augment: Callable | None = augmentation if augmentation and augmentation.active else None
    return Trainer(
        network, make_optimizer(optimizer, learning_rate=learning_rate), "cross_entropy",
        *digits_rows(train, scaling), *digits_rows(validation, scaling),
        task=MULTICLASS, batch_size=batch_size, penalty=Penalty(0.0, l2), rng=rng,
        augment=augment, running_train_metrics=True,
    )


def per_class_accuracy(probabilities: np.ndarray, labels: np.ndarray) -> list[float]:
    predicted = probabilities.argmax(axis=1)
    return [float((predicted[labels == k] == k).mean()) if (labels == k).any() else float("nan")
            for k in range(10)]


@dataclass(frozen=True)
class Recognition:
    """What the network makes of one drawing, layer by layer."""

    digit_image: np.ndarray               # (28, 28) in [0, 1], as the network sees it
    probabilities: np.ndarray             # (10,)
    pre_activations: tuple[np.ndarray, ...]  # weighted sums per layer, (n_units,)
    activations: tuple[np.ndarray, ...]      # outputs per layer, (n_units,)

    @property
    def digit(self) -> int:
        return int(self.probabilities.argmax())

    @property
    def blank(self) -> bool:
        return not self.digit_image.any()


def recognise(network: Network, ink: np.ndarray, scaling: str = "0-1") -> Recognition:
    """Preprocess a drawing (ink in [0, 1], any size) and run it through ``network``."""
    digit = to_mnist(ink)
    image = as_bytes(digit)[None]
    probabilities = network.predict(scale_inputs(image, scaling))[0]
    return Recognition(
        digit_image=digit,
        probabilities=probabilities.copy(),
        pre_activations=tuple(z[0].copy() for z in network.pre_activations),
        activations=tuple(a[0].copy() for a in network.layer_outputs),
    )


def tile_images(images: np.ndarray, columns: int, gap: int = 1,
                fill: float = 0.0) -> np.ndarray:
    """Lay ``(m, h, w)`` images out in a grid ``(rows·(h+gap), columns·(w+gap))``."""
    m, h, w = images.shape
    rows = max(1, -(-m // columns))
    out = np.full((rows * (h + gap), columns * (w + gap)), fill, dtype=np.float32)
    for k in range(m):  # m ≤ a few hundred tiles, drawn once per epoch
        r, c = divmod(k, columns)
        out[r * (h + gap): r * (h + gap) + h, c * (w + gap): c * (w + gap) + w] = images[k]
    return out


def first_layer_images(W: np.ndarray) -> np.ndarray:
    """First-layer weights ``(784, n)`` → ``(n, 28, 28)`` scaled to [-1, 1] each."""
    images = W.T.reshape(-1, 28, 28)
    scale = np.abs(images).max(axis=(1, 2), keepdims=True)
    return images / np.maximum(scale, 1e-8)
