"""A whole sheet of typed values judged together: one root cause first, then what it leaves unexplained.

A student who slips early gets every later value wrong, and a value-by-value report then shows the same
slip a dozen times. The root cause is the single edit (:data:`worked.diagnosis.edits.EDITS`) that
reproduces the most of the sheet's wrong values at the digits typed while contradicting none of its
right ones (an edit that changes a value the reader got right cannot be what they did), and at least
two of them when two or more are wrong (one value's slip says nothing of the others). The most
common and furthest upstream wins a tie, and the others that fit as well are named. When no edit
reproduces any wrong value, the sheet names its first wrong value in the order of the computation,
which is where to look, rather than a nearest guess; so does a sheet whose best edit explains only
one of its several wrong values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from worked.diagnosis import quantities, runs, search
from worked.diagnosis.edits import Edit
from worked.diagnosis.mistakes import BY_ID, first_shows
from worked.diagnosis.reader import Diagnosis, diagnose_all
from worked.diagnosis.typed import MIN_FIGURES
from worked.mazur import rounded

__all__ = ["Sheet", "judge"]


@dataclass(frozen=True)
class Sheet:
    """The sheet's ``diagnoses`` (as typed, in order) and what they add up to.

    ``cause``: the root cause, or ``None``; ``also``: other edits that explain exactly as much;
    ``explained``: the wrong values the cause reproduces; ``unexplained``: the wrong values it does not
    (all of them when there is no cause); a value that is the post's own erratum is not counted wrong
    here, the post explains it; ``first_wrong``: the earliest wrong value in the order of the
    computation; ``starts_at``: where the cause first shows among the sheet's values' chains.
    """

    diagnoses: tuple[Diagnosis, ...]
    cause: Edit | None
    also: tuple[Edit, ...]
    explained: tuple[str, ...]
    unexplained: tuple[str, ...]
    first_wrong: str | None
    starts_at: str | None


def _reproduces(edit: Edit, d: Diagnosis) -> bool | None:
    """The edit gives the typed value at the typed digits (``None``: the edit has no such value here)."""
    if d.key in runs.TRAINING_KEYS and edit.identifier not in BY_ID:
        return None  # a training key is searched over the named mistakes only
    value = search.value(edit, d.key)
    if value is None:
        return None
    return Decimal(rounded(value, d.precision)) == d.typed.number


def judge(pairs: Sequence[tuple[str, str]], min_figures: int = MIN_FIGURES) -> Sheet:
    """Judge ``(key, value)`` pairs as one sheet (raising what :func:`~worked.diagnosis.diagnose` raises)."""
    diagnoses = diagnose_all(pairs, min_figures)
    order = {name: i for i, name in enumerate(quantities.names())}
    judged = [d for d in diagnoses if d.judged]
    # The post's own erratum typed as printed is explained already, by the post.
    mistaken = {d.key: d for d in judged if not d.matches_stated_rule and d.erratum is None}
    wrong = sorted(mistaken.values(), key=lambda d: order[d.key])
    right = [d for d in judged if d.matches_stated_rule]
    first_wrong = wrong[0].key if wrong else None
    scored = []
    for edit in search.singles(wrong[0].key) if wrong else ():
        if any(_reproduces(edit, d) is False for d in right):
            continue  # it changes a value the reader got right
        explained = tuple(d.key for d in wrong if _reproduces(edit, d))
        if explained:
            scored.append((edit, explained))
    most = max((len(explained) for _, explained in scored), default=0)
    if not wrong or most < min(
        len(wrong), 2
    ):  # a cause of one value among several wrong ones is no root cause
        return Sheet(diagnoses, None, (), (), tuple(d.key for d in wrong), first_wrong, None)
    best = search.ranked([e for e, explained in scored if len(explained) == most], wrong[0].key)
    cause, explained = best[0], dict(scored)[best[0]]
    starts = [first_shows(cause.variant, key) for key in explained]
    starts_at = min((s for s in starts if s is not None), key=order.__getitem__, default=None)
    unexplained = tuple(d.key for d in wrong if d.key not in explained)
    return Sheet(diagnoses, cause, best[1:], explained, unexplained, first_wrong, starts_at)
