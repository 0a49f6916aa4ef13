"""Where did my arithmetic go wrong? A reader's number checked against the stated rule and every mistake.

A number is compared at the precision the reader typed it with: ``0.5933`` is compared at 4 decimals,
i.e. it matches a computation whose value rounds (half to even, from the float's exact value) to
0.5933 (:func:`worked.mazur.printed.rounded`). It is checked against the stated rule and against every
mistake of :mod:`worked.diagnosis.mistakes`; all that reproduce it are reported, because mistakes can coincide
(η = 1 and a cost without the ½ both double a step). When nothing reproduces it, the nearest
computations are shown and one quantity of its chain is suggested to check first.

A value is judged only when it carries enough significant figures (:mod:`worked.diagnosis.typed`), and
the post's own figure, where the stated rule gives another, has a status of its own (:data:`STATUSES`).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from worked import mazur
from worked.core import InvalidInput
from worked.diagnosis import quantities, runs, search
from worked.diagnosis.edits import Edit
from worked.diagnosis.mistakes import STATED_DESCRIPTION, STATED_RULE, first_shows
from worked.diagnosis.notation import key as read_key
from worked.diagnosis.search import Search
from worked.diagnosis.typed import MIN_FIGURES, Typed, parse
from worked.diagnosis.variant import STATED, Variant
from worked.mazur import decimals, rounded

if TYPE_CHECKING:
    from worked.tutorial import Erratum

CLOSEST = 3
"""How many of the nearest computations are shown when none reproduces a number."""

CORRECT = "stated rule"
IMPRECISE = "too imprecise to judge"
AS_PRINTED = "as printed in the post"
MISTAKE = "mistake"
NOT_REPRODUCED = "not reproduced"
STATUSES = (CORRECT, IMPRECISE, AS_PRINTED, MISTAKE, NOT_REPRODUCED)
"""What a diagnosis concludes, one of: the stated rule's value; too few significant figures to judge;
the post's own printed figure where the stated rule gives another (an erratum); a value a mistake
reproduces; a value nothing reproduces. Only the first is a pass."""


@dataclass(frozen=True)
class Candidate:
    """A computation (a mistake, or the stated rule) and the value it gives for the key."""

    identifier: str
    description: str
    value: float
    enters_at: str | None  # the earliest quantity of the key's chain where it shows (None: stated rule)
    variant: Variant = STATED  # the computation


@dataclass(frozen=True)
class Diagnosis:
    """What one typed value is: its :attr:`status` (one of :data:`STATUSES`) and the evidence for it.

    ``typed`` is the reader's number; ``min_figures`` the significant figures it needed to be judged;
    ``expected`` and ``formula`` the stated rule's value and formula for ``key``; ``candidates`` the
    mistakes that reproduce the value (at the typed decimals); ``closest`` the nearest computations
    and ``check_first`` (with ``check_first_why``) the quantity to check first, when nothing
    reproduces it; ``printed`` the post's own figure when the value is that figure, and ``erratum``
    the computation behind the figure when the stated rule gives another; ``same_as`` the other
    quantities whose stated-rule value the typed one is (a mixed-up key?).
    """

    key: str
    typed: Typed
    min_figures: int
    matches_stated_rule: bool
    expected: float
    formula: str
    candidates: tuple[Candidate, ...] = ()
    closest: tuple[Candidate, ...] = ()
    check_first: str | None = None
    check_first_why: str | None = None
    printed: str | None = None
    erratum: Erratum | None = None
    same_as: tuple[str, ...] = ()
    pair_search: Search | None = None

    @property
    def value(self) -> str:
        """The value as typed."""
        return self.typed.text

    @property
    def precision(self) -> int:
        """The decimals typed, at which the value is compared."""
        return self.typed.decimals

    @property
    def judged(self) -> bool:
        """The value carries the significant figures needed to judge it."""
        return self.typed.figures >= self.min_figures

    @property
    def expected_rounded(self) -> str:
        """The stated rule's value at the precision typed."""
        return rounded(self.expected, self.precision)

    @property
    def identified(self) -> bool:
        """The stated rule, a mistake or the post's own erratum gives the value."""
        return self.matches_stated_rule or bool(self.candidates) or self.erratum is not None

    @property
    def passed(self) -> bool:
        """Judged, and the stated rule's value: the one status a grader may count as right."""
        return self.status == CORRECT

    @property
    def status(self) -> str:
        """The conclusion, one of :data:`STATUSES` (the first that applies, in that order)."""
        if not self.judged:
            return IMPRECISE
        if self.matches_stated_rule:
            return CORRECT
        if self.erratum is not None:
            return AS_PRINTED
        return MISTAKE if self.candidates else NOT_REPRODUCED


