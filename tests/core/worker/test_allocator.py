"""The allocator setting: freed arrays are reused instead of faulted in afresh."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Counts the page faults of allocating, touching and freeing ten 1 MB arrays
# at a time (as a forward pass does), before and after keep_freed_memory(),
# in a fresh interpreter (the setting is process-wide, and pytest's process
# may have it already).  By default glibc trims them off the heap's top.
SCRIPT = """
import resource
import numpy as np
from core.worker.allocator import keep_freed_memory

def faults():
    start = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(5):
        arrays = [np.ones(1 << 18, dtype=np.float32) for _ in range(10)]
        del arrays
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - start

faults()
before = faults()
applied = keep_freed_memory()
faults()
print(before, faults(), applied)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc only")
def test_freed_arrays_are_reused_without_page_faults():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True,
                         check=True).stdout.split()
    before, after, applied = int(out[0]), int(out[1]), out[2] == "True"
    if not applied:
        pytest.skip("not glibc")
    assert before >= 50 * 200  # ~256 faults per 1 MB array by default
    assert after < before / 20
