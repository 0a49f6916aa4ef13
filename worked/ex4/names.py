r"""Ng's name and Nielsen's for each entry of the unrolled parameter vector, read off the conversions.

Both books number the input layer 1. Ng's :math:`\Theta^{(l)}` maps layer :math:`l` to layer
:math:`l+1`, so its bias column is Nielsen's :math:`b^{l+1}` and its other columns his
:math:`w^{l+1}`: :math:`\Theta^{(l)}_{j0} = b^{l+1}_j` and :math:`\Theta^{(l)}_{jk} = w^{l+1}_{jk}`
for :math:`k \ge 1`. The table is not typed: a network whose every parameter holds its own position
is passed through :func:`~worked.ex4.thetas.thetas` and :func:`~worked.ex4.thetas.unroll`, and each
entry of the vector says where it came from, so the names follow the code that lays the vector out.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from worked.core import Network
from worked.ex4.thetas import thetas, unroll


@dataclass(frozen=True)
class ParameterName:
    """Entry ``p`` (from 1, as Octave counts) of ``nn_params``: Ng's Θ^(l)_jk and Nielsen's name."""

    p: int
    theta: int
    j: int
    k: int
    nielsen: str
    code: str

    @property
    def ng(self) -> str:
        return f"Θ^({self.theta})_{_sub(self.j, self.k)}"


def _sub(j: int, k: int) -> str:
    """Subscripts run together when each is one digit (``10``), else separated (``(12,3)``)."""
    return f"{j}{k}" if j < 10 and k < 10 else f"({j},{k})"


def parameter_names(sizes: Sequence[int]) -> list[ParameterName]:
    """Every entry of the unrolled vector of a network of layer ``sizes`` (input first), in order."""
    layers = list(itertools.pairwise(sizes))
    weights, biases, where, count = [], [], [], 0
    for l, (n_in, n_out) in enumerate(layers):
        marks = np.arange(count, count + n_out * (1 + n_in), dtype=np.float64).reshape(n_out, 1 + n_in)
        count += marks.size
        biases.append(marks[:, 0])
        weights.append(marks[:, 1:])
        where += [(l, j, k) for j in range(n_out) for k in range(1 + n_in)]  # k = 0: the bias
    names = []
    for p, mark in enumerate(unroll(thetas(Network(weights, biases, "sigmoid"))), start=1):
        l, j, k = where[int(mark)]
        if k == 0:
            nielsen, code = f"b^{l + 2}_{j + 1}", f"biases[{l}][{j}]"
        else:
            nielsen, code = f"w^{l + 2}_{_sub(j + 1, k)}", f"weights[{l}][{j}, {k - 1}]"
        names.append(ParameterName(p, l + 1, j + 1, k, nielsen, code))
    return names
