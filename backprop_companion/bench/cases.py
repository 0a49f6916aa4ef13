"""The benchmark cases: each measures one claim of Nielsen's "in what sense is backprop fast?"."""

from __future__ import annotations

import itertools
import json
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence

import numpy as np

from backprop_companion.bench.timing import Result, median_seconds, paired_ratio
from worked import mazur, tutorial
from worked.core.network import Network
from worked.core.training import train

GRADIENT_TARGETS = {((784, 30, 10), 100): 2.3, ((512, 512, 512, 10), 64): 3.0}
"""gradient/forward ceilings from the issue; other shapes are shown against their ideal only."""


def multiply_adds(sizes: Sequence[int]) -> list[int]:
    """Multiply-adds per example of each layer's matrix product: n_l · n_{l-1}."""
    return [n * k for k, n in itertools.pairwise(sizes)]


def ideal_gradient_ratio(sizes: Sequence[int]) -> float:
    r"""Multiply-adds of forward + backward over forward alone, counting matrix products only.

    Forward costs :math:`F = \sum_l c_l`; BP4 costs another :math:`c_l` per layer and BP2 one per layer
    but the first (no delta is sent to the input), so gradient/forward :math:`= (3F - c_1)/F`: about
    2 with one dominant first layer, 2.5 for two equal hidden layers.
    """
    c = multiply_adds(sizes)
    return (3 * sum(c) - c[0]) / sum(c)


def _data(
    sizes: Sequence[int], batch: int, rng: np.random.Generator
) -> tuple[Network, np.ndarray, np.ndarray]:
    net = Network.random(list(sizes), rng)
    return net, rng.standard_normal((batch, sizes[0])), rng.uniform(0, 1, (batch, sizes[-1]))


def gradient_vs_forward(sizes: Sequence[int], batch: int, rng: np.random.Generator) -> Result:
    net, x, y = _data(sizes, batch, rng)
    ratio, gradient, forward = paired_ratio(lambda: net.backprop(x, y), lambda: net.feedforward(x))
    return Result(
        f"gradient / forward, {list(sizes)} batch {batch}",
        ratio,
        "×",
        GRADIENT_TARGETS.get((tuple(sizes), batch)),
        ideal=ideal_gradient_ratio(sizes),
        detail=f"forward {forward * 1e6:.0f} µs, gradient {gradient * 1e6:.0f} µs",
    )


def per_example_loop(net: Network, x: np.ndarray, y: np.ndarray) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Nielsen's ``update_mini_batch`` and Ng's loop, plainly: one backprop per example, then the mean."""
    nabla_w = [np.zeros_like(w) for w in net.weights]
    nabla_b = [np.zeros_like(b) for b in net.biases]
    for xi, yi in zip(x, y, strict=True):
        result = net.backprop(xi, yi)
        nabla_w = [nw + d for nw, d in zip(nabla_w, result.nabla_w, strict=True)]
        nabla_b = [nb + d for nb, d in zip(nabla_b, result.nabla_b, strict=True)]
    return [nw / len(x) for nw in nabla_w], [nb / len(x) for nb in nabla_b]


def batch_vs_loop(rng: np.random.Generator, sizes: Sequence[int] = (784, 30, 10), batch: int = 10) -> Result:
    net, x, y = _data(sizes, batch, rng)
    loop = median_seconds(lambda: per_example_loop(net, x, y))
    vectorised = median_seconds(lambda: net.backprop(x, y))
    return Result(
        f"per-example loop / vectorised batch, {list(sizes)} mini-batch {batch}",
        loop / vectorised,
        "×",
        10.0,
        at_least=True,
        detail=f"loop {loop * 1e6:.0f} µs, batch {vectorised * 1e6:.0f} µs",
    )


def tutorial_steps() -> Result:
    net, x, y = tutorial.network(), tutorial.x(), tutorial.y()
    seconds = median_seconds(
        lambda: train(net, x, y, mazur.ETA, mazur.STEPS, train_biases=False), repeats=3, min_time=0
    )
    return Result(
        "the tutorial's 10,000 steps through train",
        seconds * 1e3,
        "ms",
        200.0,
        detail=f"{seconds / mazur.STEPS * 1e6:.1f} µs a step",
    )


def _command() -> list[str]:
    script = shutil.which("backprop-companion")
    return [script] if script else [sys.executable, "-m", "backprop_companion"]


def _wall(argv: list[str], repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=True)
        samples.append(time.perf_counter() - start)
    return sorted(samples)[len(samples) // 2]


def startup(repeats: int = 5) -> list[Result]:
    """Whole commands as a user runs them, interpreter start included, against a bare numpy import."""
    numpy_import = _wall([sys.executable, "-c", "import numpy"], repeats)
    baseline = f"`python -c 'import numpy'` takes {numpy_import * 1e3:.0f} ms here"
    return [
        Result(
            "backprop-companion --help",
            _wall([*_command(), "--help"], repeats) * 1e3,
            "ms",
            60.0,
            detail=baseline,
        ),
        Result("backprop-companion (the walkthrough)", _wall(_command(), repeats), "s", 0.6, detail=baseline),
    ]


DERIVE_VERIFY = ["derive", "--verify", "--json"]
"""The symbolic sweep (widths ≤ 3, depth ≤ 3, generic σ and C), run as a user runs it."""

DERIVE_TARGET_S = 5.0
"""The issue's ceiling for the default sweep (widths and depth ≤ 3), on every core of an idle machine."""
DERIVE_TIMEOUT_S = 300.0
"""Sixty times the target: beyond this the sweep is stopped and reported as failed."""


