"""Comparing a computed float with a number printed to some decimal places.

"Equal to the printed digits" means: the computed value, rounded to the number of decimals the
printed string shows, is that string's number. Rounding works on the float's *exact* decimal
expansion (``Decimal(value)``), so there is no hidden second rounding through ``repr``; this is
the tolerance "half a unit in the last printed place", stated without a magic number.
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

IN_WORDS = {ROUND_HALF_EVEN: "half to even", ROUND_HALF_UP: "half away from zero", ROUND_DOWN: "truncated"}
"""The rounding modes used here, as a reader would name them."""


def decimals(printed: str) -> int:
    """How many digits the printed number shows after its decimal point (``"0.40"`` → 2)."""
    number = _parse(printed)
    exponent = number.as_tuple().exponent
    assert isinstance(exponent, int)  # finite by _parse
    return max(0, -exponent)


def rounded(value: float | Decimal, places: int, rounding: str = ROUND_HALF_EVEN) -> str:
    """``value`` rounded to ``places`` decimals (half-to-even unless ``rounding`` says otherwise, e.g.
    ``decimal.ROUND_HALF_UP``, half away from zero, as one rounds by hand), trailing zeros kept."""
    exact = Decimal(value)
    with localcontext() as context:
        # Wide enough for every digit kept: the integer digits and the places (decimal's default
        # 28 digits would refuse 0.35 at 30 places). The callers bound ``places`` and the magnitude.
        context.prec = max(context.prec, places + max(exact.adjusted(), 0) + 2)
        text = f"{exact.quantize(Decimal(1).scaleb(-places), rounding=rounding):f}"
    return "0" + text[2:] if text.startswith("-0") and set(text[2:]) <= {".", "0"} else text


def rounds_to(value: float | Decimal, printed: str, rounding: str = ROUND_HALF_EVEN) -> bool:
    """True when ``value`` rounded to the printed number of decimals is the printed number."""
    return Decimal(rounded(value, decimals(printed), rounding)) == _parse(printed)


def _parse(printed: str) -> Decimal:
    try:
        number = Decimal(printed.strip())
    except InvalidOperation:
        raise ValueError(f"{printed!r} is not a number") from None
    if not number.is_finite() or "e" in printed.lower():
        raise ValueError(f"{printed!r} is not a plain decimal number")
    return number
