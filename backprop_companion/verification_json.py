"""The JSON of ``derive --verify``, made from a :class:`~backprop_companion.verification.Verification`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from backprop_companion.verification import TutorialRow, Verification
    from symbolic.controls import ControlResult
    from symbolic.exact import Witness
    from symbolic.generic import GenericProof
    from symbolic.sweep import Outcome, SweepReport


def verification_json(v: Verification) -> dict[str, Any]:
    result: dict[str, Any] = {
        "generic": _generic_json(v.generic),
        "generic_regularised": _generic_json(v.regularised),
        "sweep": _sweep_json(v.sweep, v.premises),
        "controls": [_control_json(c) for c in v.controls],
        "regularised_controls": [_control_json(c) for c in v.regularised_controls],
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
        "ng_regularised": _ng_regularised_json(v),
        "seconds": v.seconds,
        "passed": v.passed,
    }
    if not v.timed:
        drop_timings(result)
    return result


def _generic_json(proofs: tuple[GenericProof, ...]) -> list[dict[str, Any]]:
    return [{"statement": p.label, "proven": p.proven, "method": p.method} for p in proofs]


def _ng_regularised_json(v: Verification) -> dict[str, Any]:
    ng, control = v.ng_regularised, v.ng_decayed_biases
    return {
        "shape": list(ng.sizes),
        "examples": ng.examples,
        "proven": ng.proven,
        "failed": ng.failed,
        "weights_proven": ng.weights_proven,
        "biases_proven": ng.biases_proven,
        "control_bias_column_regularised": {
            "refuted": v.bias_column_control_refuted,
            "biases_proven": control.biases_proven,
            "first_failed": control.first_failed,
            "witness": _witness_json(control.witness),
        },
    }


def _failures_json(failures: list[Outcome]) -> list[dict[str, Any]]:
    from symbolic.sweep import shape_text

    return [
        {
            "statement": f.kind,
            "shape": shape_text(f.sizes),
            "position": {"l": f.l, "j": f.j, "k": f.k or None},
            "verdict": f.verdict,
            "witness": _witness_json(f.witness),
        }
        for f in failures
    ]


def _sweep_json(report: SweepReport, premises: tuple[str, ...]) -> dict[str, Any]:
    from symbolic.equations import STATED
    from symbolic.regularisation import STATED_REGULARISED

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
        "failures": _failures_json(report.failures),
        "regularised": {
            "statements": {
                kind: {
                    "stated": STATED_REGULARISED[kind],
                    "proven": r.proven,
                    "failed": r.failed,
                    "seconds": r.seconds,
                }
                for kind, r in report.regularised.items()
            },
            "total": {
                "proven": report.regularised_proven,
                "failed": report.regularised_failed,
                "seconds": report.regularised_seconds,
            },
            "failures": _failures_json(report.regularised_failures),
        },
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
