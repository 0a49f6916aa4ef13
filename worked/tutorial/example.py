"""The tutorial's network and its one example, built by the general code from :mod:`worked.mazur`'s data."""

from __future__ import annotations

import numpy as np

from worked.core import Network
from worked.mazur import INITIAL, INPUTS, TARGETS, WEIGHTS, weight_index


def network(values: dict[str, float] | None = None) -> Network:
    """The tutorial's network, its matrices filled in from :data:`NAMES` (default :data:`INITIAL`)."""
    values = INITIAL if values is None else values
    weights = [np.zeros((2, 2)), np.zeros((2, 2))]
    for name in WEIGHTS:
        l, j, k = weight_index(name)
        weights[l][j, k] = values[name]
    biases = [np.full(2, values["b1"]), np.full(2, values["b2"])]
    return Network(weights, biases, activation="sigmoid", cost="quadratic")


def x() -> np.ndarray:
    """The input vector (i1, i2)."""
    return np.array([INPUTS["i1"], INPUTS["i2"]])


def y() -> np.ndarray:
    """The target vector (target_o1, target_o2)."""
    return np.array([TARGETS["o1"], TARGETS["o2"]])