SAME_AS_MIN_DECIMALS = 4
"""Below 4 decimals many quantities share a value by chance: a match there says nothing."""
SAME_AS_MAX = 3
"""More coinciding quantities than this and the coincidence is not a clue."""


def _values(variant: Variant, key: str) -> Mapping[str, float]:
    return runs.values(variant, training=key in runs.TRAINING_KEYS)


def _candidate(edit: Edit, key: str, value: float) -> Candidate:
    first = first_shows(edit.variant, key)
    return Candidate(edit.identifier, edit.description, value, first, edit.variant)


FAST_PLACES = 12
"""Up to 12 decimals, a value clearly inside or outside the typed number's rounding interval is judged in
floats (see :data:`FAST_MARGIN`); nearer the edge, or beyond 12 decimals, exact decimal rounding decides."""
FAST_MARGIN = 1e-14
"""For values below 16 in magnitude (every quantity of the tutorial is below 10), float64's spacing is at
most 3.6e-15, so the typed number's conversion to float and the subtraction err by less than 1e-14 in
all; half a unit of the 12th decimal, 5e-13, is fifty times that."""


def _fitting(number: Decimal, places: int) -> Callable[[float], bool]:
    """``fits(value)``: ``value`` rounded to ``places`` decimals (half even, exact) is ``number``."""
    center, half = float(number), 0.5 * 10.0**-places
    fast = places <= FAST_PLACES and abs(center) < 16

    def fits(value: float) -> bool:
        if fast and abs(value) < 16:
            distance = abs(value - center)
            if distance < half - FAST_MARGIN:
                return True
            if distance > half + FAST_MARGIN:
                return False
        return Decimal(rounded(value, places)) == number

    return fits


def _printed(key: str, number: Decimal, precision: int) -> str | None:
    """The post's figure for ``key`` if the reader's number is that figure at the reader's precision."""
    printed = mazur.PRINTED.get(key)
    if printed is None or precision > decimals(printed):
        return None
    return printed if Decimal(rounded(Decimal(printed), precision)) == number else None


@lru_cache(maxsize=1)
def _errata() -> dict[str, Erratum]:
    """key → the computation that gives the post's figure, for each figure the stated rule does not give."""
    from worked.tutorial import walkthrough  # two training runs of the general network: only if asked

    return {e.key: e.erratum for e in walkthrough().entries if e.erratum is not None}


