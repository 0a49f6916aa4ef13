"""The numeric core: each activation with its derivative, each cost with its BP1 delta, the network and
its backward pass (BP1-BP4), gradient descent with the tutorial's choices as parameters, and the one
place where user input is validated. It imports no other wing."""

from worked.core import validation
from worked.core.activations import ACTIVATIONS, IDENTITY, RELU, SIGMOID, Activation, Array, get_activation
from worked.core.costs import COSTS, CROSS_ENTROPY, Cost, get_cost
from worked.core.network import Backprop, Network
from worked.core.training import UPDATE_ORDERS, Trajectory, shared_bias_gradients, step, train
from worked.core.validation import InvalidInput, InvalidType

__all__ = [
    "ACTIVATIONS",
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
    "InvalidInput",
    "InvalidType",
    "Network",
    "Trajectory",
    "get_activation",
    "get_cost",
    "shared_bias_gradients",
    "step",
    "train",
    "validation",
]
