r"""The exhaustive sweep: BP1-BP4 checked exactly, one statement at a time, on every small network.

For every shape :math:`(n_0, \dots, n_L)` with widths :math:`1..W` and depth :math:`1..D`, the
network is built with an undefined activation and cost (by default), and every component of every
equation is decided on its own by :func:`symbolic.exact.decide` against the definitions
(:func:`symbolic.equations.ground_truth`). An identity with an undefined :math:`\sigma` and
:math:`C` holds for every activation and cost, so this one sweep covers them all. A statement that
is not proven is handed to :func:`symbolic.exact.refute`, which looks for a witness that it is
false.

The sweep also checks L2 regularisation (:mod:`symbolic.regularisation`) on every shape: the
regularised BP4 and the unchanged BP3, against ``sympy.diff`` of the regularised cost (term by term,
reusing the gradient of :math:`C_0` taken for BP3 and BP4), with the unregularised :math:`\delta`.
They are tallied and timed apart (``regularised``), so the totals of BP1-BP4 keep their meaning.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from symbolic.equations import EQUATIONS, KINDS, RightSide, ground_truth, position_text, positions
from symbolic.exact import Decision, Witness, decide, refute
from symbolic.functions import GENERIC_ACTIVATION, GENERIC_COST, SymbolicActivation, SymbolicCost
from symbolic.network import SymbolicNetwork
from symbolic.regularisation import REGULARISED, REGULARISED_KINDS, regularised_positions, regularised_truth


@dataclass(frozen=True)
class Outcome:
    """One statement (``kind`` at position ``l, j, k`` of a network of ``sizes``) and its verdict."""

    kind: str
    sizes: tuple[int, ...]
    l: int
    j: int
    k: int
    decision: Decision
    witness: Witness | None = None

    @property
    def verdict(self) -> str:
        """``proven``, ``refuted`` (a witness shows it false) or ``not proven``."""
        if self.decision.proven:
            return "proven"
        return "refuted" if self.witness is not None else "not proven"

    @property
    def where(self) -> str:
        return f"{self.kind} at {position_text(self.l, self.j, self.k)} in {shape_text(self.sizes)}"


def shape_text(sizes: Iterable[int]) -> str:
    """``2-3-1``."""
    return "-".join(str(n) for n in sizes)


def check(
    net: SymbolicNetwork,
    kind: str,
    l: int,
    j: int,
    k: int = 0,
    right_side: RightSide | None = None,
) -> Outcome:
    """Decide one statement (BP1-BP4, or a regularised BP3λ/BP4λ, whose δ is the unregularised one);
    look for a witness when it is not proven."""
    regularised = kind in REGULARISED_KINDS
    table, truth = (REGULARISED, regularised_truth) if regularised else (EQUATIONS, ground_truth)
    rhs_of = table[kind] if right_side is None else right_side
    lhs = truth(net, kind, l, j, k)
    rhs = rhs_of(net, net.delta, l, j, k)
    decision = decide(lhs, rhs)
    witness = None if decision.proven else refute(lhs, rhs)
    return Outcome(kind, net.sizes, l, j, k, decision, witness)


def shapes(max_width: int, max_depth: int) -> list[tuple[int, ...]]:
    """Every ``(n_0, ..., n_L)`` with ``1 <= n_l <= max_width`` and ``1 <= L <= max_depth``."""
    if max_width < 1 or max_depth < 1:
        raise ValueError(f"widths and depths start at 1, got max width {max_width}, max depth {max_depth}")
    widths = range(1, max_width + 1)
    return [s for depth in range(1, max_depth + 1) for s in itertools.product(widths, repeat=depth + 1)]


@dataclass
class KindReport:
    """How many statements of one kind were proven or failed, and the seconds spent deciding them."""

    kind: str
    proven: int = 0
    failed: int = 0
    seconds: float = 0.0


@dataclass
class SweepReport:
    """The whole sweep; ``failures`` lists every statement not proven, with its witness if any.

    ``kinds``, ``proven`` and ``failed`` count BP1-BP4; ``regularised`` and
    ``regularised_failures`` hold the regularised statements (BP3λ, BP4λ) apart.
    """

    activation: str
    cost: str
    max_width: int
    max_depth: int
    shapes: list[tuple[int, ...]]
    kinds: dict[str, KindReport] = field(default_factory=dict)
    setup_seconds: float = 0.0
    failures: list[Outcome] = field(default_factory=list)
    regularised: dict[str, KindReport] = field(default_factory=dict)
    regularised_failures: list[Outcome] = field(default_factory=list)

    @property
    def proven(self) -> int:
        return sum(r.proven for r in self.kinds.values())

    @property
    def failed(self) -> int:
        return sum(r.failed for r in self.kinds.values())

    @property
    def regularised_proven(self) -> int:
        return sum(r.proven for r in self.regularised.values())

    @property
    def regularised_failed(self) -> int:
        return sum(r.failed for r in self.regularised.values())

    @property
    def regularised_seconds(self) -> float:
        """Deciding BP3λ and BP4λ; not part of :attr:`seconds`."""
        return sum(r.seconds for r in self.regularised.values())

    @property
    def seconds(self) -> float:
        return self.setup_seconds + sum(r.seconds for r in self.kinds.values())


@dataclass
class ShapeTally:
    """One shape's share of a sweep: what :func:`sweep_shape` returns, from this process or a worker."""

    sizes: tuple[int, ...]
    setup_seconds: float
    kinds: dict[str, KindReport]
    failures: list[Outcome]
    regularised: dict[str, KindReport]
    regularised_failures: list[Outcome]


