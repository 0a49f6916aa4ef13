"""The derivations of ``derive`` as a reader sees them: unicode text, LaTeX, MathML, and their JSON."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from backprop_companion.output.tables import fill_prose

if TYPE_CHECKING:
    from symbolic.derivation import Chain, GenericProof
    from symbolic.derivation import Rewrite as Step

INTRO = (
    "BP1-BP4 derived by sympy at symbolic widths n and indices j, k, for one generic layer step (depth "
    "follows by induction: BP1 at L, then BP2 from l+1 to l), with z^l = w^l a^{l-1} + b^l, "
    "a^l = σ(z^l), δ^l_j = ∂C/∂z^l_j (Nielsen, ch. 2). Each derivation starts from the chain rule, "
    "stated as its premise; sympy's part is the differentiation and the index bookkeeping. The proof "
    "from the definitions alone, with no premise, is the exhaustive sweep of `derive --verify`."
)
PREMISE_NOTE = (
    "A cost of symbolic width can only be written as a sum over output neurons, so each derivation "
    "takes C at first order in the layer it goes through (the chain rule), as stated in its premise; "
    "`derive --verify` checks every small network with an undefined cost of all outputs instead."
)


def _why(chain: Chain, latex: bool = False) -> str:
    """``definition of z^l``: words, then the formula if there is one."""
    from symbolic.notation import to_unicode
    from symbolic.typeset import latex_text, to_latex

    if chain.why_math is None:
        return rf"\text{{{latex_text(chain.why)}}}" if latex else chain.why
    if latex:
        return rf"\text{{{latex_text(chain.why)} }}{to_latex(chain.why_math)}"
    return f"{chain.why} {to_unicode(chain.why_math)}"


def _how(step: Step, latex: bool = False) -> str:
    """``sympy.diff``, or ``refine(1 ≤ j ≤ n_L)``: the operation, applied to its condition if it has one."""
    from symbolic.notation import to_unicode
    from symbolic.typeset import latex_text, to_latex

    name = rf"\text{{{latex_text(step.how)}}}" if latex else step.how
    if step.where is None:
        return name
    return rf"{name}\left({to_latex(step.where)}\right)" if latex else f"{name}({to_unicode(step.where)})"


def as_unicode(derived: tuple[GenericProof, ...]) -> str:
    from symbolic.notation import to_unicode
    from symbolic.render import unicode

    out = [fill_prose(INTRO), "", fill_prose(PREMISE_NOTE)]
    for p in derived:
        premise = fill_prose(f"premise: {p.premise}", initial_indent="  ", subsequent_indent=" " * 11)
        out += ["", f"{p.label}  {to_unicode(p.vector)}    ({p.title})", premise]
        for chain in p.chains:
            rows = [(to_unicode(chain.lhs), unicode(chain.start), _why(chain))]
            rows += [("", unicode(step.expr), _how(step)) for step in chain.steps]
            left, middle = max(len(r[0]) for r in rows), max(len(r[1]) for r in rows)
            out += [f"  {lhs.rjust(left)} = {rhs.ljust(middle)}   [{how}]" for lhs, rhs, how in rows]
        verdict = f"proven ({p.method})" if p.proven else "NOT PROVEN"
        out.append(
            f"  {p.label} in components: {to_unicode(p.claim)} = {to_unicode(p.stated_display)}: {verdict}"
        )
    return "\n".join(out)


def as_latex(derived: tuple[GenericProof, ...]) -> str:
    from symbolic.render import latex
    from symbolic.typeset import latex_text, to_latex

    out = [f"% {INTRO}", f"% {PREMISE_NOTE}"]
    for p in derived:
        out += ["", f"% {p.label}: {p.title}", rf"\[ {to_latex(p.vector)} \]", f"% premise: {p.premise}"]
        out.append(r"\begin{align*}")
        for chain in p.chains:
            out.append(rf"{to_latex(chain.lhs)} &= {latex(chain.start)} && {_why(chain, True)} \\")
            out += [rf"&= {latex(s.expr)} && {_how(s, True)} \\" for s in chain.steps]
        verdict = latex_text(f"{p.label} proven ({p.method})" if p.proven else f"{p.label} NOT PROVEN")
        out.append(rf"{to_latex(p.claim)} &= {to_latex(p.stated_display)} && \text{{{verdict}}}")
        out.append(r"\end{align*}")
    return "\n".join(out)


def as_mathml(derived: tuple[GenericProof, ...]) -> str:
    from symbolic.notation import Op, Row
    from symbolic.render import to_node
    from symbolic.typeset import mathml_document

    out = []
    for p in derived:
        out += [f"<!-- {p.label}: {p.title} -->", mathml_document(p.vector)]
        for chain in p.chains:
            nodes = [Row((chain.lhs, Op("="), to_node(chain.start)))]
            nodes += [Row((Op("="), to_node(s.expr))) for s in chain.steps]
            out += [mathml_document(n) for n in nodes]
        out.append(mathml_document(Row((p.claim, Op("="), p.stated_display))))
    return "\n".join(out)


def as_json(derived: tuple[GenericProof, ...]) -> dict[str, Any]:
    from symbolic.notation import to_unicode
    from symbolic.render import latex, unicode
    from symbolic.typeset import to_latex

    def chain(c: Chain) -> dict[str, Any]:
        return {
            "lhs": {"unicode": to_unicode(c.lhs), "latex": to_latex(c.lhs)},
            "start": {"unicode": unicode(c.start), "latex": latex(c.start), "why": _why(c)},
            "steps": [{"unicode": unicode(s.expr), "latex": latex(s.expr), "how": _how(s)} for s in c.steps],
        }

    return {
        "intro": INTRO,
        "premise_note": PREMISE_NOTE,
        "equations": [
            {
                "label": p.label,
                "title": p.title,
                "vector": {"unicode": to_unicode(p.vector), "latex": to_latex(p.vector)},
                "premise": p.premise,
                "chains": [chain(c) for c in p.chains],
                "stated": {"unicode": to_unicode(p.stated_display), "latex": to_latex(p.stated_display)},
                "proven": p.proven,
                "method": p.method,
            }
            for p in derived
        ],
    }
