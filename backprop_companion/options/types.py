"""Argument types shared by the commands: each turns a command-line word into a value or says why not.

Only the *form* is checked here (is it a whole number?); whether the value is allowed is decided by
:mod:`worked.core.validation`, once, when the command hands it to :mod:`worked`.
"""

from __future__ import annotations

import argparse
import re


def whole_number(text: str) -> int:
    """A whole number in ASCII digits, with an optional minus (its range is :mod:`worked.core.validation`'s
    to judge): Python's ``int`` would also take ``+7``, ``1_0`` and ``٣``, which a seed printed on a
    worksheet must not be."""
    if not re.fullmatch(r"-?[0-9]{1,30}", text.strip()):  # 30 digits: past any count or seed
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text[:40]!r}")
    return int(text)


UNITS = {"": 1, "K": 2**10, "M": 2**20, "G": 2**30, "T": 2**40}


def memory_size(text: str) -> int:
    """A memory size in bytes: a number, with K, M, G or T for powers of 1024 (500M, 4G, 1.5GiB)."""
    match = re.fullmatch(r"(\d{1,15}(?:\.\d{1,15})?)([KMGT]?)(?:i?B)?", text.strip(), re.IGNORECASE)
    if match is None:
        raise argparse.ArgumentTypeError(f"expected a size such as 500M or 4G, got {text[:40]!r}")
    return max(1, int(float(match[1]) * UNITS[match[2].upper()]))
