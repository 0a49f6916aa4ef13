"""A number as a reader typed it: its value, the decimals and the significant figures it carries.

The digits a reader types are the precision they claim: ``0.5933`` is compared at 4 decimals. A
number with few significant figures decides nothing (``0``, ``0.000``, ``1``: a zero typed to any
number of decimals agrees with every small gradient), so a value is judged only when it carries at
least :data:`MIN_FIGURES` of them.

Everything here is bounded *before* any formatting or arithmetic, so that no typed text can make
the companion format a billion digits: at most :data:`MAX_CHARACTERS` characters, a magnitude below
``10**MAX_INTEGER_DIGITS`` and at most :data:`MAX_DECIMALS` decimals. Every comparison is then made
in a decimal context wide enough for every digit accepted (:func:`worked.mazur.rounded`).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from worked.core import InvalidInput

MIN_FIGURES = 3
"""Significant figures a typed value needs to be judged: with two (``0.36``), a slip that moves the
third figure passes; three is the fewest at which a class's typical slips show (see the tests)."""
MAX_CHARACTERS = 64
"""Longest typed value accepted: 50 decimals, a sign, a point and an exponent fit; longer is a paste gone
wrong, and is neither parsed nor echoed."""
MAX_DECIMALS = 50
"""Most decimals a value is compared at: a float64 holds 17 significant figures, so the tutorial's
smallest value (about 3.5e-5) has its last meaningful digit near the 22nd decimal; 50 is well past that."""
MAX_INTEGER_DIGITS = 15
"""A typed value must be below 10**15 in magnitude: every quantity of the tutorial is below 10, and a
learning rate or a weight a reader could mistype stays far below this."""
ECHOED = 40
"""Characters of a refused text that a message quotes; longer texts are cut and their length said."""


def quoted(text: str) -> str:
    """``text`` as a message quotes it: in full when short, else its start and its length."""
    if len(text) <= ECHOED:
        return repr(text)
    return f"{text[:ECHOED]!r}… ({len(text):,} characters)"


@dataclass(frozen=True)
class Typed:
    """A typed number: ``text`` as typed (stripped), its exact ``number``, ``decimals`` and ``figures``."""

    text: str
    number: Decimal
    decimals: int
    figures: int

    @property
    def value(self) -> float:
        """The number as a float (for JSON; comparisons use :attr:`number`)."""
        return float(self.number)


def parse(text: str) -> Typed:
    """The typed number, its decimals (``"3.51e-05"`` → 7) and significant figures (``"0.0275"`` → 3).

    Raises :class:`~worked.core.InvalidInput` for text that is not a finite number, longer than
    :data:`MAX_CHARACTERS`, of magnitude ``10**MAX_INTEGER_DIGITS`` or more, or with more than
    :data:`MAX_DECIMALS` decimals; the message quotes at most :data:`ECHOED` characters of it.
    """
    stripped = text.strip()
    if len(stripped) > MAX_CHARACTERS:
        raise InvalidInput(f"a typed value has at most {MAX_CHARACTERS} characters; got {quoted(stripped)}")
    try:
        number = Decimal(stripped)
    except InvalidOperation:
        raise InvalidInput(f"{quoted(text)} is not a number") from None
    if not number.is_finite():
        raise InvalidInput(f"{quoted(text)} is not a finite number")
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)  # finite, checked above
    if number and number.adjusted() >= MAX_INTEGER_DIGITS:
        raise InvalidInput(
            f"{quoted(stripped)} is too large: a typed value must be below 10^{MAX_INTEGER_DIGITS}"
        )
    places = max(0, -exponent)
    if places > MAX_DECIMALS:
        raise InvalidInput(
            f"{quoted(stripped)} has {places:,} decimals; a value is compared at most at {MAX_DECIMALS}"
        )
    figures = len("".join(map(str, digits)).lstrip("0"))
    return Typed(stripped, number, places, figures)
