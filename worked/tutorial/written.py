"""How an arithmetic line writes each activation, σ', cost and cost gradient, with the function that
computes it from the line's operands (floats, or exact decimals for a text's printed digits)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from worked.core import get_activation

Number = Any  # a float, or a Decimal when a text's printed digits are combined exactly


def activate(name: str, z: Number) -> float:
    return float(get_activation(name).value(np.array([float(z)]))[0])


ACTIVATION_TEXT = {
    "sigmoid": "1/(1 + e^(−{0}))",
    "tanh": "tanh({0})",
    "identity": "{0}",
    "relu": "max({0}, 0)",
}
"""How a line writes each activation applied to a net input (softplus has no line)."""
PRIME_TEXT: dict[str, tuple[str, Callable[[Sequence[Number]], Number]]] = {
    "sigmoid": ("{0} × (1 − {0})", lambda v: v[0] * (1 - v[0])),
    "tanh": ("1 − {0}²", lambda v: 1 - v[0] * v[0]),
}
"""σ' written in the neuron's output, for the activations where the texts do so."""
COST_TEXT: dict[str, tuple[str, Callable[[Sequence[Number]], Number]]] = {
    "quadratic": ("½ × ({0} − {1})²", lambda v: (v[0] - v[1]) * (v[0] - v[1]) / 2),
    "squared": ("({0} − {1})²", lambda v: (v[0] - v[1]) * (v[0] - v[1])),
    "cross-entropy": (
        "−({0} × ln {1} + (1 − {0}) × ln(1 − {1}))",
        lambda v: cross_entropy(float(v[0]), float(v[1])),
    ),
}
"""One output's share of each cost, from its target and output."""
GRADIENT_TEXT: dict[str, tuple[str, Callable[[Sequence[Number]], Number]]] = {
    "quadratic": ("−({0} − {1})", lambda v: -(v[0] - v[1])),
    "squared": ("−2 × ({0} − {1})", lambda v: -2 * (v[0] - v[1])),
    "cross-entropy": ("({1} − {0}) / ({1} × (1 − {1}))", lambda v: (v[1] - v[0]) / (v[1] * (1 - v[1]))),
}
"""∂E/∂out of an output neuron for each cost, from its target and output."""


def cross_entropy(t: float, a: float) -> float:
    return -(t * math.log(a) + (1 - t) * math.log(1 - a))