def _error_line(done: subprocess.CompletedProcess[str]) -> str:
    """What a command said about its failure: ``{"error": ...}`` under ``--json``, else its last line
    on stderr."""
    try:
        said = json.loads(done.stdout)
    except ValueError:
        said = None
    if isinstance(said, dict) and "error" in said:
        return str(said["error"])
    return (done.stderr.strip().splitlines() or ["(nothing on stderr)"])[-1]


DERIVE_4X4_TIMEOUT_S = 3600.0
"""The 4 x 4 sweep took minutes when measured; an hour means something is wrong."""
DERIVE_4X4_TARGET_S = 60.0
"""The issue's ceiling for the 4 x 4 sweep (56,340 statements), on two cores."""


def derive_verify(width: int | None = None, depth: int | None = None) -> Result:
    """``derive --verify`` as a subprocess: the default sweep (widths and depth ≤ 3) judged against
    5 s, the 4 x 4 one against 60 s, any other size only timed. Skipped if this build lacks the
    command."""
    sized = width is not None and depth is not None
    extra = ["--max-width", str(width), "--max-depth", str(depth)] if sized else []
    case = "backprop-companion derive --verify" + (
        f" --max-width {width} --max-depth {depth}" if sized else ""
    )
    case += " (sympy sweep)"
    four = DERIVE_4X4_TARGET_S if (width, depth) == (4, 4) else None
    target, timeout = (four, DERIVE_4X4_TIMEOUT_S) if sized else (DERIVE_TARGET_S, DERIVE_TIMEOUT_S)
    argv = [sys.executable, "-m", "backprop_companion", *DERIVE_VERIFY, *extra]
    start = time.perf_counter()
    try:
        done = subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return Result(case, None, "s", target, failed=f"did not finish in {timeout:.0f} s")
    wall = time.perf_counter() - start
    said = _error_line(done)
    if done.returncode == 2:  # argparse: no such command or option in this build
        return Result(case, None, "s", target, skipped=f"not in this build (exit 2: {said})")
    detail = "one run, interpreter start and sympy import included"
    if done.returncode != 0:
        return Result(case, wall, "s", target, detail=detail, failed=f"exit {done.returncode}: {said}")
    try:
        proven = json.loads(done.stdout)["sweep"]["total"]["proven"]
    except (ValueError, KeyError, TypeError):
        return Result(case, wall, "s", target, detail=detail, failed="its --json output is not the report")
    return Result(case, wall, "s", target, detail=f"{detail}; {proven:,} statements proven")
