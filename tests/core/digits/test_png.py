"""The headless PNG reader: every filter type, colour types and bad files."""

import struct
import zlib

import numpy as np
import pytest

from core.digits.png import SIGNATURE, PngError, read_png, to_grey


def chunk(kind, body):
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def encode(pixels, colour, filters):
    """Encode with the given filter per row, the reference way (PNG spec 9.2)."""
    h, w = pixels.shape[:2]
    bpp = 1 if pixels.ndim == 2 else pixels.shape[2]
    rows = pixels.reshape(h, w * bpp).astype(np.int32)
    raw = b""
    prev = np.zeros(w * bpp, np.int32)
    for y in range(h):
        f = filters[y % len(filters)]
        cur = rows[y]
        left = np.concatenate([np.zeros(bpp, np.int32), cur[:-bpp]])
        up_left = np.concatenate([np.zeros(bpp, np.int32), prev[:-bpp]])
        if f == 0:
            enc = cur
        elif f == 1:
            enc = cur - left
        elif f == 2:
            enc = cur - prev
        elif f == 3:
            enc = cur - (left + prev) // 2
        else:
            p = left + prev - up_left
            pa, pb, pc = abs(p - left), abs(p - prev), abs(p - up_left)
            pred = np.where((pa <= pb) & (pa <= pc), left, np.where(pb <= pc, prev, up_left))
            enc = cur - pred
        raw += bytes([f]) + (enc & 0xFF).astype(np.uint8).tobytes()
        prev = cur
    header = struct.pack(">IIBBBBB", w, h, 8, colour, 0, 0, 0)
    return SIGNATURE + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


@pytest.mark.parametrize(("colour", "channels"), [(0, 1), (2, 3), (4, 2), (6, 4)])
def test_every_filter_type_decodes_exactly(tmp_path, colour, channels):
    rng = np.random.default_rng(colour)
    shape = (9, 7) if channels == 1 else (9, 7, channels)
    pixels = rng.integers(0, 256, shape).astype(np.uint8)
    path = tmp_path / "x.png"
    path.write_bytes(encode(pixels, colour, filters=[0, 1, 2, 3, 4]))
    assert np.array_equal(read_png(path), pixels)


def test_transparent_background_counts_as_paper():
    rgba = np.zeros((4, 4, 4), np.uint8)
    rgba[1:3, 1:3] = [0, 0, 0, 255]  # opaque black ink, the rest transparent
    grey = to_grey(rgba)
    assert grey[0, 0] == 255 and grey[1, 1] == 0


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a....", "not a PNG"),
        (SIGNATURE + chunk(b"IEND", b""), "no header"),
        (SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 16, 0, 0, 0, 0)), "8-bit"),
        (SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 0, 0, 0, 0))
         + chunk(b"IDAT", b"not zlib"), "corrupt"),
        (SIGNATURE + chunk(b"IHDR", struct.pack(">IIBBBBB", 4, 4, 8, 0, 0, 0, 0))[:-6], "truncated"),
    ],
)
def test_bad_files_are_refused(tmp_path, data, message):
    path = tmp_path / "bad.png"
    path.write_bytes(data)
    with pytest.raises(PngError, match=message):
        read_png(path)
