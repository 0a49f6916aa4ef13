"""``docs/ex4.md``: Ng's exercise 4 as ``backprop-companion ex4`` computes it, with no data files (none
are shipped, so the cost rows say what they need), and the name table of his Θ layout."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backprop_companion.docs.templates import fill
from backprop_companion.output.tables import code, markdown_table

if TYPE_CHECKING:
    from backprop_companion.cmd_ex4 import Ex4Result


def pages() -> dict[str, str]:
    from backprop_companion.cmd_ex4 import CHECK_LAMBDAS, compute
    from backprop_companion.ex4_text import NEEDS, difference_line, shown, verdict
    from backprop_companion.present import GUARD_DIGITS
    from worked.ex4 import CHECK_EXAMPLES, CHECK_SIZES, EPSILON, printed

    result = compute(None)
    sigmoid = markdown_table(
        ["$z$", "computed", "ex4.m prints", ""],
        [[f"{j.at:g}", shown(j), j.printed, verdict(j.holds)] for j in result.sigmoid_gradient],
    )
    costs = markdown_table(
        ["$\\lambda$", "computed", "ex4.m prints", ""],
        [[f"{j.at:g}", shown(j), j.printed, verdict(j.holds)] for j in result.costs],
    )
    differences = "\n".join(f"- $\\lambda = {c.l2:g}$: {difference_line(result, c)}" for c in result.checks)
    return {
        "ex4.md": fill(
            "ex4.md",
            source=printed.SOURCE,
            sizes="-".join(map(str, CHECK_SIZES)),
            examples=str(CHECK_EXAMPLES),
            epsilon=f"{EPSILON:g}",
            bound=result.bound,
            lambdas=" and ".join(f"$\\lambda = {l2:g}$" for l2 in CHECK_LAMBDAS),
            guard=str(GUARD_DIGITS),
            sigmoid_gradient=sigmoid,
            names=_names_table(),
            checks=_checks_table(result),
            differences=differences,
            costs=costs,
            needs=code(NEEDS),
        )
    }


def _math(name: str) -> str:
    """``Θ^(1)_10`` → ``$\\Theta^{(1)}_{10}$``, ``w^2_(12,2)`` → ``$w^{2}_{12,2}$`` (inline math)."""
    base, _, rest = name.partition("^")
    sup, _, sub = rest.partition("_")
    base = {"Θ": r"\Theta"}.get(base, base)
    return f"${base}^{{{sup}}}_{{{sub.strip('()')}}}$"


def _names_table() -> str:
    from worked.ex4 import CHECK_SIZES, parameter_names

    rows = [[str(n.p), _math(n.ng), _math(n.nielsen), code(n.code)] for n in parameter_names(CHECK_SIZES)]
    return markdown_table(["p in nn_params", "Ng", "Nielsen", "general code"], rows)


def _checks_table(result: Ex4Result) -> str:
    from backprop_companion.ex4_text import OCTAVE_SHORT
    from worked.ex4 import CHECK_SIZES, parameter_names

    headers = ["p", "Ng"]
    for check in result.checks:
        headers += [f"numerical, $\\lambda = {check.l2:g}$", f"analytic, $\\lambda = {check.l2:g}$"]
    rows = []
    for i, name in enumerate(parameter_names(CHECK_SIZES)):
        row = [str(name.p), _math(name.ng)]
        for check in result.checks:
            row += [
                OCTAVE_SHORT.format(check.numerical[i]).strip(),
                OCTAVE_SHORT.format(check.analytic[i]).strip(),
            ]
        rows.append(row)
    return markdown_table(headers, rows)
