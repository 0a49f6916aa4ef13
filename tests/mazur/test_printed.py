"""Rounding to printed digits (``worked.mazur.rounded``), the one helper the numeric and the exact sides
both compare by: half to even on the exact decimal value, trailing zeros kept."""

from __future__ import annotations

from decimal import Decimal

import pytest

from worked.mazur import rounded


@pytest.mark.parametrize(
    ("digits", "places", "expected"),
    [
        ("0.0821670405642", 9, "0.082167041"),
        ("0.125", 2, "0.12"),
        ("-0.0000001", 3, "0.000"),
        ("0.4", 2, "0.40"),
    ],
)
def test_rounded_is_half_to_even_with_trailing_zeros_and_no_negative_zero(digits, places, expected):
    assert rounded(Decimal(digits), places) == expected
