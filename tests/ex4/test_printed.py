"""The companion's copy of what ex4.m prints (worked/ex4/printed.py) against the tests' own copy, and
the name table of Ng's Θ layout against the books' rule, written out independently here."""

from __future__ import annotations

import itertools
from decimal import Decimal

import numpy as np

from tests.expected import EX4_COSTS, EX4_RELATIVE_DIFFERENCE_BELOW, EX4_SIGMOID_GRADIENT
from worked.core import Network
from worked.ex4 import CHECK_SIZES, COST_LAMBDAS, parameter_names, printed, thetas, unroll


def test_the_companions_prints_are_the_tests_prints():
    assert [p.value for p in printed.SIGMOID_GRADIENT] == [e.value for e in EX4_SIGMOID_GRADIENT]
    assert Decimal(printed.RELATIVE_DIFFERENCE_BELOW.value) == Decimal(EX4_RELATIVE_DIFFERENCE_BELOW.value)
    assert set(printed.COSTS) == set(EX4_COSTS) == set(COST_LAMBDAS)
    for l2, entry in printed.COSTS.items():
        assert entry.value == EX4_COSTS[l2].value and entry.where


def octave_order(sizes):
    """Θ^(l) is s_{l+1} × (1 + s_l); Theta(:) runs down column k = 0 (the bias), then k = 1, ..."""
    for l, (n_in, n_out) in enumerate(itertools.pairwise(sizes), start=1):
        for k in range(1 + n_in):
            for j in range(1, n_out + 1):
                yield l, j, k


def test_the_name_table_follows_octaves_column_major_order_and_the_books_layers():
    names = parameter_names(CHECK_SIZES)
    assert [n.p for n in names] == list(range(1, 39))
    for name, (l, j, k) in zip(names, octave_order(CHECK_SIZES), strict=True):
        assert (name.theta, name.j, name.k) == (l, j, k)
        # Ng's Θ^(l) feeds layer l + 1; Nielsen names a parameter by the layer it feeds (input = layer 1)
        assert name.nielsen == (f"b^{l + 1}_{j}" if k == 0 else f"w^{l + 1}_{j}{k}")
    assert (names[0].ng, names[0].nielsen, names[0].code) == ("Θ^(1)_10", "b^2_1", "biases[0][0]")
    assert (names[23].ng, names[23].nielsen, names[23].code) == ("Θ^(2)_11", "w^3_11", "weights[1][0, 0]")


def test_each_name_points_at_the_parameter_the_unrolled_vector_holds_there():
    rng = np.random.default_rng(5)
    network = Network.random(list(CHECK_SIZES), rng, "sigmoid", "cross-entropy")
    vector = unroll(thetas(network))
    scope = {"weights": network.weights, "biases": network.biases}
    for name in parameter_names(CHECK_SIZES):
        assert vector[name.p - 1] == eval(name.code, {}, scope)  # copied, not computed: exact


def test_subscripts_of_two_digits_are_separated():
    names = parameter_names([2, 12])  # Θ^(1) is 12 × 3: its first column holds the 12 biases
    assert names[11].ng == "Θ^(1)_(12,0)" and names[11].nielsen == "b^2_12"
    assert names[-1].ng == "Θ^(1)_(12,2)" and names[-1].nielsen == "w^2_(12,2)"
