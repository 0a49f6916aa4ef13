"""The one JSON schema of the judged values, shared by ``walkthrough --json`` and ``check --json``.

Both commands judge a number against the stated rule: the walkthrough the post's printed figure, check
the reader's typed one. The same idea has the same field in both (:data:`VALUE_FIELDS`): ``given`` is
the number judged, ``expected`` the stated rule's, ``status`` the verdict and ``explanation`` why.
Numbers are JSON numbers (float64), and the digits as typed or printed are kept as strings beside them,
since a float cannot say whether ``0.40`` was written with two decimals. :data:`SCHEMA` is raised
whenever a field changes meaning or goes away; ``docs/json.md`` is generated from this module.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from worked.tutorial.verdicts import Entry

SCHEMA = 1
"""The version of this schema, the top-level ``"schema"`` of both documents."""

VALUE_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("key", "string", "the quantity, by the post's name (`w5_new`, `dEtotal_dw5`)"),
    ("formula", "string", "how the stated rule computes it, in the post's notation"),
    (
        "given",
        "object",
        "the number judged: `text` (its digits as printed or typed, a string), `value` (the same as a "
        "number), `decimals` (the decimals written, at which it is compared) and `figures` (its "
        "significant figures)",
    ),
    (
        "expected",
        "object",
        "the stated rule's value: `value` (a number, float64) and `rounded` (a string, at the given "
        "decimals)",
    ),
    ("status", "string", "the verdict, one of the command's statuses below"),
    ("explanation", "string or null", "why, in a sentence; null when the value is the stated rule's"),
)
"""The fields every judged value has, in both commands: (name, JSON type, meaning)."""

STATUSES: dict[str, tuple[tuple[str, str], ...]] = {
    "walkthrough": (
        ("stated rule", "the printed figure is the stated rule's value at the printed digits"),
        ("erratum", "it is not, and an alternative computation (in `erratum`) reproduces it"),
        ("unexplained", "it is not, and nothing reproduces it (a failure of the companion's account)"),
        ("computed", "values of the reader's own (`--set`): nothing printed to judge, `given` is null"),
    ),
    "check": (
        ("stated rule", "the typed value is the stated rule's at the typed digits: the only pass"),
        ("too imprecise to judge", "fewer significant figures than `--min-figures` (default 3)"),
        ("as printed in the post", "the post's own figure where the stated rule gives another (`erratum`)"),
        ("mistake", "one slip, or two, of the search reproduces it (`reproduced_by`)"),
        ("not reproduced", "nothing searched reproduces it (`check_first` says where to look)"),
    ),
    "check --from": (
        ("right", "the typed value is the variant's at the typed digits (an exact tie either way)"),
        ("wrong", "it is not, even at the precision typed"),
        ("too imprecise to judge", "right at the precision typed, but with fewer figures than needed"),
        ("blank", "nothing typed in the cell (a whole sheet only)"),
        ("not a number", "the cell holds text that is not a number"),
    ),
    "check --example": (
        ("stated rule", "the typed value is the stated rule's at the typed digits: the only pass"),
        ("too imprecise to judge", "fewer significant figures than `--min-figures` (default 3)"),
        ("as printed in the text", "the text's own figure where the stated rule gives another"),
        ("not reproduced", "the stated rule gives another value"),
    ),
}
"""Each command's values of ``status``."""

COMMAND_FIELDS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "walkthrough": (
        ("group", "string", "the part of the post: forward pass, output layer, hidden layer, training"),
        (
            "erratum",
            "object or null",
            "the computation that reproduces a figure the stated rule does not give",
        ),
    ),
    "check": (
        ("reproduced_by", "array", "the slips that reproduce the value, most common first"),
        ("erratum", "object or null", "the post's erratum, when the value is the post's figure"),
        ("same_as", "array", "other quantities whose stated-rule value this is (a mixed-up key?)"),
        ("closest", "array", "the nearest computations, when nothing reproduces the value"),
        ("check_first", "object or null", "the quantity to check first, when nothing reproduces the value"),
        (
            "pair_search",
            "object or null",
            "pairs of slips tried (`tried` of `total`, `stopped`), when no single one fits",
        ),
    ),
}
"""The fields each command adds to a value."""


SHEET_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("schema", "number", "this schema's version"),
    (
        "cause",
        "object or null",
        "the sheet's root cause: the one slip (`identifier`, `family`, `description`) that reproduces the "
        "most wrong values and contradicts no right one, where it `starts_at`, the values it `explains` "
        "and the slips that fit as well (`also`)",
    ),
    ("unexplained", "array", "the wrong values the cause does not explain (all of them with no cause)"),
    ("first_wrong", "string or null", "the first wrong value in the order of the computation"),
    ("values", "array", "each typed value, with the fields above"),
    ("all_match", "boolean", "every value judged and the stated rule's: the exit status is 0 exactly then"),
)
"""The top-level fields of ``check --json``."""


def given(text: str) -> dict[str, Any]:
    """The ``given`` object of a number written as ``text`` (raises what the typed-number parser raises)."""
    from worked.diagnosis.typed import parse

    typed = parse(text)
    return {"text": typed.text, "value": typed.value, "decimals": typed.decimals, "figures": typed.figures}


def expected(value: float, decimals: int) -> dict[str, Any]:
    """The ``expected`` object: the stated rule's ``value``, and ``rounded`` at ``decimals``."""
    from worked.mazur.printed import rounded

    return {"value": value, "rounded": rounded(value, decimals)}


def walkthrough_value(e: Entry) -> dict[str, Any]:
    """One judged printed number as the shared JSON schema has it."""
    from worked.mazur.printed import IN_WORDS

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
        "given": given(e.printed),
        "expected": expected(e.computed, e.decimals),
        "status": status,
        "explanation": None if e.erratum is None else f"{e.erratum.name}: {e.erratum.how}",
        "group": e.group,
        "erratum": erratum,
    }


GRADED_FIELDS: tuple[tuple[str, str, str], ...] = (
    ("schema", "number", "this schema's version"),
    ("example", "string", "the worked example the sheet varies (a shipped name or the file's path)"),
    ("seed", "number", "the variant's seed"),
    (
        "cells",
        "array",
        "one object per cell graded: `key`, `typed` (as typed, a string; empty when blank), `grade` (one "
        "of the grades below) and `expected` (the variant's value at the typed decimals, a string)",
    ),
    ("right", "number", "how many cells are right"),
    ("graded", "number", "how many cells were graded"),
    ("passed", "boolean", "every cell graded is right (exit status 0)"),
)
"""The document of ``check --from FILE --json`` and ``check --seed N KEY=VALUE --json``."""
