r"""Training a tiny network with Python floats: the general code's arithmetic, one number at a time.

The tutorial's network has eight weights. Stepped through numpy, each step is some forty calls on
arrays of two numbers, and the calls cost far more than the arithmetic: the general code took
several times as long as a loop of Python floats. :func:`worked.core.train` therefore steps such a
network with floats, where every number can be the general code's to the last bit (:func:`applies`):

- every sum of products is at most :data:`~worked.core.equations.SUMMED_IN_ORDER` terms long, so the
  general code writes it out in index order too (:func:`~worked.core.equations.row_product`) rather
  than leaving the order to a BLAS kernel;
- one example (BP3 and BP4 then sum nothing), no L2 decay, at most :data:`MAX_LAYERS` layers of weights;
- sigmoid or identity layers and the quadratic or squared cost;
- numpy's exponential is the C library's, as Python's is (:func:`same_exponential`): on processors
  with AVX-512, numpy brings its own, which differs in the last bit for some arguments.

:func:`step_source` writes one step for the network's shape as straight-line Python, a line per
number, as one would by hand (``print(tiny.step_source(tutorial.network(), "frozen"))`` shows the
tutorial's). Each operation is the one the general code performs, in the same order, on the same
operands, and IEEE arithmetic rounds it the same whether numpy or Python does it. The formulas are
thus written twice, once for arrays and once here; they are held together bit for bit by
``train``'s comparison of the first step both ways (the general code runs if any bit differs) and
by tests/core/test_tiny.py, which compares whole trajectories over random tiny networks.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from worked.core.activations import IDENTITY, SIGMOID
from worked.core.costs import QUADRATIC, SQUARED
from worked.core.equations import SUMMED_IN_ORDER
from worked.core.network import Network

MAX_LAYERS = 4
"""Layers of weights the float path takes (the tests' deepest): the source grows with depth, and so
does the time to compile it, while the general code's cost per layer is what it is."""

Step = Callable[
    [tuple[float, ...], tuple[float, ...], tuple[float, ...], float], tuple[float, tuple[float, ...]]
]
"""One step: ``(parameters, x, y, η)`` to the cost before the step and the parameters after it; the
parameters are the weights row by row, layer by layer, then the biases."""


@functools.cache
def same_exponential() -> bool:
    """Whether ``np.exp`` and ``math.exp`` agree to the last bit on 4,097 arguments from -746 to 0 (every
    exponent the logistic function takes, :math:`-|z|`) and at both ends: the one function the two
    sides of the float path do not compute with the same IEEE operations."""
    z = np.concatenate([np.linspace(-746.0, 0.0, 4097), -np.geomspace(1e-300, 746.0, 600), [-0.0]])
    return same_bits(np.exp(z), [math.exp(v) for v in z.tolist()])


def same_bits(a: object, b: object) -> bool:
    """Equal to the last bit, the sign of a zero included (``==`` would let -0.0 pass for 0.0)."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return a.shape == b.shape and bool(np.array_equal(a.view(np.int64), b.view(np.int64)))


def applies(network: Network, m: int, order: str, l2: float) -> bool:
    """Whether :func:`step_source` repeats the general code's step for this network and batch of ``m``."""
    return (
        m == 1
        and len(network.weights) <= MAX_LAYERS
        and max(network.sizes) <= SUMMED_IN_ORDER
        and order in ("simultaneous", "output-first")
        and not l2
        and all(s is SIGMOID or s is IDENTITY for s in network.sigmas)
        and (network.cost_function is QUADRATIC or network.cost_function is SQUARED)
        and same_exponential()
    )


def _sum(terms: list[str]) -> str:
    """Terms summed from the first, left to right: Python's ``+``, and the general code's written-out sums."""
    return " + ".join(terms)


def _names(kind: str, l: int, n: int, k: int | None = None) -> list[str]:
    """``kind`` + layer + neuron (+ input): ``w3_1_2`` is :math:`w^3_{12}`, the books' count (input = 1)."""
    if k is None:
        return [f"{kind}{l}_{j}" for j in range(1, n + 1)]
    return [f"{kind}{l}_{j}_{i}" for j in range(1, n + 1) for i in range(1, k + 1)]


def _forward(sizes: tuple[int, ...], sigmoid: tuple[bool, ...]) -> list[str]:
    """z = Σ_k a_k w_jk (from k = 1) + b_j, then a = σ(z): Network.forward_rows, one neuron a line."""
    lines = []
    for l in range(2, len(sizes) + 1):
        below, k = _names("a", l - 1, sizes[l - 2]), sizes[l - 2]
        weights = _names("w", l, sizes[l - 1], k)
        for j, (a_j, b_j) in enumerate(
            zip(_names("a", l, sizes[l - 1]), _names("b", l, sizes[l - 1]), strict=True)
        ):
            z = (
                _sum([f"{a_k} * {w}" for a_k, w in zip(below, weights[j * k : (j + 1) * k], strict=True)])
                + f" + {b_j}"
            )
            if sigmoid[l - 2]:  # activations._sigmoid: e^{-|z|} over 1 + e^{-|z|}, or 1 over it
                lines += [f"z = {z}", "e = exp(-abs(z))", f"{a_j} = (e if z < 0.0 else 1.0) / (1.0 + e)"]
            else:
                lines.append(f"{a_j} = {z}")
    return lines


def _backward(sizes: tuple[int, ...], sigmoid: tuple[bool, ...], squared: bool, order: str) -> list[str]:
    """BP1, then per layer from the output down: BP4 and the update ``v = w - η (δ_j a_k)``, then BP2
    through ``w`` (the simultaneous order) or through the just updated ``v`` (output-first)."""
    L = len(sizes)
    output = _names("a", L, sizes[-1])
    differences = [f"({a_j} - y_{j})" for j, a_j in enumerate(output, start=1)]
    lines = [f"cost = {_sum([f'{d} * {d}' if squared else f'0.5 * ({d} * {d})' for d in differences])}"]
    errors = [f"2.0 * {d}" if squared else d for d in differences]  # BP1: ∇_a C
    for l in range(L, 1, -1):
        deltas, below = _names("d", l, sizes[l - 1]), _names("a", l - 1, sizes[l - 2])
        for d_j, error, a_j in zip(deltas, errors, _names("a", l, sizes[l - 1]), strict=True):
            prime = f" * ({a_j} * (1.0 - {a_j}))" if sigmoid[l - 2] else ""  # σ' = a(1 − a), or × 1, exact
            lines.append(f"{d_j} = ({error}){prime}")
        w, v = _names("w", l, sizes[l - 1], sizes[l - 2]), _names("v", l, sizes[l - 1], sizes[l - 2])
        k = sizes[l - 2]
        lines += [f"{v[i]} = {w[i]} - eta * ({deltas[i // k]} * {below[i % k]})" for i in range(len(w))]
        carried = v if order == "output-first" else w  # BP2: Σ_j δ_j w_jk, from j = 1
        errors = [_sum([f"{d_j} * {carried[j * k + i]}" for j, d_j in enumerate(deltas)]) for i in range(k)]
    return lines


def step_source(network: Network, biases: str, order: str = "simultaneous") -> str:
    """One step of gradient descent for networks of ``network``'s shape, layers and cost, as Python source.

    ``biases``: "frozen", "shared" (one bias per layer: the gradient is Σ_j δ_j) or "per-neuron";
    ``order``: one of :data:`~worked.core.training.UPDATE_ORDERS` (see :mod:`~worked.core.training`).
    The function it defines is a :data:`Step`; the example and η are its arguments.
    """
    sigmoid = tuple(s is SIGMOID for s in network.sigmas)
    return _source(tuple(network.sizes), sigmoid, network.cost_function is SQUARED, biases, order)


def _source(sizes: tuple[int, ...], sigmoid: tuple[bool, ...], squared: bool, biases: str, order: str) -> str:
    layers = range(2, len(sizes) + 1)
    weights = [name for l in layers for name in _names("w", l, sizes[l - 1], sizes[l - 2])]
    bias_names = [name for l in layers for name in _names("b", l, sizes[l - 1])]
    lines = [
        f"({', '.join(weights + bias_names)},) = p",
        f"({', '.join(_names('a', 1, sizes[0]))},) = x",
        f"({', '.join(f'y_{j}' for j in range(1, sizes[-1] + 1))},) = y",
        *_forward(sizes, sigmoid),
        *_backward(sizes, sigmoid, squared, order),
    ]
    updated = [name for l in layers for name in _names("v", l, sizes[l - 1], sizes[l - 2])]
    for l in layers:  # BP3 and the bias update
        deltas = _names("d", l, sizes[l - 1])
        for b_j, d_j in zip(_names("b", l, sizes[l - 1]), deltas, strict=True):
            gradient = {"frozen": None, "shared": f"({_sum(deltas)})", "per-neuron": d_j}[biases]
            updated.append(b_j if gradient is None else f"{b_j} - eta * {gradient}")
    lines.append(f"return cost, ({', '.join(updated)},)")
    return "def step(p, x, y, eta):\n" + "".join(f"    {line}\n" for line in lines)


@functools.lru_cache(maxsize=64)
def _compiled(
    sizes: tuple[int, ...], sigmoid: tuple[bool, ...], squared: bool, biases: str, order: str
) -> Step:
    """The step of :func:`step_source`, compiled once per shape, layers, cost, biases and order."""
    namespace: dict[str, object] = {"exp": math.exp}
    # Compiled first, under a name a traceback shows (and so not run from a string: see launch.main).
    code = compile(_source(sizes, sigmoid, squared, biases, order), "<worked.core.tiny step>", "exec")
    exec(code, namespace)  # names and operators only
    step: Step = namespace["step"]  # type: ignore[assignment]
    return step


@dataclass
class Floats:
    """A tiny network's parameters, its one example and η as Python floats, and its compiled step."""

    params: tuple[float, ...]
    x: tuple[float, ...]
    y: tuple[float, ...]
    eta: float
    step_once: Step
    sizes: list[int]

    @classmethod
    def of(
        cls, network: Network, x: np.ndarray, y: np.ndarray, eta: float, biases: str, order: str
    ) -> Floats:
        """``network``'s parameters, and its step on one example (rows ``x``, ``y`` of one row each)."""
        sigmoid = tuple(s is SIGMOID for s in network.sigmas)
        step = _compiled(tuple(network.sizes), sigmoid, network.cost_function is SQUARED, biases, order)
        params = tuple(float(v) for array in (*network.weights, *network.biases) for v in array.ravel())
        return cls(params, tuple(x[0].tolist()), tuple(y[0].tolist()), float(eta), step, network.sizes)

    def step(self) -> float:
        """One step; return the cost before it."""
        cost, self.params = self.step_once(self.params, self.x, self.y, self.eta)
        return cost

    def network(self, like: Network) -> Network:
        """``like`` with these weights and biases."""
        values, weights, biases = iter(self.params), [], []
        for n, k in zip(self.sizes[1:], self.sizes, strict=False):
            weights.append(np.array([[next(values) for _ in range(k)] for _ in range(n)]))
        for n in self.sizes[1:]:
            biases.append(np.array([next(values) for _ in range(n)]))
        return like.replace(weights, biases)
