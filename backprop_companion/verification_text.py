"""The text of ``derive --verify``: one section per kind of check, tables via :func:`format_table`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backprop_companion.output.tables import format_table

if TYPE_CHECKING:
    from backprop_companion.verification import Verification
    from symbolic.ng import Accumulation
    from symbolic.sweep import SweepReport


def _sweep(sweep: SweepReport, premises: tuple[str, ...], timed: bool) -> list[str]:
    from symbolic.equations import STATED
    from symbolic.sweep import shape_text

    entries = [(kind, STATED[kind], r.proven, r.failed, r.seconds) for kind, r in sweep.kinds.items()]
    entries.append(("all", "", sweep.proven, sweep.failed, sweep.seconds))
    rows = [
        [kind, stated, f"{proven:,}", f"{failed:,}"] + ([f"{seconds:.2f}"] if timed else [])
        for kind, stated, proven, failed, seconds in entries
    ]
    headers = ["statement", "stated as", "proven", "failed"] + (["seconds"] if timed else [])
    out = [
        f"Exhaustive sweep: every network with widths 1-{sweep.max_width} and depth "
        f"1-{sweep.max_depth} ({len(sweep.shapes)} shapes), activation {sweep.activation}, cost {sweep.cost}"
        + (f" ({'; '.join(premises)})." if premises else "."),
        "Each component of each equation is one statement, decided exactly against the definitions:",
        "δ^l by cutting the network at layer l, gradients by sympy.diff of the full cost.",
        format_table(headers, rows),
    ]
    if timed:
        out.append(f"  (building the networks and the defined δ^l: {sweep.setup_seconds:.2f} s)")
    for f in sweep.failures:
        where = ", ".join(
            f"{name}={n}" for name, n in (("l", f.l), ("j", f.j), ("k", f.k or None)) if n is not None
        )
        out.append(f"  ✗ {f.kind} at {where} in {shape_text(f.sizes)}: {f.verdict}")
    return out


def _controls(v: Verification) -> list[str]:
    from symbolic.equations import position_text
    from symbolic.exact import WITNESS

    shape = "-".join(str(n) for n in v.controls_shape)
    rows = []
    for c in v.controls:
        first = position_text(c.refuted[0].l, c.refuted[0].j, c.refuted[0].k) if c.refuted else "NOT REFUTED"
        note = f"; holds at the other {len(c.coincide)}" if c.coincide else ""
        refuted = f"{len(c.refuted)} of {len(c.outcomes)}{note}"
        rows.append([c.control.kind, c.control.name, c.control.wrong, refuted, first])
    witness = WITNESS if any(c.refuted and c.refuted[0].witness is not None for c in v.controls) else ""
    return [
        f"Negative controls on a {shape} network: each wrong equation must be refuted by the same verifier.",
        format_table(["statement", "mistake", "wrong equation", "refuted at", "first at"], rows),
        f"  Witness: {witness}, at a rational point; exact values in --json.",
    ]


def _lemmas(v: Verification) -> list[str]:
    rows = [
        ["✓" if x.proven else "✗", x.name, x.statement, x.premise, x.method or "NOT PROVEN"] for x in v.lemmas
    ]
    return [
        "Lemmas: concrete activations and costs",
        format_table(["", "lemma", "statement", "premise", "by"], rows),
    ]


def _tutorial(v: Verification) -> list[str]:
    rules, printed = v.chain_rules, v.printed
    proven = sum(c.proven for c in rules)
    rows = []
    for row in printed:
        x = row.value
        verdict = "✓" if x.matches else (f"erratum: {row.erratum}" if row.erratum else "✗")
        same = "=" if row.agrees_with_worked else "≠"
        rows.append([x.key, x.printed or "", x.rounded or "", same, row.worked_rounded, verdict])
    matched = sum(bool(row.value.matches) for row in printed)
    agree = sum(row.agrees_with_worked for row in printed)
    products = ", ".join(
        f"{c.parameter if c.parameter != 'net' else c.formula} {'✓' if c.proven else '✗'}" for c in rules
    )
    return [
        "Tutorial (Mazur), by its own names: each chain-rule product proven equal to sympy's ∂E_total/∂p",
        f"  {products} ({proven} of {len(rules)})",
        f"  Exact values at the printed decimals: {matched} of {len(printed)} printed numbers reproduced, "
        f"{agree} of {len(printed)} equal to worked's.",
        format_table(["key", "printed", "exact", "", "worked", ""], rows),
    ]


def _ng(ng: Accumulation, without_mean: Accumulation) -> list[str]:
    shape = "-".join(str(n) for n in ng.sizes)
    control = "refuted" if without_mean.proven == 0 else "NOT REFUTED"
    return [
        f"Ng's accumulation (Δ += δ aᵀ per example, D = Δ/m): D equals the gradient of the mean cost at "
        f"{ng.proven} of {ng.proven + ng.failed} entries ({shape}, {ng.examples} examples); "
        f"without the 1/m: {control}."
    ]


def verification_text(v: Verification) -> str:
    generic = ", ".join(f"{p.label} {'✓ ' + p.method if p.proven else '✗'}" for p in v.generic)
    out = [f"Width-generic derivations (see `derive`): {generic}.", ""]
    out += [*_sweep(v.sweep, v.premises, v.timed), "", *_controls(v), "", *_lemmas(v), ""]
    out += [*_tutorial(v), "", *_ng(v.ng, v.ng_without_mean), ""]
    timing = f" in {v.seconds:.1f} s" if v.timed else ""
    out.append(("All checks passed" if v.passed else "SOME CHECKS FAILED") + timing + ".")
    return "\n".join(out)
