"""The budget options of the commands whose time and memory grow with their arguments
(:data:`BUDGETED`); :mod:`backprop_companion.budget` estimates and enforces them."""

from __future__ import annotations

import argparse

from backprop_companion.options.types import memory_size

BUDGETED = ("train", "gradcheck", "derive", "bench")

DEFAULT_MAX_MEMORY = "2G"
"""As :data:`backprop_companion.budget.DEFAULT_MAX_MEMORY` (a test keeps them equal)."""


def add_budget_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("budget")
    group.add_argument(
        "--max-memory",
        type=memory_size,
        metavar="SIZE",
        help=f"refuse to start if the estimated memory exceeds SIZE (default {DEFAULT_MAX_MEMORY}; e.g. 8G)",
    )
    group.add_argument("--force", action="store_true", help="run even if the estimated time exceeds an hour")
    group.add_argument("--quiet", action="store_true", help="no progress and no time estimate on stderr")
