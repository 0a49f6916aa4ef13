r"""The million and one forward passes: gradient checks against backprop as the network grows.

Nielsen's argument: a network with a million weights needs a million and one forward passes to get
its gradient by (one-sided) finite differences, where backprop needs about two passes' worth. Here
it is measured on square networks ``[n, n, n]`` (sigmoid, quadratic cost) at one example, so
:math:`P = 2n^2 + 2n`, in one run per network:

- one forward pass and its cost: what a finite difference evaluates;
- one backprop gradient (forward pass, then BP1-BP4): what the analytic side of any check costs;
- the exhaustive check (:func:`worked.gradcheck.check.differences`): central differences on every
  parameter, :math:`2P` forward passes, and every parameter judged against its tolerance. Naming
  the :math:`P` parameters for the report (:func:`worked.gradcheck.check.comparisons`) is timed apart;
- the directional check with :math:`k = 3` (:func:`worked.gradcheck.directions.compare`): its :math:`2k` cost
  evaluations and :math:`k` dot products with the gradient already computed, judged. Drawing the
  :math:`k` directions (:math:`kP` normal numbers, :func:`worked.gradcheck.directions.draw`) is timed apart.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from backprop_companion.bench.timing import Result, median_seconds
from backprop_companion.output.charts import Axis, Series, line_chart
from worked.core.network import Network
from worked.gradcheck.check import Differences, comparisons, differences
from worked.gradcheck.checkpoint import prepare
from worked.gradcheck.directions import DIRECTIONS, compare, draw

WIDTHS = (2, 3, 7, 12, 22, 39, 70, 125, 223)
"""n of ``[n, n, n]``: P = 12 .. 99,904, about two points a decade."""

QUICK_WIDTHS = (2, 7, 22, 70)
"""``--quick`` stops at P = 9,940."""

BATCH = 1
"""One example: the forward pass is then a matrix-vector product, as in Nielsen's argument."""

DIRECTIONAL_TARGET = 3.0
"""The issue's ceiling: the directional check costs at most 3 gradients, at any P."""

EXHAUSTIVE_TARGET = 1.2
"""The issue's ceiling: the exhaustive check costs at most 1.2 times 2P forward passes."""

LONG_CHECK = 0.5
"""An exhaustive check that takes longer than this many seconds is timed 3 times, with no warm-up."""


@dataclass(frozen=True)
class Timings:
    """Median seconds of each measured piece, for one network of ``parameters`` parameters."""

    sizes: tuple[int, ...]
    parameters: int
    forward: float
    gradient: float
    exhaustive: float
    naming: float
    directional: float
    drawing: float
    checks_pass: bool

    @property
    def passes(self) -> float:
        """The time of 2P forward passes, the exhaustive check's textbook cost."""
        return 2 * self.parameters * self.forward


def _passed(found: Differences) -> bool:
    return bool(np.all(found.kinks | (np.abs(found.analytic - found.numerical) <= found.tolerance)))


def measure(n: int, rng: np.random.Generator) -> Timings:
    """Time every piece on one random ``[n, n, n]`` network and example."""
    sizes = (n, n, n)
    network = Network.random(sizes, rng)
    xs, ys = rng.standard_normal((BATCH, n)), rng.uniform(0, 1, (BATCH, n))

    def cost() -> float:
        zs, activations = network.forward_rows(xs)
        return network.mean_cost(zs[-1], activations[-1], ys)

    forward = median_seconds(cost)
    gradient = median_seconds(lambda: network.backward(*network.forward_rows(xs), ys))
    point = prepare(network, xs, ys, None, False)
    parameters = sum(w.size + b.size for w, b in zip(network.weights, network.biases, strict=True))
    directions = draw(point, DIRECTIONS, rng)
    directional = median_seconds(lambda: compare(point, directions))
    drawing = median_seconds(lambda: draw(point, DIRECTIONS, np.random.default_rng(0)))
    found: list[Differences] = []
    long = 2 * parameters * forward > LONG_CHECK
    exhaustive = median_seconds(
        lambda: found.append(differences(point)),
        repeats=3 if long else 5,
        min_time=0.0 if long else None,  # None: timing.MIN_TIME_S
        warm_up=not long,
    )
    naming = median_seconds(lambda: comparisons(point, found[-1]), repeats=3, min_time=0.0)
    checks_pass = _passed(found[-1]) and all(c.passed for c in compare(point, directions))
    return Timings(
        sizes, parameters, forward, gradient, exhaustive, naming, directional, drawing, checks_pass
    )


def sweep(quick: bool, rng: np.random.Generator) -> list[Timings]:
    return [measure(n, rng) for n in (QUICK_WIDTHS if quick else WIDTHS)]


