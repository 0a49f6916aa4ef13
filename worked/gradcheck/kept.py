r"""Arrays a gradient check keeps for its whole run, so that the costs it evaluates allocate nothing
large, and the directions it draws into them.

Why: the directional and Taylor modes draw a direction through parameter space for every parameter
group and evaluate many costs along it. Arrays of the parameters' size (one 512 x 512 layer is
2 MiB), or of the directional mode's :math:`2k` copies of the batch (1.5 MiB at batch 64), made
fresh for each group and dropped go back to the operating system and page-fault back in the next
time, which measurably costs more than the arithmetic they hold. So one check makes them once, here,
and every group writes into the same memory. Nothing they hold outlives the check; no number
computed in them differs by a bit from one computed in fresh arrays (the tests compare the two).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import DTypeLike

from worked.core import Array
from worked.gradcheck.checkpoint import Point


@dataclass(frozen=True)
class Directions:
    r"""``k`` directions as the rows of ``flat`` (shape ``(k, P)``): every weight matrix, then every
    bias vector, each in C order. ``weights[l]`` (shape ``(k, n_l, n_{l-1})``) and ``biases[l]``
    (shape ``(k, n_l)``) are views of it, indexed like the network's."""

    flat: Array
    weights: list[Array]
    biases: list[Array]

    @property
    def k(self) -> int:
        return int(self.flat.shape[0])

    def row(self, i: int) -> list[Array]:
        """Direction ``i`` shaped like the parameters: weights, then biases."""
        return [w[i] for w in self.weights] + [b[i] for b in self.biases]


def shaped(point: Point, flat: Array) -> Directions:
    """``flat`` (``(k, P)``, weights then biases) with its views shaped like the parameters."""
    params = [*point.network.weights, *point.network.biases]
    views, at = [], 0
    for p in params:
        views.append(flat[:, at : at + p.size].reshape(flat.shape[0], *p.shape))
        at += p.size
    L = len(point.network.weights)
    return Directions(flat, views[:L], views[L:])


class Kept:
    r"""For ``k`` directions at ``point``: ``flat``, the ``(k, P)`` directions themselves (zero
    outside the group drawn last, whose columns ``drawn`` names); scratch of the largest group's size
    for the draws (``normal``, float64 as the generator draws them) and their scale; and any other
    array a caller asks for by name (:meth:`scratch`), made on its first request.
    """

    def __init__(self, point: Point, k: int) -> None:
        params = [*point.network.weights, *point.network.biases]
        largest = max(p.size for p in params)
        self.flat: Array = np.zeros((k, sum(p.size for p in params)), dtype=params[0].dtype)
        self.drawn = slice(0, 0)
        self.normal: Array = np.empty(k * largest)
        self.scale: Array = np.empty(largest, dtype=params[0].dtype)
        self._scratch: dict[tuple[str, np.dtype[np.generic]], Array] = {}

    def scratch(self, name: str, shape: tuple[int, ...], dtype: DTypeLike) -> Array:
        """An array of ``shape`` and ``dtype`` (contents undefined) in the memory kept under ``name``:
        the same memory on every call, made larger only when a call needs more."""
        key, size = (name, np.dtype(dtype)), math.prod(shape)
        held = self._scratch.get(key)
        if held is None or held.size < size:
            held = self._scratch[key] = np.empty(size, dtype=key[1])
        view: Array = held[:size].reshape(shape)
        return view


def fresh(name: str, shape: tuple[int, ...], dtype: DTypeLike) -> Array:
    """A new array in place of :meth:`Kept.scratch`, for a caller that keeps nothing (``name`` unused)."""
    return np.empty(shape, dtype=dtype)
