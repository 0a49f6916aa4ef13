"""``backprop-companion walkthrough``: every number the tutorial prints, recomputed and judged."""

from __future__ import annotations

import argparse
import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK
from backprop_companion.output.tables import WIDTH, format_table, terminal_width
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from worked.tutorial.verdicts import Entry, Walkthrough


def run(args: argparse.Namespace) -> WalkthroughResult:
    from worked.tutorial.verdicts import walkthrough

    return WalkthroughResult(walkthrough())


@dataclass(frozen=True)
class WalkthroughResult(CommandResult):
    """Every printed number judged; exit 1 if a printed number is neither reproduced nor explained."""

    walkthrough: Walkthrough

    @property
    def exit_status(self) -> int:
        return EXIT_CHECK_FAILED if self.walkthrough.unexplained else EXIT_OK

    def as_json(self) -> dict[str, Any]:
        return as_json(self.walkthrough)

    def as_text(self) -> str:
        return as_text(self.walkthrough, terminal_width())


def as_json(result: Walkthrough) -> dict[str, Any]:
    """The walkthrough as the shared JSON schema (:mod:`backprop_companion.json_schema`) has it."""
    from backprop_companion import json_schema
    from worked import mazur
    from worked.mazur.printed import IN_WORDS

    def entry(e: Entry) -> dict[str, Any]:
        erratum = None
        if e.erratum is not None:
            erratum = {
                "name": e.erratum.name,
                "explanation": e.erratum.explanation,
                "how": e.erratum.how,
                "reproduced_value": e.erratum.reproduced_value,
                "reproduced_exact": str(e.erratum.reproduced),
                "rounding": IN_WORDS[e.erratum.rounding],
            }
        status = "stated rule" if e.matches else "erratum" if e.erratum is not None else "unexplained"
        return {
            "key": e.key,
            "formula": e.formula,
            "given": json_schema.given(e.printed),
            "expected": json_schema.expected(e.computed, e.decimals),
            "status": status,
            "explanation": None if e.erratum is None else f"{e.erratum.name}: {e.erratum.how}",
            "group": e.group,
            "erratum": erratum,
        }

    return {
        "schema": json_schema.SCHEMA,
        "source": "Matt Mazur, A Step by Step Backpropagation Example (2015)",
        "rule": mazur.STATED_RULE,
        "values": [entry(e) for e in result.entries],
        "not_printed": [{"key": x.key, "formula": x.formula, "computed": x.computed} for x in result.extras],
        "names": [
            {"mazur": n.mazur, **n.indices(), "symbols": {"nielsen": n.nielsen, "ng": n.ng}, "code": n.python}
            for n in mazur.NAMES.values()
        ],
        "unexplained": [e.key for e in result.unexplained],
    }


def as_text(result: Walkthrough, width: int = WIDTH) -> str:
    """The walkthrough for a terminal ``width`` columns wide: prose wrapped, tables' formulas too."""
    from backprop_companion.present import GUARD_DIGITS, errata_numbers, explanations, shown, summary, verdict
    from worked import mazur
    from worked.tutorial.keys import GROUPS

    entries = result.entries
    numbers = errata_numbers(entries)

    def wrapped(text: str, indent: str = "") -> str:
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)

    out = [
        wrapped('Mazur, "A Step by Step Backpropagation Example", recomputed from a general BP1-BP4 code.'),
        wrapped(f"Stated rule: {mazur.STATED_RULE}."),
        wrapped(summary(entries, len(result.unexplained))),
        wrapped(
            f"The computed column shows {GUARD_DIGITS} digits beyond the printed ones, to show which way "
            "each value rounds."
        ),
    ]
    for group in GROUPS:
        rows = [
            [e.key, e.formula, shown(e), e.printed, verdict(e, numbers)] for e in entries if e.group == group
        ]
        out += [
            "",
            group.capitalize(),
            format_table(["key", "formula", "computed", "printed", ""], rows, width=width),
        ]
    if numbers:
        out += [
            "",
            wrapped("Errata: printed numbers the stated rule does not give, and the computation that does"),
        ]
        rows = []
        for e in entries:
            if e.erratum is not None:
                reproduced = e.erratum.rounded(e.decimals)
                rows.append(
                    [f"[{numbers[e.key]}]", e.key, e.printed, e.computed_rounded, e.erratum.name, reproduced]
                )
        headers = ["", "key", "printed", "stated rule", "reproduced by", "which gives"]
        out.append(format_table(headers, rows, width=width))
        for x in explanations(entries):
            out += ["", f"  {x.name} ({x.label})"]
            for label, text in (("How", x.how + "."), ("Why", x.why)):
                out.append(wrapped(f"{label}: {text}", "    "))
    out += [
        "",
        wrapped(
            "Not printed in the tutorial: the gradients of the shared biases "
            "(never used, as biases stay fixed)"
        ),
        format_table(
            ["key", "formula", "computed"],
            [[x.key, x.formula, f"{x.computed:.9f}"] for x in result.extras],
            width=width,
        ),
        "",
        wrapped("Names: Mazur's → Nielsen's and Ng's (both count the input as layer 1) → the general code"),
        format_table(
            ["Mazur", "Nielsen", "Ng", "code"],
            [[n.mazur, n.nielsen, n.ng, n.python] for n in mazur.NAMES.values()],
            width=width,
        ),
    ]
    return "\n".join(out)
