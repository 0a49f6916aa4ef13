"""Gradient checking: central differences and their step size, the checker's four modes (exhaustive,
directional, per equation, Taylor), its report and tolerances, and the catalogue of textbook bugs that
each mode must be shown to catch; and a reader's own backprop, in the layout of the book it follows,
against the companion's (conventions, own_code, suspects)."""

from worked.gradcheck.bugs import BUGS, Bug, get_bug
from worked.gradcheck.catches import Catch, catch_table
from worked.gradcheck.check import MODES, gradcheck
from worked.gradcheck.conventions import (
    CONVENTIONS,
    Convention,
    ReaderFailure,
    Setting,
    conventions_for,
    detect,
)
from worked.gradcheck.numerical import (
    central_difference,
    directional_derivative,
    numerical_gradient,
    step_size,
)
from worked.gradcheck.own_code import OwnReport, check_own
from worked.gradcheck.report import Comparison, Report, Tolerance
from worked.gradcheck.taylor import Taylor, TaylorPoint

__all__ = [
    "BUGS",
    "CONVENTIONS",
    "MODES",
    "Bug",
    "Catch",
    "Comparison",
    "Convention",
    "OwnReport",
    "ReaderFailure",
    "Report",
    "Setting",
    "Taylor",
    "TaylorPoint",
    "Tolerance",
    "catch_table",
    "central_difference",
    "check_own",
    "conventions_for",
    "detect",
    "directional_derivative",
    "get_bug",
    "gradcheck",
    "numerical_gradient",
    "step_size",
]
