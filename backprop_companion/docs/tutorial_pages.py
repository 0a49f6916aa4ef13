"""``docs/walkthrough.md``, ``docs/errata.md`` and the tutorial's figures, from one walkthrough run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backprop_companion.docs import figures
from backprop_companion.docs.templates import fill
from backprop_companion.output.tables import code, markdown_table
from backprop_companion.present import GUARD_DIGITS, errata_numbers, explanations, shown, summary, verdict

if TYPE_CHECKING:
    from worked.tutorial.verdicts import Entry, Walkthrough


def pages() -> dict[str, str]:
    from worked.tutorial import walkthrough
    from worked.tutorial.keys import run

    result = walkthrough()
    stated, output_first = run("simultaneous"), run("output-first")
    return {
        "walkthrough.md": _walkthrough_page(result),
        "errata.md": _errata_page(result.entries),
        "figures/tutorial-network.svg": figures.tutorial_network(stated),
        "figures/tutorial-backward.svg": figures.tutorial_backward(stated),
        "figures/error-curves.svg": figures.error_curves(stated, output_first),
        "figures/error-gap.svg": figures.error_gap(stated, output_first),
    }


def _walkthrough_page(result: Walkthrough) -> str:
    from worked import mazur

    names = markdown_table(
        ["Mazur", "Nielsen", "Ng", "general code"],
        [[code(n.mazur), _math(n.nielsen), _math(n.ng), code(n.python)] for n in mazur.NAMES.values()],
    )
    extras = markdown_table(
        ["quantity", "formula", "computed"],
        [[code(x.key), x.formula, code(f"{x.computed:.12f}")] for x in result.extras],
    )
    return fill(
        "walkthrough.md",
        summary=summary(result.entries, len(result.unexplained)),
        rule=mazur.STATED_RULE[0].upper() + mazur.STATED_RULE[1:] + ".",
        names=names,
        groups="\n\n".join(_group_tables(result.entries)),
        extras=extras,
        mistakes=_mistakes_table(),
        guard=str(GUARD_DIGITS),
        steps=f"{mazur.STEPS:,}",
    )


def _group_tables(entries: tuple[Entry, ...]) -> list[str]:
    """One section per group of the walkthrough, each value exact, computed, printed and judged."""
    from backprop_companion.example_text import arithmetic
    from worked.tutorial.keys import GROUPS, run

    numbers, exact = errata_numbers(entries), _exact_values()
    headers = ["key", "formula", "exact (sympy)", "computed (numpy)", "printed", "verdict"]
    sections = []
    for group in GROUPS:
        rows = [
            [
                code(e.key),
                e.formula,
                code(exact[e.key]) if e.key in exact else "—",
                code(shown(e)),
                code(e.printed),
                _link(verdict(e, numbers), e.key, numbers),
            ]
            for e in entries
            if e.group == group
        ]
        lines = arithmetic(run("simultaneous"), [e.key for e in entries if e.group == group])
        written = (
            "\n\nThe arithmetic written out (`walkthrough --arithmetic`): each operand is the computed "
            "value at the digits the post prints, each result is computed from them.\n\n```\n"
            + "\n".join(lines)
            + "\n```"
            if lines
            else ""
        )
        sections.append(f"## {group.capitalize()}\n\n" + markdown_table(headers, rows) + written)
    return sections


def _errata_page(entries: tuple[Entry, ...]) -> str:
    numbers = errata_numbers(entries)
    rows = [
        [
            f'<a id="erratum-{numbers[e.key]}"></a>{numbers[e.key]}',
            code(e.key),
            code(e.printed),
            code(e.computed_rounded),
            e.erratum.name,
            code(e.erratum.rounded(e.decimals)),
        ]
        for e in entries
        if e.erratum is not None
    ]
    explained = "\n\n".join(
        f"## {x.name} ({x.label})\n\n**How it is computed:** {x.how}.\n\n**Why:** {x.why}"
        for x in explanations(entries)
    )
    headers = ["#", "key", "printed", "stated rule", "reproduced by", "which gives"]
    return fill("errata.md", table=markdown_table(headers, rows), explanations=explained)


def _exact_values() -> dict[str, str]:
    """The tutorial's quantities as sympy computes them in exact arithmetic (:mod:`symbolic.tutorial`),
    shown to the printed decimals plus the guard digits, like the numeric column beside them."""
    from decimal import Decimal

    from backprop_companion.present import GUARD_DIGITS
    from symbolic.tutorial import Tutorial, values
    from worked.mazur.printed import decimals, rounded

    return {
        v.key: rounded(Decimal(v.digits), decimals(v.printed) + GUARD_DIGITS)
        for v in values(Tutorial())
        if v.printed is not None
    }


def _mistakes_table() -> str:
    from worked.diagnosis.mistakes import MAIN_KEYS, common_mistakes
    from worked.diagnosis.quantities import shown_decimals

    mistakes = common_mistakes()
    what = markdown_table(
        ["mistake", "what it does", "first shows at"],
        [[code(m.identifier), m.description, code(m.enters_at) if m.enters_at else ""] for m in mistakes],
    )
    # The numbers in a table of their own: beside the descriptions, ten columns overflow a page.
    numbers = markdown_table(
        ["mistake", *map(code, MAIN_KEYS)],
        [
            [code(m.identifier), *(code(_at_post_digits(m.values[k], shown_decimals(k))) for k in MAIN_KEYS)]
            for m in mistakes
        ],
    )
    return f"{what}\n\nWhat each gives for the main numbers, at the post's digits:\n\n{numbers}"


def _at_post_digits(value: float, places: int) -> str:
    """The value at the post's digits; one too small to show there keeps 3 significant figures
    (a bare 0.0000000000 would read as zero)."""
    from worked.mazur.printed import rounded

    text = rounded(value, places)
    return f"{value:.3g}" if value != 0 and set(text.lstrip("-")) <= {"0", "."} else text


def _link(text: str, key: str, numbers: dict[str, int]) -> str:
    return f"[{text}](errata.md#erratum-{numbers[key]})" if key in numbers else text


def _math(symbol: str) -> str:
    """``w^2_11`` → ``$w^{2}_{11}$``, ``Θ^(1)_j0`` → ``$\\Theta^{(1)}_{j0}$`` (inline math, which the code
    host renders)."""
    if " " in symbol:  # a shared bias: "b^2_j (all j)"
        base, rest = symbol.split(" ", 1)
        return _math(base) + " " + rest
    letter, indices = symbol.split("^")
    layer, sub = indices.split("_")
    letter = r"\Theta" if letter == "Θ" else letter
    return f"${letter}^{{{layer}}}_{{{sub}}}$"
