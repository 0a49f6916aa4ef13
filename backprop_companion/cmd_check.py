"""``backprop-companion check KEY=VALUE ...``: check a reader's own numbers and name the mistake."""

from __future__ import annotations

import argparse
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backprop_companion.diagnosis_view import DiagnosisView, listed, wrapped
from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK, UsageError
from backprop_companion.output.progress import Progress
from backprop_companion.output.tables import WIDTH, format_table
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from backprop_companion.check_example import ExampleCheckResult
    from backprop_companion.sheet_check import SheetResult
    from worked.diagnosis.reader import Diagnosis
    from worked.diagnosis.sheet import Sheet


def _split(pairs: list[str]) -> list[tuple[str, str]]:
    """``KEY=VALUE`` strings as pairs, every key known (in any notation the post or the books use) and
    every value a bounded number (else exit 2, with one line that quotes at most a few dozen characters)."""
    from backprop_companion.check_example import split_pairs
    from worked.core import InvalidInput
    from worked.diagnosis import notation, typed

    if not pairs:
        raise UsageError("give at least one KEY=VALUE, e.g. 'check w5_new=0.35891648', or --list")
    split = []
    for name, text in split_pairs(pairs):
        try:
            key = notation.key(name)
        except InvalidInput as error:
            raise UsageError(str(error)) from None
        try:
            typed.parse(text)
        except InvalidInput as error:
            raise UsageError(f"{key}: {error}") from None
        split.append((key, text))
    return split


def _worksheet(args: argparse.Namespace) -> SheetResult:
    """``--from FILE`` (a whole filled sheet) or ``--seed N KEY=VALUE ...`` (some cells of variant N)."""
    from backprop_companion import sheet_check

    if args.set:
        raise UsageError("a worksheet's values are drawn from its seed: give no --set with --from or --seed")
    if args.sheet is not None:
        if args.example is not None:
            raise UsageError("--from reads the example from the sheet: give no --example")
        if args.pairs or args.seed is not None:
            raise UsageError(
                "--from reads the seed and the values from the sheet: give no --seed or KEY=VALUE"
            )
        return sheet_check.grade(sheet_check.read(args.sheet), args.min_figures, whole=True)
    if not args.pairs:
        raise UsageError("--seed N needs KEY=VALUE pairs to check, e.g. 'check --seed 7 net_h1=1.2770'")
    from backprop_companion.check_example import split_pairs

    typed: dict[str, str] = {}
    for key, text in split_pairs(args.pairs):
        if key in typed:  # one cell, one value
            raise UsageError(f"{key} is given twice; give each value once")
        typed[key] = text
    filled = sheet_check.Filled(args.example or "mazur", args.seed, typed)
    return sheet_check.grade(filled, args.min_figures, whole=False)


def run(args: argparse.Namespace) -> CheckResult | CatalogueResult | ExampleCheckResult | SheetResult:
    if args.list:
        if args.pairs:
            raise UsageError("--list takes no KEY=VALUE")
        if args.example not in (None, "mazur") or args.set or args.seed is not None:
            raise UsageError(
                "--list shows the slips searched in Mazur's post with its own numbers; any other example "
                "(or values of one's own) is graded by the stated rule alone, with no search"
            )
        return CatalogueResult()
    if args.min_figures < 1:
        raise UsageError(f"--min-figures must be at least 1, got {args.min_figures}")
    if args.sheet is not None or args.seed is not None:
        return _worksheet(args)
    if args.example is not None or args.set:
        from backprop_companion import check_example
        from backprop_companion.example_option import is_the_post, model

        found = model(args)
        if not is_the_post(found):
            return check_example.run(found, args.pairs, args.min_figures)
    from worked.diagnosis.runs import TRAINING_KEYS
    from worked.diagnosis.sheet import judge

    pairs = _split(args.pairs)
    progress = Progress(0, "check", enabled=not args.json)
    if any(key in TRAINING_KEYS for key, _ in pairs):
        progress.stage("training the tutorial's network 10,000 steps under every variant (a few seconds)")
    try:
        return CheckResult(judge(pairs, args.min_figures))
    finally:
        progress.close()


