"""How ``gradcheck`` results are shown on a terminal: the same facts as its JSON, as prose and tables."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from backprop_companion.options.gradcheck import MODES
from backprop_companion.output.tables import WIDTH, format_table

if TYPE_CHECKING:
    from backprop_companion.gradcheck_result import CatchResult, GradcheckResult, OwnCodeResult
    from worked.gradcheck import Report
    from worked.gradcheck.bugs import Bug
    from worked.gradcheck.own_code import OwnReport
    from worked.gradcheck.report import Comparison


def _wrap(label: str, text: str) -> str:
    return textwrap.fill(f"{label}: {text}", WIDTH, subsequent_indent="    ")


_MODE_LINES = {
    "exhaustive": "central differences on each of the {n} parameters",
    "directional": "backprop's slope along {n} random directions against central differences along them",
    "equations": "BP1-BP4 one at a time, perturbing each z^l_j directly ({n} comparisons)",
    "taylor": "the Taylor remainder along one random direction in each parameter group",
}


def _heading(result: GradcheckResult) -> list[str]:
    report, taylor = result.report, result.report.taylor
    assert taylor is not None  # the command always adds the Taylor test
    mode_passes = report.evaluations - taylor.evaluations
    cost = (
        f"{taylor.evaluations}"
        if report.mode == "taylor"
        else f"{mode_passes} (+{taylor.evaluations} for the Taylor test)"
    )
    what = _MODE_LINES[report.mode].format(n=len(report.comparisons))
    out = [_wrap("Gradient check", f"{result.point.name}: {report.network}; {report.precision}.")]
    if result.l2:
        out.append(
            _wrap(
                "Cost",
                f"L2-regularised, C = C_0 + (λ/2m) Σ w² with λ = {result.l2:g} and m = "
                f"{result.point.batch} (biases not penalised).",
            )
        )
    return [*out, _wrap("Mode", f"{report.mode}: {what}; {cost} forward passes.")]


def _bug_lines(bug: Bug, cannot_show: str | None) -> list[str]:
    out = [_wrap("Bug put in", f"{bug.name} ({bug.equation}): {bug.wrote} instead of {bug.right}.")]
    if cannot_show:
        out.append(_wrap("Note", f"this bug cannot show here: {cannot_show}."))
    return out


def _taylor_lines(report: Report) -> list[str]:
    taylor = report.taylor
    assert taylor is not None
    if report.mode != "taylor":
        return []
    rows = [[f"{p.h:.1e}", f"{p.remainder:.3e}", p.status] for p in taylor.points]
    return [
        "",
        "Taylor remainder r(h) = max over ±h of |C(θ ± h d) − C(θ) ∓ h⟨∇C, d⟩|",
        f"(rounding noise below {taylor.floor:.1e}):",
        format_table(["h", "r(h)", ""], rows),
    ]


TOLERANCE_IN_SHORT = (
    "each entry within a few times the central differences' own error, judged in its parameter group "
    "(--explain gives the step and the tolerance in full)."
)


def report_text(result: GradcheckResult) -> str:
    report = result.report
    out = _heading(result)
    if result.bug is not None:
        out += _bug_lines(result.bug, result.cannot_show)
    if report.mode != "taylor" and result.explain:
        out += [_wrap("Step", report.step_rule + "."), _wrap("Tolerance", report.tolerance_rule)]
    elif report.mode != "taylor":
        out += [_wrap("Tolerance", TOLERANCE_IN_SHORT)]
    out += [_wrap("Warning", w) for w in report.warnings]
    listed = result.listed
    if listed:
        label = result.listed_label
        heading = "Every comparison" if label == "all" else f"The {label} comparisons"
        out += ["", f"{heading} (analytic: backprop; numerical: central differences):", _table(listed)]
    if report.findings:
        out += ["", "Findings, in the order backprop computes (the first is the likely cause):"]
        out += [f"  {line}" for line in report.findings]
    if report.kinks:
        out += [
            "",
            _wrap("Kinks crossed (reported, not judged)", ", ".join(c.label for c in report.kinks) + "."),
        ]
    if report.worst is not None:
        out += ["", _worst(report.worst)]
    out += _taylor_lines(report)
    assert report.taylor is not None
    out += ["", _wrap("Taylor", report.taylor.verdict + "."), _wrap("Verdict", report.verdict + ".")]
    return "\n".join(out)


def _table(comparisons: list[Comparison]) -> str:
    equations = any(c.equation for c in comparisons)
    examples = any(c.example is not None for c in comparisons)
    ng = any(c.ng for c in comparisons)
    headers = [
        *(["equation"] if equations else []),
        "quantity",
        *(["Ng"] if ng else []),
        *(["example"] if examples else []),
    ]
    # The tolerance bounds the absolute error (its formula is printed above the table), so it stands
    # beside the absolute error; the relative error comes after, for information. Short headings: the
    # table fits in 100 columns at the default check.
    headers += ["analytic", "numerical", "step", "abs err", "≤ tol", "", "rel err"]
    rows = []
    for c in comparisons:
        verdict = "kink" if c.kink else "✓" if c.passed else "✗"
        row = [*([c.equation] if equations else []), c.name, *([c.ng] if ng else [])]
        row += [str(c.example or "")] if examples else []
        row += [
            f"{c.analytic:.10e}",
            f"{c.numerical:.10e}",
            f"{c.step:.1e}",
            f"{c.abs_error:.1e}",
            f"{c.tolerance:.1e}",
            verdict,
            f"{c.rel_error:.1e}",
        ]
        rows.append(row)
    return format_table(headers, rows)


def catch_text(result: CatchResult) -> str:
    network = result.point.network
    rows: dict[str, list[str]] = {}
    notes: dict[str, str] = {}
    for c in result.catches:
        cell = "—" if c.caught is None else "caught" if c.caught else "MISSED"
        rows.setdefault(c.bug, [c.bug]).append(cell)
        if c.caught is None:
            note = c.note.removeprefix("cannot run: ")
            notes[c.bug] = f"cannot show here: {note} (every bug shows on --sizes 3,3,3 --batch 4)"
        elif c.mode == "equations" and c.note:
            notes[c.bug] = c.note
    table = [[*cells, notes.get(bug, "")] for bug, cells in rows.items()]
    verdict = (
        "every bug that can show is caught by every mode" if result.all_caught else "some bug was MISSED"
    )
    activations = ",".join(s.name for s in network.sigmas)
    return "\n".join(
        [
            _wrap(
                "Bug catalogue",
                f"{result.point.name}: sizes {network.sizes}, {activations}, "
                f"{network.cost_function.name} cost, {result.point.batch} example"
                + ("s." if result.point.batch != 1 else "."),
            ),
            "",
            format_table(["bug", *MODES, "per-equation finding"], table, width=WIDTH),
            "",
            _wrap("Verdict", verdict + "."),
        ]
    )


def _worst(c: Comparison) -> str:
    where = f" ({c.ng})" if c.ng else ""
    example = f", example {c.example}" if c.example is not None else ""
    return _wrap(
        "Worst",
        f"{c.name}{where}{example}: analytic {c.analytic:.10e}, numerical {c.numerical:.10e}; "
        f"abs error {c.abs_error:.1e}, rel error {c.rel_error:.1e}, {c.ratio:.2g} of its "
        f"tolerance {c.tolerance:.1e}.",
    )


def own_code_text(result: OwnCodeResult) -> str:
    """The verdict on the reader's code: the convention (detected or given), each network it ran on,
    and the bug named or the first wrong parameter group."""
    out = [f"Your code: {result.impl or result.path}"]  # not wrapped: a path is copied whole
    if result.crash is not None:
        return "\n".join(
            [*out, "", result.crash.traceback, "", _wrap("Verdict", "your code raised an exception.")]
        )
    if result.late is not None:
        return "\n".join([*out, _wrap("Verdict", result.late + ".")])
    for report in result.reports:
        out += ["", *_own_report(report, result.detected)]
        raised = next((run for run in report.runs if run.error is not None), None)
        if raised is not None and raised.error is not None:
            from backprop_companion.reader_code import crash

            shown = crash(raised.error.error, Path(result.path)).traceback
            out += ["", f"What your code raised on {raised.described}:", shown]
    if result.hint is not None:
        out += ["", _wrap("Hint", result.hint)]
    return "\n".join(out)


def _own_report(report: OwnReport, detected: bool) -> list[str]:
    how = "detected" if detected else "as given"
    out = [_wrap("Convention", f"{report.convention} ({how}): {report.described}.")]
    rows = []
    for run in report.runs:
        wrong = run.first_wrong
        verdict = "✓" if run.passed else run.problem or f"✗ first wrong: {wrong.name if wrong else '?'}"
        rows.append([run.described, verdict])
    out += [
        "Compared with the companion's own backprop, each layer's weights and biases",
        "(agreeing to 1e-8 of their largest entry):",
        format_table(["network", ""], rows),
    ]
    suspect, first = report.suspect, report.first_failure
    if report.passed:
        verdict = "your gradient checks out on every network."
    elif suspect is not None:
        verdict = (
            f"WRONG, and it equals, to rounding, the catalogued bug {suspect.name} ({suspect.equation}, "
            f"{suspect.where}): {suspect.wrote} instead of {suspect.right}."
        )
    else:
        assert first is not None
        where = (
            first.problem
            or f"the first wrong parameter group is {first.first_wrong.name if first.first_wrong else '?'}"
        )
        verdict = f"WRONG, and like no catalogued bug: on {first.described}, {where}."
    return [*out, _wrap("Verdict", verdict)]
