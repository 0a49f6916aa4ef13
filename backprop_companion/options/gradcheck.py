"""The options of ``gradcheck``."""

from __future__ import annotations

import argparse

from backprop_companion.options.tutorial import add_json
from backprop_companion.options.types import whole_number

GRADCHECK_HELP = (
    "check backprop's gradient against central differences (exhaustive, directional, per-equation "
    "or Taylor); with no options, the tutorial's network; with --impl, your own backprop"
)

MODES = ("exhaustive", "directional", "equations", "taylor")
"""As ``worked.gradcheck.MODES`` (a test keeps them equal); written out so that ``--help`` needs no numpy."""

ACTIVATIONS = ("sigmoid", "tanh", "relu", "softplus", "identity")
"""As ``worked.core.ACTIVATIONS``, for the help text (a test keeps them equal)."""

COSTS = ("quadratic", "squared", "cross-entropy")
"""As ``worked.core.COSTS`` (a test keeps them equal)."""

LIST_ALL_UP_TO = 60
"""Up to this many comparisons, all are listed (3,5,2 has 32 parameters); beyond, the worst ones."""

CONVENTIONS = ("nielsen", "ng", "mazur", "function")
"""As ``worked.gradcheck.conventions.CONVENTIONS`` (a test keeps them equal)."""

DEFAULT_DIRECTIONS = 3
"""As in worked.gradcheck.directions.DIRECTIONS (a test keeps them equal; --help must not import numpy)."""


def add_gradcheck_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sizes", help="a random network with these layer sizes, input first (e.g. 3,5,2)")
    parser.add_argument(
        "--activation",
        help="one activation, or one per layer of weights, comma-separated (default sigmoid): "
        + ", ".join(ACTIVATIONS),
    )
    parser.add_argument("--cost", choices=COSTS, help="default quadratic")
    parser.add_argument(
        "--batch",
        type=int,
        help="examples in a random network's batch (default 4; the tutorial has its one example)",
    )
    parser.add_argument(
        "--seed", type=whole_number, default=0, help="seed for the network, batch and directions (default 0)"
    )
    parser.add_argument("--mode", choices=MODES, help="default exhaustive")
    parser.add_argument(
        "--directions", type=int, help="random directions in the directional mode and --bug all (default 3)"
    )
    parser.add_argument(
        "--bug",
        help="check a copy of the backward pass with a textbook bug put in (see 'all'), or 'all' for the "
        "table of which mode catches which bug",
    )
    parser.add_argument(
        "--l2",
        type=float,
        default=0.0,
        metavar="λ",
        help="check the gradient of the L2-regularised cost C_0 + (λ/2m) Σ w² (biases not penalised; "
        "default 0: no regularisation)",
    )
    parser.add_argument(
        "--float32", action="store_true", help="check in float32 (refused without --allow-float32)"
    )
    parser.add_argument(
        "--allow-float32", action="store_true", help="accept float32, with float32 tolerances"
    )
    parser.add_argument(
        "--all", action="store_true", help=f"list every comparison (default: all up to {LIST_ALL_UP_TO})"
    )
    parser.add_argument(
        "--explain", action="store_true", help="spell out how the step and the tolerance are chosen, and why"
    )
    parser.add_argument(
        "--impl",
        metavar="PATH[:NAME]",
        help="check your own backprop in this Python file (NAME: its class or function; by default "
        "Network, nnCostFunction or NeuralNetwork) against the companion's, layer by layer",
    )
    parser.add_argument(
        "--convention",
        choices=CONVENTIONS,
        help="the layout your code follows (default: detected): Nielsen's network.py/network2.py, Ng's "
        "nnCostFunction, Mazur's script, or f(weights, biases, x, y) in the companion's layout",
    )
    parser.add_argument(
        "--labels-from", type=int, choices=(0, 1), default=0, help="ng: labels 0..K-1 (default) or 1..K"
    )
    parser.add_argument(
        "--timeout", type=float, metavar="S", help="give up on your code after S seconds (default: none)"
    )
    add_json(parser)
