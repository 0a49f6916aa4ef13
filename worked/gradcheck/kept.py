r"""Arrays a gradient check keeps for its whole run, so that the costs it evaluates allocate nothing
of the parameters' size.

Why: the directional and Taylor modes draw a direction through parameter space for every parameter
group and evaluate many costs along it. Arrays of the parameters' size (one 512 x 512 layer is
2 MiB) made fresh for each and dropped go back to the operating system and page-fault back in the
next time, which measurably costs more than the arithmetic they hold. So one check makes them once,
here, and every group writes into the same memory. Nothing they hold outlives the check; no number
computed in them differs by a bit from one computed in fresh arrays (the tests compare the two).
"""

from __future__ import annotations

import numpy as np

from worked.core import Array
from worked.gradcheck.checkpoint import Point


class Kept:
    r"""For ``k`` directions at ``point``: ``flat``, the ``(k, P)`` directions themselves (zero
    outside the group drawn last, whose columns ``drawn`` names); scratch of the largest group's size
    for the draws (``normal``, float64 as the generator draws them) and their scale; and, made when
    first asked for, :math:`2d` (:meth:`doubled`) and arrays shaped like the weights (:meth:`weights`).
    """

    def __init__(self, point: Point, k: int) -> None:
        params = [*point.network.weights, *point.network.biases]
        largest = max(p.size for p in params)
        self.flat: Array = np.zeros((k, sum(p.size for p in params)), dtype=params[0].dtype)
        self.drawn = slice(0, 0)
        self.normal: Array = np.empty(k * largest)
        self.scale: Array = np.empty(largest, dtype=params[0].dtype)
        self._shapes = [w.shape for w in point.network.weights]
        self._doubled: Array | None = None
        self._weights: list[Array] | None = None

    def doubled(self, flat: Array) -> Array:
        """``2 * flat`` (directions shaped like :attr:`flat`), written into the same array every call."""
        if self._doubled is None:
            self._doubled = np.empty_like(self.flat)
        np.multiply(flat, 2.0, out=self._doubled)
        return self._doubled

    def weights(self) -> list[Array]:
        """Arrays shaped like the weights (contents undefined), the same ones on every call."""
        if self._weights is None:
            self._weights = [np.empty(s, dtype=self.flat.dtype) for s in self._shapes]
        return self._weights
