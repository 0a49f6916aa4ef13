r"""Activation functions, each with its derivative beside it.

An activation is applied elementwise: :math:`a^l = \sigma(z^l)`.  BP1 and BP2 need
:math:`\sigma'(z^l)`, so every activation carries ``prime`` next to ``value``; there is
no other place in the package where a derivative of an activation is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from worked.core.validation import Array as Array  # defined once, there; the core's modules import it here
from worked.core.validation import InvalidInput


@dataclass(frozen=True)
class Activation:
    r"""An elementwise function :math:`\sigma` and its derivative :math:`\sigma'`.

    ``prime(z, a)`` is :math:`\sigma'(z)`, given both :math:`z` and :math:`a = \sigma(z)`: the
    forward pass has both at hand, and several derivatives are cheapest in terms of the output
    (:math:`\sigma(1-\sigma)`, :math:`1 - \tanh^2`). Each derivative is written once, here.
    """

    name: str
    value: Callable[[Array], Array]
    prime: Callable[[Array, Array], Array]
    description: str

    def __repr__(self) -> str:
        return f"Activation({self.name!r})"

    def derivative(self, z: Array) -> Array:
        r""":math:`\sigma'(z)` from ``z`` alone."""
        z = np.asarray(z, dtype=np.float64)
        return self.prime(z, self.value(z))


def _sigmoid(z: Array) -> Array:
    # e^{min(z,0)} / (1 + e^{-|z|}): for z >= 0 this is 1/(1+e^{-z}), for z < 0 it is e^z/(1+e^z),
    # the same number; no exponent is ever positive, so nothing overflows even at |z| = 1e6.
    # e^{min(z,0)} is e^{-|z|} where z < 0 and exactly 1 elsewhere, so one exponential serves both
    # (np.exp is most of the cost); the same bits as writing both out (tests/core/test_activations.py).
    e = np.exp(-np.abs(z))
    return np.where(z < 0.0, e, 1.0) / (1.0 + e)


def _relu(z: Array) -> Array:
    return np.maximum(z, 0.0)


def _softplus(z: Array) -> Array:
    # log(1 + e^z) = max(z, 0) + log1p(e^{-|z|}): no overflow, no cancellation.
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def _identity(z: Array) -> Array:
    return np.asarray(z, dtype=np.float64)


SIGMOID = Activation("sigmoid", _sigmoid, lambda z, a: a * (1.0 - a), "logistic 1/(1+e^-z); σ' = σ(1-σ)")
r"""The logistic function :math:`\sigma(z) = 1/(1 + e^{-z})`, :math:`\sigma' = \sigma(1 - \sigma)`:
the books' and the tutorial's."""
TANH = Activation("tanh", np.tanh, lambda z, a: 1.0 - a * a, "hyperbolic tangent; σ' = 1 - tanh²")
RELU = Activation(
    # The kink at z = 0 takes the derivative 0 (the usual subgradient choice).
    "relu",
    _relu,
    lambda z, a: (z > 0).astype(np.float64),
    "max(z, 0); σ' = 1 for z > 0, else 0",
)
r"""The rectifier :math:`\max(z, 0)`, its derivative 1 for z > 0 and 0 elsewhere (0 at the kink)."""
SOFTPLUS = Activation("softplus", _softplus, lambda z, a: _sigmoid(z), "log(1 + e^z); σ' = logistic σ(z)")
IDENTITY = Activation("identity", _identity, lambda z, a: np.ones_like(a), "z; σ' = 1")
"""The identity :math:`z`, derivative 1: a linear layer."""

ACTIVATIONS: dict[str, Activation] = {a.name: a for a in (SIGMOID, TANH, RELU, SOFTPLUS, IDENTITY)}
"""Every activation by name (sigmoid, tanh, relu, softplus, identity): what ``activation=`` accepts."""


def get_activation(name: str | Activation) -> Activation:
    """Look an activation up by name (a key of :data:`ACTIVATIONS`); an :class:`Activation` passes
    through. Raises :class:`InvalidInput` naming the choices for any other name."""
    if isinstance(name, Activation):
        return name
    try:
        return ACTIVATIONS[name]
    except (KeyError, TypeError):
        raise InvalidInput(f"unknown activation {name!r}; choose one of: {', '.join(ACTIVATIONS)}") from None
