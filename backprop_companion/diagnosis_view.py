"""One diagnosed value of ``check``, with what the text and the JSON show of it beyond the diagnosis
itself: each mistake's value at the reader's digits and where it first shows, and the quantity to
check first, with their values under the stated rule."""

from __future__ import annotations

import textwrap
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from backprop_companion.output.tables import WIDTH, format_table

if TYPE_CHECKING:
    from worked.diagnosis.reader import Candidate, Diagnosis
    from worked.diagnosis.variant import Variant


def shown(key: str, variant: Variant | None = None) -> str:
    """``key`` under a computation (default: the stated rule), to the post's digits and at least 9."""
    from worked.diagnosis import by_hand, quantities, runs
    from worked.diagnosis.variant import STATED
    from worked.mazur.printed import rounded

    value = runs.values(variant or STATED, training=key in runs.TRAINING_KEYS)[key]
    return rounded(value, max(quantities.shown_decimals(key), by_hand.UNPRINTED_DECIMALS))


def erratum_number(key: str) -> int:
    """The number the walkthrough gives the post's erratum at ``key`` (its list of errata is numbered
    in the order of the tutorial)."""
    from backprop_companion.present import errata_numbers
    from worked.tutorial import walkthrough

    return errata_numbers(walkthrough().entries)[key]


@dataclass(frozen=True)
class FirstShown:
    """The first quantity where a mistake departs from the stated rule, under both."""

    key: str
    value: str
    expected: str


@dataclass(frozen=True)
class ShownCandidate:
    """A computation that gives (or comes near) the reader's value."""

    identifier: str
    description: str
    value: float
    value_rounded: str
    shows_first_at: FirstShown | None

    @classmethod
    def of(cls, c: Candidate, precision: int) -> ShownCandidate:
        from worked.diagnosis.mistakes import STATED_RULE
        from worked.mazur.printed import rounded

        first = None
        if c.enters_at is not None and c.identifier != STATED_RULE:
            first = FirstShown(c.enters_at, shown(c.enters_at, c.variant), shown(c.enters_at))
        return cls(c.identifier, c.description, c.value, rounded(c.value, precision), first)

    def where(self, key: str) -> str:
        first = self.shows_first_at
        if first is None:  # typed beyond the post's digits, where the mistake first shows here
            return "only beyond the digits the post prints"
        if first.key == key:
            return "in this step itself"
        return f"at {first.key}: {first.value} where the stated rule has {first.expected}"


@dataclass(frozen=True)
class CheckFirst:
    """The quantity to check first when no mistake explains the value."""

    key: str
    formula: str
    expected: str
    why: str | None


