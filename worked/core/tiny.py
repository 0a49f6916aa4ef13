r"""Training a tiny network with Python floats: the general code's arithmetic, one number at a time.

The tutorial's network has eight weights. Stepped through numpy, each step is some forty calls on
arrays of two numbers, and the calls cost far more than the arithmetic: 10,000 steps took about
seven times a loop of Python floats. :func:`worked.core.train` therefore steps such a network with
floats, when every number can be the general code's to the last bit (:func:`applies`):

- every sum of products is at most :data:`~worked.core.equations.SUMMED_IN_ORDER` terms long, so the
  general code writes it out in index order too (:func:`~worked.core.equations.row_product`) rather
  than leaving the order to a BLAS kernel;
- one example (no mean over rows) and no L2 decay;
- sigmoid or identity layers and the quadratic or squared cost.

:func:`step_source` writes one step for the network's shape as straight-line Python, a line per
number, as one would by hand (``print(tiny.step_source(tutorial.network(), [0.05, 0.1], [0.01, 0.99],
0.5, "frozen"))`` shows the tutorial's, with ``from worked import tutorial``): each
operation is the one the general code performs, in the same order, on the same operands, and IEEE
arithmetic rounds it the same whether numpy or Python does it. The exponential is the C library's in
both on this kind of machine; where numpy brings its own (some processors' vector units), the first
step would differ, so :func:`worked.core.train` compares the first step both ways and keeps the
general code for the run if any bit differs. tests/core/test_tiny.py compares whole trajectories,
bit for bit, over random tiny networks.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from worked.core.activations import IDENTITY, SIGMOID
from worked.core.costs import QUADRATIC, SQUARED
from worked.core.equations import SUMMED_IN_ORDER
from worked.core.network import Network

Step = Callable[[tuple[float, ...]], tuple[float, tuple[float, ...]]]
"""One step: the parameters (weights row by row, layer by layer, then biases) to the cost before the
step and the parameters after it."""


def applies(network: Network, m: int, order: str, l2: float) -> bool:
    """Whether a step of :func:`step_source` has the general code's bits for this network and batch."""
    return (
        m == 1
        and max(network.sizes) <= SUMMED_IN_ORDER
        and order in ("simultaneous", "output-first")
        and not l2
        and all(s is SIGMOID or s is IDENTITY for s in network.sigmas)
        and (network.cost_function is QUADRATIC or network.cost_function is SQUARED)
    )


def _sum(terms: list[str]) -> str:
    """Products summed from the first, as Python's left-to-right ``+`` and numpy's small sums do."""
    return " + ".join(terms)


