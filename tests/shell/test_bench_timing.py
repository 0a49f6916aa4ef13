"""The bench's paired ratio on a simulated clock: a change of load hits both sides of a ratio alike.

The clock is a counter that the two works advance (3 ticks and 1 tick a call) times the machine's
load at that moment, as another process's work slows every call on a shared machine. The true
ratio is 3 whatever the load; timing each side in its own stretch of time (``median_seconds``, as
the bench did) can see one side under one load and the other under another.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from backprop_companion.bench import timing


class Clock:
    def __init__(self, load: Callable[[float], float]) -> None:
        self.now, self.load = 0.0, load

    def perf_counter(self) -> float:
        return self.now

    def work(self, ticks: float) -> Callable[[], None]:
        def call() -> None:
            self.now += ticks * self.load(self.now)

        return call


def _clock(monkeypatch, load: Callable[[float], float]) -> Clock:
    clock = Clock(load)
    monkeypatch.setattr("time.perf_counter", clock.perf_counter)  # the module timing reads it from
    return clock


def test_the_paired_ratio_is_the_true_one_under_changing_load(monkeypatch) -> None:
    clock = _clock(monkeypatch, lambda now: 3.0 if (now // 150) % 2 else 1.0)  # busy, idle, busy, ...
    ratio, top, bottom = timing.paired_ratio(clock.work(3.0), clock.work(1.0), rounds=9, min_time=20.0)
    assert ratio == pytest.approx(3.0, rel=0.15)  # a round may straddle a change of load: 15 %
    assert top > bottom > 0


def test_the_control_timing_each_side_apart_is_misled_by_a_change_of_load(monkeypatch) -> None:
    clock = _clock(monkeypatch, lambda now: 1.0 if now < 70 else 3.0)  # the machine gets busy at 70
    top = timing.median_seconds(clock.work(3.0), repeats=3, min_time=20.0)  # done by 69: idle
    bottom = timing.median_seconds(clock.work(1.0), repeats=3, min_time=20.0)  # all of it busy
    assert top / bottom == pytest.approx(1.0)
    clock.now = 0.0
    assert timing.paired_ratio(clock.work(3.0), clock.work(1.0), rounds=9, min_time=20.0)[0] == pytest.approx(
        3.0
    )
