"""All benchmark cases in one run, in the order the report shows them."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np

from backprop_companion.bench import cases, sweep, tiny
from backprop_companion.bench.environment import Environment, describe
from backprop_companion.bench.frameworks import framework_gradients, torch_ratios
from backprop_companion.bench.timing import Result
from backprop_companion.output.progress import Progress
from worked.gradcheck.directions import DIRECTIONS

SWEEP_NOTE = (
    "The million and one forward passes: networks [n, n, n] (sigmoid, quadratic cost) at {batch} "
    "example, P = 2n² + 2n. The exhaustive check counts its 2P forward passes and judging every "
    "parameter; naming each parameter for the report is timed apart. The directional check counts "
    "its {evaluations} cost evaluations and {k} dot products on the gradient already computed; "
    "drawing the {k} directions ({k}P normal numbers) is timed apart. Both are in units of one "
    "gradient (forward pass + BP1-BP4) or of one forward pass (with its cost) timed in this run."
)


def _sweep_table(timings: list[sweep.Timings]) -> str:
    from backprop_companion.output.tables import format_table

    rows = [
        [
            f"{t.parameters:,}",
            f"{t.forward * 1e6:.1f}",
            f"{t.gradient * 1e6:.1f}",
            f"{t.exhaustive / t.gradient:,.0f}",
            f"{t.naming / t.gradient:,.0f}",
            f"{t.directional / t.gradient:.2f}",
            f"{t.drawing / t.gradient:.2f}",
        ]
        for t in timings
    ]
    heads = ["P", "forward µs", "gradient µs", "exhaustive", "+ naming", "directional", "+ drawing"]
    return "In gradients:\n" + format_table(heads, rows)


@dataclass(frozen=True)
class BenchRun:
    """Every case measured in one run, the sweep's timings, and what the report says about them."""

    quick: bool
    seed: int
    single_thread: bool
    environment: Environment
    results: tuple[Result, ...]
    timings: tuple[sweep.Timings, ...]
    notes: tuple[str, ...]

    @property
    def blas_threads(self) -> str:
        return "1 (requested)" if self.single_thread else "as loaded"

    @cached_property
    def figure(self) -> str:
        """The cost of finite differences against P (SVG), drawn once for ``--plot`` and ``--record``."""
        return sweep.figure(self.timings)


def run_suite(
    quick: bool, seed: int, single_thread: bool, progress: Progress, sweep_4x4: bool = False
) -> BenchRun:
    """Run every case."""
    rng = np.random.default_rng(seed)
    timings: list[sweep.Timings] = []

    def million_and_one() -> list[Result]:
        timings.extend(sweep.sweep(quick, rng))
        return sweep.results(timings)

    steps: list[tuple[str, Any]] = [
        (
            "gradient/forward",
            lambda: [
                cases.gradient_vs_forward((784, 30, 10), 10, rng),
                cases.gradient_vs_forward((784, 30, 10), 100, rng),
                cases.gradient_vs_forward((512, 512, 512, 10), 64, rng),
            ],
        ),
        ("loop/batch", lambda: [cases.batch_vs_loop(rng)]),
        ("million and one", million_and_one),
        (
            "tutorial",
            lambda: [cases.tutorial_steps(), tiny.tutorial_vs_plain_loop(), tiny.general_code_step()],
        ),
        ("frameworks", lambda: [*torch_ratios(rng), *framework_gradients(rng)]),
        ("start-up", lambda: cases.startup(repeats=3 if quick else 5)),
        ("derive", lambda: [cases.derive_verify()]),
    ]
    if sweep_4x4:
        steps.append(("derive 4x4", lambda: [cases.derive_verify(4, 4)]))
    progress.total = len(steps)
    results: list[Result] = []
    for done, (_, measure) in enumerate(steps, start=1):
        results += measure()
        progress.update(done)
    explained = SWEEP_NOTE.format(batch=sweep.BATCH, k=DIRECTIONS, evaluations=2 * DIRECTIONS)
    notes = [textwrap.fill(explained, 100), _sweep_table(timings)]
    if not single_thread:
        notes.append("note: numpy was loaded before bench could ask for one BLAS thread; threads as loaded.")
    return BenchRun(quick, seed, single_thread, describe(), tuple(results), tuple(timings), tuple(notes))
