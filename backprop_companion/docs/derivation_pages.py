"""``docs/derivation.md``: BP1-BP4 derived by sympy, each followed by what the verification proved.

Every formula is rendered from the sympy derivation itself (:mod:`symbolic.generic`), once as LaTeX
for the Markdown (``$$`` blocks, which the code host renders) and once as MathML for the HTML page;
the two renderings of each formula are returned together so the HTML page uses sympy's own MathML.
Every count comes from one verification run (:func:`backprop_companion.verification.collect`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from backprop_companion.docs.prose_math import marked
from backprop_companion.docs.templates import fill
from backprop_companion.output.tables import code, markdown_table

if TYPE_CHECKING:
    from backprop_companion.verification import Verification
    from symbolic.controls import ControlResult


class Formulas:
    """LaTeX for the Markdown, and the MathML that sympy's notation tree gives for the same formula."""

    def __init__(self) -> None:
        self.mathml: dict[str, str] = {}

    def display(self, node: Any) -> str:
        from symbolic.typeset import mathml_document, to_latex

        latex = to_latex(node)
        self.mathml[latex] = mathml_document(node, display=True)
        return f"$$\n{latex}\n$$"

    def inline(self, node: Any) -> str:
        from symbolic.typeset import mathml_document, to_latex

        latex = to_latex(node)
        self.mathml[latex] = mathml_document(node, display=False)
        return f"${latex}$"


def _equation(proof: Any, report: Verification, formulas: Formulas, regularised: bool = False) -> str:
    from symbolic.notation import Op, Row
    from symbolic.render import to_node

    out = [f"## {proof.label}: {proof.title}", "", formulas.display(proof.vector), ""]
    out += [f"*Premise:* {marked(proof.premise)}.", ""]
    for chain in proof.chains:
        why = chain.why + (" " + formulas.inline(chain.why_math) if chain.why_math is not None else "")
        out += [formulas.display(Row((chain.lhs, Op("="), to_node(chain.start)))), "", f"by {why};", ""]
        for step in chain.steps:
            how = code(step.how) + (" on " + formulas.inline(step.where) if step.where is not None else "")
            out += [formulas.display(Row((Op("="), to_node(step.expr)))), "", f"by {how};", ""]
    verdict = f"proven ({proof.method})" if proof.proven else "**not proven**"
    out += [
        "and so, in components,",
        "",
        formulas.display(Row((proof.claim, Op("="), proof.stated_display))),
        "",
        f"which is {proof.label}: {verdict}.",
        "",
        "**What sympy verified.** "
        + (_verified_regularised(proof.label, report) if regularised else _verified(proof.label, report)),
    ]
    return "\n".join(out)


def _verified(label: str, report: Verification) -> str:
    sweep = report.sweep
    counts = sweep.kinds[label]
    controls = [c for c in report.controls if c.control.kind == label]
    refuted = sum(c.passed for c in controls)
    return (
        f"The derivation above at symbolic widths ({_generic(label, report)}). Then, exactly, on every "
        f"network with widths 1-{sweep.max_width} and depth 1-{sweep.max_depth} "
        f"({len(sweep.shapes)} shapes), with {' and '.join(map(marked, report.premises))}: "
        f"{counts.proven:,} components of {label} proven, {counts.failed} failed, each against "
        f"the derivative of the whole cost (sympy's rules applied node by node, which give the expressions "
        f"`sympy.diff` returns), by comparing the two sides as rational functions of independent "
        f"symbols for every function value. Negative controls for {label}: {refuted} of {len(controls)} "
        "wrong versions refuted (below)."
    )


def _verified_regularised(label: str, report: Verification) -> str:
    sweep = report.sweep
    counts = sweep.regularised[label]
    controls = [c for c in report.regularised_controls if c.control.kind == label]
    refuted = sum(c.passed for c in controls)
    return (
        f"The derivation above at symbolic widths ({_generic(label, report)}). Then, exactly, on the "
        f"same {len(sweep.shapes)} shapes, with the penalty on every layer's weights, $m$ a symbol and "
        f"$\\delta$ the unregularised error: {counts.proven:,} components of {label} proven, "
        f"{counts.failed} failed, each against the derivative of the regularised cost, taken the same way. "
        f"Negative controls for {label}: {refuted} of {len(controls)} wrong versions refuted (below)."
    )


