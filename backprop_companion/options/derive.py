"""The options of ``derive``."""

from __future__ import annotations

import argparse

from backprop_companion.options.tutorial import add_json

DERIVE_HELP = (
    "derive the four equations of backpropagation (BP1-BP4) in sympy from the chain rule; "
    "with --verify, prove every statement exactly from the definitions on every small network"
)

ACTIVATIONS = ("generic", "sigmoid", "tanh", "softplus", "relu", "identity")
"""The names of :data:`symbolic.functions.ACTIVATIONS`, listed here so that ``--help`` needs no sympy
(a test keeps the two lists equal)."""
COSTS = ("generic", "quadratic", "cross-entropy")
"""The names of :data:`symbolic.functions.COSTS` (kept equal by a test, like :data:`ACTIVATIONS`)."""


def add_derive_arguments(parser: argparse.ArgumentParser) -> None:
    style = parser.add_mutually_exclusive_group()
    style.add_argument("--latex", action="store_true", help="write the derivations in LaTeX")
    style.add_argument("--mathml", action="store_true", help="write the derivations in presentation MathML")
    parser.add_argument(
        "--verify",
        action="store_true",
        help="prove every component of BP1-BP4 exactly on every network up to the given widths and "
        "depth, run the negative controls, the lemmas, the tutorial's chain rule and Ng's accumulation",
    )
    parser.add_argument("--max-width", type=int, help="with --verify: widest layer (default 3)")
    parser.add_argument("--max-depth", type=int, help="with --verify: most layers of weights (default 3)")
    parser.add_argument(
        "--activation",
        choices=ACTIVATIONS,
        help="with --verify: the activation of the sweep (default generic)",
    )
    parser.add_argument(
        "--cost", choices=COSTS, help="with --verify: the cost of the sweep (default generic)"
    )
    parser.add_argument(
        "--no-timings", action="store_true", help="with --verify: leave out the seconds (for stable output)"
    )
    add_json(parser)
