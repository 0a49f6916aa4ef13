r"""Cost functions, each with its gradient and its output error :math:`\delta^L` (BP1) beside it.

A cost is a sum over output neurons of per-neuron *terms* (the tutorial's ``E_o1``, ``E_o2``),
and the cost of a batch is the mean over its examples. ``delta`` implements BP1,

.. math:: \delta^L = \nabla_a C \odot \sigma'(z^L),

in exactly one place; cross-entropy after a sigmoid overrides it with the algebraically equal
:math:`a^L - y` (Nielsen, chapter 3), which is also the numerically better form.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from worked.core.activations import SIGMOID, SOFTPLUS, Activation, Array
from worked.core.validation import InvalidInput


@dataclass(frozen=True)
class Cost:
    """Base class: subclasses give ``terms`` and ``nabla_a``; ``value`` and ``delta`` follow."""

    name: str = "cost"
    description: str = ""

    def terms(self, a: Array, y: Array) -> Array:
        """Per-output-neuron contributions; shape of ``a``."""
        raise NotImplementedError

    def nabla_a(self, a: Array, y: Array) -> Array:
        r""":math:`\nabla_a C`, elementwise; shape of ``a``."""
        raise NotImplementedError

    def value(self, a: Array, y: Array) -> Array:
        """Cost per example: the sum of the terms over output neurons (last axis)."""
        total: Array = self.terms(a, y).sum(axis=-1)
        return total

    def output_terms(self, z: Array, a: Array, y: Array, activation: Activation) -> Array:
        """The terms given the output layer's ``z`` as well as ``a = σ(z)``: the same numbers as
        :meth:`terms`, computed from ``z`` where that is the more accurate way (cross-entropy)."""
        return self.terms(a, y)

    def output_value(self, z: Array, a: Array, y: Array, activation: Activation) -> Array:
        """Cost per example from the output layer's ``z`` and ``a``: the sum of :meth:`output_terms`."""
        total: Array = self.output_terms(z, a, y, activation).sum(axis=-1)
        return total

    def delta(self, z: Array, a: Array, y: Array, activation: Activation) -> Array:
        r"""Implements BP1: :math:`\delta^L = \nabla_a C \odot \sigma'(z^L)`."""
        return self.nabla_a(a, y) * activation.prime(z, a)


@dataclass(frozen=True)
class Quadratic(Cost):
    r""":math:`C = \tfrac12 \lVert a - y \rVert^2`, the tutorial's :math:`\sum \tfrac12 (target - out)^2`."""

    name: str = "quadratic"
    description: str = "½‖a − y‖² per example (the tutorial's E_total)"

    def terms(self, a: Array, y: Array) -> Array:
        return 0.5 * (a - y) ** 2

    def nabla_a(self, a: Array, y: Array) -> Array:
        return a - y


@dataclass(frozen=True)
class Squared(Cost):
    r""":math:`C = \lVert a - y \rVert^2`, :math:`\sum (target - out)^2` without the ½: the error many
    step-by-step examples use, whose gradient carries a factor 2."""

    name: str = "squared"
    description: str = "‖a − y‖² per example, no ½ (Σ(target − out)²)"

    def terms(self, a: Array, y: Array) -> Array:
        return (a - y) ** 2

    def nabla_a(self, a: Array, y: Array) -> Array:
        return 2.0 * (a - y)


@dataclass(frozen=True)
class CrossEntropy(Cost):
    r""":math:`C = -\sum_j [y_j \ln a_j + (1 - y_j) \ln(1 - a_j)]`, for outputs in (0, 1).

    Computed from the logits :math:`z^L` when the output layer is a sigmoid (the only activation
    whose outputs lie in (0, 1), which the network insists on), so it stays exact when outputs saturate.
    """

    name: str = "cross-entropy"
    description: str = "−Σ[y ln a + (1−y) ln(1−a)] per example, outputs in (0, 1)"

    def terms(self, a: Array, y: Array) -> Array:
        return -(y * np.log(a) + (1.0 - y) * np.log1p(-a))

    def nabla_a(self, a: Array, y: Array) -> Array:
        return (a - y) / (a * (1.0 - a))

    def output_terms(self, z: Array, a: Array, y: Array, activation: Activation) -> Array:
        # From the logits: ln σ(z) = −softplus(−z) and ln(1 − σ(z)) = −softplus(z), exact for every
        # z, where ln(1 − a) loses digits as a → 1 and is infinite once σ(z) rounds to 1 (z ≳ 37).
        if activation is SIGMOID:
            return y * SOFTPLUS.value(-z) + (1.0 - y) * SOFTPLUS.value(z)
        return self.terms(a, y)

    def delta(self, z: Array, a: Array, y: Array, activation: Activation) -> Array:
        # With a sigmoid output, σ'(z) = a(1 - a) cancels the denominator of ∇_a C exactly.
        if activation is SIGMOID:
            return a - y
        return super().delta(z, a, y, activation)


QUADRATIC = Quadratic()
SQUARED = Squared()
CROSS_ENTROPY = CrossEntropy()
r"""The cross-entropy cost :math:`-\sum_j [y_j \ln a_j + (1 - y_j) \ln(1 - a_j)]` per example; it
needs a sigmoid output layer, where BP1 becomes :math:`\delta^L = a^L - y`."""

COSTS: dict[str, Cost] = {c.name: c for c in (QUADRATIC, SQUARED, CROSS_ENTROPY)}
"""Every cost by name (quadratic, squared, cross-entropy): what ``cost=`` accepts."""


def get_cost(name: str | Cost) -> Cost:
    """Look a cost up by name (a key of :data:`COSTS`); a :class:`Cost` passes through. Raises
    :class:`InvalidInput` naming the choices for any other name."""
    if isinstance(name, Cost):
        return name
    try:
        return COSTS[name]
    except (KeyError, TypeError):
        raise InvalidInput(f"unknown cost {name!r}; choose one of: {', '.join(COSTS)}") from None
