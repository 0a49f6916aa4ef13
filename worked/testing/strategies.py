r"""Hypothesis strategies for a reader's own tests: networks, and the batches to check them at.

Hypothesis is imported when a strategy is built, not when :mod:`worked.testing` is, so that
:func:`~worked.testing.assert_gradient_matches` needs nothing but numpy. Every bound has its reason.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from worked.core import ACTIVATIONS, COSTS, Array, InvalidInput, Network

if TYPE_CHECKING:
    from hypothesis.strategies import DrawFn, SearchStrategy

MAX_LAYERS = 4
"""Layers of weights, 1..4: one has no BP2, two is the tutorial, four chains BP2 three times."""

MAX_WIDTH = 6
"""Neurons per layer, 1..6: one-neuron, square and non-square layers all occur; checks stay fast."""

WEIGHT_BOUND = 2.0
"""|w|, |b| ≤ 2: saturated and live units both occur, while gradients stay far from vanishing."""


class Case(NamedTuple):
    """A network, a batch of rows ``x`` (shape ``(m, n_1)``) and ``y`` (``(m, n_L)``), and λ."""

    network: Network
    x: Array
    y: Array
    l2: float


def cases(
    activations: Sequence[str] = ("sigmoid",),
    costs: Sequence[str] = ("quadratic",),
    lambdas: Sequence[float] = (0.0,),
    max_layers: int = MAX_LAYERS,
    max_batch: int = 5,
) -> SearchStrategy[Case]:
    """Networks of 1..``max_layers`` layers of 1..6 neurons, one activation per layer from
    ``activations``, a cost from ``costs`` (cross-entropy only after a sigmoid output layer), λ from
    ``lambdas``, and a batch of 1..``max_batch`` examples (inputs in [-1, 1], targets in [0, 1]).

    Raises :class:`~worked.core.InvalidInput` for a name the companion does not know.
    """
    from hypothesis import strategies as st

    for name in activations:
        if name not in ACTIVATIONS:
            raise InvalidInput(f"unknown activation {name!r}; choose from {', '.join(ACTIVATIONS)}")
    for name in costs:
        if name not in COSTS:
            raise InvalidInput(f"unknown cost {name!r}; choose from {', '.join(COSTS)}")

    def array(draw: DrawFn, shape: tuple[int, ...], low: float, high: float) -> Array:
        values = draw(
            st.lists(st.floats(low, high), min_size=int(np.prod(shape)), max_size=int(np.prod(shape)))
        )
        return np.array(values, dtype=np.float64).reshape(shape)

    @st.composite
    def build(draw: DrawFn) -> Case:
        depth = draw(st.integers(1, max_layers))
        sizes = draw(st.lists(st.integers(1, MAX_WIDTH), min_size=depth + 1, max_size=depth + 1))
        cost = draw(st.sampled_from(list(costs)))
        sigmas = draw(st.lists(st.sampled_from(list(activations)), min_size=depth, max_size=depth))
        if cost == "cross-entropy":
            sigmas[-1] = "sigmoid"
        pairs = list(itertools.pairwise(sizes))
        weights = [array(draw, (n, k), -WEIGHT_BOUND, WEIGHT_BOUND) for k, n in pairs]
        biases = [array(draw, (n,), -WEIGHT_BOUND, WEIGHT_BOUND) for n in sizes[1:]]
        m = draw(st.integers(1, max_batch))
        x, y = array(draw, (m, sizes[0]), -1.0, 1.0), array(draw, (m, sizes[-1]), 0.0, 1.0)
        return Case(Network(weights, biases, sigmas, cost), x, y, draw(st.sampled_from(list(lambdas))))

    return build()
