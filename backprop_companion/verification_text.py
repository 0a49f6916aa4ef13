"""The text of ``derive --verify``: one section per kind of check, tables via :func:`format_table`."""

from __future__ import annotations

from typing import Any

from backprop_companion.output.tables import format_table


def _sweep(sweep: dict[str, Any]) -> list[str]:
    count = len(sweep["shapes"])
    timed = "seconds" in sweep["total"]
    entries = [(kind, r["stated"], r) for kind, r in sweep["statements"].items()]
    entries.append(("all", "", sweep["total"]))
    rows = [
        [kind, stated, f"{r['proven']:,}", f"{r['failed']:,}"] + ([f"{r['seconds']:.2f}"] if timed else [])
        for kind, stated, r in entries
    ]
    headers = ["statement", "stated as", "proven", "failed"] + (["seconds"] if timed else [])
    out = [
        f"Exhaustive sweep: every network with widths 1-{sweep['max_width']} and depth "
        f"1-{sweep['max_depth']} ({count} shapes), activation {sweep['activation']}, cost {sweep['cost']}"
        + (f" ({'; '.join(sweep['premises'])})." if sweep["premises"] else "."),
        "Each component of each equation is one statement, decided exactly against the definitions:",
        "δ^l by cutting the network at layer l, gradients by sympy.diff of the full cost.",
        format_table(headers, rows),
    ]
    if "setup_seconds" in sweep:
        out.append(f"  (building the networks and the defined δ^l: {sweep['setup_seconds']:.2f} s)")
    for f in sweep["failures"]:
        where = ", ".join(f"{k}={v}" for k, v in f["position"].items() if v is not None)
        out.append(f"  ✗ {f['statement']} at {where} in {f['shape']}: {f['verdict']}")
    return out


def _controls(result: dict[str, Any]) -> list[str]:
    shape = "-".join(str(n) for n in result["controls_shape"])
    rows = []
    for c in result["controls"]:
        first = c["first_refuted"]["position"] if c["first_refuted"] else "NOT REFUTED"
        note = f"; holds at the other {c['coincide']}" if c["coincide"] else ""
        rows.append(
            [c["statement"], c["name"], c["wrong"], f"{c['refuted']} of {c['positions']}{note}", first]
        )
    witness = next(
        (c["first_refuted"]["witness"]["functions"] for c in result["controls"] if c["first_refuted"]), ""
    )
    return [
        f"Negative controls on a {shape} network: each wrong equation must be refuted by the same verifier.",
        format_table(["statement", "mistake", "wrong equation", "refuted at", "first at"], rows),
        f"  Witness: {witness}, at a rational point; exact values in --json.",
    ]


def _lemmas(result: dict[str, Any]) -> list[str]:
    rows = [
        ["✓" if x["proven"] else "✗", x["name"], x["statement"], x["premise"], x["method"] or "NOT PROVEN"]
        for x in result["lemmas"]
    ]
    return [
        "Lemmas: concrete activations and costs",
        format_table(["", "lemma", "statement", "premise", "by"], rows),
    ]


def _tutorial(tutorial: dict[str, Any]) -> list[str]:
    rules = tutorial["chain_rule"]
    proven = sum(c["proven"] for c in rules)
    printed = [v for v in tutorial["values"] if "rounded" in v]
    rows = []
    for v in printed:
        verdict = "✓" if v["matches_printed"] else (f"erratum: {v['erratum']}" if v["erratum"] else "✗")
        same = "=" if v["agrees_with_worked"] else "≠"
        rows.append([v["key"], v["printed"], v["rounded"], same, v["worked_rounded"], verdict])
    matched = sum(bool(v["matches_printed"]) for v in printed)
    agree = sum(bool(v["agrees_with_worked"]) for v in printed)
    return [
        "Tutorial (Mazur), by its own names: each chain-rule product proven equal to sympy's ∂E_total/∂p",
        "  "
        + ", ".join(
            f"{c['parameter'] if c['parameter'] != 'net' else c['formula']} {'✓' if c['proven'] else '✗'}"
            for c in rules
        )
        + f" ({proven} of {len(rules)})",
        f"  Exact values at the printed decimals: {matched} of {len(printed)} printed numbers reproduced, "
        f"{agree} of {len(printed)} equal to worked's.",
        format_table(["key", "printed", "exact", "", "worked", ""], rows),
    ]


def _ng(ng: dict[str, Any]) -> list[str]:
    shape = "-".join(str(n) for n in ng["shape"])
    control = "refuted" if ng["control_without_1_over_m_refuted"] else "NOT REFUTED"
    return [
        f"Ng's accumulation (Δ += δ aᵀ per example, D = Δ/m): D equals the gradient of the mean cost at "
        f"{ng['proven']} of {ng['proven'] + ng['failed']} entries ({shape}, {ng['examples']} examples); "
        f"without the 1/m: {control}."
    ]


def as_text(result: dict[str, Any]) -> str:
    generic = ", ".join(
        f"{p['statement']} {'✓ ' + p['method'] if p['proven'] else '✗'}" for p in result["generic"]
    )
    out = [f"Width-generic derivations (see `derive`): {generic}.", ""]
    out += [*_sweep(result["sweep"]), "", *_controls(result), "", *_lemmas(result), ""]
    out += [*_tutorial(result["tutorial"]), "", *_ng(result["ng"]), ""]
    timing = f" in {result['seconds']:.1f} s" if "seconds" in result else ""
    out.append(("All checks passed" if result["passed"] else "SOME CHECKS FAILED") + timing + ".")
    return "\n".join(out)
