r"""The Taylor-remainder test: a verdict on a gradient that needs no tolerance.

Along a direction :math:`d`, Taylor's theorem says

.. math:: r(h) = |C(\theta + h d) - C(\theta) - h \langle \nabla C, d \rangle| = O(h^2)

when :math:`\nabla C` is right. If the gradient is wrong by :math:`e`, the first-order terms no
longer cancel and :math:`r(h) \approx h |\langle e, d\rangle|`: slope 1 on a log-log plot instead
of 2 (a plateau, slope 0, means the cost and the gradient do not even belong together). So we
measure :math:`r` for :math:`h` from 1e-1 down to 1e-8 and fit the slope of :math:`\log r` against
:math:`\log h` over the smallest steps, where the asymptotics rule.

Each :math:`r(h)` is the larger of the remainders at :math:`+h` and :math:`-h`. One side alone can
dip: where the :math:`h^2` and :math:`h^3` terms have opposite signs they cancel near
:math:`h_0 = |a_2/a_3|`, and a fit through that dip reads a right gradient's slope as 1.3 (seen on a
layer whose cost barely depends on it, where the few steps above the rounding floor lie near
:math:`h_0`). The odd-order terms change sign with :math:`h` and the even ones do not, so the larger
of the two sides is :math:`|\text{even part}| + |\text{odd part}|`: a sum of terms that each grow
with :math:`h`, with no cancellation between orders. Two kinds of step are left out:
those whose :math:`r` sinks into the rounding error of :math:`C` (where :math:`r` is noise), and
those whose step crosses a ReLU kink (where :math:`C` is not smooth, and slope 1 is no bug).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

TAYLOR_STEPS: tuple[float, ...] = tuple(10.0 ** (-e / 2) for e in range(2, 17))
"""h = 10^-1, 10^-1.5, ..., 10^-8: half-decade steps, from where the quadratic term is visible
down to where it meets float64's rounding (h² ≈ 1e-16)."""

TAYLOR_WINDOW = 5
"""The slope is fitted over the 5 smallest usable steps (two decades), where the asymptotics rule."""

TAYLOR_MIN_POINTS = 3
"""Fewer usable steps than this and no slope is fitted: two points always make a line."""

TAYLOR_MIN_SLOPE = 1.5
"""Midway between the slope of a right gradient (2) and of a wrong one (1)."""

TAYLOR_SNR = 1e3
"""A remainder counts only above 10³·ε·N, the cost's rounding error (N as in the tolerance): its
own rounding then moves log r by < 1e-3, and a rounding estimate too small by 30× still leaves
every used point 30× above the noise."""

FIT = "fit"
ABOVE_WINDOW = "above window"
ROUNDING = "rounding"
KINK = "kink"
NOT_FINITE = "not finite"


@dataclass(frozen=True)
class TaylorPoint:
    """One step: its remainder r(h), and whether it was fitted or why not."""

    h: float
    remainder: float
    status: str


@dataclass(frozen=True)
class Taylor:
    """The remainders, the fitted slope (``None`` when fewer than 3 steps were usable), the verdict;
    ``group`` names the parameter group the direction lay in (``w^2``; empty: the whole network)."""

    points: tuple[TaylorPoint, ...]
    slope: float | None
    floor: float
    evaluations: int
    group: str = ""

    @property
    def passed(self) -> bool:
        """Right when the slope is about 2; with no usable step, nothing contradicts the gradient."""
        return self.slope is None or self.slope >= TAYLOR_MIN_SLOPE

    @property
    def window(self) -> tuple[float, float] | None:
        used = [p.h for p in self.points if p.status == FIT]
        return (min(used), max(used)) if used else None

    @property
    def verdict(self) -> str:
        kinks = sum(p.status == KINK for p in self.points)
        crossed = f"; {kinks} step(s) crossed a ReLU kink and were left out" if kinks else ""
        on = f"on {self.group}, " if self.group else ""
        if self.slope is None:
            return (
                f"{on}no slope: fewer than 3 steps left a remainder above the rounding floor "
                f"{self.floor:.1e}, so the first-order model is exact to rounding{crossed}"
            )
        lo, hi = self.window or (0.0, 0.0)
        verdict = "a right gradient" if self.passed else "a WRONG gradient"
        return (
            f"{on}slope {self.slope:.2f} over h = {lo:.0e}..{hi:.0e}: {verdict} (right gives 2, wrong 1; "
            f"the threshold is {TAYLOR_MIN_SLOPE}){crossed}"
        )


def taylor_test(line: Callable[[float], tuple[float, float, bool]], cost: float, floor: float) -> Taylor:
    r"""Fit the slope of the remainder along a line through the parameters.

    ``line(h)`` returns :math:`C(\theta + h d)`, :math:`\langle \nabla C, \Delta\rangle` for the step
    :math:`\Delta` actually taken (rounding of :math:`\theta + h d` included), and whether the step
    crossed a ReLU kink; ``cost`` is :math:`C(\theta)` and ``floor`` the remainder below which a
    point is rounding noise. Each step is taken both ways, :math:`\pm h` (see the module's note).
    """
    raw = []
    kinked_from = np.inf
    for h in TAYLOR_STEPS:
        remainders = []
        for step in (h, -h):
            value, first_order, crossed = line(step)
            remainders.append(abs(value - cost - first_order))
            if crossed:
                kinked_from = min(kinked_from, h)
        raw.append((h, float(np.max(remainders))))  # np.max: a NaN on either side stays NaN
    usable = sorted(h for h, r in raw if h < kinked_from and np.isfinite(r) and r > floor)
    window = set(usable[:TAYLOR_WINDOW])
    points = []
    for h, r in raw:
        if h >= kinked_from:
            status = KINK
        elif not np.isfinite(r):
            status = NOT_FINITE
        else:
            status = ROUNDING if r <= floor else FIT if h in window else ABOVE_WINDOW
        points.append(TaylorPoint(h, r, status))
    slope = None
    if len(window) >= TAYLOR_MIN_POINTS:
        hs = np.log10([p.h for p in points if p.status == FIT])
        rs = np.log10([p.remainder for p in points if p.status == FIT])
        slope = float(np.polyfit(hs, rs, 1)[0])
    return Taylor(tuple(points), slope, floor, 2 * len(TAYLOR_STEPS))
