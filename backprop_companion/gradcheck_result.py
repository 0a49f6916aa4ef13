"""What ``gradcheck`` found: the point checked and the checker's report (or the bug table), with the
exit status, the JSON and the text of each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK
from backprop_companion.gradcheck_text import catch_text, own_code_text, report_text
from backprop_companion.options.gradcheck import LIST_ALL_UP_TO
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from backprop_companion.reader_code import Crash
    from worked.core import Array, Network
    from worked.gradcheck import Report
    from worked.gradcheck.bugs import Bug
    from worked.gradcheck.catches import Catch
    from worked.gradcheck.own_code import OwnReport, Run
    from worked.gradcheck.report import Comparison

WORST = 10
"""How many comparisons are listed, worst first, when there are too many to list all."""


@dataclass(frozen=True)
class CheckedPoint:
    """The network checked, its batch, and how it was made."""

    source: str
    name: str
    network: Network
    x: Array
    y: Array
    seed: int

    @property
    def batch(self) -> int:
        import numpy as np

        return int(np.atleast_2d(self.x).shape[0])

    @property
    def parameters(self) -> int:
        return int(
            sum(w.size + b.size for w, b in zip(self.network.weights, self.network.biases, strict=True))
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "name": self.name,
            "sizes": self.network.sizes,
            "activations": [s.name for s in self.network.sigmas],
            "cost": self.network.cost_function.name,
            "batch": self.batch,
            "parameters": self.parameters,
            "seed": self.seed,
        }


def _described(bug: Bug) -> dict[str, str]:
    """What the catalogue says of a bug (its table of equations is code, not a fact to print)."""
    return {"name": bug.name, "equation": bug.equation, "wrote": bug.wrote, "right": bug.right}


def comparison_json(c: Comparison) -> dict[str, Any]:
    derived = {"abs_error": c.abs_error, "rel_error": c.rel_error, "ratio": c.ratio, "passed": c.passed}
    return {**vars(c), **derived}


@dataclass(frozen=True)
class GradcheckResult(CommandResult):
    """One gradient check (with the Taylor test beside it); exit 1 when the gradient does not check out."""

    point: CheckedPoint
    report: Report
    list_all: bool
    bug: Bug | None
    l2: float = 0.0
    """λ of the L2 penalty in the checked cost (0: none)."""
    explain: bool = False
    """Spell out the step and tolerance rules (``--explain``); otherwise one line points to them."""

    @property
    def exit_status(self) -> int:
        return EXIT_OK if self.report.passed else EXIT_CHECK_FAILED

    @property
    def lists_all(self) -> bool:
        return self.list_all or len(self.report.comparisons) <= LIST_ALL_UP_TO

    @property
    def listed(self) -> list[Comparison]:
        """Every comparison, or the worst :data:`WORST` when there are too many to list."""
        return list(self.report.comparisons) if self.lists_all else self.report.ranked()[:WORST]

    @property
    def listed_label(self) -> str:
        return "all" if self.lists_all else f"worst {WORST}"

    @property
    def cannot_show(self) -> str | None:
        """Why the bug put in cannot show on this network, if it cannot."""
        return None if self.bug is None else self.bug.visible(self.point.network, self.point.batch)

    def as_json(self) -> dict[str, Any]:
        report, taylor = self.report, self.report.taylor
        assert taylor is not None  # the command always adds the Taylor test
        return {
            "network": {**self.point.as_json(), "description": report.network},
            "mode": report.mode,
            "l2": self.l2,
            "precision": report.precision,
            "bug": None if self.bug is None else {**_described(self.bug), "cannot_show": self.cannot_show},
            "passed": report.passed,
            "verdict": report.verdict,
            "step_rule": report.step_rule,
            "tolerance_rule": report.tolerance_rule,
            "forward_passes": {"mode": report.evaluations - taylor.evaluations, "taylor": taylor.evaluations},
            "compared": len(report.comparisons),
            "failed": len(report.failures),
            "kinks": len(report.kinks),
            "kinked": [c.label for c in report.kinks],
            "findings": list(report.findings),
            "warnings": list(report.warnings),
            "worst": None if report.worst is None else comparison_json(report.worst),
            "listed": self.listed_label,
            "comparisons": [comparison_json(c) for c in self.listed],
            "taylor": {
                "slope": taylor.slope,
                "passed": taylor.passed,
                "verdict": taylor.verdict,
                "floor": taylor.floor,
                "points": [vars(p) for p in taylor.points] if report.mode == "taylor" else None,
            },
        }

    def as_text(self) -> str:
        return report_text(self)


@dataclass(frozen=True)
class CatchResult(CommandResult):
    """``--bug all``: which mode catches which textbook bug; exit 1 if a bug that can show is missed."""

    point: CheckedPoint
    catches: tuple[Catch, ...]
    l2: float = 0.0
    """Always 0: the table is of the unregularised cost (``--bug all`` refuses ``--l2``)."""

    @property
    def all_caught(self) -> bool:
        return all(c.caught is not False for c in self.catches)

    @property
    def exit_status(self) -> int:
        return EXIT_OK if self.all_caught else EXIT_CHECK_FAILED

    def as_json(self) -> dict[str, Any]:
        return {
            "network": self.point.as_json(),
            "l2": self.l2,
            "catches": [vars(c) for c in self.catches],
            "all_caught": self.all_caught,
        }

    def as_text(self) -> str:
        return catch_text(self)


def _run_json(run: Run) -> dict[str, Any]:
    wrong = run.first_wrong
    return {
        "network": run.described,
        "passed": run.passed,
        "problem": run.problem,
        "first_wrong": None if wrong is None else wrong.name,
        "groups": [{**vars(g), "agrees": g.agrees} for g in run.groups],
    }


@dataclass(frozen=True)
class OwnCodeResult(CommandResult):
    """``--impl``: the reader's code against the companion's, per convention checked; exit 1 when it
    is wrong, raised (``crash``) or ran out of time (``late``)."""

    path: str
    detected: bool
    """Whether the convention was detected (else given with --convention)."""
    reports: tuple[OwnReport, ...]
    crash: Crash | None
    late: str | None
    impl: str = ""
    """``--impl`` as given, ``PATH[:NAME]`` (``path`` is the file alone, for its traceback)."""
    hint: str | None = None
    """What would make the failing check pass, when the companion found it (e.g. the other labels)."""

    @property
    def passed(self) -> bool:
        return self.crash is None and self.late is None and all(r.passed for r in self.reports)

    @property
    def exit_status(self) -> int:
        return EXIT_OK if self.passed else EXIT_CHECK_FAILED

    @property
    def failure(self) -> str | None:
        if self.crash is not None:
            return f"your code raised {self.crash.summary}"
        return self.late

    def as_json(self) -> dict[str, Any]:
        return {
            "impl": self.impl or self.path,
            "hint": self.hint,
            "passed": self.passed,
            "crash": None if self.crash is None else vars(self.crash),
            "timeout": self.late,
            "checks": [
                {
                    "convention": r.convention,
                    "detected": self.detected,
                    "described": r.described,
                    "passed": r.passed,
                    "named": None
                    if r.suspect is None
                    else {
                        "bug": r.suspect.name,
                        "equation": r.suspect.equation,
                        "where": r.suspect.where,
                        "layers": list(r.suspect.layers),
                        "wrote": r.suspect.wrote,
                        "right": r.suspect.right,
                    },
                    "runs": [_run_json(run) for run in r.runs],
                }
                for r in self.reports
            ],
        }

    def as_text(self) -> str:
        return own_code_text(self)
