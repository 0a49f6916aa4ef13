"""The text of ``derive --verify``: one section per kind of check, tables via :func:`format_table`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backprop_companion.output.tables import format_table

if TYPE_CHECKING:
    from backprop_companion.verification import Verification
    from symbolic.controls import ControlResult
    from symbolic.generic import GenericProof
    from symbolic.sweep import Outcome, SweepReport


def _tally_table(entries: list[tuple[str, str, int, int, float]], timed: bool) -> str:
    """Statements with their counts (and seconds): the sweep's table and the regularised one."""
    rows = [
        [kind, stated, f"{proven:,}", f"{failed:,}"] + ([f"{seconds:.2f}"] if timed else [])
        for kind, stated, proven, failed, seconds in entries
    ]
    headers = ["statement", "stated as", "proven", "failed"] + (["seconds"] if timed else [])
    return format_table(headers, rows)


def _failures(failures: list[Outcome]) -> list[str]:
    from symbolic.sweep import shape_text

    out = []
    for f in failures:
        where = ", ".join(
            f"{name}={n}" for name, n in (("l", f.l), ("j", f.j), ("k", f.k or None)) if n is not None
        )
        out.append(f"  ✗ {f.kind} at {where} in {shape_text(f.sizes)}: {f.verdict}")
    return out


def _sweep(sweep: SweepReport, premises: tuple[str, ...], timed: bool) -> list[str]:
    from symbolic.equations import STATED
    from symbolic.regularisation import STATED_REGULARISED

    entries = [(kind, STATED[kind], r.proven, r.failed, r.seconds) for kind, r in sweep.kinds.items()]
    entries.append(("all", "", sweep.proven, sweep.failed, sweep.seconds))
    out = [
        f"Exhaustive sweep: every network with widths 1-{sweep.max_width} and depth "
        f"1-{sweep.max_depth} ({len(sweep.shapes)} shape{_s(len(sweep.shapes))}), "
        f"activation {sweep.activation}, cost {sweep.cost}"
        + (f" ({'; '.join(premises)})." if premises else "."),
        "Each component of each equation is one statement, decided exactly against the definitions:",
        "δ^l by cutting the network at layer l, gradients by differentiating the full cost (sympy's",
        "rules applied node by node: the expressions sympy.diff returns, a test holds them equal).",
        _tally_table(entries, timed),
    ]
    if timed:
        out.append(f"  (building the networks and the defined δ^l: {sweep.setup_seconds:.2f} s)")
    out += _failures(sweep.failures)
    regularised = [
        (kind, STATED_REGULARISED[kind], r.proven, r.failed, r.seconds)
        for kind, r in sweep.regularised.items()
    ]
    out += ["With L2 regularisation (m a symbol; δ is C_0's):", _tally_table(regularised, timed)]
    return out + _failures(sweep.regularised_failures)


def _controls(controls: tuple[ControlResult, ...], heading: str) -> list[str]:
    from symbolic.equations import position_text
    from symbolic.exact import WITNESS

    rows = []
    for c in controls:
        first = position_text(c.refuted[0].l, c.refuted[0].j, c.refuted[0].k) if c.refuted else "NOT REFUTED"
        note = f"; holds at the other {len(c.coincide)}" if c.coincide else ""
        refuted = f"{len(c.refuted)} of {len(c.outcomes)}{note}"
        rows.append([c.control.kind, c.control.name, c.control.wrong, refuted, first])
    witness = WITNESS if any(c.refuted and c.refuted[0].witness is not None for c in controls) else ""
    return [
        heading,
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


def _ng(v: Verification) -> list[str]:
    ng, without_mean, regularised = v.ng, v.ng_without_mean, v.ng_regularised
    shape = "-".join(str(n) for n in ng.sizes)
    control = "refuted" if without_mean.proven == 0 else "NOT REFUTED"
    biases = sum(ng.sizes[1:])
    decayed = v.ng_decayed_biases
    bias_control = (
        f"refuted at all {biases} biases (first {decayed.first_failed})"
        if v.bias_column_control_refuted
        else f"NOT REFUTED ({decayed.biases_proven} of {biases} biases proven)"
    )
    return [
        f"Ng's accumulation (Δ += δ aᵀ per example, D = Δ/m): D equals the gradient of the mean cost at "
        f"{ng.proven} of {ng.proven + ng.failed} entries ({shape}, {ng.examples} examples); "
        f"without the 1/m: {control}.",
        "With λ: D = Δ/m + (λ/m)Θ (weight columns), Δ/m (bias column) equals the gradient of the",
        f"  regularised mean cost at {regularised.proven} of {regularised.proven + regularised.failed} "
        f"entries ({regularised.weights_proven} weights, {regularised.biases_proven} biases);",
        f"  regularising the bias column: {bias_control}.",
    ]


def _proven(proofs: tuple[GenericProof, ...]) -> str:
    return ", ".join(f"{p.label} {'✓ ' + p.method if p.proven else '✗'}" for p in proofs)


def verification_text(v: Verification) -> str:
    shape = "-".join(str(n) for n in v.controls_shape)
    out = [
        f"Width-generic derivations (see `derive`): {_proven(v.generic)}.",
        f"With L2 regularisation (C = C_0 + (λ/2m)Σw², biases not penalised): {_proven(v.regularised)}.",
        "",
    ]
    out += [*_sweep(v.sweep, v.premises, v.timed), ""]
    out += _controls(
        v.controls,
        f"Negative controls on a {shape} network: each wrong equation must be refuted by the same verifier.",
    )
    out += [
        "",
        *_controls(v.regularised_controls, "Negative controls for L2 regularisation, on the same network:"),
    ]
    out += ["", *_lemmas(v), "", *_tutorial(v), "", *_ng(v), ""]
    timing = f" in {v.seconds:.1f} s" if v.timed else ""
    out.append(("All checks passed" if v.passed else "SOME CHECKS FAILED") + timing + ".")
    return "\n".join(out)


def _s(count: int) -> str:
    """The plural ending for ``count`` things."""
    return "" if count == 1 else "s"