def step_source(
    network: Network, x: list[float], y: list[float], eta: float, biases: str, order: str = "simultaneous"
) -> str:
    """One step of gradient descent for ``network`` on the example ``x``, ``y`` as Python source.

    ``biases``: "frozen", "shared" (one bias per layer: the gradient is Σ_j δ_j) or "per-neuron";
    ``order``: one of :data:`~worked.core.training.UPDATE_ORDERS` (see :mod:`~worked.core.training`).
    Layers count from 1 for the input, as in the books; ``w2_1_2`` is :math:`w^2_{12}`.
    """
    sizes = network.sizes
    layers = range(2, len(sizes) + 1)
    w = {
        l: [[f"w{l}_{j}_{k}" for k in range(1, sizes[l - 2] + 1)] for j in range(1, sizes[l - 1] + 1)]
        for l in layers
    }
    b = {l: [f"b{l}_{j}" for j in range(1, sizes[l - 1] + 1)] for l in layers}
    a = {1: [repr(v) for v in x]}
    sigmoid = {l: network.sigmas[l - 2] is SIGMOID for l in layers}
    params = [name for l in layers for row in w[l] for name in row] + [name for l in layers for name in b[l]]
    lines = [f"({', '.join(params)},) = p"]
    for l in layers:  # forward: z = Σ_k a_k w_jk (from k = 1) + b_j; a = σ(z)
        a[l] = [f"a{l}_{j}" for j in range(1, sizes[l - 1] + 1)]
        for j, (row, b_j) in enumerate(zip(w[l], b[l], strict=True)):
            z = _sum([f"{a_k} * {w_jk}" for a_k, w_jk in zip(a[l - 1], row, strict=True)]) + f" + {b_j}"
            if sigmoid[l]:  # activations._sigmoid, one number at a time
                lines += [f"z = {z}", "e = exp(-abs(z))", f"{a[l][j]} = (e if z < 0.0 else 1.0) / (1.0 + e)"]
            else:
                lines.append(f"{a[l][j]} = {z}")
    L = layers[-1]
    squared = network.cost_function is SQUARED
    differences = [f"({a_j} - {y_j!r})" for a_j, y_j in zip(a[L], y, strict=True)]
    terms = [f"{d} * {d}" if squared else f"0.5 * ({d} * {d})" for d in differences]
    lines.append(f"cost = {_sum(terms)}")  # the mean over one example: ÷ 1 is exact
    delta: dict[int, list[str]] = {}
    carry = w  # the weights BP2 carries δ back through: the updated ones in the "output-first" order
    updated: list[str] = []
    for l in reversed(layers):
        delta[l] = [f"d{l}_{j}" for j in range(1, sizes[l - 1] + 1)]
        for j, a_j in enumerate(a[l]):
            if l == L:  # BP1: ∇_a C ⊙ σ'(z)
                error = f"2.0 * {differences[j]}" if squared else differences[j]
            else:  # BP2: (Σ_i δ_i w_ij, from i = 1) ⊙ σ'(z)
                error = _sum([f"{d_i} * {carry[l + 1][i][j]}" for i, d_i in enumerate(delta[l + 1])])
            prime = f" * ({a_j} * (1.0 - {a_j}))" if sigmoid[l] else ""  # σ' = a(1 − a), or 1 (× 1 is exact)
            lines.append(f"{delta[l][j]} = ({error}){prime}")
        new = [[f"v{l}_{j}_{k}" for k in range(1, sizes[l - 2] + 1)] for j in range(1, sizes[l - 1] + 1)]
        for j, row in enumerate(new):  # BP4 and the update: w − η (δ_j a_k)
            lines += [
                f"{v} = {w[l][j][k]} - {eta!r} * ({delta[l][j]} * {a[l - 1][k]})" for k, v in enumerate(row)
            ]
        if order == "output-first":
            carry = {**carry, l: new}
        updated = [name for row in new for name in row] + updated
    for l in layers:  # BP3 and the bias update; BP4 and the weight update above
        for j, b_j in enumerate(b[l]):
            gradient = {"frozen": None, "shared": f"({_sum(delta[l])})", "per-neuron": delta[l][j]}[biases]
            updated.append(b_j if gradient is None else f"{b_j} - {eta!r} * {gradient}")
    lines.append(f"return cost, ({', '.join(updated)},)")
    return "def step(p):\n" + "".join(f"    {line}\n" for line in lines)


@dataclass
class Floats:
    """A tiny network's parameters as Python floats, and its compiled step."""

    params: tuple[float, ...]
    step_once: Step
    sizes: list[int]

    @classmethod
    def of(
        cls, network: Network, x: np.ndarray, y: np.ndarray, eta: float, biases: str, order: str
    ) -> Floats:
        """``network``'s parameters, and its step on one example (rows ``x``, ``y`` of one row each)."""
        namespace: dict[str, object] = {"exp": math.exp}
        source = step_source(network, x[0].tolist(), y[0].tolist(), eta, biases, order)
        exec(source, namespace)  # source written above from names and repr() of floats, nothing else
        params = tuple(float(v) for array in (*network.weights, *network.biases) for v in array.ravel())
        return cls(params, namespace["step"], network.sizes)  # type: ignore[arg-type]

    def step(self) -> float:
        """One step; return the cost before it."""
        cost, self.params = self.step_once(self.params)
        return cost

    def network(self, like: Network) -> Network:
        """``like`` with these weights and biases."""
        values, weights, biases = iter(self.params), [], []
        for n, k in zip(self.sizes[1:], self.sizes, strict=False):
            weights.append(np.array([[next(values) for _ in range(k)] for _ in range(n)]))
        for n in self.sizes[1:]:
            biases.append(np.array([next(values) for _ in range(n)]))
        return like.replace(weights, biases)
