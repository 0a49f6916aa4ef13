"""``backprop-companion bench``: how fast backpropagation is, as ratios measured in one run."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from backprop_companion.errors import UsageError
from backprop_companion.result import CommandResult


def plot_target(value: str | None) -> Path | None:
    """The figure's path, refused before anything is measured if it cannot be written."""
    if value is None:
        return None
    target = Path(value)
    if value == "" or target.is_dir():
        raise UsageError(f"--plot {value!r} is not a file name (e.g. --plot fd-cost.svg)")
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"--plot {value}: there is no directory {str(folder)!r} to write it in")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"--plot {value}: the directory {str(folder)!r} is not writable")
    return target


def run(args: argparse.Namespace) -> BenchResult:
    target = plot_target(args.plot)
    record = None if args.record is None else Path(args.record)
    if record is not None and not (record / "figures").is_dir():
        raise UsageError(f"--record {args.record}: expected a docs folder with a figures/ folder in it")
    from backprop_companion.bench.environment import single_blas_thread

    single = single_blas_thread()  # before numpy is imported
    from backprop_companion.allocator import keep_freed_memory

    allocator = keep_freed_memory()
    from backprop_companion.bench.suite import run_suite
    from backprop_companion.output.progress import Progress
    from worked.core import validation

    seed = validation.seed(args.seed)
    progress = Progress(1, "bench", enabled=not args.json)
    try:
        report, figure = run_suite(
            quick=args.quick, seed=seed, single_thread=single, progress=progress, sweep_4x4=args.sweep_4x4
        )
    finally:
        progress.close()
    report["environment"]["allocator"] = allocator
    if target is not None:
        from backprop_companion.output.files import write_atomically

        try:
            write_atomically(target, figure)
        except OSError as error:
            raise UsageError(f"--plot {args.plot}: cannot write it ({error.strerror or error})") from None
        report["plot"] = str(target)
    if record is not None:
        _record(record, report, figure, args)
    return BenchResult(report)


@dataclass(frozen=True)
class BenchResult(CommandResult):
    """One benchmark run: every ratio with its target and verdict, and the machine it ran on."""

    json_allows_nan: ClassVar[bool] = False  # a ratio that could not be measured is null, never NaN

    report: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return self.report

    def as_text(self) -> str:
        return as_text(self.report)


def _record(folder: Path, report: dict[str, Any], figure: str, args: argparse.Namespace) -> None:
    from backprop_companion.bench import record
    from backprop_companion.output import recorded_header, write_atomically

    flags = " --quick" * args.quick + " --sweep-4x4" * args.sweep_4x4
    command = f"backprop-companion bench{flags} --record {args.record}"
    try:
        write_atomically(folder / record.FIGURE, recorded_header(record.FIGURE) + figure)
        write_atomically(
            folder / record.PAGE, recorded_header() + record.page(report, as_text(report), command)
        )
    except OSError as error:
        raise UsageError(f"--record {args.record}: cannot write it ({error.strerror or error})") from None
    report["recorded"] = [str(folder / record.PAGE), str(folder / record.FIGURE)]


def _verdict(r: dict[str, Any]) -> str:
    if r["skipped"]:
        return f"skipped: {r['skipped']}"
    return str({True: "met", False: r["miss"], None: ""}[r["passed"]])


def as_text(report: dict[str, Any]) -> str:
    from backprop_companion.output.tables import format_table

    env = report["environment"]
    rows = []
    for r in report["results"]:
        bound = "" if r["target"] is None else ("≥ " if r["at_least"] else "≤ ") + f"{r['target']:g}"
        ideal = "" if r["ideal"] is None else f"{r['ideal']:.2f}"
        measured = "—" if r["value"] is None else f"{r['value']:.3g} {r['unit']}".rstrip()
        rows.append([r["case"], measured, bound, ideal, _verdict(r)])
    out = [
        f"backprop-companion bench{' --quick' if report['quick'] else ''}: medians after warm-up; "
        "ratios are of timings taken in this run.",
        f"Python {env['python']}, numpy {env['numpy']}, {env['blas']} (kernel {env['openblas_kernel']}), "
        f"{env['cpus']} cpus; BLAS threads: {report['blas_threads']}; allocator: {env['allocator']}.",
        "",
        format_table(["case", "measured", "target", "ideal", "verdict"], rows),
    ]
    for note in report["notes"]:
        out += ["", note]
    if "plot" in report:
        out += ["", f"Figure written to {report['plot']}."]
    return "\n".join(out)