def exponent(ps: Sequence[float], seconds: Sequence[float]) -> float:
    """The least-squares slope of log(time) against log(P): time grows like P to this power."""
    if len(ps) < 2:
        return math.nan
    return float(np.polyfit(np.log(ps), np.log(seconds), 1)[0])


def results(timings: Sequence[Timings]) -> list[Result]:
    """The two judged ratios at every P, then the fitted growth exponents."""
    return [
        *(_directional(t) for t in timings),
        *(_exhaustive(t) for t in timings),
        *_growth(timings),
    ]


def _directional(t: Timings) -> Result:
    six = 2 * DIRECTIONS * t.forward / t.gradient
    return Result(
        f"directional check (k = {DIRECTIONS}) / gradient, P = {t.parameters:,}",
        t.directional / t.gradient,
        "×",
        DIRECTIONAL_TARGET,
        detail=f"{2 * DIRECTIONS} cost evaluations (one batched pass) + {DIRECTIONS} dot products on "
        f"the gradient already computed; {2 * DIRECTIONS} separate forward passes would be "
        f"{six:.2f} gradients; drawing the directions ({DIRECTIONS}P normal numbers, not counted) "
        f"{t.drawing / t.gradient:.2f} gradients more",
        failed="" if t.checks_pass else "the check did not pass on a right gradient",
    )


def _exhaustive(t: Timings) -> Result:
    return Result(
        f"exhaustive check / 2P forward passes, P = {t.parameters:,}",
        t.exhaustive / t.passes,
        "×",
        EXHAUSTIVE_TARGET,
        ideal=1.0,
        detail=f"{t.exhaustive / t.gradient:,.0f} gradients' worth; naming the {t.parameters:,} "
        f"parameters for the report (not counted) adds {t.naming / t.passes:.2f}×",
        failed="" if t.checks_pass else "the check did not pass on a right gradient",
    )


def _growth(timings: Sequence[Timings]) -> list[Result]:
    """How each time grows with P, fitted over the sizes measured."""
    ps = [t.parameters for t in timings]
    span = f"fitted over P = {min(ps):,}..{max(ps):,}" if ps else "no sizes measured"
    grow = {
        name: exponent(ps, [getattr(t, name) for t in timings])
        for name in ("forward", "gradient", "exhaustive", "directional")
    }
    return [
        Result(
            "growth exponent e (time ∝ P^e): backprop gradient",
            grow["gradient"],
            "",
            None,
            detail=f"{span}; the forward pass alone: {grow['forward']:.2f}",
        ),
        Result(
            "growth exponent e (time ∝ P^e): exhaustive check",
            grow["exhaustive"],
            "",
            None,
            ideal=grow["forward"] + 1,
            detail=f"{span}; ideal: 2P forward passes, one more power of P than a forward pass",
        ),
        Result(
            f"growth exponent e (time ∝ P^e): directional check (k = {DIRECTIONS})",
            grow["directional"],
            "",
            None,
            ideal=grow["gradient"],
            detail=f"{span}; ideal: a constant number of gradients, the gradient's exponent",
        ),
    ]


def as_json(timings: Sequence[Timings]) -> list[dict[str, object]]:
    return [
        {
            "sizes": list(t.sizes),
            "batch": BATCH,
            "parameters": t.parameters,
            "seconds": {
                "forward": t.forward,
                "gradient": t.gradient,
                "exhaustive": t.exhaustive,
                "exhaustive_naming": t.naming,
                "directional": t.directional,
                "directional_drawing": t.drawing,
            },
            "checks_pass": t.checks_pass,
        }
        for t in timings
    ]


def figure(timings: Sequence[Timings]) -> str:
    """Cost in units of one gradient against P, log-log: finite differences climb, backprop stays flat."""
    ps = [float(t.parameters) for t in timings]
    series = [
        Series("exhaustive check", ps, [t.exhaustive / t.gradient for t in timings]),
        Series("2P forward passes", ps, [t.passes / t.gradient for t in timings], dash="5,4"),
        Series(f"directional check, k = {DIRECTIONS}", ps, [t.directional / t.gradient for t in timings]),
        Series(
            "… and drawing its directions",
            ps,
            [(t.directional + t.drawing) / t.gradient for t in timings],
            dash="2,3",
        ),
        Series("backprop gradient", ps, [1.0] * len(ps)),
    ]
    return line_chart(
        "The million and one forward passes: a gradient check's cost",
        Axis("parameters P (network [n, n, n], one example)", log=True),
        Axis("cost in backprop gradients", log=True),
        series,
    )
