"""Property tests: whatever the bytes, each reader returns a checked value or its file error.

Hypothesis generates the structured formats' contents (CSV text, JSON settings,
PNG chunks, .npy headers); no other exception may escape, and every value
that comes back is finite in the dtype it will live in.
"""

from __future__ import annotations

import contextlib
import struct
import zlib

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.data.datasets import DataFileError, parse_points_csv
from core.digits.png import SIGNATURE, PngError, read_png
from core.sessions.archive import SessionFileError
from core.sessions.session import open_session
from core.settings_table import table
from core.util.fileio import FileError, parse_json, parse_npy
from tests.hostile_corpus import png_chunk, session_file

FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture])
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner,
                                                                max_size=4),
    max_leaves=12)


@FAST
@given(st.text(alphabet="0123456789.,-+eE naifNI\ufeff\"\n\r", max_size=200))
def test_csv_text_is_points_or_a_data_file_error(text):
    try:
        data = parse_points_csv(text)
    except DataFileError:
        return
    assert data.X.dtype == np.float32 and np.isfinite(data.X).all()
    assert np.isfinite(data.y.astype(np.float32)).all()


@FAST
@given(st.binary(max_size=300))
def test_json_bytes_are_a_value_or_a_file_error(data):
    with contextlib.suppress(FileError):
        parse_json(data, "the text")


@FAST
@given(st.text(alphabet="[]{}\"\\:,1", max_size=300))
def test_json_brackets_never_recurse_out_of_control(text):
    with contextlib.suppress(FileError):
        parse_json(text, "the text")


@FAST
@given(st.dictionaries(st.sampled_from(["descr", "fortran_order", "shape", "x"]),
                       JSON_VALUES, max_size=4),
       st.binary(max_size=64))
def test_npy_headers_are_checked_before_any_allocation(header, body):
    text = repr({k: tuple(v) if k == "shape" and isinstance(v, list) else v
                 for k, v in header.items()}).encode("latin1", "replace")
    data = b"\x93NUMPY\x01\x00" + struct.pack("<H", len(text)) + text + body
    try:
        array = parse_npy(data, "the array")
    except FileError:
        return
    assert array.nbytes == len(body)


@FAST
@given(st.lists(st.tuples(st.sampled_from([b"IHDR", b"PLTE", b"IDAT", b"tRNS", b"IEND"]),
                          st.binary(max_size=40)), max_size=6),
       st.integers(1, 40), st.integers(1, 40), st.sampled_from([0, 2, 3, 4, 6]))
def test_png_chunks_are_an_image_or_a_png_error(tmp_path, chunks, width, height, colour):
    header = png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0))
    body = b"".join(png_chunk(kind, data) for kind, data in chunks)
    path = tmp_path / "x.png"
    path.write_bytes(SIGNATURE + header + body + png_chunk(b"IEND", b""))
    try:
        pixels = read_png(path)
    except PngError:
        return
    assert pixels.shape[:2] == (height, width)


@settings(FAST, max_examples=30)
@given(st.sampled_from(["playground", "digits"]), st.data())
def test_any_setting_value_is_opened_checked_or_refused(tmp_path, page, data):
    name = data.draw(st.sampled_from(sorted(table(page))))
    value = data.draw(JSON_VALUES)
    path = tmp_path / "s.npsession"
    session_file(path, lambda d, a: d[page]["config"].__setitem__(name, value))
    try:
        session = open_session(path)
    except SessionFileError:
        return
    config = getattr(session, page).config
    assert table(page)[name].check(getattr(config, name)) == getattr(config, name)


def test_a_png_bomb_inflates_only_what_its_header_declares(tmp_path):
    packer = zlib.compressobj(9)
    bomb = b"".join(packer.compress(bytes(1 << 20)) for _ in range(64)) + packer.flush()
    path = tmp_path / "bomb.png"
    path.write_bytes(SIGNATURE + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 10, 10, 8, 0, 0, 0, 0))
                     + png_chunk(b"IDAT", bomb) + png_chunk(b"IEND", b""))
    assert read_png(path).shape == (10, 10)  # 64 MB of zeros never inflated past 110 bytes


def test_reading_stops_at_iend(tmp_path):
    from tests.core.digits.test_png import encode

    path = tmp_path / "tail.png"
    path.write_bytes(encode(np.full((3, 4), 7, np.uint8), 0, filters=[0]) + b"\xff" * 100_000)
    assert (read_png(path) == 7).all()


@pytest.mark.parametrize("value", [1e39, -1e300])
def test_json_floats_beyond_float32_are_refused_in_sessions(tmp_path, value):
    session_file(tmp_path / "s.npsession",
                 lambda d, a: d["playground"]["config"].__setitem__("l2", value))
    with pytest.raises(SessionFileError, match="l2 must be a finite number"):
        open_session(tmp_path / "s.npsession")


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_json_number_literals_outside_the_standard_are_refused(literal):
    with pytest.raises(FileError, match=f"contains {literal}"):
        parse_json(f'{{"l2": {literal}}}'.encode(), "x")
