"""The JSON of ``derive --verify``, made from a :class:`~backprop_companion.verification.Verification`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from backprop_companion.verification import TutorialRow, Verification
    from symbolic.controls import ControlResult
    from symbolic.exact import Witness
    from symbolic.sweep import SweepReport


def verification_json(v: Verification) -> dict[str, Any]:
    result: dict[str, Any] = {
        "generic": [{"statement": p.label, "proven": p.proven, "method": p.method} for p in v.generic],
        "sweep": _sweep_json(v.sweep, v.premises),
        "controls": [_control_json(c) for c in v.controls],
        "controls_shape": list(v.controls_shape),
        "lemmas": [
            {
                "name": x.name,
                "statement": x.statement,
                "premise": x.premise,
                "proven": x.proven,
                "method": x.method,
            }
            for x in v.lemmas
        ],
        "tutorial": {
            "chain_rule": [
                {"parameter": c.parameter, "formula": c.formula, "proven": c.proven, "method": c.method}
                for c in v.chain_rules
            ],
            "values": [_row_json(row) for row in v.tutorial],
        },
        "ng": {
            "shape": list(v.ng.sizes),
            "examples": v.ng.examples,
            "proven": v.ng.proven,
            "failed": v.ng.failed,
            "control_without_1_over_m_refuted": v.ng_without_mean.proven == 0,
        },
        "seconds": v.seconds,
        "passed": v.passed,
    }
    if not v.timed:
        drop_timings(result)
    return result


def _sweep_json(report: SweepReport, premises: tuple[str, ...]) -> dict[str, Any]:
    from symbolic.equations import STATED
    from symbolic.sweep import shape_text

    return {
        "max_width": report.max_width,
        "max_depth": report.max_depth,
        "activation": report.activation,
        "cost": report.cost,
        "premises": list(premises),
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


def _witness_json(witness: Witness | None) -> dict[str, Any] | None:
    if witness is None:
        return None
    from symbolic.exact import WITNESS

    return {"functions": WITNESS, "point": dict(witness.point), "left": witness.lhs, "right": witness.rhs}


def _control_json(result: ControlResult) -> dict[str, Any]:
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


def _row_json(row: TutorialRow) -> dict[str, Any]:
    v = row.value
    facts: dict[str, Any] = {"key": v.key, "formula": v.formula, "exact": v.digits, "printed": v.printed}
    if row.entry is not None:
        facts |= {
            "rounded": v.rounded,
            "matches_printed": v.matches,
            "worked_rounded": row.worked_rounded,
            "agrees_with_worked": row.agrees_with_worked,
            "erratum": row.erratum,
        }
    return facts


def drop_timings(node: Any) -> None:
    """Remove every ``seconds`` and ``*_seconds`` key, at any depth (``--no-timings``: stable output)."""
    if isinstance(node, dict):
        for key in [k for k in node if k == "seconds" or k.endswith("_seconds")]:
            del node[key]
        for value in node.values():
            drop_timings(value)
    elif isinstance(node, list):
        for value in node:
            drop_timings(value)
