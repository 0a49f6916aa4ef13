"""The options of the tools around the companion: ``docs`` and ``bench``."""

from __future__ import annotations

import argparse

from backprop_companion.options.types import whole_number

DOCS_HELP = "regenerate the documents and figures under docs/ (or, with --check, show how they have drifted)"
BENCH_HELP = (
    "measure backprop against forward passes and finite differences, the per-example loop, the "
    "tutorial's training and command start-up, each against its target"
)


def add_docs_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 with a unified diff if docs/ differs from what would be generated",
    )
    parser.add_argument("--out", default="docs", help="the docs folder (default: ./docs)")


def add_bench_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quick", action="store_true", help="smaller sweeps (under a minute)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument(
        "--plot",
        metavar="FILE",
        help="write the figure of a gradient check's cost against P (SVG; needs the docs extra, matplotlib)",
    )
    parser.add_argument(
        "--seed", type=whole_number, default=0, help="seed for the random networks (default 0)"
    )
    parser.add_argument(
        "--sweep-4x4",
        action="store_true",
        help="also time `derive --verify --max-width 4 --max-depth 4` (minutes)",
    )
    parser.add_argument(
        "--record",
        metavar="DOCS",
        help="write the run to DOCS/performance.md and its figure to DOCS/figures/fd-cost.svg",
    )
