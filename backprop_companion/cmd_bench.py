"""``backprop-companion bench``: how fast backpropagation is, as ratios measured in one run."""

from __future__ import annotations

import argparse
import json
from typing import Any

from backprop_companion.arguments import seed

NAME = "bench"
HELP = (
    "measure backprop against forward passes and finite differences, the per-example loop, the "
    "tutorial's training and command start-up, each against its target"
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--quick", action="store_true", help="smaller sweeps (under a minute)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--plot", metavar="FILE", help="write the finite-difference cost figure (SVG)")
    parser.add_argument("--seed", type=seed, default=0, help="seed for the random networks (default 0)")


def run(args: argparse.Namespace) -> int:
    from backprop_companion.bench.environment import single_blas_thread

    single = single_blas_thread()  # before numpy is imported
    from backprop_companion.allocator import keep_freed_memory

    allocator = keep_freed_memory()
    from backprop_companion.bench.suite import run_suite
    from backprop_companion.progress import Progress

    progress = Progress(1, "bench", enabled=not args.json)
    report = run_suite(
        quick=args.quick, seed=args.seed, single_thread=single, progress=progress, plot=args.plot
    )
    progress.close()
    report["environment"]["allocator"] = allocator
    print(json.dumps(report, indent=2, ensure_ascii=False) if args.json else as_text(report))
    return 0


def as_text(report: dict[str, Any]) -> str:
    from backprop_companion.table import format_table

    env = report["environment"]
    rows = []
    for r in report["results"]:
        verdict = {True: "met", False: r["miss"], None: ""}[r["passed"]]
        bound = "" if r["target"] is None else ("≥ " if r["at_least"] else "≤ ") + f"{r['target']:g}"
        ideal = "" if r["ideal"] is None else f"{r['ideal']:.2f}"
        rows.append([r["case"], f"{r['value']:.3g} {r['unit']}", bound, ideal, verdict])
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
    return "\n".join(out)
