"""The sweep's speed-ups change nothing it decides: the ring decision, the processes, the remembered sets.

Each is checked against the plain computation it replaces: ``Expr.expand`` of the difference with
applications as variables (the decision before the ring), one process (the pool), sympy's own
``free_symbols`` walk (the remembered sets).
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from sympy import Rational, Symbol

from symbolic.controls import CONTROLS, REGULARISED_CONTROLS, SHAPE
from symbolic.equations import EQUATIONS, KINDS, ground_truth, positions
from symbolic.exact import FIELD, RING, as_polynomial, decide
from symbolic.functions import GENERIC_ACTIVATION, Sigma, SigmaPrime
from symbolic.network import SymbolicNetwork
from symbolic.parallel import ParallelSweep, parallel_sweep
from symbolic.polynomial import polynomial_difference
from symbolic.regularisation import REGULARISED, REGULARISED_KINDS, regularised_positions, regularised_truth
from symbolic.sweep import sweep

SAMPLE = [(2, 1, 2), (1, 2, 2), (2, 2, 1, 2)]


def _pairs():
    """Both sides of every statement on the sample, and of the controls' (mostly false) ones on theirs."""
    for sizes in SAMPLE:
        net = SymbolicNetwork(sizes)
        for kind in KINDS:
            for l, j, k in positions(net, kind):
                yield ground_truth(net, kind, l, j, k), EQUATIONS[kind](net, net.delta, l, j, k)
        for kind in REGULARISED_KINDS:
            for l, j, k in regularised_positions(net, kind):
                yield regularised_truth(net, kind, l, j, k), REGULARISED[kind](net, net.delta, l, j, k)
    net = SymbolicNetwork(SHAPE)
    for control in (*CONTROLS, *REGULARISED_CONTROLS):
        regularised = control.kind in REGULARISED_KINDS
        truth = regularised_truth if regularised else ground_truth
        for l, j, k in (regularised_positions if regularised else positions)(net, control.kind):
            yield truth(net, control.kind, l, j, k), control.right_side(net, net.delta, l, j, k)


def test_the_ring_decides_every_statement_and_control_as_expanding_does():
    decided = {True: 0, False: 0}
    for lhs, rhs in _pairs():
        in_ring = polynomial_difference(lhs, rhs)
        assert in_ring is not None  # every side of the sweep is a polynomial (with 1/m as a variable)
        expanded = as_polynomial(lhs - rhs).expand() == 0
        assert (not in_ring) == expanded
        decided[expanded] += 1
    assert decided[True] >= 50 and decided[False] >= 20  # both answers were exercised


def test_the_ring_takes_reciprocals_as_variables_and_leaves_other_powers_to_the_field():
    x, m, lam = Symbol("x"), Symbol("m"), Symbol("λ")
    assert not polynomial_difference(lam / (2 * m) * 2 * x, lam * x / m)
    assert polynomial_difference(x / (1 + x), 1 - 1 / (1 + x)) is None
    assert decide(x / (1 + x), 1 - 1 / (1 + x)).method == FIELD
    assert decide(Sigma(x) * (x + 1), Sigma(x) * x + Sigma(x)).method == RING
    assert not decide(SigmaPrime(x) * x, Sigma(x) * x).proven
    assert polynomial_difference(Rational(1, 2) * x, x / 2) == {}


def test_multiplying_out_keeps_every_term_that_does_not_cancel():
    x, y = Symbol("x"), Symbol("y")
    assert polynomial_difference((x + y) ** 2, x**2 + 2 * x * y + y**2) == {}

    # one monomial left in each (the generators' numbers are the order they were first seen in)
    def left(lhs, rhs):
        difference = polynomial_difference(lhs, rhs)
        assert difference is not None
        return [(len(m), c) for m, c in difference.items()]

    assert left((x + y) ** 2, x**2 + y**2) == [(2, 2)]  # 2xy: a monomial of two generators
    assert left(x * (x - y) / 3, x**2 / 3) == [(2, Fraction(-1, 3))]
    assert left(Sigma(x) * (y - 1), Sigma(x) * y) == [(1, -1)]


def test_an_application_remembers_its_free_symbols_and_hands_out_copies():
    x, y = Symbol("x"), Symbol("y")
    application = Sigma(x + y)
    first = application.free_symbols
    first.add(Symbol("z"))  # sympy's Derivative.free_symbols adds to the set it is given
    assert application.free_symbols == {x, y} == (x + y).free_symbols


def _facts(report):
    return (
        report.shapes,
        {k: (r.proven, r.failed) for k, r in report.kinds.items()},
        {k: (r.proven, r.failed) for k, r in report.regularised.items()},
        [(o.kind, o.sizes, o.l, o.j, o.k, o.verdict) for o in report.failures],
    )


def test_the_sweep_in_processes_reports_what_one_process_does():
    one = sweep(2, 2)
    assert _facts(parallel_sweep(2, 2, workers=2)) == _facts(one)
    assert _facts(parallel_sweep(2, 2, workers=1)) == _facts(one)


def test_the_report_keeps_the_order_of_the_shapes_given_not_the_order_they_finish():
    given = [(1, 1), (2, 2, 2), (1, 2), (2, 1, 2)]
    report = parallel_sweep(2, 2, workers=2, only=given)
    assert report.shapes == given and report.failed == 0


def test_progress_counts_every_shape_and_ends_with_all_the_work_done():
    seen = []
    with ParallelSweep(2, 1, workers=2, progress=lambda done, fraction: seen.append((done, fraction))) as run:
        run.report()
    assert [done for done, _ in seen] == [1, 2, 3, 4]
    assert seen[-1][1] == pytest.approx(1.0) and all(0 < f <= 1 for _, f in seen)


def test_only_named_activations_travel_to_the_workers():
    from dataclasses import replace

    with pytest.raises(ValueError, match="named"):
        ParallelSweep(activation=replace(GENERIC_ACTIVATION, name="mine"))


@pytest.mark.parametrize("workers", [1, 2])
def test_work_beside_the_sweep_comes_back_in_the_order_given(workers):
    beside = (_shape_count, _first_shape)
    with ParallelSweep(2, 1, workers=workers, beside=beside) as running:
        assert running.beside() == [4, (1, 1)]
        assert running.report().proven > 0


def _shape_count() -> int:
    return len(sweep(2, 1).shapes)


def _first_shape() -> tuple[int, ...]:
    return sweep(1, 1).shapes[0]
