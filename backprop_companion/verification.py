"""``derive --verify``: the sweep, the negative controls, the lemmas, the tutorial and Ng, as one report.

This is where the symbolic side meets the numeric one: the tutorial's exact values from
:mod:`symbolic.tutorial` are compared here with :mod:`worked`'s, digit for digit at the printed
places, and a printed number that neither reproduces must be one that ``walkthrough`` explains as
an erratum.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from typing import Any

from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK
from backprop_companion.output.progress import Progress
from backprop_companion.result import CommandResult
from backprop_companion.verification_text import as_text

DEFAULT_WIDTH = 3
DEFAULT_DEPTH = 3


def verify(args: argparse.Namespace) -> VerificationResult:
    width = args.max_width or DEFAULT_WIDTH
    depth = args.max_depth or DEFAULT_DEPTH
    progress = Progress(1, "sweep: shapes", enabled=not args.json)
    try:
        result = collect(width, depth, args.activation or "generic", args.cost or "generic", progress)
    finally:
        progress.close()
    if args.no_timings:
        drop_timings(result)
    return VerificationResult(result)


@dataclass(frozen=True)
class VerificationResult(CommandResult):
    """Every check of ``derive --verify``; exit 1 if any failed."""

    facts: dict[str, Any]

    @property
    def exit_status(self) -> int:
        return EXIT_OK if self.facts["passed"] else EXIT_CHECK_FAILED

    def as_json(self) -> dict[str, Any]:
        return self.facts

    def as_text(self) -> str:
        return as_text(self.facts)


def collect(
    width: int = DEFAULT_WIDTH,
    depth: int = DEFAULT_DEPTH,
    activation_name: str = "generic",
    cost_name: str = "generic",
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Run every check and return the report as plain data (the docs render the same report)."""
    from symbolic.controls import SHAPE, run_controls
    from symbolic.functions import get_activation, get_cost
    from symbolic.generic import proofs
    from symbolic.lemmas import lemmas
    from symbolic.ng import accumulate
    from symbolic.sweep import shapes, sweep

    activation, cost = get_activation(activation_name), get_cost(cost_name)
    start = time.perf_counter()
    if progress is not None:
        progress.total = len(shapes(width, depth))
    report = sweep(width, depth, activation, cost, progress=None if progress is None else progress.update)
    result: dict[str, Any] = {
        "generic": [{"statement": p.label, "proven": p.proven, "method": p.method} for p in proofs()],
        "sweep": _sweep_json(report, activation.premise, cost.premise),
        "controls": [_control_json(c) for c in run_controls()],
        "controls_shape": list(SHAPE),
        "lemmas": [
            {
                "name": x.name,
                "statement": x.statement,
                "premise": x.premise,
                "proven": x.proven,
                "method": x.method,
            }
            for x in lemmas()
        ],
        "tutorial": _tutorial_json(),
        "ng": _ng_json(accumulate(), accumulate(mean=False)),
    }
    result["seconds"] = time.perf_counter() - start
    result["passed"] = _passed(result)
    return result


def _sweep_json(report: Any, activation_premise: str, cost_premise: str) -> dict[str, Any]:
    from symbolic.equations import STATED
    from symbolic.sweep import shape_text

    return {
        "max_width": report.max_width,
        "max_depth": report.max_depth,
        "activation": report.activation,
        "cost": report.cost,
        "premises": [p for p in (activation_premise, cost_premise) if p],
        "shapes": [list(s) for s in report.shapes],
        "statements": {
            kind: {"stated": STATED[kind], "proven": r.proven, "failed": r.failed, "seconds": r.seconds}
            for kind, r in report.kinds.items()
        },
        "total": {"proven": report.proven, "failed": report.failed, "seconds": report.seconds},
        "setup_seconds": report.setup_seconds,
        "failures": [
            {
                "statement": f.kind,
                "shape": shape_text(f.sizes),
                "position": {"l": f.l, "j": f.j, "k": f.k or None},
                "verdict": f.verdict,
                "witness": _witness_json(f.witness),
            }
            for f in report.failures
        ],
    }


def _witness_json(witness: Any) -> dict[str, Any] | None:
    if witness is None:
        return None
    from symbolic.exact import WITNESS

    return {"functions": WITNESS, "point": dict(witness.point), "left": witness.lhs, "right": witness.rhs}


def _control_json(result: Any) -> dict[str, Any]:
    from symbolic.equations import position_text

    first = result.refuted[0] if result.refuted else None
    return {
        "name": result.control.name,
        "statement": result.control.kind,
        "wrong": result.control.wrong,
        "positions": len(result.outcomes),
        "refuted": len(result.refuted),
        "coincide": len(result.coincide),
        "passed": result.passed,
        "first_refuted": None
        if first is None
        else {"position": position_text(first.l, first.j, first.k), "witness": _witness_json(first.witness)},
    }


def _tutorial_json() -> dict[str, Any]:
    from symbolic.tutorial import Tutorial, chain_rules, sigmoid_rule, values
    from worked.mazur.printed import rounded
    from worked.tutorial.verdicts import walkthrough

    t = Tutorial()
    numeric = {e.key: e for e in walkthrough().entries}
    rows = []
    for v in values(t):
        entry = numeric.get(v.key)
        row: dict[str, Any] = {"key": v.key, "formula": v.formula, "exact": v.digits, "printed": v.printed}
        if v.printed is not None and entry is not None and v.decimals is not None:
            worked_rounded = rounded(entry.computed, v.decimals)
            row |= {
                "rounded": v.rounded,
                "matches_printed": v.matches,
                "worked_rounded": worked_rounded,
                "agrees_with_worked": worked_rounded == v.rounded,
                "erratum": None if entry.erratum is None else entry.erratum.name,
            }
        rows.append(row)
    rules = [*chain_rules(t), sigmoid_rule()]
    return {
        "chain_rule": [
            {"parameter": c.parameter, "formula": c.formula, "proven": c.proven, "method": c.method}
            for c in rules
        ],
        "values": rows,
    }


def _ng_json(mean: Any, no_mean: Any) -> dict[str, Any]:
    return {
        "shape": list(mean.sizes),
        "examples": mean.examples,
        "proven": mean.proven,
        "failed": mean.failed,
        "control_without_1_over_m_refuted": no_mean.proven == 0,
    }


def _passed(result: dict[str, Any]) -> bool:
    tutorial = result["tutorial"]
    printed = [v for v in tutorial["values"] if "rounded" in v]
    return (
        all(p["proven"] for p in result["generic"])
        and result["sweep"]["total"]["failed"] == 0
        and all(c["passed"] for c in result["controls"])
        and all(x["proven"] for x in result["lemmas"])
        and all(c["proven"] for c in tutorial["chain_rule"])
        and all(v["agrees_with_worked"] and (v["matches_printed"] or v["erratum"]) for v in printed)
        and result["ng"]["failed"] == 0
        and result["ng"]["control_without_1_over_m_refuted"]
    )


def drop_timings(node: Any) -> None:
    if isinstance(node, dict):
        for key in [k for k in node if k == "seconds" or k.endswith("_seconds")]:
            del node[key]
        for value in node.values():
            drop_timings(value)
    elif isinstance(node, list):
        for value in node:
            drop_timings(value)
