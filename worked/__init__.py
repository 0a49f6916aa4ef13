"""The numeric side of the companion: backpropagation as BP1-BP4, and the tutorial on top of it.

numpy only; this package never imports sympy, :mod:`symbolic` or the command-line shell.
"""

from worked.activations import ACTIVATIONS, Activation, get_activation
from worked.by_hand import Variant
from worked.costs import COSTS, Cost, get_cost
from worked.diagnosis import Diagnosis, diagnose, diagnose_all
from worked.mistakes import MISTAKES, Mistake, common_mistakes, get_mistake
from worked.network import Backprop, Network
from worked.training import UPDATE_ORDERS, Trajectory, shared_bias_gradients, step, train
from worked.walkthrough import Entry, Erratum, Walkthrough, walkthrough

__all__ = [
    "ACTIVATIONS",
    "COSTS",
    "MISTAKES",
    "UPDATE_ORDERS",
    "Activation",
    "Backprop",
    "Cost",
    "Diagnosis",
    "Entry",
    "Erratum",
    "Mistake",
    "Network",
    "Trajectory",
    "Variant",
    "Walkthrough",
    "common_mistakes",
    "diagnose",
    "diagnose_all",
    "get_activation",
    "get_cost",
    "get_mistake",
    "shared_bias_gradients",
    "step",
    "train",
    "walkthrough",
]
