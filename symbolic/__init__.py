"""The symbolic side of the companion (sympy): BP1-BP4 derived from the definitions and proved.

It may read :mod:`worked.mazur` (the post's constants, and the formula text it shows), never a
computation of :mod:`worked`, so that the two sides check each other. Nothing here imports the
command-line shell.
"""

from symbolic.controls import (
    CONTROLS,
    REGULARISED_CONTROLS,
    ControlResult,
    run_controls,
    run_regularised_controls,
)
from symbolic.equations import EQUATIONS, KINDS
from symbolic.exact import Decision, Witness, decide, refute
from symbolic.functions import ACTIVATIONS, COSTS, get_activation, get_cost
from symbolic.generic import GenericProof, proofs
from symbolic.generic_regularised import regularised_proofs
from symbolic.lemmas import Lemma, lemmas
from symbolic.network import SymbolicNetwork
from symbolic.ng import Accumulation, accumulate
from symbolic.regularisation import LAMBDA, REGULARISED_KINDS, STATED_REGULARISED, penalty, weight_decay
from symbolic.render import latex, mathml, unicode
from symbolic.sweep import SweepReport, shapes, sweep
from symbolic.tutorial import Tutorial, chain_rules, values

__all__ = [
    "ACTIVATIONS",
    "CONTROLS",
    "COSTS",
    "EQUATIONS",
    "KINDS",
    "LAMBDA",
    "REGULARISED_CONTROLS",
    "REGULARISED_KINDS",
    "STATED_REGULARISED",
    "Accumulation",
    "ControlResult",
    "Decision",
    "GenericProof",
    "Lemma",
    "SweepReport",
    "SymbolicNetwork",
    "Tutorial",
    "Witness",
    "accumulate",
    "chain_rules",
    "decide",
    "get_activation",
    "get_cost",
    "latex",
    "lemmas",
    "mathml",
    "penalty",
    "proofs",
    "refute",
    "regularised_proofs",
    "run_controls",
    "run_regularised_controls",
    "shapes",
    "sweep",
    "unicode",
    "values",
    "weight_decay",
]