@dataclass(frozen=True)
class CheckResult(CommandResult):
    """Each typed value diagnosed; exit 1 unless every one is judged and the stated rule's (a value too
    imprecise to judge, or the post's own erratum, is not a pass)."""

    sheet: Sheet

    @property
    def diagnoses(self) -> tuple[Diagnosis, ...]:
        return self.sheet.diagnoses

    @property
    def all_match(self) -> bool:
        return all(d.passed for d in self.diagnoses)

    @property
    def exit_status(self) -> int:
        return EXIT_OK if self.all_match else EXIT_CHECK_FAILED

    def as_json(self) -> dict[str, Any]:
        views = [DiagnosisView.of(d) for d in self.diagnoses]
        from backprop_companion import json_schema

        sheet, cause = self.sheet, self.sheet.cause
        return {
            "schema": json_schema.SCHEMA,
            "cause": None
            if cause is None
            else {
                "identifier": cause.identifier,
                "family": cause.family,
                "description": cause.description,
                "starts_at": sheet.starts_at,
                "also": [e.identifier for e in sheet.also],
                "explains": list(sheet.explained),
            },
            "unexplained": list(sheet.unexplained),
            "first_wrong": sheet.first_wrong,
            "values": [v.as_json() for v in views],
            "all_match": self.all_match,
        }

    def _summary(self) -> list[str]:
        """The sheet's root cause and the wrong values it leaves unexplained, or its first wrong value."""
        sheet, cause = self.sheet, self.sheet.cause
        if len(sheet.explained) + len(sheet.unexplained) < 2:
            return []  # one wrong value: its own block says all there is
        if cause is None:
            return [
                *wrapped(
                    "No single slip explains more than one wrong value; the first wrong one in the order "
                    f"of the computation is {sheet.first_wrong}: check it first.",
                    indent="",
                ),
                "",
            ]
        start = f"every value from {sheet.starts_at} on" if len(sheet.explained) > 1 else sheet.explained[0]
        out = wrapped(
            f"Root cause: {start} follows from {cause.description} ({cause.identifier}).", indent=""
        )
        if sheet.also:
            out += wrapped(f"As well explained by: {listed(tuple(e.identifier for e in sheet.also))}.")
        if sheet.unexplained:
            out += wrapped(f"Not explained by it: {', '.join(sheet.unexplained)}.")
        return [*out, ""]

    def as_text(self) -> str:
        out: list[str] = self._summary()
        for d in self.diagnoses:
            out += [*DiagnosisView.of(d).text_lines(), ""]
        matched, count = sum(d.passed for d in self.diagnoses), len(self.diagnoses)
        verb = "matches" if matched == 1 else "match"
        out.append(f"{matched} of {count} value{'s' if count != 1 else ''} {verb} the stated rule.")
        imprecise = [d for d in self.diagnoses if not d.judged]
        if imprecise:
            needed = sorted({d.min_figures for d in imprecise})
            figures = " or ".join(map(str, needed))
            out.append(
                f"{len(imprecise)} too imprecise to judge: type at least {figures} significant figures "
                "(as many as the post prints, at most --min-figures)."
            )
        return "\n".join(out)


@dataclass(frozen=True)
class CatalogueResult(CommandResult):
    """``check --list``: the families of edits the search tries, with their edits, and the keys."""

    def as_json(self) -> dict[str, Any]:
        from worked.diagnosis import edits, mistakes, quantities

        return {
            "families": [
                {
                    "family": family,
                    "changes": text,
                    "edits": [
                        {
                            "identifier": e.identifier,
                            "description": e.description,
                            "shows_first_at": mistakes.first_shows(e.variant),
                        }
                        for e in members
                    ],
                }
                for family, text, members in edits.families()
            ],
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

    def as_text(self) -> str:
        from worked.diagnosis import edits, quantities, search

        rows = []
        for family, text, members in edits.families():
            first = members[0].identifier
            shown = first if len(members) == 1 else f"{first}, … ({len(members)})"
            rows.append([family, text, shown])
        keys = "  ".join(quantities.names())
        return "\n".join(
            [
                *textwrap.wrap(
                    "Slips that 'check KEY=VALUE' searches for, most common first: every single edit of "
                    f"the hand computation ({len(edits.EDITS)}), then pairs of them (at most "
                    f"{search.MAX_PAIRS:,}); 'check --list --json' lists every edit:",
                    WIDTH,
                ),
                format_table(["family", "what is changed", "edits"], rows, width=WIDTH),
                "",
                "Keys (the walkthrough's, and the intermediates the post leaves out):",
                textwrap.fill(keys, WIDTH, initial_indent="  ", subsequent_indent="  "),
            ]
        )
