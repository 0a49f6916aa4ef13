"""``derive --verify``: the sweep, the negative controls, the lemmas, the tutorial and Ng, as one result.

This is where the symbolic side meets the numeric one: the tutorial's exact values from
:mod:`symbolic.tutorial` are compared here with :mod:`worked`'s, digit for digit at the printed
places, and a printed number that neither reproduces must be one that ``walkthrough`` explains as
an erratum. The docs' derivation page renders the same :class:`Verification`.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK
from backprop_companion.output.progress import Progress
from backprop_companion.result import CommandResult
from backprop_companion.verification_json import verification_json
from backprop_companion.verification_text import verification_text

if TYPE_CHECKING:
    from symbolic.controls import ControlResult
    from symbolic.generic import GenericProof
    from symbolic.lemmas import Lemma
    from symbolic.ng import Accumulation
    from symbolic.sweep import SweepReport
    from symbolic.tutorial import ChainRule, Value
    from worked.tutorial.verdicts import Entry

DEFAULT_WIDTH = 3
DEFAULT_DEPTH = 3


@dataclass(frozen=True)
class TutorialRow:
    """One of the tutorial's quantities, exactly; beside worked's value when the post prints it."""

    value: Value
    entry: Entry | None
    """worked's walkthrough entry, when the post prints this quantity at known decimals."""

    @property
    def worked_rounded(self) -> str:
        from worked.mazur.printed import rounded

        assert self.entry is not None and self.value.decimals is not None
        return rounded(self.entry.computed, self.value.decimals)

    @property
    def agrees_with_worked(self) -> bool:
        return self.worked_rounded == self.value.rounded

    @property
    def erratum(self) -> str | None:
        return None if self.entry is None or self.entry.erratum is None else self.entry.erratum.name


@dataclass(frozen=True)
class Verification(CommandResult):
    """Every check of ``derive --verify``; exit 1 if any failed. ``timed`` keeps the seconds."""

    generic: tuple[GenericProof, ...]
    sweep: SweepReport
    premises: tuple[str, ...]
    controls: tuple[ControlResult, ...]
    controls_shape: tuple[int, ...]
    lemmas: tuple[Lemma, ...]
    chain_rules: tuple[ChainRule, ...]
    tutorial: tuple[TutorialRow, ...]
    ng: Accumulation
    ng_without_mean: Accumulation
    regularised: tuple[GenericProof, ...]
    """BP3λ and BP4λ at symbolic widths; the sweep's regularised tallies are in ``sweep.regularised``."""
    regularised_controls: tuple[ControlResult, ...]
    ng_regularised: Accumulation
    ng_decayed_biases: Accumulation
    """The control that regularises Ng's bias column too: it must fail at every bias, with a witness."""
    seconds: float
    timed: bool = True

    @property
    def printed(self) -> list[TutorialRow]:
        """The rows the post prints, compared with worked's."""
        return [row for row in self.tutorial if row.entry is not None]

    @property
    def passed(self) -> bool:
        return (
            all(p.proven for p in self.generic)
            and self.sweep.failed == 0
            and all(c.passed for c in self.controls)
            and all(x.proven for x in self.lemmas)
            and all(c.proven for c in self.chain_rules)
            and all(r.agrees_with_worked and (r.value.matches or r.erratum) for r in self.printed)
            and self.ng.failed == 0
            and self.ng_without_mean.proven == 0
            and all(p.proven for p in self.regularised)
            and self.sweep.regularised_failed == 0
            and all(c.passed for c in self.regularised_controls)
            and self.ng_regularised.passed
            and self.bias_column_control_refuted
        )

    @property
    def bias_column_control_refuted(self) -> bool:
        """Regularising Ng's bias column fails at every bias, and a witness shows it."""
        control = self.ng_decayed_biases
        return control.biases_proven == 0 and control.witness is not None

    @property
    def exit_status(self) -> int:
        return EXIT_OK if self.passed else EXIT_CHECK_FAILED

    def as_json(self) -> dict[str, Any]:
        return verification_json(self)

    def as_text(self) -> str:
        return verification_text(self)


def verify(args: argparse.Namespace) -> Verification:
    width = args.max_width or DEFAULT_WIDTH
    depth = args.max_depth or DEFAULT_DEPTH
    progress = Progress(1, "sweep: shapes checked", enabled=not args.json)
    try:
        activation, cost = args.activation or "generic", args.cost or "generic"
        return collect(width, depth, activation, cost, progress, timed=not args.no_timings)
    finally:
        progress.close()


def collect(
    width: int = DEFAULT_WIDTH,
    depth: int = DEFAULT_DEPTH,
    activation_name: str = "generic",
    cost_name: str = "generic",
    progress: Progress | None = None,
    timed: bool = True,
    workers: int | None = None,
) -> Verification:
    """Run every check (the docs render the same result).

    The sweep runs in ``workers`` processes (by default one per core) while this process does the
    other checks; its report does not depend on the number of workers, only its seconds do.
    """
    from symbolic.controls import SHAPE, run_controls, run_regularised_controls
    from symbolic.functions import get_activation, get_cost
    from symbolic.generic import proofs
    from symbolic.generic_regularised import regularised_proofs
    from symbolic.lemmas import lemmas
    from symbolic.ng import accumulate
    from symbolic.parallel import ParallelSweep

    activation, cost = get_activation(activation_name), get_cost(cost_name)
    start = time.perf_counter()
    running = ParallelSweep(
        width,
        depth,
        activation,
        cost,
        workers,
        progress=None if progress is None else progress.update,
        beside=(_tutorial_rows, _chain_rules),  # the two longest of the other checks, in the pool too
    )
    if progress is not None:
        progress.total = len(running.shapes)
    with running:
        generic, controls, lemma_results = tuple(proofs()), tuple(run_controls()), tuple(lemmas())
        ng, ng_without_mean = accumulate(), accumulate(mean=False)
        regularised, regularised_controls = tuple(regularised_proofs()), tuple(run_regularised_controls())
        ng_regularised = accumulate(regularised=True)
        ng_decayed_biases = accumulate(regularised=True, decay_biases=True)
        rows, rules = running.beside()
        report = running.report()
    premises = tuple(p for p in (activation.premise, cost.premise) if p)
    seconds = time.perf_counter() - start
    return Verification(
        generic=generic,
        sweep=report,
        premises=premises,
        controls=controls,
        controls_shape=tuple(SHAPE),
        lemmas=lemma_results,
        chain_rules=rules,
        tutorial=rows,
        ng=ng,
        ng_without_mean=ng_without_mean,
        regularised=regularised,
        regularised_controls=regularised_controls,
        ng_regularised=ng_regularised,
        ng_decayed_biases=ng_decayed_biases,
        seconds=seconds,
        timed=timed,
    )


def _chain_rules() -> tuple[ChainRule, ...]:
    from symbolic.tutorial import chain_rules, sigmoid_rule

    return (*chain_rules(), sigmoid_rule())


def _tutorial_rows() -> tuple[TutorialRow, ...]:
    from symbolic.tutorial import Tutorial, values
    from worked.tutorial.verdicts import walkthrough

    numeric = {e.key: e for e in walkthrough().entries}
    rows = []
    for v in values(Tutorial()):
        entry = numeric.get(v.key)
        compared = v.printed is not None and entry is not None and v.decimals is not None
        rows.append(TutorialRow(v, entry if compared else None))
    return tuple(rows)
