"""The numeric side of the companion: backpropagation as BP1-BP4, and the tutorial on top of it.

numpy only; this package never imports sympy, :mod:`symbolic` or the command-line shell.
"""

from worked.activations import ACTIVATIONS, Activation, get_activation
from worked.bugs import BUGS, Bug, Catch, catch_table, get_bug, student_backward
from worked.costs import COSTS, Cost, get_cost
from worked.diagnosis import Diagnosis, diagnose, diagnose_all
from worked.gradcheck import MODES, gradcheck
from worked.gradreport import Comparison, Report, Tolerance
from worked.mistakes import MISTAKES, Mistake, common_mistakes, get_mistake
from worked.network import Backprop, Network
from worked.numerical import central_difference, directional_derivative, numerical_gradient, step_size
from worked.taylor import Taylor, TaylorPoint
from worked.training import UPDATE_ORDERS, Trajectory, shared_bias_gradients, step, train
from worked.variant import Variant
from worked.walkthrough import Entry, Erratum, Walkthrough, walkthrough

__all__ = [
    "ACTIVATIONS",
    "BUGS",
    "COSTS",
    "MISTAKES",
    "MODES",
    "UPDATE_ORDERS",
    "Activation",
    "Backprop",
    "Bug",
    "Catch",
    "Comparison",
    "Cost",
    "Diagnosis",
    "Entry",
    "Erratum",
    "Mistake",
    "Network",
    "Report",
    "Taylor",
    "TaylorPoint",
    "Tolerance",
    "Trajectory",
    "Variant",
    "Walkthrough",
    "catch_table",
    "central_difference",
    "common_mistakes",
    "diagnose",
    "diagnose_all",
    "directional_derivative",
    "get_activation",
    "get_bug",
    "get_cost",
    "get_mistake",
    "gradcheck",
    "numerical_gradient",
    "shared_bias_gradients",
    "step",
    "step_size",
    "student_backward",
    "train",
    "walkthrough",
]
