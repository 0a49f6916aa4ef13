"""A typed number: decimals and significant figures counted as written, and every bound enforced before
any formatting, each with the case just inside it that must still be accepted."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from backprop_companion.options.tutorial import MIN_FIGURES as OPTIONS_MIN_FIGURES
from worked.core import InvalidInput
from worked.diagnosis.reader import _fitting
from worked.diagnosis.typed import (
    ECHOED,
    MAX_CHARACTERS,
    MAX_DECIMALS,
    MAX_INTEGER_DIGITS,
    MIN_FIGURES,
    parse,
    quoted,
)
from worked.mazur.printed import rounded


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("0", 0),
        ("0.000", 0),
        ("-0.0", 0),
        ("1", 1),
        ("0.36", 2),
        ("0.0275", 3),
        ("0.35891648", 8),
        ("1.0", 2),
        ("1e-30", 1),
        ("3.51019e-05", 6),
        ("-0.019049119", 8),
    ],
)
def test_significant_figures_are_the_digits_from_the_first_nonzero_one(text, figures):
    assert parse(text).figures == figures


def test_the_option_s_default_is_the_worked_default():
    assert OPTIONS_MIN_FIGURES == MIN_FIGURES == 3


def test_a_number_of_the_longest_accepted_length_parses_and_one_more_character_is_refused():
    longest = "0." + "1" * (MAX_CHARACTERS - 2)
    with pytest.raises(InvalidInput, match=f"at most {MAX_CHARACTERS} characters"):
        parse(longest + "1")
    assert parse("0." + "1" * MAX_DECIMALS).decimals == MAX_DECIMALS


def test_the_decimals_are_bounded_and_the_bound_itself_is_accepted():
    assert parse(f"1e-{MAX_DECIMALS}").decimals == MAX_DECIMALS
    with pytest.raises(InvalidInput, match=f"has {MAX_DECIMALS + 1} decimals; .* at most at {MAX_DECIMALS}"):
        parse(f"1e-{MAX_DECIMALS + 1}")
    with pytest.raises(InvalidInput, match="has 999,999,999 decimals"):
        parse("1e-999999999")


def test_the_magnitude_is_bounded_before_any_formatting():
    assert parse("9" * MAX_INTEGER_DIGITS).figures == MAX_INTEGER_DIGITS
    with pytest.raises(InvalidInput, match=f"below 10\\^{MAX_INTEGER_DIGITS}"):
        parse("1" + "0" * MAX_INTEGER_DIGITS)
    start = time.process_time()
    with pytest.raises(InvalidInput, match="too large"):
        parse("1e999999999")  # formatted in full, this took 100 s and 10 GB
    assert time.process_time() - start < 1  # a generous ceiling: the refusal takes microseconds


def test_a_refused_text_is_quoted_cut_short_with_its_length():
    assert quoted("abc") == "'abc'"
    long = "x" * 100_000
    assert quoted(long) == f"{'x' * ECHOED!r}… (100,000 characters)"
    with pytest.raises(InvalidInput) as refused:
        parse(long)
    assert len(str(refused.value)) < 3 * ECHOED + 60


def test_rounding_works_at_every_accepted_number_of_decimals():
    # decimal's default 28-digit context refused 0.35 at 30 places ("InvalidOperation").
    assert rounded(0.35, 30) == "0.349999999999999977795539507497"
    assert len(rounded(1e14 + 0.5, MAX_DECIMALS).split(".")[1]) == MAX_DECIMALS


# -- judging in floats away from the edges of the rounding interval ---------------------------------


@given(
    st.floats(min_value=-10, max_value=10, allow_nan=False),  # every quantity of the tutorial is below 10
    st.integers(min_value=0, max_value=14),  # across the fast path's 12 decimals and beyond
    st.sampled_from([0.0, 0.5, -0.5, 0.4999999, 0.5000001, 1e-13, -1e-13]),  # near and on an edge
)
@example(0.35891647971788465, 8, 0.0)
@example(0.0275, 3, 0.5)  # 0.0275 is 0.02749999... in binary: rounds to 0.027, not 0.028
def test_fits_agrees_with_exact_decimal_rounding(value, places, shift):
    number = Decimal(rounded(value, places))
    nudged = value + shift * 10.0**-places
    assert _fitting(number, places)(nudged) == (Decimal(rounded(nudged, places)) == number)


def test_the_posts_own_figure_is_precise_enough_to_judge_at():
    """w5 = 0.40 is exact with two figures: typed as the post prints it, it is judged (and matches);
    with fewer figures than the post, it is not; a key the post never prints needs the usual three."""
    from worked.diagnosis import diagnose

    assert diagnose("dnet_o1_dout_h1", "0.40").passed
    assert not diagnose("dnet_o1_dout_h1", "0.4").judged
    assert not diagnose("b1_new", "0.35").judged and diagnose("b1_new", "0.350").passed
