"""The table of expected values (``tests/expected.py``): every entry says where it comes from, and is a
plain decimal number written as its source writes it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests import expected


def decimals(text: str) -> int:
    return len(text.partition(".")[2])


ENTRIES = {
    **{f"PRINTED[{k}]": e for k, e in expected.PRINTED.items()},
    **{f"STATED_RULE[{k}]": e for k, e in expected.STATED_RULE.items()},
    **{name: e for name, e in vars(expected).items() if isinstance(e, expected.Expected)},
    **{f"EX4_SIGMOID_GRADIENT[{i}]": e for i, e in enumerate(expected.EX4_SIGMOID_GRADIENT)},
    **{f"EX4_COSTS[{lam}]": e for lam, e in expected.EX4_COSTS.items()},
}


@pytest.mark.parametrize("name", list(ENTRIES))
def test_every_expected_value_is_a_plain_decimal_with_a_source(name):
    entry = ENTRIES[name]
    assert entry.source.strip()
    number = Decimal(entry.value)
    assert number.is_finite() and "e" not in entry.value.lower()


def test_the_stated_rule_table_names_only_numbers_the_post_prints():
    assert set(expected.STATED_RULE) < set(expected.PRINTED)
    for key, entry in expected.STATED_RULE.items():
        # the same number of decimals as the print: the two are compared at the post's precision
        assert decimals(entry.value) == decimals(expected.PRINTED[key].value), key
