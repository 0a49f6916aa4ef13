"""Keep freed memory for reuse instead of handing it back to the operating system (glibc only).

Why: numpy's arrays of 128 KiB to a few MiB (one weight gradient of a 512x512 layer is 2 MiB) are
served by glibc's ``mmap`` and returned to the system when freed, so a training loop that makes and
drops them every call page-faults on all of that memory every call. Measured here, those faults cost
more than the matrix products they surround (``backprop-companion bench``). Raising the thresholds
with ``mallopt`` lets the next call reuse the freed memory. This changes no computed value.

``gradcheck`` calls :func:`keep_freed_memory` before it starts: its directional and Taylor modes make
parameter-sized arrays for every cost they evaluate (measured on [512, 512, 512, 10] at batch 64:
about a quarter more CPU time without it). ``Network.backprop`` no longer needs it, since it keeps its
gradients' arrays (:mod:`worked.core.workspace`), so ``bench`` leaves the allocator alone and measures
what a reader's own script gets. The library (:mod:`worked`) never touches it, as a library should.
"""

from __future__ import annotations

import ctypes

M_TRIM_THRESHOLD = -1
M_MMAP_THRESHOLD = -3
MMAP_THRESHOLD = 32 * 1024 * 1024
"""Allocations below this come from the heap (32 MiB is the largest glibc accepts on 64 bits)."""
TRIM_THRESHOLD = 256 * 1024 * 1024
"""Free memory at the top of the heap is returned to the system only beyond this."""


def keep_freed_memory() -> str:
    """Tune glibc's allocator if this is glibc; return what was done, for the benchmark's report."""
    try:
        mallopt = ctypes.CDLL(None).mallopt  # the C library the interpreter itself runs on
    except (OSError, AttributeError, TypeError):
        return "default (the C library has no mallopt)"
    if mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD) != 1 or mallopt(M_TRIM_THRESHOLD, TRIM_THRESHOLD) != 1:
        return "default (mallopt refused)"
    return (
        f"glibc mallopt: mmap threshold {MMAP_THRESHOLD >> 20} MiB, trim threshold {TRIM_THRESHOLD >> 20} MiB"
    )
