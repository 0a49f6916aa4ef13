"""The tutorial, number by number: computed, compared with the print, and every mismatch explained.

:func:`walkthrough` computes every key of :data:`worked.tutorial.keys.KEYS` under the stated rule and compares
it with the printed digits. Where they differ, it runs the alternatives of :mod:`worked.tutorial.errata` for
that key and attaches the first that reproduces the printed digits; a mismatch that no alternative
reproduces stays *unexplained*, which the tests treat as a failure.
"""

from __future__ import annotations

import html
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from worked import mazur
from worked.core import InvalidInput
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
        """The alternative's value as a float."""
        return float(self.reproduced)

    def rounded(self, places: int) -> str:
        """The alternative's value at ``places`` decimals, by its own :attr:`rounding`."""
        return rounded(self.reproduced, places, self.rounding)


@dataclass(frozen=True, repr=False)
class Entry:
    """One printed number of the post: its ``key`` (:data:`~worked.tutorial.KEY_NAMES`), ``group`` and
    ``formula``, the ``printed`` string, the stated rule's ``computed`` value, and the ``erratum`` that
    explains the print when the rule does not give it (else ``None``)."""

    key: str
    group: str
    formula: str
    printed: str
    computed: float
    erratum: Erratum | None

    @property
    def decimals(self) -> int:
        """How many decimals the post prints for this key."""
        return decimals(self.printed)

    @property
    def computed_rounded(self) -> str:
        """The computed value at the printed number of decimals."""
        return rounded(self.computed, self.decimals)

    @property
    def matches(self) -> bool:
        """The stated rule's value rounds to the printed digits."""
        return rounds_to(self.computed, self.printed)

    @property
    def verdict(self) -> str:
        """``✓`` when the stated rule gives the print, else the erratum that does, or ``unexplained``."""
        if self.matches:
            return "✓"
        return f"erratum: {self.erratum.name}" if self.erratum else "unexplained"

    def __repr__(self) -> str:
        return f"<Entry {self.key}: computed {self.computed_rounded}, printed {self.printed}, {self.verdict}>"


@dataclass(frozen=True)
class Extra:
    """A number the tutorial never prints, computed by the same run."""

    key: str
    formula: str
    computed: float


class UnknownKey(InvalidInput, KeyError):
    """A key the walkthrough does not have: an :class:`~worked.core.InvalidInput` that names it, and a
    ``KeyError`` too, so that ``in`` and ``.get`` work as on any mapping."""

    __str__ = InvalidInput.__str__  # the message as written (KeyError's would quote it)


@dataclass(frozen=True, repr=False)
class Walkthrough(Mapping[str, Entry]):
    """Every printed number of the tutorial, computed by the stated rule and judged against the print.

    A mapping from each key (:data:`~worked.tutorial.KEY_NAMES`, in the post's order) to its
    :class:`Entry`; :meth:`value` reads a computed value as a float, the numbers the post never prints
    (:attr:`extras`, the shared biases' gradients) included. In a notebook it shows as a table.
    """

    entries: tuple[Entry, ...]
    extras: tuple[Extra, ...]

    @property
    def unexplained(self) -> tuple[Entry, ...]:
        """The mismatches that no erratum explains (none, which the tests require)."""
        return tuple(e for e in self.entries if not e.matches and e.erratum is None)

    def __getitem__(self, key: str) -> Entry:
        for entry in self.entries:
            if entry.key == key:
                return entry
        raise UnknownKey(f"unknown key {key!r}; the keys are {', '.join(e.key for e in self.entries)}")

    def __iter__(self) -> Iterator[str]:
        return (e.key for e in self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def value(self, key: str) -> float:
        """The stated rule's value of ``key``: a printed number (e.g. ``"out_o1"``) or an extra
        (``"dEtotal_db1"``); :class:`UnknownKey` (an :class:`~worked.core.InvalidInput`) names any other."""
        for extra in self.extras:
            if extra.key == key:
                return extra.computed
        return self[key].computed

    def __repr__(self) -> str:
        explained = sum(1 for e in self.entries if e.erratum is not None)
        matching = sum(1 for e in self.entries if e.matches)
        return (
            f"<Walkthrough of {len(self)} printed numbers: {matching} given by the stated rule, "
            f"{explained} explained by errata, {len(self.unexplained)} unexplained>"
        )

    def _repr_html_(self) -> str:
        """The table a notebook shows: key, formula, computed (at the printed decimals), print, verdict."""
        head = "".join(f"<th>{h}</th>" for h in ("key", "formula", "computed", "printed", ""))
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(cell)}</td>"
                for cell in (e.key, e.formula, e.computed_rounded, e.printed, e.verdict)
            )
            + "</tr>"
            for e in self.entries
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


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
        Extra(key, formulas.formula(key), stated.value(key)) for key in ("dEtotal_db1", "dEtotal_db2")
    )
    return Walkthrough(tuple(entries), extras)
