"""``docs/gradient-checking.md`` and its figure: the checker's rules, and its runs on bugs."""

from __future__ import annotations

from typing import Any

from backprop_companion.docs.templates import fill
from backprop_companion.output.charts import Axis, Series, line_chart
from backprop_companion.output.tables import code, markdown_table

BUG_POINTS = (
    ("the tutorial's network (one example)", None),
    ("a 3-3-3-3 network, tanh, softplus, sigmoid, cross-entropy, 4 examples, seed 1", ((3, 3, 3, 3), 1)),
)
"""Where the bug catalogue is run: square weights, so every bug can run; a batch, so 1/m can show."""
TAYLOR_BUG = "missing-sigma-prime"


def _point(spec: tuple[tuple[int, ...], int] | None) -> tuple[Any, Any, Any]:
    import numpy as np

    from worked import tutorial
    from worked.core.network import Network

    if spec is None:
        return tutorial.network(), tutorial.x(), tutorial.y()
    sizes, seed = spec
    rng = np.random.default_rng(seed)
    network = Network.random(list(sizes), rng, ["tanh", "softplus", "sigmoid"], "cross-entropy")
    return network, rng.uniform(-1, 1, (4, sizes[0])), rng.uniform(0.05, 0.95, (4, sizes[-1]))


def _bug_table(spec: tuple[tuple[int, ...], int] | None) -> str:
    from worked.gradcheck.bugs import BUGS
    from worked.gradcheck.catches import catch_table
    from worked.gradcheck.check import MODES

    network, x, y = _point(spec)
    catches = catch_table(network, x, y)
    rows = []
    for bug in BUGS.values():
        mine = {c.mode: c for c in catches if c.bug == bug.name}
        verdicts = [
            "caught" if c.caught else ("—" if c.caught is None else "**missed**") for c in mine.values()
        ]
        finding = mine["equations"].note
        rows.append([code(bug.name), bug.equation, bug.wrote, *verdicts, finding])
    return markdown_table(["bug", "in", "the student wrote", *MODES, "per-equation finding"], rows)


def _tutorial_check() -> str:
    from worked import tutorial
    from worked.gradcheck import gradcheck

    report = gradcheck(tutorial.network(), tutorial.x(), tutorial.y(), "exhaustive", with_taylor=True)
    rows = [
        [
            f"${_tex(c.name)}$",
            f"${_tex(c.ng)}$",
            f"{c.analytic:.10e}",
            f"{c.numerical:.10e}",
            f"{c.abs_error:.1e}",
            f"{c.tolerance:.1e}",
            "✓" if c.passed else "✗",
        ]
        for c in report.comparisons
    ]
    table = markdown_table(
        [
            "parameter",
            "Ng",
            "analytic (backprop)",
            "numerical (central differences)",
            "abs error",
            "≤ abs tolerance",
            "",
        ],
        rows,
    )
    assert report.taylor is not None and report.taylor.slope is not None
    verdict = "checks out" if report.passed else "does NOT check out"
    return (
        f"{table}\n\nExhaustive mode, {report.evaluations} forward passes; the Taylor slope is "
        f"{report.taylor.slope:.2f}. Verdict: the gradient {verdict}."
    )


def _tex(name: str) -> str:
    """``w^2_11`` → ``w^{2}_{11}``, ``Θ^(2)_10`` → ``\\Theta^{(2)}_{10}`` (inline math)."""
    base, _, rest = name.partition("^")
    sup, _, sub = rest.partition("_")
    base = {"Θ": r"\Theta", "δ": r"\delta"}.get(base, base)
    return f"{base}^{{{sup}}}_{{{sub}}}"


def _taylor_figure() -> tuple[str, str]:
    from worked.gradcheck import gradcheck
    from worked.gradcheck.bugs import get_bug
    from worked.gradcheck.taylor import FIT

    network, x, y = _point(BUG_POINTS[1][1])
    right = gradcheck(network, x, y, "taylor")
    wrong = gradcheck(network, x, y, "taylor", backward=get_bug(TAYLOR_BUG).backward)
    series, slopes, groups = [], [], []
    for label, report, dash in (("backprop", right, ""), (f"with the bug {TAYLOR_BUG}", wrong, "6 4")):
        taylor = report.taylor
        assert taylor is not None and taylor.slope is not None
        points = [p for p in taylor.points if p.remainder > 0]
        slopes.append(f"{label}: slope {taylor.slope:.2f}")
        groups.append(taylor.group)
        series.append(
            Series(
                f"{label} (slope {taylor.slope:.2f})",
                [p.h for p in points],
                [p.remainder for p in points],
                dash,
            )
        )
        assert any(p.status == FIT for p in points)
    svg = line_chart(
        "Taylor remainder max over ±h of |C(θ±hd) − C(θ) ∓ h⟨∇C, d⟩|",
        Axis("step h (log scale)", log=True),
        Axis("remainder (log scale)", log=True),
        series,
    )
    caption = (
        "The remainder along a random direction in the worst parameter group of the 3-3-3-3 network "
        f"({' and '.join(groups)}), for backprop's gradient and "
        f"for the copy with the bug `{TAYLOR_BUG}`; fitted slopes: {'; '.join(slopes)}. At the smallest "
        "steps both curves flatten at the rounding floor, which the fit leaves out."
    )
    return svg, caption


def pages() -> dict[str, str]:
    from worked.gradcheck.directions import DIRECTIONS
    from worked.gradcheck.numerical import machine_epsilon
    from worked.gradcheck.report import Tolerance
    from worked.gradcheck.taylor import TAYLOR_MIN_SLOPE

    eps = machine_epsilon("float64")
    bugs = "\n\n".join(f"At {where}:\n\n{_bug_table(spec)}" for where, spec in BUG_POINTS)
    svg, caption = _taylor_figure()
    text = fill(
        "gradient-checking.md",
        step_rule=(
            f"The step is $h_i = \\epsilon^{{1/3}} \\max(1, |\\theta_i|)$, with $\\epsilon^{{1/3}}$ = "
            f"{eps ** (1 / 3):.3g} in float64: it balances the truncation error of central differences "
            "(proportional to $h^2$) against round-off (proportional to $\\epsilon / h$)."
        ),
        tolerance_rule=f"**Tolerance.** {Tolerance('float64').explain()}",
        directions=str(DIRECTIONS),
        taylor_threshold=f"{TAYLOR_MIN_SLOPE}",
        tutorial_check=_tutorial_check(),
        bugs=bugs,
        taylor_caption=caption,
    )
    return {"gradient-checking.md": text, "figures/taylor-remainder.svg": svg}
