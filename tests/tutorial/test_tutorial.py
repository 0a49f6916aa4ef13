"""Every number Mazur's tutorial prints, as an expectation of its own.

The printed strings are typed from the post in ``tests/expected.py``, independently of
``worked.mazur.PRINTED`` (which the walkthrough quotes); a test checks that the two records agree.
"Equal" means equal when rounded to the printed number of decimals (``worked.mazur.rounds_to``):
half a unit in the last printed place.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

import numpy as np
import pytest

from tests import expected
from worked import mazur, tutorial
from worked.mazur.printed import rounded, rounds_to
from worked.tutorial import walkthrough
from worked.tutorial.keys import KEY_NAMES

# The post's printed digits and the stated rule's values, typed once with their sources (tests/expected.py).
PRINTED = {key: e.value for key, e in expected.PRINTED.items()}
STATED_RULE = {key: e.value for key, e in expected.STATED_RULE.items()}

# The printed numbers that the stated rule does not give, and the alternative that reproduces each.
ERRATA = {
    "dEo2_dout_h1": "double rounding",
    "E_total_after_1": "output-first update order",
    "E_total_after_10000": "off by one step",
    "E_total_after_10000_2017": "output-first update order",
    "out_o1_after_10000": "output-first update order",
    "out_o2_after_10000": "output-first update order",
}


CENTRAL_DIFFERENCE_ATOL = 1e-9
"""A central difference of E_total (about 0.3) with the step used here: truncation O(h²)·|E'''| and
round-off O(ε/h)·|E| stay below 1e-10 for the tutorial's smooth sigmoids; 1e-9 keeps a margin and is
still far below the bias gradients compared (about 0.1)."""


@pytest.fixture(scope="module")
def result():
    return walkthrough()


@pytest.fixture(scope="module")
def entries(result):
    return {e.key: e for e in result.entries}


def test_the_walkthrough_covers_every_printed_number_in_order():
    assert list(KEY_NAMES) == list(PRINTED)


def test_the_quoted_record_is_the_printed_record():
    assert mazur.PRINTED == PRINTED


@pytest.mark.parametrize("key", [k for k in PRINTED if k not in ERRATA])
def test_stated_rule_reproduces_printed_digits(entries, key):
    entry = entries[key]
    assert rounds_to(entry.computed, PRINTED[key]), (key, entry.computed, PRINTED[key])
    assert entry.matches and entry.erratum is None


@pytest.mark.parametrize("key", list(ERRATA))
def test_erratum_stated_rule_differs_and_alternative_reproduces(entries, key):
    entry = entries[key]
    assert not rounds_to(entry.computed, PRINTED[key]), "the stated rule should not give the print"
    assert entry.erratum is not None, f"{key}: no alternative reproduces the printed digits"
    assert entry.erratum.name == ERRATA[key]
    assert rounds_to(entry.erratum.reproduced, PRINTED[key], entry.erratum.rounding)


def test_the_double_rounding_is_a_tie_that_hand_rounding_breaks_away_from_zero(entries):
    # δ_o2 rounded to 9 decimals, times w7 = 0.5, is exactly −0.0190491185: half-to-even would give
    # …118 (the stated rule's digits too); only rounding the tie away from zero gives the printed …119.
    erratum = entries["dEo2_dout_h1"].erratum
    assert erratum.reproduced == Decimal(expected.DOUBLE_ROUNDED_PATH.value)
    assert rounded(erratum.reproduced, 9, ROUND_HALF_EVEN) == STATED_RULE["dEo2_dout_h1"]
    assert erratum.rounded(9) == PRINTED["dEo2_dout_h1"]


def test_the_errata_say_what_the_script_printed_and_what_it_could_not(entries):
    # The first script printed half of E_total, so 0.291027924 is arithmetic, not a line it printed;
    # and a figure with 10 decimals cannot be a line of a script printing round(E, 9).
    output_first = entries["E_total_after_1"].erratum.explanation
    assert f"({expected.FIRST_SCRIPT_PRINTED_AFTER_1.value} after one step)" in output_first
    assert "kept the closing figures" not in output_first
    off_by_one = entries["E_total_after_10000"].erratum.explanation
    assert "It has 10 decimals, so it is no line of the script, which prints round(E, 9)" in off_by_one


@pytest.mark.parametrize("key", list(STATED_RULE))
def test_stated_rule_values_of_the_errata(entries, key):
    assert rounds_to(entries[key].computed, STATED_RULE[key])


def test_nothing_is_left_unexplained(result):
    assert result.unexplained == ()


def test_name_table_builds_the_weight_matrices():
    net = tutorial.network()
    # w5 is w^3_11 in the books (the input is layer 1), the weight into o1 from h1; w3 is w^2_21,
    # into h2 from i1. Ng: w5 is Θ^(2)_11, b1 is column 0 of Θ^(1).
    assert net.weights[1][0, 0] == mazur.INITIAL["w5"]  # exact: a stored constant, not a result
    assert net.weights[0][1, 0] == mazur.INITIAL["w3"]
    assert mazur.NAMES["w5"].nielsen == "w^3_11" and mazur.NAMES["w5"].ng == "Θ^(2)_11"
    assert mazur.NAMES["w5"].python == "weights[1][0, 0]"
    assert mazur.NAMES["b1"].ng == "Θ^(1)_j0 (all j)"
    np.testing.assert_array_equal(net.biases[0], [0.35, 0.35])


@pytest.mark.parametrize(
    ("name", "nielsen", "ng"),
    [
        ("w1", {"layer": 2, "j": 1, "k": 1}, {"layer": 1, "row": 1, "col": 1}),
        ("w6", {"layer": 3, "j": 1, "k": 2}, {"layer": 2, "row": 1, "col": 2}),
        ("b1", {"layer": 2, "j": None, "k": None}, {"layer": 1, "row": None, "col": 0}),
        ("out_h2", {"layer": 2, "j": 2, "k": None}, {"layer": 2, "row": 2, "col": None}),
        ("i1", {"layer": 1, "j": 1, "k": None}, {"layer": 1, "row": 1, "col": None}),
    ],
)
def test_each_name_has_both_books_indices_counting_the_input_as_layer_1(name, nielsen, ng):
    assert mazur.NAMES[name].indices() == {"nielsen": nielsen, "ng": ng}


def test_bias_gradients_of_the_shared_biases(result):
    # Independent of BP3's code path: central differences of E in each shared bias.
    # Central differences with h = 1e-5: truncation O(h²) ~ 1e-10, round-off O(ε/h) ~ 1e-11.
    extras = {x.key: x.computed for x in result.extras}
    h = 1e-5
    for key, bias in (("dEtotal_db1", "b1"), ("dEtotal_db2", "b2")):
        up = dict(mazur.INITIAL, **{bias: mazur.INITIAL[bias] + h})
        down = dict(mazur.INITIAL, **{bias: mazur.INITIAL[bias] - h})
        numeric = (
            tutorial.network(up).cost(tutorial.x(), tutorial.y())
            - tutorial.network(down).cost(tutorial.x(), tutorial.y())
        ) / (2 * h)
        assert extras[key] == pytest.approx(numeric, abs=CENTRAL_DIFFERENCE_ATOL)
