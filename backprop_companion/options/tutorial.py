"""The options of the tutorial's commands: ``walkthrough``, ``check`` and ``train``."""

from __future__ import annotations

import argparse

from backprop_companion.options.types import whole_number
from worked.mazur import ETA, STEPS

WALKTHROUGH_HELP = (
    "recompute every number printed in Mazur's step-by-step backpropagation example (or another worked "
    "example, --example) and explain each one the stated rule does not give"
)
CHECK_HELP = (
    "check your own numbers for the tutorial (e.g. w5_new=0.35891648 or 'w5+=0.35891648'): compared at "
    "the decimals you typed, against the stated rule and a search over the slips a class makes"
)
TRAIN_HELP = (
    "train the tutorial's network (or another worked example's) by gradient descent and show E_total at "
    "checkpoints"
)

MIN_FIGURES = 3
"""As ``worked.diagnosis.typed.MIN_FIGURES`` (a test keeps them equal); written out so that ``--help``
needs no numpy."""

UPDATE_ORDERS = ("simultaneous", "output-first")
"""As ``worked.core.UPDATE_ORDERS`` (a test keeps them equal); written out so that ``--help`` needs no
numpy."""


def add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the same facts as JSON")


def add_example_arguments(parser: argparse.ArgumentParser) -> None:
    """``--example NAME|FILE`` and ``--set KEY=VALUE``: which worked example, and the reader's own values."""
    parser.add_argument(
        "--example",
        metavar="NAME|FILE",
        help="a shipped worked example (mazur, the default; single-neuron) or a TOML file of one "
        "(its schema: docs/examples.md)",
    )
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="an initial value (input, target_<output>, weight, bias) or eta of your own, e.g. --set w1=0.1; "
        "repeatable; the printed numbers then no longer apply",
    )


def add_walkthrough_arguments(parser: argparse.ArgumentParser) -> None:
    add_example_arguments(parser)
    parser.add_argument(
        "--arithmetic",
        action="store_true",
        help="write each number's last step out with the numbers filled in, as the post does",
    )
    add_json(parser)


def add_check_arguments(parser: argparse.ArgumentParser) -> None:
    add_example_arguments(parser)
    parser.add_argument(
        "pairs",
        nargs="*",
        metavar="KEY=VALUE",
        help="a key of the walkthrough (or an intermediate such as net_h2) and the value you got",
    )
    parser.add_argument("--list", action="store_true", help="list the mistakes and the keys, then stop")
    parser.add_argument(
        "--from",
        dest="sheet",
        metavar="FILE",
        help="grade a filled worksheet (the CSV of 'worksheet --format csv', or TOML; - for standard input)",
    )
    parser.add_argument(
        "--seed",
        type=whole_number,
        metavar="N",
        help="check KEY=VALUE against the worksheet variant N of --example (default mazur) "
        "instead of the text's own numbers",
    )
    parser.add_argument(
        "--min-figures",
        type=whole_number,
        default=MIN_FIGURES,
        metavar="N",
        help=f"significant figures a value needs to be judged (default {MIN_FIGURES}); "
        "fewer is 'too imprecise to judge', never a pass",
    )
    add_json(parser)


def add_train_arguments(parser: argparse.ArgumentParser) -> None:
    add_example_arguments(parser)
    parser.add_argument("--steps", type=int, default=STEPS, help=f"number of updates (default {STEPS})")
    parser.add_argument(
        "--order",
        choices=UPDATE_ORDERS,
        help="simultaneous: the tutorial's stated rule (default: the example's); output-first: the "
        "tutorial script's first version, hidden deltas taken through the already-updated output weights",
    )
    parser.add_argument(
        "--eta", type=float, help=f"learning rate η (default: the example's, {ETA} for the tutorial)"
    )
    parser.add_argument(
        "--train-biases",
        action="store_true",
        help="also update the biases (the tutorial keeps its shared b1, b2 fixed)",
    )
    parser.add_argument(
        "--l2",
        type=float,
        default=0.0,
        metavar="λ",
        help="L2 weight decay: descend on E_total + (λ/2) Σ w² (one example; biases not penalised; "
        "default 0)",
    )
    parser.add_argument(
        "--every",
        type=int,
        metavar="N",
        help="show E_total every N steps (default: after 0, 1, 10, 100, ... steps)",
    )
    parser.add_argument(
        "--csv", action="store_true", help="print the checkpoints as CSV (step,E_total), nothing else"
    )
    parser.add_argument(
        "--plot",
        metavar="FILE",
        help="draw E_total over every step as an SVG figure (needs the docs extra, matplotlib)",
    )
    add_json(parser)