def _generic(label: str, report: Verification) -> str:
    proof = next(p for p in (*report.generic, *report.regularised) if p.label == label)
    return f"proven by {proof.method}" if proof.proven else "not proven"


def pages() -> tuple[dict[str, str], dict[str, str]]:
    """The page, and the MathML of each of its sympy formulas keyed by their LaTeX."""
    import sympy

    from backprop_companion.derivation_text import PREMISE_NOTE
    from backprop_companion.verification import collect

    report = collect(timed=False)
    formulas = Formulas()
    equations = "\n\n".join(_equation(p, report, formulas) for p in report.generic)
    regularised = "\n\n".join(_equation(p, report, formulas, regularised=True) for p in report.regularised)
    lemmas = markdown_table(
        ["lemma", "statement", "premise", "proven by"],
        [
            [x.name, marked(x.statement), marked(x.premise), x.method if x.proven else "**not proven**"]
            for x in report.lemmas
        ],
    )
    controls, regularised_controls = _controls(report.controls), _controls(report.regularised_controls)
    ng_text = _ng_text(report)
    rules = report.chain_rules
    tutorial = markdown_table(
        ["parameter", "the tutorial's product", "equal to sympy's derivative"],
        [[code(c.parameter), c.formula, c.method if c.proven else "**no**"] for c in rules],
    )
    outcome = "passed" if report.passed else "did NOT pass"
    versions = f"*Made with sympy {sympy.__version__}; all checks {outcome}.*"
    text = fill(
        "derivation.md",
        premise=f"*A note on the premises.* {PREMISE_NOTE}",
        equations=equations,
        lemmas=lemmas,
        controls_shape="-".join(map(str, report.controls_shape)),
        controls=controls,
        regularised=regularised,
        regularised_controls=regularised_controls,
        ng=ng_text,
        ng_regularised=_ng_regularised_text(report),
        tutorial=tutorial,
        versions=versions,
    )
    return {"derivation.md": text}, formulas.mathml


def _ng_text(report: Verification) -> str:
    ng = report.ng
    refuted = report.ng_without_mean.proven == 0
    return (
        f"Checked on a {'-'.join(map(str, ng.sizes))} network with {ng.examples} examples and "
        f"undefined σ and C: $D = \\Delta / m$ equals the gradient of the mean cost at {ng.proven} of "
        f"{ng.proven + ng.failed} entries"
        + (", and without the $1/m$ the comparison is refuted." if refuted else ".")
    )


def _ng_regularised_text(report: Verification) -> str:
    ng, decayed = report.ng_regularised, report.ng_decayed_biases
    biases = sum(ng.sizes[1:])
    control = (
        f"refuted at all {biases} biases (first at ${decayed.first_failed}$)"
        if report.bias_column_control_refuted
        else f"**not refuted** ({decayed.biases_proven} of {biases} biases proven)"
    )
    return (
        f"On the same network and examples, with the penalty $\\frac{{\\lambda}}{{2m}} \\sum w^2$: "
        f"$D = \\Delta/m + (\\lambda/m)\\Theta$ in the weight columns and $\\Delta/m$ in the bias column "
        f"equals the gradient of the regularised mean cost at {ng.proven} of {ng.proven + ng.failed} "
        f"entries ({ng.weights_proven} weights, {ng.biases_proven} biases). Regularising the bias "
        f"column as well, the comparison is {control}."
    )


def _controls(controls: tuple[ControlResult, ...]) -> str:
    return markdown_table(
        ["equation", "mistake", "wrong equation", "refuted at", "first at"],
        [
            [c.control.kind, c.control.name, marked(c.control.wrong), _refuted(c), _first_refuted(c)]
            for c in controls
        ],
    )


def _refuted(control: ControlResult) -> str:
    text = f"{len(control.refuted)} of {len(control.outcomes)}"
    return text + (f"; holds at the other {len(control.coincide)}" if control.coincide else "")


def _first_refuted(control: ControlResult) -> str:
    from symbolic.equations import position_text

    if not control.refuted:
        return "—"
    first = control.refuted[0]
    return position_text(first.l, first.j, first.k)
