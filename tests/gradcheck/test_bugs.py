"""The checker must fail too: every textbook bug of the catalogue is caught by every mode.

Each bug is the real backward pass with the entries of its equation replaced in the table of BP1-BP4
(:mod:`worked.gradcheck.bugs`); first we check that each bug replaces exactly the equations it names,
so that the bug is the only difference.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from tests.strategies import MAX_BATCH, Case
from worked import tutorial
from worked.core import BACKPROP
from worked.core.network import Network
from worked.gradcheck import gradcheck
from worked.gradcheck.bugs import BUGS
from worked.gradcheck.catches import catch_table
from worked.gradcheck.check import MODES
from worked.gradcheck.checkpoint import prepare
from worked.gradcheck.report import Tolerance

DIRECTIONAL_MARGIN = 1e3
"""The directional mode's k = 3 argument needs ‖e‖ ≥ 10³·τ: one direction then misses with
probability ≤ √(2/π)·10⁻³ < 8e-4, all three with < 5e-10."""


def catalogue_cases() -> dict[str, Case]:
    """Square weight matrices (two bugs need them to run) and batches > 1 (so 1/m can show)."""
    rng = np.random.default_rng(7)
    tut = Case(tutorial.network(), rng.uniform(-1, 1, (3, 2)), rng.uniform(0, 1, (3, 2)))
    rng = np.random.default_rng(0)
    square = Network.random([3, 3, 3, 3], rng, ["tanh", "softplus", "sigmoid"], "cross-entropy")
    return {
        "tutorial 2-2-2, 3 examples": tut,
        "3-3-3-3 tanh/softplus/sigmoid, cross-entropy, 4 examples": Case(
            square, rng.uniform(-1, 1, (4, 3)), rng.uniform(0, 1, (4, 3))
        ),
    }


CASES = catalogue_cases()

CULPRIT = {
    # bug: (equation, layers below the output) named first by the per-equation mode
    "missing-sigma-prime": ("BP2", 1),
    "transposed-weight": ("BP2", 1),
    "cost-sign-flip": ("BP1", 0),
    "missing-1/m": ("BP3", 0),
    "sigma-prime-of-a": ("BP2", 1),
    "bias-wrong-axis": ("BP3", 0),
    "off-by-one-layer": ("BP4", 0),
    "extra-1/m": ("BP3", 0),
    "a-and-delta-swapped": ("BP4", 0),
}


def flat(weights: list[np.ndarray], biases: list[np.ndarray]) -> np.ndarray:
    return np.concatenate([v.ravel() for w, b in zip(weights, biases, strict=True) for v in (w, b)])


@pytest.mark.parametrize("bug", sorted(BUGS))
def test_each_bug_replaces_exactly_the_equations_it_names(bug: str) -> None:
    replaced = {
        f"BP{i}"
        for i in range(1, 5)
        if getattr(BUGS[bug].equations, f"bp{i}") is not getattr(BACKPROP, f"bp{i}")
    }
    assert replaced == set(BUGS[bug].equation.split("/"))


@pytest.mark.parametrize("sizes", [[2, 2, 2], [3, 5, 1], [4, 3, 6, 2], [1, 1]])
def test_the_backward_pass_is_bp1_to_bp4_from_its_table(sizes: list[int]) -> None:
    """A table whose entries are the book's four, called through wrappers, gives the same bits: with
    no L2 penalty (whose term Network.backward adds after BP4), the backward pass computes nothing
    outside its table."""
    rng = np.random.default_rng(len(sizes))
    network = Network.random(sizes, rng, "tanh")
    xs, ys = rng.uniform(-1, 1, (MAX_BATCH, sizes[0])), rng.uniform(0, 1, (MAX_BATCH, sizes[-1]))
    zs, activations = network.forward_rows(xs)
    calls: list[str] = []

    def wrapped(name: str):
        def call(*args):
            calls.append(name)
            return getattr(BACKPROP, name)(*args)

        return call

    table = replace(BACKPROP, **{f"bp{i}": wrapped(f"bp{i}") for i in range(1, 5)})
    real = network.backward(zs, activations, ys)
    traced = network.backward(zs, activations, ys, equations=table)
    # Exactness is the point: the same operations in the same order give the same bits.
    for r, c in zip(real, traced, strict=True):
        assert all(np.array_equal(a, b) for a, b in zip(r, c, strict=True))
    per_layer = ["bp3", "bp4", "bp2"]
    assert calls == ["bp1", *per_layer * (len(sizes) - 1)][: 1 + 3 * (len(sizes) - 1) - 1]


def test_the_catalogue_is_the_issues_list() -> None:
    assert set(BUGS) == set(CULPRIT)


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("bug", sorted(BUGS))
def test_every_bug_really_changes_the_gradient_by_far_more_than_the_tolerance(case: str, bug: str) -> None:
    network, x, y = CASES[case]
    right, wrong = prepare(network, x, y, None, False), prepare(network, x, y, BUGS[bug].backward, False)
    g = flat(right.nabla_w, right.nabla_b)
    e = flat(wrong.nabla_w, wrong.nabla_b) - g
    scale = np.maximum(1.0, np.abs(flat(network.weights, network.biases)))
    tol = Tolerance()
    # τ for the undivided direction (see worked.gradcheck.directions.directional), at three times its typical
    # size: ⟨g, d⟩ for a normal d has standard deviation ‖s ⊙ g‖, and three of those cover 99.7% of draws.
    tau = 3 * (tol.rtol * np.linalg.norm(scale * g) + tol.atol * np.mean(right.noise) * np.sqrt(g.size))
    assert np.linalg.norm(e) >= DIRECTIONAL_MARGIN * tau


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("bug", sorted(BUGS))
def test_every_mode_catches_every_bug(case: str, mode: str, bug: str) -> None:
    network, x, y = CASES[case]
    assert BUGS[bug].visible(network, x.shape[0]) is None
    report = gradcheck(network, x, y, mode, directions=3, backward=BUGS[bug].backward)
    assert not report.passed, f"{mode} missed {bug}: {report.verdict}"


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("bug", sorted(BUGS))
def test_per_equation_mode_names_the_equation_and_layer(case: str, bug: str) -> None:
    network, x, y = CASES[case]
    report = gradcheck(network, x, y, "equations", backward=BUGS[bug].backward)
    equation, below = CULPRIT[bug]
    layer = len(network.sizes) - below  # the books' numbering: the input is layer 1, the output L
    assert report.findings[0].startswith(f"{equation} fails at layer {layer},")


def test_a_bug_that_cannot_show_leaves_the_gradient_alone() -> None:
    network, x, y = tutorial.network(), tutorial.x(), tutorial.y()
    assert BUGS["missing-1/m"].visible(network, 1) is not None
    report = gradcheck(network, x, y, backward=BUGS["missing-1/m"].backward)
    assert report.passed
    assert BUGS["sigma-prime-of-a"].visible(Network.random([2, 3, 1], np.random.default_rng(0), "relu"), 2)


def test_bugs_that_need_square_matrices_say_so() -> None:
    network = Network.random([3, 5, 2], np.random.default_rng(0))
    with pytest.raises(ValueError, match="square"):
        gradcheck(network, np.ones(3), np.ones(2), backward=BUGS["transposed-weight"].backward)


def test_catch_table_covers_every_bug_and_mode() -> None:
    network, x, y = CASES["tutorial 2-2-2, 3 examples"]
    table = catch_table(network, x, y)
    assert {(c.bug, c.mode) for c in table} == {(b, m) for b in BUGS for m in MODES}
    assert all(c.caught for c in table)
    lone = catch_table(*(tutorial.network(), tutorial.x(), tutorial.y()))
    assert {c.bug for c in lone if c.caught is None} == {"missing-1/m", "extra-1/m"}
