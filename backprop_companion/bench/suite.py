"""All benchmark cases in one run, in the order the report shows them."""

from __future__ import annotations

from typing import Any

import numpy as np

from backprop_companion.bench import cases
from backprop_companion.bench.environment import describe
from backprop_companion.bench.timing import Result
from backprop_companion.progress import Progress


def run_suite(
    quick: bool, seed: int, single_thread: bool, progress: Progress, plot: str | None
) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
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
        ("tutorial", lambda: [cases.tutorial_steps()]),
        ("start-up", lambda: cases.startup(repeats=3 if quick else 5)),
    ]
    progress.total = len(steps)
    results: list[Result] = []
    for done, (_, measure) in enumerate(steps, start=1):
        results += measure()
        progress.update(done)
    notes = []
    if not single_thread:
        notes.append("note: numpy was loaded before bench could ask for one BLAS thread; threads as loaded.")
    return {
        "quick": quick,
        "seed": seed,
        "blas_threads": "1 (requested)" if single_thread else "as loaded",
        "environment": describe(),
        "results": [r.as_dict() for r in results],
        "notes": notes,
    }
