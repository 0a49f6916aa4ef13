"""The checker on the L2-regularised cost: every mode passes the regularised gradient and catches a
backward pass that forgets the penalty's term (no false pass), or adds it to the biases."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from tests.strategies import TUTORIAL, Case, cases
from worked.core import InvalidInput, Network
from worked.gradcheck import MODES, gradcheck

LAMBDAS = st.sampled_from([0.1, 1.0, 3.0])
"""λ of the size the books use (Ng's ex4: 1 and 3)."""


@given(case=cases(), l2=LAMBDAS, mode=st.sampled_from(MODES))
@example(case=TUTORIAL, l2=1.0, mode="exhaustive")
def test_the_regularised_gradient_passes_every_mode(case: Case, l2: float, mode: str) -> None:
    report = gradcheck(*case, mode, l2=l2)
    assert report.passed, f"{report.verdict}; worst: {report.worst}"


def forgets_the_penalty(network, zs, activations, ys, *, l2):
    """A backward pass that differentiates the unregularised cost: BP4 without (λ/m)·w."""
    return network.backward(zs, activations, ys)


def regularises_the_biases(network, zs, activations, ys, *, l2):
    """Ng's bias column regularised too: (λ/m)·b added to every bias gradient."""
    deltas, nabla_w, nabla_b = network.backward(zs, activations, ys, l2=l2)
    m = ys.shape[0]
    return deltas, nabla_w, [nb + (l2 / m) * b for nb, b in zip(nabla_b, network.biases, strict=True)]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("wrong", [forgets_the_penalty, regularises_the_biases])
def test_a_wrong_regularised_gradient_fails_every_mode(mode: str, wrong) -> None:
    rng = np.random.default_rng(4)
    network = Network.random([3, 4, 2], rng, ["tanh", "sigmoid"])
    x, y = rng.uniform(-1, 1, (5, 3)), rng.uniform(0, 1, (5, 2))
    assert gradcheck(network, x, y, mode, l2=3.0).passed  # the right one passes at this very point
    report = gradcheck(network, x, y, mode, l2=3.0, backward=wrong, seed=1)
    assert not report.passed, report.verdict


def test_lambda_zero_checks_the_same_numbers_as_no_lambda() -> None:
    plain, zero = gradcheck(*TUTORIAL), gradcheck(*TUTORIAL, l2=0.0)
    assert [(c.analytic, c.numerical) for c in plain.comparisons] == [
        (c.analytic, c.numerical) for c in zero.comparisons
    ]


@pytest.mark.parametrize("l2", [-0.5, float("nan")])
def test_a_bad_lambda_is_refused(l2: float) -> None:
    with pytest.raises(InvalidInput, match="λ"):
        gradcheck(*TUTORIAL, l2=l2)


def test_every_bug_is_caught_by_every_mode_on_the_regularised_cost_too() -> None:
    from worked.gradcheck import catch_table

    rng = np.random.default_rng(2)
    network = Network.random([3, 3, 3], rng, ["tanh", "sigmoid"])
    x, y = rng.uniform(-1, 1, (4, 3)), rng.uniform(0, 1, (4, 3))
    rows = catch_table(network, x, y, l2=1.0)
    assert rows and all(row.caught for row in rows), [r for r in rows if not r.caught]
