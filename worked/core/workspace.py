r"""Arrays a network keeps between calls, so that repeated gradients allocate nothing large.

Why: a weight gradient of a 512 x 512 layer is 2 MiB. Made fresh on every call and dropped, arrays
of that size go back to the operating system and page-fault back in on the next call, and those
faults cost more than the matrix products that fill them (``backprop-companion bench`` measures it).
So :meth:`~worked.core.Network.backprop` writes its weight gradients into arrays it keeps.

The arrays it returns are still the caller's: an array is written again only once nothing outside
the workspace refers to it any more (no result, list, view or variable of the caller's), which the
workspace reads from the array's reference count. A caller who keeps ``nabla_w`` from one call
therefore never sees it change; the next call then makes new arrays (and keeps those, up to
:data:`KEPT` sets). A loop that drops each result before the next call (or one call later) reuses
the same memory every time.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence

import numpy as np

from worked.core.activations import Array

KEPT = 2
"""Sets of arrays kept: two, so that ``result = net.backprop(...)`` in a loop, which still holds the
previous result while the next call runs, alternates between them."""

_CLAIM = threading.Lock()
"""Checking that a set is free and taking it is one step, so two threads never take the same set."""


def _references(arrays: list[Array]) -> list[int]:
    return [sys.getrefcount(a) for a in arrays]


_UNSHARED = _references([np.empty(0)])[0]
"""What :func:`_references` reports for an array held by its list and nothing else (measured, since
the count an interpreter reports for a local variable differs between Python versions)."""


class Workspace:
    """Sets of float64 arrays of given shapes, each handed out again once nobody else holds it.

    A copy of a network starts with an empty workspace: the arrays are scratch, not state.
    """

    def __init__(self) -> None:
        self._sets: list[list[Array]] = []

    def __getstate__(self) -> dict[str, object]:
        return {}

    def __setstate__(self, state: dict[str, object]) -> None:
        self._sets = []

    def arrays(self, shapes: Sequence[tuple[int, ...]]) -> list[Array]:
        """Arrays of these ``shapes`` (contents undefined) that nothing outside refers to: a kept set
        if one is free, otherwise new ones (kept too, while fewer than :data:`KEPT` sets are). Sets
        of other shapes (the network's weights were replaced by others) are let go."""
        wanted = [tuple(s) for s in shapes]
        with _CLAIM:
            self._sets = [kept for kept in self._sets if [a.shape for a in kept] == wanted]
            for kept in self._sets:
                if all(n == _UNSHARED for n in _references(kept)):
                    return list(kept)
            fresh = [np.empty(s) for s in wanted]
            if len(self._sets) < KEPT:
                self._sets.append(fresh)
            return list(fresh)
