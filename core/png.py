"""A small PNG reader and writer (standard library + numpy), for headless use.

``predict`` reads a PNG of a drawn digit and core may not use Qt, so this
decodes the common cases: 8-bit greyscale, grey+alpha, RGB, RGBA and palette
images, not interlaced.  Anything else is refused with a clear message.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path

import numpy as np

from core.fileio import atomic_write_bytes

SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_PIXELS = 50_000_000
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


class PngError(ValueError):
    """A PNG this reader cannot use; the message says why."""


def _chunks(data: bytes):
    pos = len(SIGNATURE)
    while pos + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        if len(body) != length:
            raise PngError("the file is truncated")
        yield kind, body
        pos += 12 + length


def _unfilter(raw: bytes, height: int, stride: int, bpp: int) -> np.ndarray:
    rows = np.zeros((height, stride), dtype=np.uint8)
    previous = np.zeros(stride, dtype=np.int32)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = np.frombuffer(raw, np.uint8, stride, start + 1).astype(np.int32)
        if kind == 0:
            out = line
        elif kind == 2:
            out = (line + previous) & 0xFF
        elif kind == 1:  # running sum of each channel along the row
            out = (np.cumsum(line.reshape(-1, bpp), axis=0) & 0xFF).reshape(-1)
        elif kind in (3, 4):
            out = line.copy()
            # These filters depend on the pixel to the left: one pass per pixel.
            for x in range(stride):
                left = out[x - bpp] if x >= bpp else 0
                up = previous[x]
                if kind == 3:
                    predictor = (left + up) >> 1
                else:
                    up_left = previous[x - bpp] if x >= bpp else 0
                    p = left + up - up_left
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - up_left)
                    predictor = left if pa <= pb and pa <= pc else up if pb <= pc else up_left
                out[x] = (out[x] + predictor) & 0xFF
        else:
            raise PngError(f"unknown PNG filter type {kind}")
        rows[y] = out
        previous = out
    return rows


def read_png(path: str | os.PathLike) -> np.ndarray:
    """Pixels as uint8 ``(h, w)`` (grey) or ``(h, w, 3|4)`` (colour)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise PngError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not data.startswith(SIGNATURE):
        raise PngError(f"{Path(path).name} is not a PNG image")
    header, palette, compressed = None, None, []
    for kind, body in _chunks(data):
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"PLTE":
            palette = np.frombuffer(body, np.uint8).reshape(-1, 3)
        elif kind == b"IDAT":
            compressed.append(body)
    if header is None:
        raise PngError("the PNG has no header")
    width, height, depth, colour, _, _, interlace = header
    if depth != 8 or colour not in _CHANNELS or interlace:
        raise PngError("only 8-bit, non-interlaced PNG images are supported")
    if width * height > MAX_PIXELS or not width or not height:
        raise PngError(f"an image of {width}×{height} pixels is not a drawing")
    channels = _CHANNELS[colour]
    stride = width * channels
    try:
        raw = zlib.decompress(b"".join(compressed), bufsize=height * (stride + 1))
    except zlib.error as exc:
        raise PngError(f"the PNG data is corrupt: {exc}") from exc
    if len(raw) < height * (stride + 1):
        raise PngError("the PNG data is truncated")
    pixels = _unfilter(raw, height, stride, channels).reshape(height, width, channels)
    if colour == 3:
        if palette is None:
            raise PngError("a palette PNG without a palette")
        return palette[np.minimum(pixels[..., 0], len(palette) - 1)]
    return pixels[..., 0] if channels == 1 else pixels


def to_grey(pixels: np.ndarray) -> np.ndarray:
    """Grey levels 0–255 as float; transparent pixels count as the background."""
    if pixels.ndim == 2:
        return pixels.astype(np.float64)
    colour = pixels[..., :3] if pixels.shape[2] >= 3 else pixels[..., :1]
    grey = colour.astype(np.float64).mean(axis=2)
    if pixels.shape[2] in (2, 4):
        alpha = pixels[..., -1].astype(np.float64) / 255.0
        opaque = alpha > 0.5
        dark_ink = not opaque.any() or grey[opaque].mean() < 128
        paper = 255.0 if dark_ink else 0.0  # transparent pixels are paper, not ink
        grey = grey * alpha + paper * (1.0 - alpha)
    return grey


def png_bytes(grey: np.ndarray) -> bytes:
    """Encode a uint8 ``(h, w)`` image as a greyscale PNG."""
    grey = np.ascontiguousarray(grey, dtype=np.uint8)
    height, width = grey.shape
    raw = b"".join(b"\x00" + grey[y].tobytes() for y in range(height))

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + \
        chunk(b"IEND", b"")


def write_png(path: str | os.PathLike, grey: np.ndarray) -> None:
    atomic_write_bytes(path, png_bytes(grey))
