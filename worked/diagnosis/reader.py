"""Where did my arithmetic go wrong? A reader's number checked against the stated rule and every mistake.

A number is compared at the precision the reader typed it with: ``0.5933`` is compared at 4 decimals,
i.e. it matches a computation whose value rounds (half to even, from the float's exact value) to
0.5933 (:func:`worked.mazur.printed.rounded`). It is checked against the stated rule and against every
mistake of :mod:`worked.diagnosis.mistakes`; all that reproduce it are reported, because mistakes can coincide
(η = 1 and a cost without the ½ both double a step). When nothing reproduces it, the nearest
computations are shown and one quantity of its chain is suggested to check first.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from worked import mazur
from worked.core import InvalidInput
from worked.diagnosis import quantities, runs
from worked.diagnosis.mistakes import MISTAKES, STATED_DESCRIPTION, STATED_RULE, Mistake, enters_at
from worked.diagnosis.variant import STATED, Variant
from worked.mazur import decimals, rounded

CLOSEST = 3
"""How many of the nearest computations are shown when none reproduces a number."""


def parse(text: str) -> tuple[Decimal, int]:
    """The typed number and the decimals it was typed with (``"3.51e-05"`` → 7 decimals)."""
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        raise InvalidInput(f"{text!r} is not a number") from None
    if not number.is_finite():
        raise InvalidInput(f"{text!r} is not a finite number")
    return number, decimals(f"{number:f}")


LOOKALIKES = str.maketrans({"l": "1", "i": "1", "o": "0"})
"""Characters a reader swaps for digits that look the same (out_hl for out_h1)."""


def similar_names(name: str, n: int = 5) -> list[str]:
    """Known quantity names that look like ``name``, closest first (for "did you mean"): a name
    equal to it but for case and for letters that look like digits comes first, then difflib's."""

    def fold(text: str) -> str:
        return text.lower().translate(LOOKALIKES)

    names = quantities.names()
    exact = [k for k in names if fold(k) == fold(name)]
    close = difflib.get_close_matches(name, names, n=n, cutoff=0.6)
    return list(dict.fromkeys([*exact, *close]))[:n]


@dataclass(frozen=True)
class Candidate:
    """A computation (a mistake, or the stated rule) and the value it gives for the key."""

    identifier: str
    description: str
    value: float
    enters_at: str | None  # the earliest quantity of the key's chain where it shows (None: stated rule)


@dataclass(frozen=True)
class Diagnosis:
    """A reader's number for one key, judged: does it match the stated rule at the decimals typed, which
    mistakes of the catalogue reproduce it, or else the nearest computations and what to check first."""

    key: str
    value: str  # as typed
    precision: int  # decimals typed
    matches_stated_rule: bool
    expected: float  # the stated rule's value
    formula: str
    candidates: tuple[Candidate, ...]  # the mistakes that reproduce the value (when the rule does not)
    closest: tuple[Candidate, ...]  # when nothing reproduces it: the nearest computations
    check_first: str | None  # when nothing reproduces it: the quantity of the chain to check first
    check_first_why: str | None  # ... and why that one
    printed: str | None  # the post's own figure, when the typed value agrees with it
    erratum: str | None  # when that figure is one the stated rule does not give: what does
    same_as: tuple[str, ...] = ()  # other quantities whose stated-rule value this is (a mixed-up key?)

    @property
    def expected_rounded(self) -> str:
        """The stated rule's value at the precision typed."""
        return rounded(self.expected, self.precision)

    @property
    def identified(self) -> bool:
        """The stated rule, a mistake or the post's own erratum gives the value."""
        return self.matches_stated_rule or bool(self.candidates) or self.erratum is not None


SAME_AS_MIN_DECIMALS = 4
"""Below 4 decimals many quantities share a value by chance: a match there says nothing."""
SAME_AS_MAX = 3
"""More coinciding quantities than this and the coincidence is not a clue."""


def _values(variant: Variant, key: str) -> Mapping[str, float]:
    return runs.values(variant, training=key in runs.TRAINING_KEYS)


def _candidate(mistake: Mistake, key: str) -> Candidate:
    value = _values(mistake.variant, key)[key]
    return Candidate(mistake.identifier, mistake.description, value, enters_at(mistake, key))


def _printed(key: str, number: Decimal, precision: int) -> str | None:
    """The post's figure for ``key`` if the reader's number is that figure at the reader's precision."""
    printed = mazur.PRINTED.get(key)
    if printed is None or precision > decimals(printed):
        return None
    return printed if Decimal(rounded(Decimal(printed), precision)) == number else None


