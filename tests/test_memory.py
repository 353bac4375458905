"""memory.py: freed heap goes back to the OS (where glibc can)."""

from __future__ import annotations

import ctypes.util
import sys

import pytest

from sangam.memory import release_freed_memory


def _rss_kb() -> int:
    with open("/proc/self/status") as handle:
        return next(int(line.split()[1]) for line in handle if line.startswith("VmRSS"))


@pytest.mark.skipif(not sys.platform.startswith("linux") or ctypes.util.find_library("c") is None, reason="glibc only")
def test_freed_small_objects_are_returned_to_the_os():
    # Many small objects (below the mmap threshold) freed in an order that leaves the top
    # of the heap in use: without malloc_trim glibc keeps their pages.
    blocks = [bytearray(2000) for _ in range(100_000)]  # ~200 MB
    keep = blocks[-1]
    del blocks
    before = _rss_kb()
    assert release_freed_memory() is True
    after = _rss_kb()
    assert before - after > 100_000, (before, after)
    assert keep
