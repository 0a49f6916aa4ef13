"""The tutorial's chain rule in its own names, evaluated exactly and rounded to the printed decimals.

Oracles: sympy's direct derivative of E_total (for the products), the tutorial's printed digits
and worked's float64 values (for the numbers). Rounding is to the printed number of decimals,
so the tolerance is half a unit in the last printed place, stated by the printed string itself.
"""

from __future__ import annotations

import pytest

from symbolic.tutorial import Tutorial, _quantities, chain_rules, sigmoid_rule, values
from tests import expected
from worked import mazur
from worked.mazur.printed import rounded
from worked.tutorial.verdicts import walkthrough

REL_TOL = 1e-12
"""worked's float64 bias gradients pass through a few dozen operations of relative error 2^-53 each;
the symbolic values are exact to 40 digits, so 1e-12 is loose by a factor of about 10^3."""


@pytest.fixture(scope="module")
def exact():
    return {v.key: v for v in values(Tutorial())}


@pytest.fixture(scope="module")
def numeric():
    result = walkthrough()
    return {e.key: e for e in result.entries}, {x.key: x.computed for x in result.extras}


def test_the_chain_rule_products_equal_sympys_derivative():
    rules = {c.parameter: c for c in chain_rules()}
    assert set(rules) == {*mazur.WEIGHTS, "b1", "b2"}
    assert all(c.proven for c in rules.values())
    assert rules["w5"].formula == "∂E_total/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5"
    assert rules["w1"].formula == "(∂E_o1/∂out_h1 + ∂E_o2/∂out_h1) · ∂out_h1/∂net_h1 · ∂net_h1/∂w1"
    # one shared bias per layer: ∂E/∂b1 goes through both hidden neurons
    assert "∂net_h1/∂b1" in rules["b1"].formula and "∂net_h2/∂b1" in rules["b1"].formula
    assert sigmoid_rule().proven


def test_the_direct_derivative_is_sympy_diff_of_e_total_written_out():
    """The oracle is taken by sympy's rules node by node; it is ``sympy.diff``'s very expression."""
    t = Tutorial()
    e_total = t.leaves(t.E_total)
    for name, parameter in t.params.items():
        assert t.direct(name) == e_total.diff(parameter)


def test_leaves_is_every_definition_put_in_one_after_another():
    """The definitions written out once give what putting each one in, from E_total down, gives."""
    t = Tutorial()
    for key, _, expr in _quantities(t):
        one_by_one = expr
        for symbol, definition in reversed(t.definitions.items()):
            one_by_one = one_by_one.xreplace({symbol: definition})
        assert t.leaves(expr) == one_by_one, key


@pytest.mark.parametrize("key", ["dEtotal_dw5", "dEtotal_dw1"])
def test_the_headline_gradients_match_the_printed_digits(exact, key):
    printed = expected.PRINTED[key].value
    assert mazur.PRINTED[key] == printed
    assert exact[key].rounded == printed and exact[key].matches


def test_every_printed_value_agrees_with_worked_and_with_the_print_or_a_known_erratum(exact, numeric):
    entries, _ = numeric
    compared = [v for v in exact.values() if v.printed is not None]
    assert len(compared) == 30
    for v in compared:
        entry = entries[v.key]
        assert v.decimals is not None
        assert rounded(entry.computed, v.decimals) == v.rounded, v.key
        if not v.matches:
            assert entry.erratum is not None, v.key
    assert [v.key for v in compared if not v.matches] == ["dEo2_dout_h1"]


def test_shared_bias_gradients_agree_with_worked(exact, numeric):
    _, extras = numeric
    for key in ("dEtotal_db1", "dEtotal_db2"):
        assert exact[key].printed is None
        assert float(exact[key].digits) == pytest.approx(extras[key], rel=REL_TOL)


def test_the_point_is_exact():
    point = Tutorial().point
    values_by_name = {s.name: v for s, v in point.items()}
    assert str(values_by_name["w1"]) == "3/20" and str(values_by_name["i1"]) == "1/20"
