"""worked.testing, as a reader's test suite would use it: the assertion passes right code and fails
each buggy fixture with the bug named; the strategies draw what they say; the example file runs."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings

from tests.gradcheck.fixtures import function_style, mazur_style, ng_style, nielsen_style
from tests.testing import example_test_my_backprop
from worked.core import ACTIVATIONS, InvalidInput, Network
from worked.gradcheck import ReaderFailure
from worked.testing import Case, assert_gradient_matches, cases


@pytest.mark.parametrize(
    "impl",
    [nielsen_style.Network, nielsen_style.Network2, ng_style.nnCostFunction, mazur_style.NeuralNetwork],
)
def test_right_code_of_every_convention_passes(impl: object) -> None:
    assert_gradient_matches(impl)


@pytest.mark.parametrize(
    ("impl", "named"),
    [
        (nielsen_style.NoSigmaPrime, "missing-sigma-prime (BP2, in every hidden layer)"),
        (ng_style.regularises_bias, "regularised-biases (BP3"),
        (mazur_style.OutputFirst, "output-first"),
        (function_style.summed, "missing-1/m"),
        (ng_style.labels_from_one, "like no catalogued bug"),
    ],
)
def test_buggy_code_fails_with_the_bug_named(impl: object, named: str) -> None:
    with pytest.raises(AssertionError, match=re.escape(named)):
        assert_gradient_matches(impl)


def test_labels_from_one_are_asked_for() -> None:
    assert_gradient_matches(ng_style.labels_from_one, labels_from=1)


def test_the_readers_exception_is_the_readers() -> None:
    with pytest.raises(ReaderFailure):
        assert_gradient_matches(nielsen_style.Raises)


def test_code_of_no_convention_and_a_network_without_its_batch_are_refused() -> None:
    with pytest.raises(InvalidInput, match="fits no convention"):
        assert_gradient_matches(nielsen_style.sigmoid)
    network = Network.random([2, 3, 1], np.random.default_rng(0))
    with pytest.raises(InvalidInput, match="batch"):
        assert_gradient_matches(function_style.gradient, network=network)


@settings(max_examples=15, deadline=None)
@given(case=cases(activations=["sigmoid"], costs=["quadratic"]))
def test_a_drawn_network_checks_a_right_function_and_fails_a_wrong_one(case: Case) -> None:
    assert_gradient_matches(function_style.gradient, network=case.network, x=case.x, y=case.y)
    if case.x.shape[0] > 1:  # with one example, the sum is the mean
        with pytest.raises(AssertionError):
            assert_gradient_matches(function_style.summed, network=case.network, x=case.x, y=case.y)


@settings(max_examples=25, deadline=None)
@given(case=cases(activations=sorted(ACTIVATIONS), costs=["quadratic", "cross-entropy"], lambdas=[0.0, 1.0]))
def test_the_strategy_draws_what_it_says(case: Case) -> None:
    sizes = case.network.sizes
    assert 2 <= len(sizes) <= 5 and all(1 <= n <= 6 for n in sizes)
    assert case.x.shape[1] == sizes[0] and case.y.shape[1] == sizes[-1] and 1 <= case.x.shape[0] <= 5
    assert np.all(np.abs(case.x) <= 1) and np.all((case.y >= 0) & (case.y <= 1))
    assert case.l2 in (0.0, 1.0)
    if case.network.cost_function.name == "cross-entropy":
        assert case.network.sigmas[-1].name == "sigmoid"


def test_unknown_names_are_refused() -> None:
    with pytest.raises(InvalidInput, match="activation"):
        cases(activations=["swish"])
    with pytest.raises(InvalidInput, match="cost"):
        cases(costs=["hinge"])


def test_the_example_file_for_readers_runs() -> None:
    example_test_my_backprop.test_my_backprop_on_the_companions_networks()
    example_test_my_backprop.test_my_backprop_on_random_networks()
