"""A reader's own backprop, in each book's convention, against the companion's: the right fixtures
pass, each buggy one fails and is named, and code of no convention is refused (the fixtures are in
``tests/gradcheck/fixtures``, one file per convention)."""

from __future__ import annotations

import numpy as np
import pytest

from tests.gradcheck.fixtures import function_style, mazur_style, ng_style, nielsen_style
from worked.core import InvalidInput, Network
from worked.gradcheck.conventions import CONVENTIONS, ReaderFailure, conventions_for, detect
from worked.gradcheck.own_code import AGREE, _groups, check_own, output_first
from worked.gradcheck.suspects import suspects


def reports(obj: object, namespace: object, labels_from: int = 0):
    name = detect(obj)
    assert name is not None
    return [check_own(c) for c in conventions_for(obj, name, vars(namespace), labels_from)]


@pytest.mark.parametrize(
    ("obj", "module", "convention"),
    [
        (nielsen_style.Network, nielsen_style, "nielsen"),
        (nielsen_style.Network2, nielsen_style, "nielsen"),
        (ng_style.nnCostFunction, ng_style, "ng"),
        (mazur_style.NeuralNetwork, mazur_style, "mazur"),
        (function_style.gradient, function_style, "function"),
    ],
)
def test_right_code_passes_in_its_detected_convention(obj: object, module: object, convention: str) -> None:
    assert detect(obj) == convention
    found = reports(obj, module)
    assert found and all(r.passed and r.suspect is None for r in found)


def test_network2_style_is_checked_with_each_cost_class_of_its_file() -> None:
    found = reports(nielsen_style.Network2, nielsen_style)
    assert [r.runs[0].setting.cost for r in found] == ["quadratic", "cross-entropy"]


@pytest.mark.parametrize(
    ("obj", "module", "bug", "equation", "layers"),
    [
        (nielsen_style.NoSigmaPrime, nielsen_style, "missing-sigma-prime", "BP2", ()),
        (ng_style.regularises_bias, ng_style, "regularised-biases", "BP3", ()),
        (ng_style.no_lambda_over_m, ng_style, "missing-λ/m", "BP4", ()),
        (mazur_style.OutputFirst, mazur_style, "output-first", "update order", ()),
        (function_style.summed, function_style, "missing-1/m", "BP3/BP4", ()),
        (function_style.delta_swapped, function_style, "a-and-delta-swapped", "BP4", ()),
    ],
)
def test_buggy_code_fails_and_is_named(obj, module, bug: str, equation: str, layers: tuple[int, ...]) -> None:
    (report,) = reports(obj, module)
    assert not report.passed
    assert report.suspect is not None
    assert (report.suspect.name, report.suspect.equation, report.suspect.layers) == (bug, equation, layers)


def test_sigma_prime_dropped_in_one_hidden_layer_is_named_with_that_layer() -> None:
    class FirstHiddenOnly(nielsen_style.Network):
        def sp(self, l, z):  # σ' dropped where δ^2 is computed (the first hidden layer; the input is 1)
            return 1.0 if l == self.num_layers - 1 else nielsen_style.sigmoid_prime(z)

    (report,) = reports(FirstHiddenOnly, nielsen_style)
    assert report.suspect is not None
    assert (report.suspect.name, report.suspect.layers) == ("missing-sigma-prime", (2,))


def test_wrong_labels_are_wrong_but_no_catalogued_bug_and_the_first_wrong_group_is_named() -> None:
    (report,) = reports(ng_style.labels_from_one, ng_style)
    assert not report.passed and report.suspect is None
    failure = report.first_failure
    assert failure is not None and failure.first_wrong is not None
    assert failure.first_wrong.name == "b^3"  # the output layer's, first in backprop's order
    (right,) = reports(ng_style.labels_from_one, ng_style, labels_from=1)
    assert right.passed


def test_an_exception_in_the_readers_code_is_the_readers() -> None:
    with pytest.raises(ReaderFailure) as caught:
        reports(nielsen_style.Raises, nielsen_style)
    assert isinstance(caught.value.error, IndexError)


@pytest.mark.parametrize("convention", CONVENTIONS)
def test_code_of_another_convention_is_refused_with_what_was_expected(convention: str) -> None:
    with pytest.raises(InvalidInput, match="expected"):
        conventions_for(nielsen_style.sigmoid, convention, {})


def test_a_wrong_shape_is_reported_not_compared() -> None:
    (report,) = reports(function_style.delta_swapped, function_style)
    failure = report.first_failure
    assert failure is not None and failure.problem is not None and "shape" in failure.problem


@pytest.mark.parametrize("l2", [0.0, 1.5])
@pytest.mark.parametrize("sizes", [(3, 5, 2), (2, 4, 3, 2), (3, 3, 3)])
def test_every_suspect_differs_from_the_truth_by_far_more_than_rounding(sizes, l2: float) -> None:
    """Else naming it would be a guess: each suspect must be told apart from the right gradient."""
    rng = np.random.default_rng(0)
    network = Network.random(sizes, rng)
    xs, ys = rng.uniform(-1, 1, (4, sizes[0])), rng.uniform(0, 1, (4, sizes[-1]))
    found = network.backprop(xs, ys, l2)
    truth = (found.nabla_w, found.nabla_b)
    for suspect in [*suspects(network, 4, l2), output_first(0.5)]:
        groups = _groups(suspect.gradient(network, xs, ys, l2), truth)
        worst = max(g.error / g.scale for g in groups if g.scale)
        assert worst > 1e3 * AGREE, (suspect.name, suspect.layers)


def test_code_that_raises_on_non_square_layers_is_judged_on_the_square_ones() -> None:
    (report,) = reports(nielsen_style.Transposed, nielsen_style)
    raised = [run for run in report.runs if run.error is not None]
    assert raised and all(len(set(run.setting.sizes)) > 1 for run in raised)  # the non-square networks
    assert isinstance(raised[0].error.error, ValueError)
    assert report.suspect is not None
    assert (report.suspect.name, report.suspect.where) == ("transposed-weight", "in every hidden layer")
