"""``backprop-companion check KEY=VALUE ...``: check a reader's own numbers and name the mistake."""

from __future__ import annotations

import argparse
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backprop_companion.diagnosis_view import WIDTH, DiagnosisView
from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK, UsageError
from backprop_companion.output.progress import Progress
from backprop_companion.output.tables import format_table
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from worked.diagnosis.reader import Diagnosis


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
    from worked.diagnosis.reader import diagnose_all
    from worked.diagnosis.runs import TRAINING_KEYS

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
        views = [DiagnosisView.of(d) for d in self.diagnoses]
        return {"values": [v.as_json() for v in views], "all_match": self.all_match}

    def as_text(self) -> str:
        out: list[str] = []
        for d in self.diagnoses:
            out += [*DiagnosisView.of(d).text_lines(), ""]
        matched, count = sum(d.matches_stated_rule for d in self.diagnoses), len(self.diagnoses)
        out.append(f"{matched} of {count} value{'s' if count != 1 else ''} match the stated rule.")
        return "\n".join(out)


@dataclass(frozen=True)
class CatalogueResult(CommandResult):
    """``check --list``: the mistakes the catalogue recognises, and the keys."""

    def as_json(self) -> dict[str, Any]:
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

    def as_text(self) -> str:
        from worked.diagnosis import mistakes, quantities

        rows = [[m.identifier, m.description] for m in mistakes.MISTAKES]
        keys = "  ".join(quantities.names())
        return "\n".join(
            [
                "Mistakes that 'check KEY=VALUE' recognises (each a setting of the one hand computation):",
                format_table(["mistake", "what was done"], rows),
                "",
                "Keys (the walkthrough's, and the intermediates the post leaves out):",
                textwrap.fill(keys, WIDTH, initial_indent="  ", subsequent_indent="  "),
            ]
        )
