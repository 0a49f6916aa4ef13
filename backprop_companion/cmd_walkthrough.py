"""``backprop-companion walkthrough``: every number the tutorial prints, recomputed and judged."""

from __future__ import annotations

import argparse
import json
import textwrap
from typing import TYPE_CHECKING, Any

from backprop_companion.table import format_table

if TYPE_CHECKING:
    from worked.walkthrough import Entry, Walkthrough

NAME = "walkthrough"
HELP = (
    "recompute every number printed in Mazur's step-by-step backpropagation example "
    "and explain each one the stated rule does not give"
)

WIDTH = 100
"""Column at which prose is wrapped."""

GUARD_DIGITS = 3
"""Digits shown beyond the printed ones, so a reader sees which way the computed value rounds."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print the same facts as JSON")


def run(args: argparse.Namespace) -> int:
    from worked.walkthrough import walkthrough

    result = walkthrough()
    print(json.dumps(as_json(result), indent=2, ensure_ascii=False) if args.json else as_text(result))
    return 1 if result.unexplained else 0


def as_json(result: Walkthrough) -> dict[str, Any]:
    from worked import tutorial

    def entry(e: Entry) -> dict[str, Any]:
        erratum = None
        if e.erratum is not None:
            erratum = {
                "name": e.erratum.name,
                "explanation": e.erratum.explanation,
                "how": e.erratum.how,
                "reproduced_value": e.erratum.reproduced_value,
            }
        return {
            "key": e.key,
            "group": e.group,
            "formula": e.formula,
            "printed": e.printed,
            "decimals": e.decimals,
            "computed": e.computed,
            "computed_rounded": e.computed_rounded,
            "matches": e.matches,
            "erratum": erratum,
        }

    return {
        "source": "Matt Mazur, A Step by Step Backpropagation Example (2015)",
        "rule": _RULE,
        "values": [entry(e) for e in result.entries],
        "not_printed": [{"key": x.key, "formula": x.formula, "computed": x.computed} for x in result.extras],
        "names": [
            {"mazur": n.mazur, "nielsen": n.nielsen, "code": n.python} for n in tutorial.NAMES.values()
        ],
        "unexplained": [e.key for e in result.unexplained],
    }


_RULE = (
    "gradient descent on E_total = Σ ½(target − out)², η = 0.5, every update computed from the "
    "weights before the step; one shared bias per layer, never updated"
)


def as_text(result: Walkthrough) -> str:
    from worked import tutorial
    from worked.keys import GROUPS
    from worked.printed import rounded

    entries = result.entries
    errata = [e for e in entries if e.erratum is not None]
    matched = sum(e.matches for e in entries)
    out = [
        'Mazur, "A Step by Step Backpropagation Example", recomputed from a general BP1-BP4 code.',
        f"Stated rule: {_RULE}.",
        f"{len(entries)} printed numbers: {matched} reproduced to the printed digits, "
        f"{len(errata)} errata, each reproduced by another computation"
        + (f", {len(result.unexplained)} UNEXPLAINED." if result.unexplained else "."),
    ]
    number = {e.key: i for i, e in enumerate(errata, start=1)}
    for group in GROUPS:
        rows = []
        for e in (e for e in entries if e.group == group):
            verdict = (
                "✓" if e.matches else (f"erratum [{number[e.key]}]" if e.key in number else "✗ unexplained")
            )
            rows.append(
                [e.key, e.formula, rounded(e.computed, e.decimals + GUARD_DIGITS), e.printed, verdict]
            )
        out += ["", group.capitalize(), format_table(["key", "formula", "computed", "printed", ""], rows)]
    if errata:
        out += ["", "Errata: printed numbers the stated rule does not give, and the computation that does"]
        rows = []
        for e in errata:
            assert e.erratum is not None
            rows.append(
                [
                    f"[{number[e.key]}]",
                    e.key,
                    e.printed,
                    e.computed_rounded,
                    e.erratum.name,
                    rounded(e.erratum.reproduced_value, e.decimals),
                ]
            )
        out.append(format_table(["", "key", "printed", "stated rule", "reproduced by", "which gives"], rows))
        for name in dict.fromkeys(e.erratum.name for e in errata if e.erratum is not None):
            which = [e for e in errata if e.erratum is not None and e.erratum.name == name]
            first = which[0].erratum
            assert first is not None
            labels = ", ".join(str(number[e.key]) for e in which)
            out += ["", f"  {name} ({'errata' if len(which) > 1 else 'erratum'} {labels})"]
            out.append(
                textwrap.fill(f"How: {first.how}.", WIDTH, initial_indent="    ", subsequent_indent="    ")
            )
            out.append(
                textwrap.fill(
                    f"Why: {first.explanation}", WIDTH, initial_indent="    ", subsequent_indent="    "
                )
            )
    out += [
        "",
        "Not printed in the tutorial: the gradients of the shared biases (never used, as biases stay fixed)",
        format_table(
            ["key", "formula", "computed"], [[x.key, x.formula, f"{x.computed:.9f}"] for x in result.extras]
        ),
        "",
        "Names: Mazur's → Nielsen's → the general code",
        format_table(
            ["Mazur", "Nielsen", "code"], [[n.mazur, n.nielsen, n.python] for n in tutorial.NAMES.values()]
        ),
    ]
    return "\n".join(out)
