"""Argument types shared by the commands: each turns a command-line word into a value or says why not.

Only the *form* is checked here (is it a whole number?); whether the value is allowed is decided by
:mod:`worked.core.validation`, once, when the command hands it to :mod:`worked`.
"""

from __future__ import annotations

import argparse


def whole_number(text: str) -> int:
    """A whole number (its range is :mod:`worked.core.validation`'s to judge)."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
