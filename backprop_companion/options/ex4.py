"""The options of ``ex4``: Ng's exercise 4, its printed checks recomputed."""

from __future__ import annotations

import argparse

EX4_HELP = (
    "recompute what Ng's exercise 4 prints (sigmoidGradient, checkNNGradients at λ = 0 and 3, and with "
    "--data the costs at the given weights) and judge each against the value the exercise expects"
)


def add_ex4_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data",
        metavar="DIR",
        help="a folder holding the exercise's ex4data1.mat and ex4weights.mat (not shipped; needs scipy, "
        "the ex4 extra)",
    )
    parser.add_argument("--json", action="store_true", help="print the same facts as JSON")
