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
    from worked.tutorial import Model
    from worked.tutorial.verdicts import Walkthrough


def run(args: argparse.Namespace) -> WalkthroughResult:
    """The example (Mazur's post by default) judged number by number; with ``--set``, the reader's own."""
    from backprop_companion.example_option import is_the_post, model
    from worked.tutorial import judge, walkthrough

    found = model(args)
    if found.overridden:
        return WalkthroughResult(None, found, args.arithmetic)
    return WalkthroughResult(walkthrough() if is_the_post(found) else judge(found), found, args.arithmetic)


@dataclass(frozen=True)
class WalkthroughResult(CommandResult):
    """Every printed number judged (``walkthrough``; None for the reader's own values, where nothing is
    printed to judge); exit 1 if a printed number is neither reproduced nor explained."""

    walkthrough: Walkthrough | None
    model: Model
    arithmetic: bool = False

    @property
    def exit_status(self) -> int:
        return EXIT_CHECK_FAILED if self.walkthrough and self.walkthrough.unexplained else EXIT_OK

    def as_json(self) -> dict[str, Any]:
        from backprop_companion import example_text
        from backprop_companion.example_option import is_the_post

        if self.walkthrough is not None and is_the_post(self.model):
            document = as_json(self.walkthrough)
            if self.arithmetic:
                document["arithmetic"] = example_text.arithmetic(self.model, list(self.model.example.printed))
            return document
        return example_text.as_json(self.walkthrough, self.model, self.arithmetic)

    def as_text(self) -> str:
        from backprop_companion import example_text
        from backprop_companion.example_option import is_the_post

        width = terminal_width()
        if self.walkthrough is None:
            return example_text.own_text(self.model, width, self.arithmetic)
        if is_the_post(self.model):
            return as_text(self.walkthrough, width, self.model if self.arithmetic else None)
        return example_text.walkthrough_text(self.walkthrough, self.model, width, self.arithmetic)


def as_json(result: Walkthrough) -> dict[str, Any]:
    """The walkthrough as the shared JSON schema (:mod:`backprop_companion.json_schema`) has it."""
    from backprop_companion import json_schema
    from worked import mazur

    return {
        "schema": json_schema.SCHEMA,
        "source": "Matt Mazur, A Step by Step Backpropagation Example (2015)",
        "rule": mazur.STATED_RULE,
        "values": [json_schema.walkthrough_value(e) for e in result.entries],
        "not_printed": [{"key": x.key, "formula": x.formula, "computed": x.computed} for x in result.extras],
        "names": [
            {"mazur": n.mazur, **n.indices(), "symbols": {"nielsen": n.nielsen, "ng": n.ng}, "code": n.python}
            for n in mazur.NAMES.values()
        ],
        "unexplained": [e.key for e in result.unexplained],
    }


def as_text(result: Walkthrough, width: int = WIDTH, arithmetic: Model | None = None) -> str:
    """The walkthrough for a terminal ``width`` columns wide: prose wrapped, tables' formulas too; with
    ``arithmetic`` (the post's model), each group's lines with the numbers filled in."""
    from backprop_companion import example_text
    from backprop_companion.present import GUARD_DIGITS, errata_block, errata_numbers, shown, summary, verdict
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
        if arithmetic is not None:
            keys = [e.key for e in entries if e.group == group]
            out += [wrapped(line, "  ") for line in example_text.arithmetic(arithmetic, keys)]
    out += errata_block(entries, width)
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
