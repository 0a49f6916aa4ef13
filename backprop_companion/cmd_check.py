"""``backprop-companion check KEY=VALUE ...``: check a reader's own numbers and name the mistake."""

from __future__ import annotations

import argparse
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK, UsageError
from backprop_companion.output.progress import Progress
from backprop_companion.output.tables import format_table
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from worked.diagnosis.reader import Candidate, Diagnosis

WIDTH = 100
"""Column at which prose is wrapped."""


def _split(pairs: list[str]) -> list[tuple[str, str]]:
    """``KEY=VALUE`` strings as pairs, every key known and every value a number (else exit 2)."""
    from worked.diagnosis import quantities
    from worked.diagnosis import reader as diagnosis

    if not pairs:
        raise UsageError("give at least one KEY=VALUE, e.g. 'check w5_new=0.35891648', or --list")
    split = []
    for pair in pairs:
        key, sep, text = pair.partition("=")
        key = key.strip()
        if not sep or not key or not text.strip():
            raise UsageError(f"expected KEY=VALUE, got {pair!r}")
        if key not in quantities.names():
            close = diagnosis.similar_names(key)
            hint = f"did you mean {', '.join(close)}?" if close else "'check --list' shows every key"
            raise UsageError(f"unknown key {key!r}; {hint}")
        try:
            diagnosis.parse(text)
        except ValueError as error:
            raise UsageError(f"{pair}: {error}") from None
        split.append((key, text.strip()))
    return split


def run(args: argparse.Namespace) -> CheckResult | CatalogueResult:
    if args.list:
        if args.pairs:
            raise UsageError("--list takes no KEY=VALUE")
        return CatalogueResult()
    from worked.diagnosis.by_hand import TRAINING_KEYS
    from worked.diagnosis.reader import diagnose_all

    pairs = _split(args.pairs)
    progress = Progress(0, "check", enabled=not args.json)
    if any(key in TRAINING_KEYS for key, _ in pairs):
        progress.stage("training the tutorial's network 10,000 steps under every variant (a few seconds)")
    try:
        return CheckResult(diagnose_all(pairs))
    finally:
        progress.close()


@dataclass(frozen=True)
class CheckResult(CommandResult):
    """Each typed value diagnosed; exit 1 unless every one is the stated rule's."""

    diagnoses: tuple[Diagnosis, ...]

    @property
    def all_match(self) -> bool:
        return all(d.matches_stated_rule for d in self.diagnoses)

    @property
    def exit_status(self) -> int:
        return EXIT_OK if self.all_match else EXIT_CHECK_FAILED

    def as_json(self) -> dict[str, Any]:
        return {"values": [as_json(d) for d in self.diagnoses], "all_match": self.all_match}

    def as_text(self) -> str:
        return as_text(self.diagnoses)


@dataclass(frozen=True)
class CatalogueResult(CommandResult):
    """``check --list``: the mistakes the catalogue recognises, and the keys."""

    def as_json(self) -> dict[str, Any]:
        return catalogue()

    def as_text(self) -> str:
        return catalogue_text(catalogue())


def catalogue() -> dict[str, Any]:
    from worked.diagnosis import mistakes, quantities

    return {
        "mistakes": [
            {
                "identifier": m.identifier,
                "description": m.description,
                "shows_first_at": mistakes.enters_at(m),
            }
            for m in mistakes.MISTAKES
        ],
        "keys": list(quantities.names()),
    }


def catalogue_text(listing: dict[str, Any]) -> str:
    rows = [[m["identifier"], m["description"]] for m in listing["mistakes"]]
    keys = textwrap.fill("  ".join(listing["keys"]), WIDTH, initial_indent="  ", subsequent_indent="  ")
    return "\n".join(
        [
            "Mistakes that 'check KEY=VALUE' recognises (each a setting of the one hand computation):",
            format_table(["mistake", "what was done"], rows),
            "",
            "Keys (the walkthrough's, and the intermediates the post leaves out):",
            keys,
        ]
    )


def _shown(key: str, identifier: str | None = None) -> str:
    """``key`` under a mistake (default: the stated rule), to the post's digits and at least 9."""
    from worked.diagnosis import by_hand, mistakes, quantities
    from worked.diagnosis.variant import STATED
    from worked.mazur.printed import rounded

    variant = STATED if identifier is None else mistakes.get_mistake(identifier).variant
    value = by_hand.values(variant, training=key in by_hand.TRAINING_KEYS)[key]
    return rounded(value, max(quantities.shown_decimals(key), by_hand.UNPRINTED_DECIMALS))


