"""The tutorial, number by number: computed, compared with the print, and every mismatch explained.

:func:`walkthrough` computes every key of :data:`worked.tutorial.keys.KEYS` under the stated rule and compares
it with the printed digits. Where they differ, it runs the alternatives of :mod:`worked.tutorial.errata` for
that key and attaches the first that reproduces the printed digits; a mismatch that no alternative
reproduces stays *unexplained*, which the tests treat as a failure.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from worked import mazur
from worked.mazur import decimals, formulas, rounded, rounds_to
from worked.tutorial.errata import ALTERNATIVES
from worked.tutorial.keys import KEYS, run


@dataclass(frozen=True)
class Erratum:
    """Why a printed number differs from the stated rule, with the computation that reproduces it."""

    name: str
    explanation: str
    how: str
    reproduced: Decimal
    """The alternative's value, exactly (a float's exact expansion, or a decimal product)."""
    rounding: str
    """The rounding by which it gives the printed digits (a ``decimal`` module mode name)."""

    @property
    def reproduced_value(self) -> float:
        return float(self.reproduced)

    def rounded(self, places: int) -> str:
        return rounded(self.reproduced, places, self.rounding)


@dataclass(frozen=True)
class Entry:
    key: str
    group: str
    formula: str
    printed: str
    computed: float
    erratum: Erratum | None

    @property
    def decimals(self) -> int:
        return decimals(self.printed)

    @property
    def computed_rounded(self) -> str:
        """The computed value at the printed number of decimals."""
        return rounded(self.computed, self.decimals)

    @property
    def matches(self) -> bool:
        """The stated rule's value rounds to the printed digits."""
        return rounds_to(self.computed, self.printed)


@dataclass(frozen=True)
class Extra:
    """A number the tutorial never prints, computed by the same run."""

    key: str
    formula: str
    computed: float


@dataclass(frozen=True)
class Walkthrough:
    entries: tuple[Entry, ...]
    extras: tuple[Extra, ...]

    @property
    def unexplained(self) -> tuple[Entry, ...]:
        return tuple(e for e in self.entries if not e.matches and e.erratum is None)


@cache
def walkthrough() -> Walkthrough:
    """Compute every printed number of the tutorial and judge it (two training runs, so computed
    once per process: the result depends on nothing but the tutorial's constants, and is immutable)."""
    stated, output_first = run("simultaneous"), run("output-first")
    entries = []
    for spec in KEYS:
        printed = mazur.PRINTED[spec.key]
        computed = spec.value(stated)
        erratum = None
        if not rounds_to(computed, printed):
            for alt in ALTERNATIVES:
                if alt.key != spec.key:
                    continue
                value = alt.value(stated, output_first)
                if rounds_to(value, printed, alt.rounding):
                    why = alt.explanation
                    if callable(why):
                        why = why(stated, output_first)
                    erratum = Erratum(alt.name, why, alt.how, Decimal(value), alt.rounding)
                    break
        entries.append(Entry(spec.key, spec.group, spec.formula, printed, computed, erratum))
    extras = tuple(
        Extra(key, formulas.formula(key), stated.shared_bias_gradient(layer))
        for layer, key in ((1, "dEtotal_db1"), (2, "dEtotal_db2"))
    )
    return Walkthrough(tuple(entries), extras)
