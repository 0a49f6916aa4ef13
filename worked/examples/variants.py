"""A class's variants of a worked example: other initial values drawn from a seed, the same on every
machine and every Python.

Each initial value is drawn on its own, uniformly among the hundredths of its role's range (two
decimals, as the post's are):

======== ================ ==========================================================
role     range            why
======== ================ ==========================================================
input    0.01 ... 0.99    inputs of the post's size (0.05, 0.10), never 0 (a zero input
                          leaves its weights' gradients 0, a cell with nothing to do)
target   0.01 ... 0.99    inside (0, 1), where a sigmoid output can reach (0.01, 0.99)
weight   0.05 ... 0.95    the post's are 0.15 ... 0.55; positive, as in the genre
bias     0.05 ... 0.95    the post's are 0.35 and 0.60
======== ================ ==========================================================

The draw is SHA-256 of ``"<example file's stem>|<seed>|<name>"``, its first 8 bytes read as an integer and
reduced modulo the number of hundredths in the range: a hash fixed by its standard, unlike a
library's random stream, which may change between versions. (The modulo's bias is below 1e-17.)
η is the example's own.
"""

from __future__ import annotations

import hashlib
from fractions import Fraction
from pathlib import PurePath

from worked.examples.schema import Example, InvalidExample

RANGES: dict[str, tuple[int, int]] = {
    "input": (1, 99),
    "target": (1, 99),
    "weight": (5, 95),
    "bias": (5, 95),
}
"""Each role's range, in hundredths, both ends included (see the module's table for why)."""

MAX_SEED = 2**63 - 1
"""Seeds are whole numbers 0 ... 2⁶³ − 1: as many sheets as a class could ever want."""


def role(example: Example, name: str) -> str:
    """``"input"``, ``"target"``, ``"weight"`` or ``"bias"``: what an initial value is."""
    if name in example.inputs:
        return "input"
    if name.startswith("target_"):
        return "target"
    return "weight" if name in example.weights else "bias"


def hundredths(example: Example, seed: int, name: str) -> int:
    """The value drawn for ``name`` under ``seed``, in hundredths."""
    low, high = RANGES[role(example, name)]
    stem = PurePath(example.file).stem  # the file's name, not where it lies: the same sheet anywhere
    digest = hashlib.sha256(f"{stem}|{seed}|{name}".encode()).digest()
    return low + int.from_bytes(digest[:8], "big") % (high - low + 1)


def variant(example: Example, seed: int) -> dict[str, float]:
    """Every initial value of ``example`` (inputs, targets, weights, biases) drawn for ``seed``, by name;
    each is the float nearest its two-decimal value (0.37 as Python reads "0.37")."""
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise InvalidExample(f"a worksheet's seed is a whole number 0 ... {MAX_SEED}, got {seed!r}")
    return {name: float(Fraction(hundredths(example, seed, name), 100)) for name in example.value_names}
