"""Argument types shared by the commands: each turns a command-line word into a value or says why not."""

from __future__ import annotations

import argparse

MAX_SEED = 2**63 - 1
"""numpy's generators take any whole number >= 0; beyond 63 bits a seed is a typo, not a choice."""


def seed(text: str) -> int:
    """A seed for the random networks and directions: a whole number from 0 up."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a seed must be a whole number >= 0, got {text!r}") from None
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"a seed must be a whole number from 0 to 2^63 - 1, got {text}")
    return value
