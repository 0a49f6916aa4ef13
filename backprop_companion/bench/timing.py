"""Timing primitives: medians after warm-up, and the judged result of one benchmark case.

Machines here are noisy, so a case is judged by a *ratio* of two timings taken in the same run
(gradient against forward pass, loop against batch) wherever the claim is a ratio; absolute times
are judged only where the target itself is a time (start-up, the tutorial's 10,000 steps).
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

REPEATS = 7
"""Batches a median is taken over, unless a case says otherwise."""
ROUNDS = 9
"""Rounds of a paired ratio, unless a case says otherwise."""
MIN_TIME_S = 0.02
"""How long a batch of calls runs at least: well above the clock's resolution and a call's overhead."""


def median_seconds(
    work: Callable[[], object],
    *,
    repeats: int | None = None,
    min_time: float | None = None,
    warm_up: bool = True,
) -> float:
    """Median seconds per call: calls are batched until a batch takes ``min_time``, after a warm-up.

    ``repeats`` and ``min_time`` default to :data:`REPEATS` and :data:`MIN_TIME_S`, read at the call.
    ``warm_up=False`` is for work that takes seconds and repeats a small step thousands of times
    itself (an exhaustive check): its first call has nothing left to warm up.
    """
    repeats = REPEATS if repeats is None else repeats
    if warm_up:
        work()  # warm-up: first-call allocation, caches, lazy imports
    number, first = _batch(work, MIN_TIME_S if min_time is None else min_time)
    return statistics.median([first, *(_per_call(work, number) for _ in range(repeats - 1))])


def paired_ratio(
    numerator: Callable[[], object],
    denominator: Callable[[], object],
    *,
    rounds: int | None = None,
    min_time: float | None = None,
) -> tuple[float, float, float]:
    """``(ratio, numerator seconds, denominator seconds)``, each the median over ``rounds`` rounds that
    time both, one after the other, so a change of the machine's load hits both sides of a ratio
    alike rather than whichever happened to be timed second. Calls are batched as in :func:`median_seconds`;
    ``rounds`` defaults to :data:`ROUNDS`.
    """
    for work in (numerator, denominator):
        work()  # warm-up, as in median_seconds
    min_time = MIN_TIME_S if min_time is None else min_time
    numbers = [_batch(work, min_time)[0] for work in (numerator, denominator)]
    ratios, tops, bottoms = [], [], []
    for _ in range(ROUNDS if rounds is None else rounds):
        top, bottom = (_per_call(work, n) for work, n in zip((numerator, denominator), numbers, strict=True))
        ratios.append(top / bottom)
        tops.append(top)
        bottoms.append(bottom)
    return statistics.median(ratios), statistics.median(tops), statistics.median(bottoms)


def _batch(work: Callable[[], object], min_time: float) -> tuple[int, float]:
    """``(calls, seconds per call)`` of the first batch of calls that takes ``min_time`` in all."""
    number = 1
    while True:
        per_call = _per_call(work, number)
        if per_call * number >= min_time or number >= 1 << 20:
            return number, per_call
        number *= 2 if per_call == 0 else max(2, min(10, math.ceil(min_time / (per_call * number))))


def _per_call(work: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        work()
    return (time.perf_counter() - start) / number


@dataclass(frozen=True)
class Result:
    """One judged case: ``value`` in ``unit`` against ``target`` (``value <= target`` or ``>=``).

    ``skipped`` says why a case could not run here (its value is then ``None``; it is not judged);
    ``failed`` says why a case ran but its result cannot count (it is judged a miss).
    """

    case: str
    value: float | None
    unit: str
    target: float | None
    at_least: bool = False
    ideal: float | None = None
    detail: str = ""
    skipped: str = ""
    failed: str = ""

    @property
    def passed(self) -> bool | None:
        if self.failed:
            return False
        if self.target is None or self.value is None or self.skipped:
            return None
        return self.value >= self.target if self.at_least else self.value <= self.target

    @property
    def miss(self) -> str:
        """By how much a missed target was missed, in words ('' when met or not judged)."""
        if self.failed:
            return f"failed: {self.failed}"
        if self.passed is not False or self.target is None or self.value is None:
            return ""
        factor = self.target / self.value if self.at_least else self.value / self.target
        percent = 100 * (factor - 1)
        return f"missed by {percent:.0f}%" if percent >= 10 else f"missed by {percent:.1f}%"

    def as_dict(self) -> dict[str, Any]:
        """As JSON wants it: a number that is not finite becomes ``None`` (JSON has no NaN)."""
        fields = {
            k: None if isinstance(v, float) and not math.isfinite(v) else v for k, v in asdict(self).items()
        }
        return {**fields, "passed": self.passed, "miss": self.miss}
