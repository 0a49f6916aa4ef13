"""``backprop-companion bench``: how fast backpropagation is, as ratios measured in one run."""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from backprop_companion.errors import UsageError
from backprop_companion.plot_option import plot_target
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from backprop_companion.bench.suite import BenchRun
    from backprop_companion.bench.timing import Result


def run(args: argparse.Namespace) -> BenchResult:
    from backprop_companion.output.extras import missing

    target = plot_target(args.plot, "fd-cost.svg")
    record = None if args.record is None else Path(args.record)
    if record is not None and not (record / "figures").is_dir():
        raise UsageError(f"--record {args.record}: expected a docs folder with a figures/ folder in it")
    if record is not None and (needs := missing("--record", "matplotlib")):
        raise UsageError(needs)
    from backprop_companion.bench.environment import single_blas_thread

    single = single_blas_thread()  # before numpy is imported
    from backprop_companion.bench.suite import run_suite
    from backprop_companion.output.progress import Progress
    from worked.core import validation

    seed = validation.seed(args.seed)
    progress = Progress(1, "bench", enabled=not args.quiet)
    try:
        measured = run_suite(
            quick=args.quick, seed=seed, single_thread=single, progress=progress, sweep_4x4=args.sweep_4x4
        )
    finally:
        progress.close()
    result = BenchResult(measured)
    if target is not None:
        _write(target, measured.figure, f"--plot {args.plot}")
        result = replace(result, plot=str(target))
    if record is not None:
        result = _record(record, result, args)
    return result


@dataclass(frozen=True)
class BenchResult(CommandResult):
    """One benchmark run: every ratio with its target and verdict, the machine it ran on, and the files
    it wrote (the figure, the recorded page)."""

    json_allows_nan: ClassVar[bool] = False  # a ratio that could not be measured is null, never NaN

    run: BenchRun
    plot: str | None = None
    recorded: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        from backprop_companion.bench import sweep

        facts: dict[str, Any] = {
            "quick": self.run.quick,
            "seed": self.run.seed,
            "blas_threads": self.run.blas_threads,
            "environment": self.run.environment.as_json(),
            "results": [r.as_dict() for r in self.run.results],
            "million_and_one": sweep.as_json(self.run.timings),
            "notes": list(self.run.notes),
        }
        if self.plot is not None:
            facts["plot"] = self.plot
        if self.recorded:
            facts["recorded"] = list(self.recorded)
        return facts

    def as_text(self) -> str:
        from backprop_companion.output.tables import format_table

        run, env = self.run, self.run.environment
        rows = [[r.case, _measured(r), _bound(r), _number(r.ideal, ".2f"), _verdict(r)] for r in run.results]
        out = [
            f"backprop-companion bench{' --quick' if run.quick else ''}: medians after warm-up; "
            "ratios are of timings taken in this run.",
            f"Python {env.python}, numpy {env.numpy}, {env.blas} (kernel {env.openblas_kernel}), "
            f"{env.cpus} cpus; BLAS threads: {run.blas_threads}.",
            "",
            format_table(["case", "measured", "target", "ideal", "verdict"], rows),
        ]
        for note in run.notes:
            out += ["", note]
        if self.plot is not None:
            out += ["", f"Figure written to {self.plot}."]
        return "\n".join(out)


def _write(target: Path, text: str, option: str) -> None:
    from backprop_companion.output.files import write_atomically

    try:
        write_atomically(target, text)
    except OSError as error:
        raise UsageError(f"{option}: cannot write it ({error.strerror or error})") from None


def _record(folder: Path, result: BenchResult, args: argparse.Namespace) -> BenchResult:
    from backprop_companion.bench import record
    from backprop_companion.output import recorded_header

    flags = " --quick" * args.quick + " --sweep-4x4" * args.sweep_4x4
    command = f"backprop-companion bench{flags} --record {args.record}"
    page = record.page(result.run, result.as_text(), command)
    _write(
        folder / record.FIGURE,
        recorded_header(record.FIGURE) + result.run.figure,
        f"--record {args.record}",
    )
    _write(folder / record.PAGE, recorded_header() + page, f"--record {args.record}")
    return replace(result, recorded=(str(folder / record.PAGE), str(folder / record.FIGURE)))


def _number(x: float | None, style: str) -> str:
    """``x`` formatted, or '' when there is none (or it is not finite: JSON says null there too)."""
    return "" if x is None or not math.isfinite(x) else format(x, style)


def _measured(r: Result) -> str:
    return "—" if r.value is None or not math.isfinite(r.value) else f"{r.value:.3g} {r.unit}".rstrip()


def _bound(r: Result) -> str:
    target = _number(r.target, "g")
    return target and ("≥ " if r.at_least else "≤ ") + target


def _verdict(r: Result) -> str:
    if r.skipped:
        return f"skipped: {r.skipped}"
    return str({True: "met", False: r.miss, None: ""}[r.passed])
