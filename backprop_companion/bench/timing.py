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


def median_seconds(work: Callable[[], object], *, repeats: int = 7, min_time: float = 0.02) -> float:
    """Median seconds per call: calls are batched until a batch takes ``min_time``, after a warm-up."""
    work()  # warm-up: first-call allocation, caches, lazy imports
    number, elapsed = 1, 0.0
    while True:
        start = time.perf_counter()
        for _ in range(number):
            work()
        elapsed = time.perf_counter() - start
        if elapsed >= min_time or number >= 1 << 20:
            break
        number *= 2 if elapsed == 0 else max(2, min(10, math.ceil(min_time / elapsed)))
    samples = [elapsed / number]
    for _ in range(repeats - 1):
        start = time.perf_counter()
        for _ in range(number):
            work()
        samples.append((time.perf_counter() - start) / number)
    return statistics.median(samples)


@dataclass(frozen=True)
class Result:
    """One judged case: ``value`` in ``unit`` against ``target`` (``value <= target`` or ``>=``)."""

    case: str
    value: float
    unit: str
    target: float | None
    at_least: bool = False
    ideal: float | None = None
    detail: str = ""

    @property
    def passed(self) -> bool | None:
        if self.target is None:
            return None
        return self.value >= self.target if self.at_least else self.value <= self.target

    @property
    def miss(self) -> str:
        """By how much a missed target was missed, in words ('' when met or not judged)."""
        if self.passed is not False or self.target is None:
            return ""
        factor = self.target / self.value if self.at_least else self.value / self.target
        return f"missed by {100 * (factor - 1):.0f}%"

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "passed": self.passed, "miss": self.miss}
