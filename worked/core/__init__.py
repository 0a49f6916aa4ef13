"""The numeric core: each activation with its derivative, each cost with its BP1 delta, BP1-BP4 as four
functions and the table of them, the network and its backward pass, gradient descent with the
tutorial's choices as parameters, and the one place where user input is validated. It imports no
other wing."""

from worked.core import regularisation, validation
from worked.core.activations import ACTIVATIONS, IDENTITY, RELU, SIGMOID, Activation, Array, get_activation
from worked.core.costs import COSTS, CROSS_ENTROPY, Cost, get_cost
from worked.core.equations import BACKPROP, Equations, bp1, bp2, bp3, bp4
from worked.core.network import Backprop, Network
from worked.core.training import UPDATE_ORDERS, Trajectory, shared_bias_gradients, step, train
from worked.core.validation import InvalidInput, InvalidType

__all__ = [
    "ACTIVATIONS",
    "BACKPROP",
    "COSTS",
    "CROSS_ENTROPY",
    "IDENTITY",
    "RELU",
    "SIGMOID",
    "UPDATE_ORDERS",
    "Activation",
    "Array",
    "Backprop",
    "Cost",
    "Equations",
    "InvalidInput",
    "InvalidType",
    "Network",
    "Trajectory",
    "bp1",
    "bp2",
    "bp3",
    "bp4",
    "get_activation",
    "get_cost",
    "regularisation",
    "shared_bias_gradients",
    "step",
    "train",
    "validation",
]