def sweep_shape(sizes: tuple[int, ...], activation: SymbolicActivation, cost: SymbolicCost) -> ShapeTally:
    r"""Check every statement on one shape.

    Setup (the forward pass and the defined :math:`\delta^l` of each layer) is timed apart from
    the statements; each kind's seconds cover its own left and right sides and the decision.
    """
    start = time.perf_counter()
    net = SymbolicNetwork(sizes, activation, cost)
    for l in range(1, net.L + 1):
        net.delta(l, 1)
    tally = ShapeTally(sizes, time.perf_counter() - start, {}, [], {}, [])
    for kind in KINDS:
        tally.kinds[kind] = KindReport(kind)
        outcomes = (check(net, kind, l, j, k) for l, j, k in positions(net, kind))
        _tally(tally.kinds[kind], tally.failures, outcomes)
    for kind in REGULARISED_KINDS:
        tally.regularised[kind] = KindReport(kind)
        outcomes = (check(net, kind, l, j, k) for l, j, k in regularised_positions(net, kind))
        _tally(tally.regularised[kind], tally.regularised_failures, outcomes)
    return tally


def work(sizes: tuple[int, ...]) -> int:
    """A rough measure of what checking a shape costs, to order and weigh the shapes (never a count
    that is reported): every parameter's gradient is differentiated through the layers above it."""
    return sum(n * (k + 1) for k, n in itertools.pairwise(sizes)) * len(sizes) * sizes[-1]


def merge(report: SweepReport, tally: ShapeTally) -> None:
    """Add one shape's tally to ``report`` (in the order of ``report.shapes``, for a stable report)."""
    report.setup_seconds += tally.setup_seconds
    for into, kinds in ((report.kinds, tally.kinds), (report.regularised, tally.regularised)):
        for kind, part in kinds.items():
            whole = into[kind]
            whole.proven, whole.failed = whole.proven + part.proven, whole.failed + part.failed
            whole.seconds += part.seconds
    report.failures += tally.failures
    report.regularised_failures += tally.regularised_failures


def empty_report(
    max_width: int,
    max_depth: int,
    activation: SymbolicActivation,
    cost: SymbolicCost,
    only: Iterable[tuple[int, ...]] | None = None,
) -> SweepReport:
    """The report of a sweep before any shape is checked: its shapes, and every tally at zero."""
    todo = shapes(max_width, max_depth) if only is None else [tuple(s) for s in only]
    report = SweepReport(activation.name, cost.name, max_width, max_depth, todo)
    report.kinds = {kind: KindReport(kind) for kind in KINDS}
    report.regularised = {kind: KindReport(kind) for kind in REGULARISED_KINDS}
    return report


def sweep(
    max_width: int = 3,
    max_depth: int = 3,
    activation: SymbolicActivation = GENERIC_ACTIVATION,
    cost: SymbolicCost = GENERIC_COST,
    progress: Callable[[int], None] | None = None,
    only: Iterable[tuple[int, ...]] | None = None,
) -> SweepReport:
    """Check every statement on every shape (or on the shapes in ``only``), in this process.

    :mod:`symbolic.parallel` runs the same :func:`sweep_shape` on every core, with the same report.
    """
    report = empty_report(max_width, max_depth, activation, cost, only)
    for done, sizes in enumerate(report.shapes, start=1):
        merge(report, sweep_shape(sizes, activation, cost))
        if progress is not None:
            progress(done)
    return report


def _tally(tally: KindReport, failures: list[Outcome], outcomes: Iterable[Outcome]) -> None:
    """Count ``outcomes`` into ``tally`` (deciding them is timed there) and keep the failures."""
    start = time.perf_counter()
    for outcome in outcomes:
        if outcome.decision.proven:
            tally.proven += 1
        else:
            tally.failed += 1
            failures.append(outcome)
    tally.seconds += time.perf_counter() - start
