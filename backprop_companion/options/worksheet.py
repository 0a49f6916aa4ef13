"""The options of ``worksheet``: a class's variant of a worked example, its blank sheet or answer key."""

from __future__ import annotations

import argparse

from backprop_companion.options.types import whole_number

WORKSHEET_HELP = (
    "make a worksheet for a class: a variant of a worked example (initial values drawn from --seed, two "
    "decimals) with a blank cell for every number the text prints; --answers: its answer key"
)
FORMATS = ("md", "html", "csv")
"""Markdown to read or print, HTML to print (A4 or Letter), CSV to fill in and grade with check --from."""


def add_worksheet_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--example",
        metavar="NAME|FILE",
        default="mazur",
        help="a shipped worked example (default mazur: Mazur's post) or a TOML file of one",
    )
    parser.add_argument(
        "--seed",
        type=whole_number,
        required=True,
        metavar="N",
        help="which variant (a whole number): the same seed gives the same sheet on every machine",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="md",
        help="md (default): Markdown; html: a page that prints on A4 or Letter; csv: key,value rows "
        "to fill in and grade with 'check --from FILE'",
    )
    parser.add_argument("--answers", action="store_true", help="fill in every cell: the answer key")
    parser.add_argument(
        "--json", action="store_true", help="the sheet as JSON: the example, the seed, the values, each key"
    )
