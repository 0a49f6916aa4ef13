"""The walkthrough of any worked example as text and JSON (Mazur's post keeps its own page,
:mod:`backprop_companion.cmd_walkthrough`), the reader's own table under ``--set``, and the lines of
``--arithmetic``."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, Any

from backprop_companion.output.tables import WIDTH, format_table

if TYPE_CHECKING:
    from worked.tutorial import Model, Walkthrough


def arithmetic(model: Model, keys: list[str]) -> list[str]:
    """``--arithmetic``: each key's last step with the numbers filled in (keys with none are left out)."""
    from worked.tutorial import lines

    return [found[0].filled(model) for key in keys if (found := lines(model, key))]


def groups(model: Model) -> dict[str, list[str]]:
    """The printed keys by section, sections in the text's order."""
    from worked.tutorial import groups as sections

    found: dict[str, list[str]] = {}
    for key, group in sections(model.example).items():
        found.setdefault(group, []).append(key)
    return found


def _wrapped(text: str, width: int, indent: str = "") -> str:
    return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent)


def _header(model: Model, width: int, first: str) -> list[str]:
    from worked.examples import describe
    from worked.tutorial import stated_rule

    ex = model.example
    out = [_wrapped(f"{describe(ex)}, {first}", width)]
    if "url" in ex.source:
        out.append(f"Source: {ex.source['url']}")
    out.append(_wrapped(f"Stated rule: {stated_rule(model)}.", width))
    return out


def _arithmetic_block(model: Model, keys: list[str], width: int) -> list[str]:
    return [_wrapped(line, width, "  ") for line in arithmetic(model, keys)]


def walkthrough_text(
    result: Walkthrough, model: Model, width: int = WIDTH, with_arithmetic: bool = False
) -> str:
    """Every printed number of the example judged, grouped by the text's sections, with its errata."""
    from backprop_companion.present import GUARD_DIGITS, errata_block, errata_numbers, shown, summary, verdict

    entries = result.entries
    numbers = errata_numbers(entries)
    out = [
        *_header(model, width, "recomputed from a general BP1-BP4 code."),
        _wrapped(summary(entries, len(result.unexplained)), width),
        _wrapped(
            f"The computed column shows {GUARD_DIGITS} digits beyond the printed ones, to show which way "
            "each value rounds.",
            width,
        ),
    ]
    for group, keys in groups(model).items():
        rows = [
            [e.key, e.formula, shown(e), e.printed, verdict(e, numbers)] for e in entries if e.key in keys
        ]
        out += [
            "",
            group.capitalize(),
            format_table(["key", "formula", "computed", "printed", ""], rows, width=width),
        ]
        if with_arithmetic:
            out += _arithmetic_block(model, keys, width)
    out += errata_block(entries, width)
    return "\n".join(out)


def own_text(model: Model, width: int = WIDTH, with_arithmetic: bool = False) -> str:
    """The reader's own table (``--set``): every quantity the text prints, from the reader's values."""
    from worked.mazur import rounded
    from worked.tutorial import judged

    given = {**model.example.values, "eta": model.example.eta}
    mine = ", ".join(f"{k} = {v:g}" for k, v in model.initial.items() if given[k] != v)
    out = [
        *_header(model, width, f"computed with your values: {mine}."),
        _wrapped("The text's printed numbers are for its own values: the printed column is empty.", width),
    ]
    for group, keys in groups(model).items():
        rows = [[k, judged.formula(model, k), rounded(model.value(k), model.decimals(k)), ""] for k in keys]
        out += [
            "",
            group.capitalize(),
            format_table(["key", "formula", "computed", "printed"], rows, width=width),
        ]
        if with_arithmetic:
            out += _arithmetic_block(model, keys, width)
    return "\n".join(out)


def as_json(result: Walkthrough | None, model: Model, with_arithmetic: bool = False) -> dict[str, Any]:
    """The example's walkthrough (``result``), or the reader's own values (``None``), as JSON schema 1."""
    from backprop_companion import json_schema
    from worked.examples import describe
    from worked.tutorial import judged, stated_rule

    if result is None:
        values = [
            {
                "key": k,
                "formula": judged.formula(model, k),
                "given": None,
                "expected": json_schema.expected(model.value(k), model.decimals(k)),
                "status": "computed",
                "explanation": None,
                "group": group,
                "erratum": None,
            }
            for group, keys in groups(model).items()
            for k in keys
        ]
    else:
        values = [json_schema.walkthrough_value(e) for e in result.entries]
    document: dict[str, Any] = {
        "schema": json_schema.SCHEMA,
        "source": describe(model.example),
        "rule": stated_rule(model),
        "initial": model.initial,
        "values": values,
        "unexplained": [] if result is None else [e.key for e in result.unexplained],
    }
    if with_arithmetic:
        document["arithmetic"] = arithmetic(model, list(model.example.printed))
    return document
