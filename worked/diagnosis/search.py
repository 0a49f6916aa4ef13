"""The search: every single edit of the hand computation that reproduces a typed value, and pairs when
no single one does.

The first step's keys are searched over all of :data:`worked.diagnosis.edits.EDITS` (one step each,
tens of microseconds); a training key needs a 10,000-step run per computation, so it is searched over
the named mistakes only. Pairs are tried only between edits that each change the key on their own
(an edit that leaves the key alone adds nothing to a pair, but for rare interactions), most common
first, and at most :data:`MAX_PAIRS` of them: a search that stops says how far it got.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from worked.diagnosis import edits, quantities, runs
from worked.diagnosis.edits import EDITS, Edit
from worked.diagnosis.mistakes import BY_ID, first_shows
from worked.diagnosis.variant import STATED

__all__ = ["MAX_PAIRS", "Search", "pairs", "ranked", "singles", "value"]

MAX_PAIRS = 1_000
"""Most pairs tried for one value: the most common 1,000 of up to ~8,000 combinations, so that a 60-key
sheet with nothing explained stays under 2 s (tests/diagnosis/test_search.py counts it in steps); the
rest are rarer slips made twice, and the result says where it stopped."""


def value(edit: Edit, key: str) -> float | None:
    """The edit's value of ``key`` (``None`` when its labelling has no such quantity)."""
    if key in runs.TRAINING_KEYS:
        return runs.values(edit.variant).get(key)
    return edit.first_step.get(key)


def singles(key: str) -> tuple[Edit, ...]:
    """The single edits searched for ``key``: all of them for a first-step key, the named mistakes for
    a training key."""
    if key in runs.TRAINING_KEYS:
        return tuple(e for e in EDITS if e.identifier in BY_ID)
    return EDITS


def ranked(edits: list[Edit], key: str) -> tuple[Edit, ...]:
    """``edits`` most common first, then the furthest upstream (where each first shows in ``key``'s chain)."""
    order = {name: i for i, name in enumerate(quantities.names())}

    def position(edit: Edit) -> int:
        first = first_shows(edit.variant, key)
        return order[first] if first is not None else len(order)

    return tuple(sorted(edits, key=lambda e: (e.rank, position(e))))


@dataclass(frozen=True)
class Search:
    """Pairs of edits that reproduce a value: ``found`` (ranked), after trying ``tried`` of ``total``."""

    found: tuple[Edit, ...]
    tried: int
    total: int

    @property
    def stopped(self) -> bool:
        """The search ended at :data:`MAX_PAIRS` before trying every pair."""
        return self.tried < self.total


def pairs(key: str, fits: Callable[[float], bool], limit: int = MAX_PAIRS) -> Search:
    """Pairs of single edits whose value of ``key`` ``fits``, among edits that each change ``key``."""
    stated: Mapping[str, float] = runs.values(STATED, training=False)
    if key in runs.TRAINING_KEYS:
        return Search((), 0, 0)
    changing = {e for e in EDITS if value(e, key) not in (None, stated[key])}
    candidates = [both for first, second, both in edits.pairs() if first in changing and second in changing]
    found = []
    for pair in candidates[:limit]:
        mine = value(pair, key)
        if mine is not None and fits(mine):
            found.append(pair)
    return Search(ranked(found, key), min(limit, len(candidates)), len(candidates))
