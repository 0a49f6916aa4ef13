"""Lemmas for concrete activations and costs, and Ng's per-example accumulation."""

from __future__ import annotations

from sympy import Symbol

from symbolic.functions import ACTIVATIONS, Logistic
from symbolic.lemmas import _method, activation_lemmas, cost_lemmas, lemmas
from symbolic.ng import accumulate


def test_every_lemma_is_proven():
    found = lemmas()
    assert [x.name for x in found if not x.proven] == []
    assert {"sigmoid′", "tanh′", "softplus′", "relu′", "sigmoid + cross-entropy δ^L"} <= {
        x.name for x in found
    }


def test_sigmoid_with_cross_entropy_gives_a_minus_y():
    (lemma,) = [x for x in cost_lemmas() if x.name == "sigmoid + cross-entropy δ^L"]
    assert lemma.proven and "a^L_j − y_j" in lemma.statement


def test_a_wrong_derivative_rule_is_not_proven():
    z = Symbol("z", real=True)
    definition = ACTIVATIONS["sigmoid"].definition
    assert definition is not None
    wrong = definition(z) * (1 + definition(z))
    assert _method(definition(z).diff(z), wrong) == ""
    assert _method(Logistic(z), 1 - Logistic(z)) == ""


def test_relu_is_checked_on_both_sides_of_zero():
    relu = [x for x in activation_lemmas() if x.name == "relu′"]
    assert {x.premise for x in relu} == {"z > 0", "z < 0"} and all(x.proven for x in relu)


def test_ng_accumulation_is_the_gradient_of_the_mean_cost():
    result = accumulate((2, 2, 2), 3)
    assert result.passed and result.proven == 12
    deeper = accumulate((2, 1, 3, 1), 2)
    assert deeper.passed and deeper.proven == (2 + 1) + (3 + 3) + (3 + 1)


def test_ng_without_one_over_m_is_refuted():
    assert accumulate((2, 2, 2), 2, mean=False).proven == 0
    assert accumulate((1, 1), 1, mean=False).passed  # one example: Δ/1 = Δ, rightly proven
