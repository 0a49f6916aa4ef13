"""``backprop-companion worksheet``: a class's variant of a worked example, as a sheet to fill in or as
its answer key, in Markdown, HTML (to print) or CSV (to fill in and grade with ``check --from``)."""

from __future__ import annotations

import argparse
import csv
import html
import io
import shlex
from dataclasses import dataclass
from typing import TYPE_CHECKING

from backprop_companion.output.tables import fill_prose, markdown_table
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from worked.diagnosis.worksheet import Worksheet


def run(args: argparse.Namespace) -> WorksheetResult:
    from worked.diagnosis.worksheet import worksheet

    return WorksheetResult(worksheet(args.example, args.seed), args.format, args.answers)


@dataclass(frozen=True)
class WorksheetResult(CommandResult):
    """The sheet (or its answer key) in the chosen format; its JSON is the same facts as data."""

    sheet: Worksheet
    format: str
    answers: bool

    def as_json(self) -> dict[str, object]:
        sheet = self.sheet
        from backprop_companion.json_schema import SCHEMA

        return {
            "schema": SCHEMA,
            "example": sheet.example_name,
            "seed": sheet.seed,
            "given": sheet.given,
            "keys": [
                {"key": k, "answer": sheet.answer_text(k) if self.answers else None} for k in sheet.keys
            ],
        }

    def as_text(self) -> str:
        return {"md": markdown, "html": page, "csv": table}[self.format](self.sheet, self.answers)


def title(sheet: Worksheet, answers: bool) -> str:
    """The sheet's heading: a worksheet or its answer key, the text it varies, and the seed."""
    from worked.examples import describe

    kind = "Answer key" if answers else "Worksheet"
    return f"{kind}: {describe(sheet.model.example)}, variant {sheet.seed}"


def network_line(sheet: Worksheet) -> str:
    """The network in one line, in the file's words: sizes, activations, cost, biases, η, update order."""
    ex = sheet.model.example
    activations = ", ".join(dict.fromkeys(ex.activations))
    from worked.examples import BIAS_IN_WORDS

    biases = BIAS_IN_WORDS[ex.biases]
    trained = "trained" if ex.train_biases else "not trained"
    return (
        f"{'-'.join(map(str, ex.sizes))} network, {activations}, {ex.cost} error, {biases}"
        f"{'' if ex.biases == 'none' else f' ({trained})'}, η = {sheet.model.eta:g}, {ex.order} updates"
    )


def again(sheet: Worksheet) -> str:
    """The command that makes this sheet again."""
    return f"backprop-companion worksheet --example {shlex.quote(sheet.example_name)} --seed {sheet.seed}"


def _rows(sheet: Worksheet, answers: bool) -> list[list[str]]:
    """``#``, the quantity in the text's notation, its key (what the CSV and ``check`` take), the value."""
    from worked.tutorial import symbol

    example = sheet.model.example
    return [
        [str(i), symbol(key, example), key, sheet.answer_text(key) if answers else ""]
        for i, key in enumerate(sheet.keys, start=1)
    ]


def _given(sheet: Worksheet) -> list[list[str]]:
    return [[name, f"{value:g}" if name == "eta" else f"{value:.2f}"] for name, value in sheet.given.items()]


def markdown(sheet: Worksheet, answers: bool) -> str:
    """The sheet in Markdown: what is given, then a cell per key (filled with the answers)."""
    heading = title(sheet, answers)
    return "\n\n".join(
        [
            f"# {heading}",
            fill_prose(f"Seed {sheet.seed}: `{again(sheet)}` makes this sheet again."),
            fill_prose(network_line(sheet) + "."),
            "## Given\n\n" + markdown_table(["name", "value"], _given(sheet)),
            "## "
            + ("Answers" if answers else "Your answers")
            + "\n\n"
            + markdown_table(["#", "quantity", "key", "value"], _rows(sheet, answers)),
            fill_prose(
                f"Grade a filled sheet: `{again(sheet)} --format csv > sheet.csv`, fill in the value column, "
                "then `backprop-companion check --from sheet.csv`."
            ),
        ]
    )


PRINT_CSS = """
@page { margin: 15mm; }
body { font-family: system-ui, sans-serif; font-size: 11pt; max-width: 180mm; margin: 0 auto; }
h1 { font-size: 15pt; } h2 { font-size: 12pt; margin-top: 1.2em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #888; padding: 2mm 3mm; text-align: left; }
td.value { width: 35%; font-family: ui-monospace, monospace; }
tr { break-inside: avoid; page-break-inside: avoid; }
.given { width: auto; }
"""
"""Printed on A4 (210 mm) or Letter (216 mm): 180 mm of content fits either with 15 mm margins."""


def page(sheet: Worksheet, answers: bool) -> str:
    """The sheet as a standalone HTML page that prints on A4 or Letter."""
    heading = title(sheet, answers)

    def rows(cells: list[list[str]], value_class: str) -> str:
        out = []
        for row in cells:
            *lead, last = (html.escape(c) for c in row)
            out.append(
                "<tr>"
                + "".join(f"<td>{c}</td>" for c in lead)
                + f'<td class="{value_class}">{last}</td></tr>'
            )
        return "\n".join(out)

    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(heading)}</title>
<style>{PRINT_CSS}</style>
</head>
<body>
<h1>{html.escape(heading)}</h1>
<p>Seed {sheet.seed}: <code>{html.escape(again(sheet))}</code> makes this sheet again.</p>
<p>{html.escape(network_line(sheet))}.</p>
<h2>Given</h2>
<table class="given"><tr><th>name</th><th>value</th></tr>
{rows(_given(sheet), "")}
</table>
<h2>{"Answers" if answers else "Your answers"}</h2>
<table><tr><th>#</th><th>quantity</th><th>key</th><th>value</th></tr>
{rows(_rows(sheet, answers), "value")}
</table>
</body>
</html>"""


def table(sheet: Worksheet, answers: bool) -> str:
    """The sheet as CSV rows ``key,value``: first ``example`` and ``seed``, then a row per key (its value
    blank, or the answer): the form ``check --from`` grades."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["key", "value"])
    writer.writerow(["example", sheet.example_name])
    writer.writerow(["seed", sheet.seed])
    for _, _, key, value in _rows(sheet, answers):
        writer.writerow([key, value])
    return out.getvalue().rstrip("\n")
