"""``backprop-companion derive``: BP1-BP4 derived by sympy, and with ``--verify`` proved exhaustively."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK, UsageError
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from backprop_companion.verification import Verification
    from symbolic.generic import Chain, GenericProof, Step

MAX_WIDTH = 5
MAX_DEPTH = 5
"""Upper limits of the sweep: 4 x 4 takes minutes; each step beyond multiplies the shapes by 4-5 and
the size of the largest network's expressions by more, so 5 x 5 is already a matter of hours."""


def _check_usage(args: argparse.Namespace) -> None:
    needs_verify = {
        "--max-width": args.max_width,
        "--max-depth": args.max_depth,
        "--activation": args.activation,
        "--cost": args.cost,
        "--no-timings": args.no_timings or None,
    }
    if not args.verify:
        given = [flag for flag, value in needs_verify.items() if value is not None]
        if given:
            raise UsageError(f"{', '.join(given)} only applies with --verify")
    if args.json and (args.latex or args.mathml):
        raise UsageError("--json carries unicode and LaTeX already; leave out --latex/--mathml")
    if args.verify and (args.latex or args.mathml):
        raise UsageError("--latex and --mathml apply to the derivations, not to --verify")
    for flag, value, limit in (
        ("--max-width", args.max_width, MAX_WIDTH),
        ("--max-depth", args.max_depth, MAX_DEPTH),
    ):
        if value is not None and not 1 <= value <= limit:
            raise UsageError(f"{flag} must be between 1 and {limit}, got {value}")


def run(args: argparse.Namespace) -> DerivationResult | Verification:
    _check_usage(args)
    if args.verify:
        from backprop_companion.verification import verify

        return verify(args)
    from symbolic.generic import proofs

    style = "latex" if args.latex else "mathml" if args.mathml else "text"
    return DerivationResult(proofs(), style)


@dataclass(frozen=True)
class DerivationResult(CommandResult):
    """BP1-BP4 derived at symbolic widths, to be shown as ``style`` (text, latex or mathml)."""

    derived: tuple[GenericProof, ...]
    style: str

    @property
    def unproven(self) -> list[str]:
        return [p.label for p in self.derived if not p.proven]

    @property
    def exit_status(self) -> int:
        return EXIT_CHECK_FAILED if self.unproven else EXIT_OK

    @property
    def failure(self) -> str | None:
        return f"not proven: {', '.join(self.unproven)}" if self.unproven else None

    def as_json(self) -> dict[str, Any]:
        return as_json(self.derived)

    def as_text(self) -> str:
        show = {"latex": as_latex, "mathml": as_mathml}.get(self.style, as_unicode)
        return show(self.derived)


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

    out = [INTRO, PREMISE_NOTE]
    for p in derived:
        out += ["", f"{p.label}  {to_unicode(p.vector)}    ({p.title})", f"  premise: {p.premise}"]
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
