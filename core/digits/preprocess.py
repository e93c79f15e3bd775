"""Turn a drawing into an MNIST-style 28×28 digit, as MNIST itself was made.

MNIST digits were size-normalised to fit a 20×20 box (keeping their aspect
ratio, with anti-aliasing) and then centred in 28×28 by their centre of mass.
A drawing must go through the same steps or the network sees something it was
never trained on.  Images are float arrays ``(height, width)`` with ink = 1.
"""

from __future__ import annotations

import numpy as np

SIDE = 28
BOX = 20
# Where MNIST puts the centre of mass, in pixel indices: measured on the
# bundled digits as 13.98 ± 0.29 on both axes (not the geometric 13.5).
CENTRE = 14.0
INK_THRESHOLD = 0.05


def ink_bounding_box(image: np.ndarray) -> tuple[int, int, int, int] | None:
    """``(top, bottom, left, right)`` (exclusive ends) of the ink, or ``None``."""
    rows = np.flatnonzero((image > INK_THRESHOLD).any(axis=1))
    cols = np.flatnonzero((image > INK_THRESHOLD).any(axis=0))
    if not len(rows):
        return None
    return int(rows[0]), int(rows[-1]) + 1, int(cols[0]), int(cols[-1]) + 1


def resample_area(image: np.ndarray, height: int, width: int) -> np.ndarray:
    """Resize by area averaging: each output pixel is the mean of what it covers.

    This is the anti-aliased down-scaling MNIST used; it also up-scales (as a
    box filter) when a drawing is smaller than the target.
    """
    h, w = image.shape

    def weights(n_in: int, n_out: int) -> np.ndarray:
        # W[o, i] = overlap of input cell i with output cell o, rows sum to 1.
        edges_in = np.arange(n_in + 1) / n_in
        edges_out = np.arange(n_out + 1) / n_out
        lo = np.maximum(edges_out[:-1, None], edges_in[None, :-1])
        hi = np.minimum(edges_out[1:, None], edges_in[None, 1:])
        overlap = np.clip(hi - lo, 0, None)
        return overlap / overlap.sum(axis=1, keepdims=True)

    return weights(h, height) @ image @ weights(w, width).T


def centre_of_mass(image: np.ndarray) -> tuple[float, float]:
    total = image.sum()
    rows, cols = np.indices(image.shape)
    return float((rows * image).sum() / total), float((cols * image).sum() / total)


def to_mnist(image: np.ndarray) -> np.ndarray:
    """A drawing ``(h, w)`` in [0, 1] → ``(28, 28)`` float32 in [0, 1], MNIST-style.

    A blank drawing gives an all-zero image.
    """
    image = np.clip(np.asarray(image, dtype=np.float64), 0.0, 1.0)
    box = ink_bounding_box(image)
    out = np.zeros((SIDE, SIDE))
    if box is None:
        return out.astype(np.float32)
    top, bottom, left, right = box
    ink = image[top:bottom, left:right]
    h, w = ink.shape
    scale = BOX / max(h, w)
    new_h, new_w = max(1, round(h * scale)), max(1, round(w * scale))
    digit = resample_area(ink, new_h, new_w)
    # Paste with the box centred, then shift so the centre of mass is centred;
    # a shift by whole pixels keeps the ink exact (no second resampling).
    r0, c0 = (SIDE - new_h) // 2, (SIDE - new_w) // 2
    out[r0 : r0 + new_h, c0 : c0 + new_w] = digit
    cy, cx = centre_of_mass(out)
    dy, dx = round(CENTRE - cy), round(CENTRE - cx)
    # Never shift ink off the canvas (a very lopsided digit stays whole).
    dy = int(np.clip(dy, -r0, SIDE - (r0 + new_h)))
    dx = int(np.clip(dx, -c0, SIDE - (c0 + new_w)))
    out = np.roll(out, (dy, dx), axis=(0, 1))
    return out.astype(np.float32)


def as_bytes(digit: np.ndarray) -> np.ndarray:
    """A digit in [0, 1] (from :func:`to_mnist`) as bytes 0–255, the form MNIST's are in."""
    return np.round(np.asarray(digit) * 255).astype(np.uint8)


def from_photo(pixels: np.ndarray) -> np.ndarray:
    """Grey levels (0–255, any size) of a drawn digit → ink in [0, 1].

    Dark-on-light images are inverted so the ink is bright, as in MNIST;
    the background is taken as the median grey level.
    """
    grey = np.asarray(pixels, dtype=np.float64) / 255.0
    if np.median(grey) > 0.5:
        grey = 1.0 - grey
    background = np.median(grey)
    span = max(grey.max() - background, 1e-6)
    return np.clip((grey - background) / span, 0.0, 1.0)
