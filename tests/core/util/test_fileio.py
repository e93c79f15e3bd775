"""The shared pieces every reader is built from, and atomic saving that refuses odd targets."""

from __future__ import annotations

import os
import time

import numpy as np
import pytest

from core.util.fileio import (
    FileError,
    atomic_write_bytes,
    check_save_target,
    finite_as,
    parse_npy,
    read_limited,
    remove_stale_temps,
)
from tests.hostile_corpus import npy_bytes, npy_header_only, sparse


def test_float32_finiteness_is_checked_after_the_cast():
    assert finite_as(np.array([1e30]), np.float64, "x")[0] == 1e30
    with pytest.raises(FileError, match="in float32"):
        finite_as(np.array([1e300]), np.float32, "the weights")  # finite in float64


def test_an_array_header_is_checked_against_its_bytes_before_allocating():
    with pytest.raises(FileError, match="declares 4,398,046,511,104 values"):
        parse_npy(npy_header_only((2**21, 2**21)), "W")  # 16 TB as float32: refused at once
    array = np.arange(6, dtype=np.float32).reshape(2, 3)
    assert np.array_equal(parse_npy(npy_bytes(array), "W"), array)
    assert np.array_equal(parse_npy(npy_bytes(np.asfortranarray(array)), "W"), array)


def test_reading_refuses_devices_and_sizes_before_reading(tmp_path):
    with pytest.raises(FileError, match="not a regular file"):
        read_limited("/dev/zero", 1 << 20)
    with pytest.raises(FileError, match="3,221,225,472 bytes"):
        read_limited(sparse(tmp_path / "big", 3 << 30), 1 << 20)


def test_saving_refuses_anything_but_a_file_or_a_new_name(tmp_path):
    os.mkfifo(tmp_path / "pipe")
    for target, reason in [("", "no file name"), (tmp_path, "a folder"),
                           (tmp_path / "pipe", "not a regular file"),
                           ("/dev/null", "not a regular file"),
                           (tmp_path / "no" / "x", "does not exist")]:
        with pytest.raises(FileError, match=reason):
            atomic_write_bytes(target, b"data")
    assert os.path.exists("/dev/null") and not os.path.isfile("/dev/null")
    assert check_save_target(tmp_path / "new.npz") == tmp_path / "new.npz"


def test_only_old_temporary_files_of_the_target_are_removed(tmp_path):
    target = tmp_path / "autosave.npsession"
    old, fresh, other = (tmp_path / ".autosave.npsession.a1.tmp",
                         tmp_path / ".autosave.npsession.b2.tmp", tmp_path / ".other.c3.tmp")
    for path in (old, fresh, other):
        path.write_bytes(b"x")
    os.utime(old, (time.time() - 3600,) * 2)
    os.utime(other, (time.time() - 3600,) * 2)
    assert remove_stale_temps(target) == [old]
    assert fresh.exists() and other.exists()