def diagnose(
    key: str, text: str, mismatched: Sequence[str] = (), min_figures: int = MIN_FIGURES
) -> Diagnosis:
    """Check the reader's value ``text`` of ``key``; ``mismatched``: other keys they got wrong.

    ``key`` may be written in the post's or the books' notation (:mod:`worked.diagnosis.notation`);
    a value with fewer than ``min_figures`` significant figures (or than the post prints for ``key``,
    if fewer) is not judged (:data:`IMPRECISE`).
    Raises :class:`~worked.core.InvalidInput` for an unknown key (naming it, with the keys it may
    mean), a value that is not a bounded finite number (:func:`worked.diagnosis.typed.parse`) or a
    ``min_figures`` below 1.
    """
    if isinstance(min_figures, bool) or not isinstance(min_figures, int) or min_figures < 1:
        raise InvalidInput(f"min_figures must be a whole number >= 1, got {min_figures!r}")
    key = read_key(key)
    typed = parse(text)
    expected = _values(STATED, key)[key]
    # The post's own figure is precise enough to judge at: w5 = 0.40 is exact, with two figures.
    needed = min(min_figures, parse(mazur.PRINTED[key]).figures) if key in mazur.PRINTED else min_figures
    if typed.figures < needed:
        return Diagnosis(key, typed, needed, False, expected, quantities.formula(key))
    number, precision = typed.number, typed.decimals

    def shown(value: float) -> Decimal:
        return Decimal(rounded(value, precision))

    fits = _fitting(number, precision)

    matches = shown(expected) == number
    # Every single edit that has this key (w2-w3-swapped names some partials differently), its value.
    values = {e: v for e in search.singles(key) if (v := search.value(e, key)) is not None}
    fitting = [e for e, v in values.items() if fits(v)]
    if matches:
        # Listed even then: at fewer digits than the post prints, a mistake that does change this key
        # may give the same number, and the reader should know their digits cannot tell the two apart.
        post = quantities.shown_decimals(key)
        fitting = [e for e in fitting if rounded(values[e], post) != rounded(expected, post)]
    printed = _printed(key, number, precision)
    erratum = _errata().get(key) if printed is not None and not matches else None
    pair_search = None
    if not (matches or fitting or erratum):
        pair_search = search.pairs(key, fits)
        values |= {e: search.value(e, key) or 0.0 for e in pair_search.found}
        fitting = list(pair_search.found)
    candidates = tuple(_candidate(e, key, values[e]) for e in search.ranked(fitting, key))
    closest: tuple[Candidate, ...] = ()
    check_first = check_first_why = None
    if not (matches or candidates or erratum):
        # The nearest computations, each giving another number than the stated rule at this precision
        # (an edit that leaves this key alone says nothing new); the stated rule first on a tie.
        stated = Candidate(STATED_RULE, STATED_DESCRIPTION, expected, None)
        others = sorted(
            (e for e, v in values.items() if shown(v) != shown(expected)),
            key=lambda e: abs(Decimal(values[e]) - number),
        )
        nearest = [_candidate(e, key, values[e]) for e in others[:CLOSEST]]
        closest = tuple(sorted([stated, *nearest], key=lambda c: abs(Decimal(c.value) - number))[:CLOSEST])
        check_first, check_first_why = _check_first(key, mismatched)
    return Diagnosis(
        key=key,
        typed=typed,
        min_figures=needed,
        matches_stated_rule=matches,
        expected=expected,
        formula=quantities.formula(key),
        candidates=candidates,
        closest=closest,
        check_first=check_first,
        check_first_why=check_first_why,
        printed=printed,
        erratum=erratum,
        same_as=() if matches else _same_as(key, number, precision),
        pair_search=pair_search,
    )


def _same_as(key: str, number: Decimal, precision: int) -> tuple[str, ...]:
    """The other quantities whose stated-rule value shows as the reader's number (a value typed under
    the wrong key), when the reader typed digits enough to tell, and they are few enough to name."""
    if precision < SAME_AS_MIN_DECIMALS:
        return ()
    values = _values(STATED, key).items()
    found = tuple(k for k, v in values if k != key and Decimal(rounded(v, precision)) == number)
    return found if len(found) <= SAME_AS_MAX else ()


def _check_first(key: str, mismatched: Sequence[str]) -> tuple[str, str]:
    """Which quantity of ``key``'s chain the reader should check first, and why, when no computation
    reproduces the value: the earliest one they already typed and got wrong; else the first input of
    the last step (a nearest computation is no evidence, so it does not steer); else the key itself.
    """
    wrong = [m for m in quantities.upstream(key) if m in mismatched]
    if wrong:
        return wrong[0], f"the earliest value you gave that {key} is computed from, and it is off already"
    inputs = quantities.inputs(key)
    if inputs:
        return inputs[0], f"no single slip or pair of slips gives it; {key} takes {', '.join(inputs)}"
    return key, "it is computed from the tutorial's given numbers only: check the step itself"


def diagnose_all(pairs: Sequence[tuple[str, str]], min_figures: int = MIN_FIGURES) -> tuple[Diagnosis, ...]:
    """Check several ``(key, value)`` pairs as :func:`diagnose` does (and raising what it raises);
    a wrong value early in a chain is suggested for later ones."""
    first = [diagnose(key, text, (), min_figures) for key, text in pairs]
    wrong = [d.key for d in first if d.judged and not d.matches_stated_rule]

    def pointed(d: Diagnosis) -> Diagnosis:
        if d.identified or not d.judged:
            return d
        check_first, why = _check_first(d.key, wrong)
        return dataclasses.replace(d, check_first=check_first, check_first_why=why)

    return tuple(pointed(d) for d in first)
