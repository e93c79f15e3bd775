"""A small, hardened PNG reader (standard library + numpy), for headless use.

``predict`` reads a PNG of a drawn digit and core may not use Qt, so this
decodes the common cases: 8-bit greyscale, grey+alpha, RGB, RGBA and palette
images, not interlaced.  The file is untrusted: it is read chunk by chunk up
to IEND and no further, every chunk's CRC is checked, the header and palette
must have their exact sizes, the image's declared size is checked against
core.util.limits before anything is inflated, and inflating stops at the size the
header declares (a decompression bomb costs nothing).  Anything else is
refused with a one-line :class:`PngError`.
"""

from __future__ import annotations

import os
import struct
import zlib
from pathlib import Path
from typing import BinaryIO

import numpy as np

from core.util.fileio import FileError, open_regular
from core.util.limits import MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE, MAX_PNG_FILE_BYTES

SIGNATURE = b"\x89PNG\r\n\x1a\n"
_CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}


class PngError(FileError):
    """A PNG this reader cannot use; the message says why."""


def _read_exact(handle: BinaryIO, n: int) -> bytes:
    data = handle.read(n)
    if len(data) != n:
        raise PngError("the file is truncated")
    return data


def _chunks(handle: BinaryIO):
    """``(kind, body)`` of each chunk up to and including IEND, CRCs checked."""
    while True:
        length, kind = struct.unpack(">I4s", _read_exact(handle, 8))
        if length > MAX_PNG_FILE_BYTES:
            raise PngError(f"a chunk declares {length:,} bytes")
        body = _read_exact(handle, length)
        (crc,) = struct.unpack(">I", _read_exact(handle, 4))
        if zlib.crc32(kind + body) != crc:
            raise PngError(f"the {kind.decode('latin1')!r} chunk is damaged (wrong checksum)")
        yield kind, body
        if kind == b"IEND":
            return


def _header(body: bytes) -> tuple[int, int, int]:
    """``(width, height, colour type)`` from an IHDR chunk, within the image budgets."""
    if len(body) != 13:
        raise PngError(f"the PNG header has {len(body)} bytes, not 13")
    width, height, depth, colour, compression, filtering, interlace = \
        struct.unpack(">IIBBBBB", body)
    if depth != 8 or colour not in _CHANNELS or interlace or compression or filtering:
        raise PngError("only 8-bit, non-interlaced PNG images are supported")
    if not 1 <= width <= MAX_IMAGE_SIDE or not 1 <= height <= MAX_IMAGE_SIDE or \
            width * height > MAX_IMAGE_PIXELS or \
            height * (width * _CHANNELS[colour] + 1) > MAX_IMAGE_BYTES:
        raise PngError(f"an image of {width:,}×{height:,} pixels is larger than a drawing "
                       f"needs (at most {MAX_IMAGE_PIXELS:,} pixels, {MAX_IMAGE_SIDE} per "
                       f"side, {MAX_IMAGE_BYTES >> 20} MB of pixel data); scale it down")
    return width, height, colour


def _palette(body: bytes) -> np.ndarray:
    if not body or len(body) % 3 or len(body) > 3 * 256:
        raise PngError(f"the palette has {len(body)} bytes, not 3 per colour (1–256 colours)")
    return np.frombuffer(body, np.uint8).reshape(-1, 3)


def _unfilter(raw: bytes, height: int, stride: int, bpp: int) -> np.ndarray:
    rows = np.zeros((height, stride), dtype=np.uint8)
    previous = bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind = raw[start]
        line = raw[start + 1 : start + 1 + stride]
        if kind == 0:
            out = line
        elif kind == 1:  # running sum of each channel along the row
            sums = np.cumsum(np.frombuffer(line, np.uint8).reshape(-1, bpp), axis=0)
            out = (sums & 0xFF).astype(np.uint8).tobytes()
        elif kind == 2:
            out = (np.frombuffer(line, np.uint8) + np.frombuffer(previous, np.uint8)).tobytes()
        elif kind in (3, 4):
            out = _unfilter_sequential(bytearray(line), previous, bpp, kind == 4)
        else:
            raise PngError(f"unknown PNG filter type {kind}")
        rows[y] = np.frombuffer(out, np.uint8)
        previous = bytes(out)
    return rows


def _unfilter_sequential(out: bytearray, up: bytes, bpp: int, paeth: bool) -> bytearray:
    """Average and Paeth depend on the pixel to the left: one pass per byte, plain ints."""
    for x in range(min(bpp, len(out))):  # no pixel to the left: left = up_left = 0
        out[x] = (out[x] + (up[x] if paeth else up[x] >> 1)) & 0xFF
    if paeth:
        for x in range(bpp, len(out)):
            a, b, c = out[x - bpp], up[x], up[x - bpp]
            pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - c - c)
            out[x] = (out[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
    else:
        for x in range(bpp, len(out)):
            out[x] = (out[x] + ((out[x - bpp] + up[x]) >> 1)) & 0xFF
    return out


def read_png(path: str | os.PathLike) -> np.ndarray:
    """Pixels as uint8 ``(h, w)`` (grey) or ``(h, w, 3|4)`` (colour)."""
    try:
        with open_regular(path, MAX_PNG_FILE_BYTES, "PNG image") as handle:
            if handle.read(len(SIGNATURE)) != SIGNATURE:
                raise PngError(f"{Path(path).name} is not a PNG image")
            return _decode(handle)
    except PngError:
        raise
    except FileError as exc:
        raise PngError(str(exc)) from None
    except OSError as exc:
        raise PngError(f"cannot read {Path(path).name}: {exc.strerror or exc}") from None


def _decode(handle: BinaryIO) -> np.ndarray:
    header, palette, raw, expected = None, None, bytearray(), 0
    inflate = zlib.decompressobj()
    for kind, body in _chunks(handle):
        if header is None and kind != b"IHDR":
            raise PngError("the PNG has no header")
        if kind == b"IHDR":
            if header is not None:
                raise PngError("the PNG has two headers")
            header = _header(body)
            width, height, colour = header
            expected = height * (width * _CHANNELS[colour] + 1)
        elif kind == b"PLTE":
            palette = _palette(body)
        elif kind == b"IDAT" and len(raw) < expected:
            try:
                # Never inflate past what the header declares: a bomb stops here.
                raw += inflate.decompress(body, expected - len(raw))
            except zlib.error as exc:
                raise PngError(f"the PNG data is corrupt: {exc}") from None
    if header is None:
        raise PngError("the PNG has no header")
    width, height, colour = header
    if len(raw) < expected:
        raise PngError("the PNG data is truncated")
    channels = _CHANNELS[colour]
    pixels = _unfilter(bytes(raw), height, width * channels, channels)
    pixels = pixels.reshape(height, width, channels)
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