@dataclass(frozen=True)
class DiagnosisView:
    diagnosis: Diagnosis
    mistakes: tuple[ShownCandidate, ...]
    closest: tuple[ShownCandidate, ...]
    check_first: CheckFirst | None

    @classmethod
    def of(cls, d: Diagnosis) -> DiagnosisView:
        from worked.diagnosis import quantities

        check_first = None
        if d.check_first is not None:
            formula = quantities.formula(d.check_first)
            check_first = CheckFirst(d.check_first, formula, shown(d.check_first), d.check_first_why)
        mistakes = tuple(ShownCandidate.of(c, d.precision) for c in d.candidates)
        closest = tuple(ShownCandidate.of(c, d.precision) for c in d.closest)
        return cls(d, mistakes, closest, check_first)

    def as_json(self) -> dict[str, Any]:
        """The value as the shared JSON schema (:mod:`backprop_companion.json_schema`) has it."""
        from backprop_companion import json_schema

        d = self.diagnosis
        return {
            "key": d.key,
            "formula": d.formula,
            "given": json_schema.given(d.value),
            "expected": json_schema.expected(d.expected, d.precision),
            "status": d.status,
            "explanation": self.explanation(),
            "reproduced_by": [asdict(c) for c in self.mistakes],
            "erratum": None
            if d.erratum is None
            else {
                "number": erratum_number(d.key),
                "printed": d.printed,
                "name": d.erratum.name,
                "how": d.erratum.how,
                "explanation": d.erratum.explanation,
            },
            "same_as": list(d.same_as),
            "pair_search": None
            if d.pair_search is None
            else {
                "tried": d.pair_search.tried,
                "total": d.pair_search.total,
                "stopped": d.pair_search.stopped,
            },
            "closest": [asdict(c) for c in self.closest],
            "check_first": None if self.check_first is None else asdict(self.check_first),
        }

    def explanation(self) -> str | None:
        """Why the value has its status, in one sentence (``None`` for the stated rule's value)."""
        d = self.diagnosis
        if not d.judged:
            return f"{d.typed.figures} significant figures typed, at least {d.min_figures} needed"
        if d.matches_stated_rule:
            return None
        if d.erratum is not None:
            return f"the post's figure, from {d.erratum.name}: {d.erratum.how}"
        if self.mistakes:
            first = self.mistakes[0]
            return f"reproduced by {first.identifier}: {first.description}"
        return (
            None
            if self.check_first is None
            else f"check first {self.check_first.key}: {self.check_first.why}"
        )

    def text_lines(self) -> list[str]:
        d = self.diagnosis
        decimals = f"{d.precision} decimal{'s' if d.precision != 1 else ''}"
        if not d.judged:
            figures = f"{d.typed.figures} significant figure{'s' if d.typed.figures != 1 else ''}"
            return [
                f"{d.key} = {d.value}  ? too imprecise to judge: {figures} typed, at least "
                f"{d.min_figures} needed",
                *wrapped(f"stated rule: {d.key} = {d.formula} = {shown(d.key)}"),
            ]
        if d.matches_stated_rule:
            return self._matching(decimals)
        if d.erratum is not None:
            heading = f"as printed in the post (erratum {erratum_number(d.key)}), not the stated rule"
        else:
            heading = "not the stated rule"
        out = [
            f"{d.key} = {d.value}  ✗ {heading} (compared at {decimals})",
            *wrapped(f"stated rule: {d.key} = {d.formula} = {d.expected_rounded}"),
        ]
        if self.mistakes:
            several = f" ({len(self.mistakes)} fit; the most common first)" if len(self.mistakes) > 1 else ""
            pairs = " two slips together" if d.pair_search is not None else ""
            out.append(f"  reproduced by{pairs}{several}:")
            shown_here = self.mistakes[:SHOWN]
            width = max(len(c.identifier) for c in shown_here)
            for c in shown_here:
                out.append(f"    {c.identifier:<{width}}  {c.description}")
                out.append(f"    {'':<{width}}  first shows {c.where(d.key)}")
            if len(self.mistakes) > SHOWN:
                out.append(f"    and {len(self.mistakes) - SHOWN} more (--json lists them all)")
        return out + self._explanations(decimals)

    def _matching(self, decimals: str) -> list[str]:
        d = self.diagnosis
        out = [
            f"{d.key} = {d.value}  ✓ the stated rule (compared at {decimals})",
            f"  {d.key} = {d.formula} = {d.expected_rounded}",
        ]
        if d.candidates:
            out += wrapped(
                f"but at {decimals} {listed(tuple(c.identifier for c in d.candidates))} give the same "
                "number; type more digits to tell them apart."
            )
        return out

    def _explanations(self, decimals: str) -> list[str]:
        d, out = self.diagnosis, []
        if d.same_as:
            out += wrapped(
                f"It is the stated rule's value of {', '.join(d.same_as)}: "
                "did you mean that key, or use that quantity where this one belongs?"
            )
        if d.erratum is not None:
            out += wrapped(
                f"It is the figure the post prints ({d.printed}), which the stated rule does not give; "
                f"the post's figure comes from {d.erratum.name}: {d.erratum.how}. {d.erratum.explanation}"
            )
        search = d.pair_search
        if search is not None and not search.found:
            stopped = f", the most common {search.tried:,} of {search.total:,}" if search.stopped else ""
            out += wrapped(f"no single slip gives it at {decimals}, nor any pair of slips tried{stopped}.")
        if self.closest:
            out.append(f"  the nearest computations at {decimals}:")
            rows = [[c.identifier, c.value_rounded] for c in self.closest]
            out.append(format_table(["computation", "gives"], rows, indent="    "))
        check = self.check_first
        if check is not None:
            out += wrapped(
                f"check first: {check.key} = {check.formula}, which the stated rule gives as "
                f"{check.expected} ({check.why})."
            )
        return out


SHOWN = 4
"""Slips named in the text per value (most common first); the JSON lists every one."""


def listed(identifiers: tuple[str, ...]) -> str:
    """At most :data:`SHOWN` identifiers, joined, with how many more there are."""
    head = ", ".join(identifiers[:SHOWN])
    more = len(identifiers) - SHOWN
    return f"{head} and {more} other slip{'s' if more != 1 else ''}" if more > 0 else head


def wrapped(text: str, indent: str = "  ") -> list[str]:
    """``text`` wrapped at :data:`WIDTH`, its first line indented by ``indent``, the rest two more."""
    return textwrap.wrap(
        text, WIDTH, initial_indent=indent, subsequent_indent=indent + "  ", break_on_hyphens=False
    )