def _candidate(c: Candidate, precision: int) -> dict[str, Any]:
    from worked.diagnosis.mistakes import STATED_RULE
    from worked.mazur.printed import rounded

    first = None
    if c.enters_at is not None and c.identifier != STATED_RULE:
        first = {
            "key": c.enters_at,
            "value": _shown(c.enters_at, c.identifier),
            "expected": _shown(c.enters_at),
        }
    return {
        "identifier": c.identifier,
        "description": c.description,
        "value": c.value,
        "value_rounded": rounded(c.value, precision),
        "shows_first_at": first,
    }


def as_json(d: Diagnosis) -> dict[str, Any]:
    from worked.diagnosis import quantities

    check_first = None
    if d.check_first is not None:
        check_first = {
            "key": d.check_first,
            "formula": quantities.formula(d.check_first),
            "expected": _shown(d.check_first),
            "why": d.check_first_why,
        }
    return {
        "key": d.key,
        "value": d.value,
        "precision": d.precision,
        "matches_stated_rule": d.matches_stated_rule,
        "candidates": [c.identifier for c in d.candidates],
        "expected": d.expected_rounded,
        "expected_value": d.expected,
        "formula": d.formula,
        "mistakes": [_candidate(c, d.precision) for c in d.candidates],
        "printed": d.printed,
        "erratum": d.erratum,
        "same_as": list(d.same_as),
        "closest": [_candidate(c, d.precision) for c in d.closest],
        "check_first": check_first,
    }


def _one(d: Diagnosis) -> list[str]:
    facts = as_json(d)
    decimals = f"{d.precision} decimal{'s' if d.precision != 1 else ''}"
    if d.matches_stated_rule:
        out = [
            f"{d.key} = {d.value}  ✓ the stated rule (compared at {decimals})",
            f"  {d.key} = {d.formula} = {d.expected_rounded}",
        ]
        if d.candidates:
            same = ", ".join(c.identifier for c in d.candidates)
            out += _wrapped(
                f"but at {decimals} these mistakes give the same number: {same}; "
                "type more digits to tell them apart."
            )
        return out
    out = [
        f"{d.key} = {d.value}  ✗ not the stated rule (compared at {decimals})",
        *_wrapped(f"stated rule: {d.key} = {d.formula} = {d.expected_rounded}"),
    ]
    if d.candidates:
        out.append("  reproduced by:")
        width = max(len(c.identifier) for c in d.candidates)
        for c in facts["mistakes"]:
            out.append(f"    {c['identifier']:<{width}}  {c['description']}")
            first = c["shows_first_at"]
            if first is None:  # typed beyond the post's digits, where the mistake first shows here
                where = "only beyond the digits the post prints"
            elif first["key"] == d.key:
                where = "in this step itself"
            else:
                where = f"at {first['key']}: {first['value']} where the stated rule has {first['expected']}"
            out.append(f"    {'':<{width}}  first shows {where}")
    if d.same_as:
        out += _wrapped(
            f"It is the stated rule's value of {', '.join(d.same_as)}: "
            "did you mean that key, or use that quantity where this one belongs?"
        )
    if d.erratum is not None:
        out += _wrapped(
            f"It is the figure the post prints ({d.printed}), which the stated rule does not give; "
            f"the post's figure comes from {d.erratum}."
        )
    if d.closest:
        out.append(f"  no mistake in the catalogue gives it at {decimals}; the nearest:")
        rows = [[c["identifier"], c["value_rounded"]] for c in facts["closest"]]
        out.append(format_table(["computation", "gives"], rows, indent="    "))
    check = facts["check_first"]
    if check is not None:
        out += _wrapped(
            f"check first: {check['key']} = {check['formula']}, which the stated rule gives as "
            f"{check['expected']} ({check['why']})."
        )
    return out


def _wrapped(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent="  ", subsequent_indent="    ")


def as_text(results: tuple[Diagnosis, ...]) -> str:
    out: list[str] = []
    for d in results:
        out += [*_one(d), ""]
    matched = sum(d.matches_stated_rule for d in results)
    out.append(f"{matched} of {len(results)} value{'s' if len(results) != 1 else ''} match the stated rule.")
    return "\n".join(out)
