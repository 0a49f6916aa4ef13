"""Comparing a computed float with a number printed to some decimal places.

"Equal to the printed digits" means: the computed value, rounded to the number of decimals the
printed string shows, is that string's number. Rounding works on the float's *exact* decimal
expansion (``Decimal(value)``), so there is no hidden second rounding through ``repr``; this is
the tolerance "half a unit in the last printed place", stated without a magic number.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation


def decimals(printed: str) -> int:
    """How many digits the printed number shows after its decimal point (``"0.40"`` → 2)."""
    number = _parse(printed)
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite by _parse
    return max(0, -exponent)


def rounded(value: float, places: int) -> str:
    """``value`` rounded half-to-even to ``places`` decimals, as a string with trailing zeros kept."""
    quantum = Decimal(1).scaleb(-places)
    text = f"{Decimal(value).quantize(quantum, rounding=ROUND_HALF_EVEN):f}"
    return "0" + text[2:] if text.startswith("-0") and set(text[2:]) <= {".", "0"} else text


def rounds_to(value: float, printed: str) -> bool:
    """True when ``value`` rounded to the printed number of decimals is the printed number."""
    return Decimal(rounded(value, decimals(printed))) == _parse(printed)


def _parse(printed: str) -> Decimal:
    try:
        number = Decimal(printed.strip())
    except InvalidOperation:
        raise ValueError(f"{printed!r} is not a number") from None
    if not number.is_finite() or "e" in printed.lower():
        raise ValueError(f"{printed!r} is not a plain decimal number")
    return number
