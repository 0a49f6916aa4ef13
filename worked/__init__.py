"""The numeric side of the companion: backpropagation as BP1-BP4, and the tutorial on top of it.

numpy only; this package never imports sympy, :mod:`symbolic` or the command-line shell.
"""

from worked.activations import ACTIVATIONS, Activation, get_activation
from worked.by_hand import Variant
from worked.costs import COSTS, Cost, get_cost
from worked.network import Backprop, Network
from worked.training import UPDATE_ORDERS, Trajectory, shared_bias_gradients, step, train
from worked.walkthrough import Entry, Erratum, Walkthrough, walkthrough

__all__ = [
    "ACTIVATIONS",
    "COSTS",
    "UPDATE_ORDERS",
    "Activation",
    "Backprop",
    "Cost",
    "Entry",
    "Erratum",
    "Network",
    "Trajectory",
    "Variant",
    "Walkthrough",
    "get_activation",
    "get_cost",
    "shared_bias_gradients",
    "step",
    "train",
    "walkthrough",
]
