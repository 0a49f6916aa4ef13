"""How walkthrough results are shown, shared by the terminal output and the generated docs."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import TYPE_CHECKING

from backprop_companion.output.tables import WIDTH, format_table

if TYPE_CHECKING:
    from worked.tutorial.verdicts import Entry

GUARD_DIGITS = 3
"""Digits shown beyond the printed ones, so a reader sees which way the computed value rounds."""


def shown(entry: Entry) -> str:
    """The computed value with the printed number of decimals plus the guard digits."""
    from worked.mazur.printed import rounded

    return rounded(entry.computed, entry.decimals + GUARD_DIGITS)


def errata_numbers(entries: tuple[Entry, ...]) -> dict[str, int]:
    """Errata numbered 1, 2, ... in the order of the tutorial."""
    return {e.key: i for i, e in enumerate((e for e in entries if e.erratum is not None), start=1)}


def verdict(entry: Entry, numbers: dict[str, int]) -> str:
    if entry.matches:
        return "✓"
    return f"erratum {numbers[entry.key]}" if entry.key in numbers else "✗ unexplained"


@dataclass(frozen=True)
class Explanation:
    """One alternative computation and the errata it explains."""

    name: str
    numbers: tuple[int, ...]
    how: str
    why: str

    @property
    def label(self) -> str:
        which = ", ".join(map(str, self.numbers))
        return f"{'errata' if len(self.numbers) > 1 else 'erratum'} {which}"


def explanations(entries: tuple[Entry, ...]) -> list[Explanation]:
    numbers = errata_numbers(entries)
    found: dict[str, Explanation] = {}
    for e in entries:
        if e.erratum is None:
            continue
        old = found.get(e.erratum.name)
        ns = (*old.numbers, numbers[e.key]) if old else (numbers[e.key],)
        found[e.erratum.name] = Explanation(e.erratum.name, ns, e.erratum.how, e.erratum.explanation)
    return list(found.values())


def summary(entries: tuple[Entry, ...], unexplained: int) -> str:
    matched = sum(e.matches for e in entries)
    errata = sum(e.erratum is not None for e in entries)
    explained = {
        0: "no errata",
        1: "1 erratum, reproduced by another computation",
    }.get(errata, f"{errata} errata, each reproduced by another computation")
    numbers = "1 printed number" if len(entries) == 1 else f"{len(entries)} printed numbers"
    text = f"{numbers}: {matched} reproduced to the printed digits, {explained}"
    return text + (f", {unexplained} UNEXPLAINED." if unexplained else ".")


def errata_block(entries: tuple[Entry, ...], width: int = WIDTH) -> list[str]:
    """The errata table and, for each alternative computation, how and why (nothing when none)."""
    numbers = errata_numbers(entries)
    if not numbers:
        return []

    def wrapped(text: str, indent: str = "") -> str:
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)

    out = [
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
    return out
