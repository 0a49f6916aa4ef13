"""Ng's exercise 4 as a second worked example: his Θ layout and unrolled parameter vector as conversions
to and from the network, the exercise's sigmoidGradient and checkNNGradients computed by the general
code, and its own data files read (with scipy, an optional extra) when the reader has them."""

from worked.ex4 import printed
from worked.ex4.data import COST_LAMBDAS, ExerciseData, load
from worked.ex4.exercise import (
    CHECK_EXAMPLES,
    CHECK_SIZES,
    EPSILON,
    SIGMOID_GRADIENT_AT,
    GradientCheck,
    check_network,
    debug_initialize_weights,
    gradient_check,
    one_hot,
    sigmoid_gradient,
)
from worked.ex4.names import ParameterName, parameter_names
from worked.ex4.thetas import from_thetas, roll, thetas, unroll

__all__ = [
    "CHECK_EXAMPLES",
    "CHECK_SIZES",
    "COST_LAMBDAS",
    "EPSILON",
    "SIGMOID_GRADIENT_AT",
    "ExerciseData",
    "GradientCheck",
    "ParameterName",
    "check_network",
    "debug_initialize_weights",
    "from_thetas",
    "gradient_check",
    "load",
    "one_hot",
    "parameter_names",
    "printed",
    "roll",
    "sigmoid_gradient",
    "thetas",
    "unroll",
]
