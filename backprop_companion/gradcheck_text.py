"""How ``gradcheck`` results are shown on a terminal: the same facts as its JSON, as prose and tables."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from typing import Any

from backprop_companion.table import format_table

WIDTH = 100
"""Column at which prose is wrapped."""


def _wrap(label: str, text: str) -> str:
    return textwrap.fill(f"{label}: {text}", WIDTH, subsequent_indent="    ")


_MODE_LINES = {
    "exhaustive": "central differences on each of the {n} parameters",
    "directional": "backprop's slope along {n} random directions against central differences along them",
    "equations": "BP1-BP4 one at a time, perturbing each z^l_j directly ({n} comparisons)",
    "taylor": "the Taylor remainder along one random direction",
}


def as_text(result: dict[str, Any]) -> str:
    net, passes, taylor_mode = result["network"], result["forward_passes"], result["mode"] == "taylor"
    cost = (
        f"{passes['taylor']}"
        if taylor_mode
        else f"{passes['mode']} (+{passes['taylor']} for the Taylor test)"
    )
    out = [
        _wrap("Gradient check", f"{net['name']}: {net['description']}; {result['precision']}."),
        _wrap(
            "Mode",
            f"{result['mode']}: {_MODE_LINES[result['mode']].format(n=result['compared'])}; "
            f"{cost} forward passes.",
        ),
    ]
    if result["bug"] is not None:
        bug = result["bug"]
        out.append(
            _wrap(
                "Bug put in", f"{bug['name']} ({bug['equation']}): {bug['wrote']} instead of {bug['right']}."
            )
        )
        if bug["cannot_show"]:
            out.append(_wrap("Note", f"this bug cannot show here: {bug['cannot_show']}."))
    if not taylor_mode:
        out += [_wrap("Step", result["step_rule"] + "."), _wrap("Tolerance", result["tolerance_rule"])]
    out += [_wrap("Warning", w) for w in result["warnings"]]
    if result["comparisons"]:
        heading = "Every comparison" if result["listed"] == "all" else f"The {result['listed']} comparisons"
        out += [
            "",
            f"{heading} (analytic: backprop; numerical: central differences):",
            _table(result["comparisons"]),
        ]
    if result["findings"]:
        out += ["", "Findings, in the order backprop computes (the first is the likely cause):"]
        out += [f"  {line}" for line in result["findings"]]
    if result["kinked"]:
        out += ["", _wrap("Kinks crossed (reported, not judged)", ", ".join(result["kinked"]) + ".")]
    if result["worst"] is not None:
        out += ["", _worst(result["worst"])]
    taylor = result["taylor"]
    if taylor["points"] is not None:
        rows = [[f"{p['h']:.1e}", f"{p['remainder']:.3e}", p["status"]] for p in taylor["points"]]
        out += [
            "",
            "Taylor remainder r(h) = |C(θ + h d) − C(θ) − h⟨∇C, d⟩| "
            f"(rounding noise below {taylor['floor']:.1e}):",
            format_table(["h", "r(h)", ""], rows),
        ]
    out += ["", _wrap("Taylor", taylor["verdict"] + "."), _wrap("Verdict", result["verdict"] + ".")]
    return "\n".join(out)


def _table(comparisons: list[dict[str, Any]]) -> str:
    equations = any(c["equation"] for c in comparisons)
    examples = any(c["example"] is not None for c in comparisons)
    ng = any(c["ng"] for c in comparisons)
    headers = [
        *(["equation"] if equations else []),
        "quantity",
        *(["Ng"] if ng else []),
        *(["example"] if examples else []),
    ]
    # The tolerance bounds the absolute error (its formula is printed above the table), so it stands
    # beside the absolute error; the relative error comes after, for information.
    headers += ["analytic", "numerical", "step", "abs error", "≤ abs tolerance", "", "rel error"]
    rows = []
    for c in comparisons:
        verdict = "kink" if c["kink"] else "✓" if c["passed"] else "✗"
        row = [*([c["equation"]] if equations else []), c["name"], *([c["ng"]] if ng else [])]
        row += [str(c["example"] or "")] if examples else []
        row += [
            f"{c['analytic']:.10e}",
            f"{c['numerical']:.10e}",
            f"{c['step']:.1e}",
            f"{c['abs_error']:.1e}",
            f"{c['tolerance']:.1e}",
            verdict,
            f"{c['rel_error']:.1e}",
        ]
        rows.append(row)
    return format_table(headers, rows)


def catch_text(result: dict[str, Any], modes: Sequence[str]) -> str:
    net = result["network"]
    rows: dict[str, list[str]] = {}
    notes: dict[str, str] = {}
    for c in result["catches"]:
        cell = "—" if c["caught"] is None else "caught" if c["caught"] else "MISSED"
        rows.setdefault(c["bug"], [c["bug"]]).append(cell)
        if c["caught"] is None:
            note = c["note"].removeprefix("cannot run: ")
            notes[c["bug"]] = f"cannot show here: {note} (every bug shows on --sizes 3,3,3 --batch 4)"
        elif c["mode"] == "equations" and c["note"]:
            notes[c["bug"]] = c["note"]
    table = [[*cells, notes.get(bug, "")] for bug, cells in rows.items()]
    verdict = (
        "every bug that can show is caught by every mode" if result["all_caught"] else "some bug was MISSED"
    )
    return "\n".join(
        [
            _wrap(
                "Bug catalogue",
                f"{net['name']}: sizes {net['sizes']}, {','.join(net['activations'])}, "
                f"{net['cost']} cost, {net['batch']} example(s).",
            ),
            "",
            format_table(["bug", *modes, "per-equation finding"], table),
            "",
            _wrap("Verdict", verdict + "."),
        ]
    )


def _worst(c: dict[str, Any]) -> str:
    where = f" ({c['ng']})" if c["ng"] else ""
    example = f", example {c['example']}" if c["example"] is not None else ""
    return _wrap(
        "Worst",
        f"{c['name']}{where}{example}: analytic {c['analytic']:.10e}, numerical {c['numerical']:.10e}; "
        f"abs error {c['abs_error']:.1e}, rel error {c['rel_error']:.1e}, {c['ratio']:.2g} of its "
        f"tolerance {c['tolerance']:.1e}.",
    )