@lru_cache(maxsize=1)
def _errata() -> dict[str, str]:
    """key → the computation that gives the post's figure, for each figure the stated rule does not give."""
    from worked.tutorial import walkthrough  # two training runs of the general network: only if asked

    return {
        e.key: f"{e.erratum.name}: {e.erratum.how}" for e in walkthrough().entries if e.erratum is not None
    }


def diagnose(key: str, text: str, mismatched: Sequence[str] = ()) -> Diagnosis:
    """Check the reader's value ``text`` of ``key``; ``mismatched``: other keys they got wrong.

    Raises ``KeyError`` for an unknown key and ``ValueError`` for a value that is not a number.
    """
    if key not in quantities.names():
        raise KeyError(key)
    number, precision = parse(text)

    def shown(value: float) -> Decimal:
        return Decimal(rounded(value, precision))

    expected = _values(STATED, key)[key]
    matches = shown(expected) == number
    # Every mistake that has this key (w2-w3-swapped names some partials differently), with its value.
    mistakes = [_candidate(m, key) for m in MISTAKES if key in _values(m.variant, key)]
    candidates = tuple(c for c in mistakes if shown(c.value) == number)
    if matches:
        # Listed even then: at fewer digits than the post prints, a mistake that does change this key
        # may give the same number, and the reader should know their digits cannot tell the two apart.
        post = quantities.shown_decimals(key)
        candidates = tuple(c for c in candidates if rounded(c.value, post) != rounded(expected, post))
    printed = _printed(key, number, precision)
    erratum = _errata().get(key) if printed is not None and not matches else None
    closest: tuple[Candidate, ...] = ()
    check_first = check_first_why = None
    if not (matches or candidates or erratum):
        # The nearest computations, each giving another number than the stated rule at this precision
        # (a mistake that leaves this key alone says nothing new); the stated rule first on a tie.
        stated = Candidate(STATED_RULE, STATED_DESCRIPTION, expected, None)
        others = [c for c in mistakes if shown(c.value) != shown(expected)]
        closest = tuple(sorted([stated, *others], key=lambda c: abs(Decimal(c.value) - number))[:CLOSEST])
        check_first, check_first_why = _check_first(key, closest[0], mismatched)
    same_as = () if matches else _same_as(key, number, precision)
    return Diagnosis(
        key,
        text,
        precision,
        matches,
        expected,
        quantities.formula(key),
        candidates,
        closest,
        check_first,
        check_first_why,
        printed,
        erratum,
        same_as,
    )


def _same_as(key: str, number: Decimal, precision: int) -> tuple[str, ...]:
    """The other quantities whose stated-rule value shows as the reader's number (a value typed under
    the wrong key), when the reader typed digits enough to tell, and they are few enough to name."""
    if precision < SAME_AS_MIN_DECIMALS:
        return ()
    values = _values(STATED, key).items()
    found = tuple(k for k, v in values if k != key and Decimal(rounded(v, precision)) == number)
    return found if len(found) <= SAME_AS_MAX else ()


def _check_first(key: str, nearest: Candidate, mismatched: Sequence[str]) -> tuple[str, str]:
    """Which quantity of ``key``'s chain the reader should check first, and why.

    The earliest one they already typed and got wrong; else, when a mistake comes nearest, the
    earliest quantity of the chain where that mistake shows; else (the stated rule is nearest, so
    the slip is small and late) the first input of the last step; else the key itself.
    """
    wrong = [m for m in quantities.upstream(key) if m in mismatched]
    if wrong:
        return wrong[0], f"the earliest value you gave that {key} is computed from, and it is off already"
    if nearest.enters_at is not None:
        return nearest.enters_at, f"where {nearest.identifier}, the nearest computation, first shows"
    inputs = quantities.inputs(key)
    if inputs:
        why = f"the stated rule comes nearest, so the slip is likely late: {key} takes {', '.join(inputs)}"
        return inputs[0], why
    return key, "it is computed from the tutorial's given numbers only: check the step itself"


def diagnose_all(pairs: Sequence[tuple[str, str]]) -> tuple[Diagnosis, ...]:
    """Check several ``(key, value)`` pairs; a wrong value early in a chain is suggested for later ones."""
    first = [diagnose(key, text) for key, text in pairs]
    wrong = [d.key for d in first if not d.matches_stated_rule]
    return tuple(d if d.identified else diagnose(d.key, d.value, wrong) for d in first)
