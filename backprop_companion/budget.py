"""Budgets: the memory and time a command will take, estimated from its arguments before any work.

``cli`` calls :func:`enforce` before it imports the command's module. Above :data:`DEFAULT_MAX_MEMORY`
(or ``--max-memory``) the command is refused (exit 2) with the estimate and the flag that raises the
limit; above :data:`CEILING_S` it is refused unless ``--force``; above :data:`ANNOUNCE_AFTER_S`
:func:`announce` says on stderr how long it will take (also under ``--json``; ``--quiet`` hides it), and the
command's own progress line counts the time left down on a terminal.

The estimates are upper bounds, not predictions: each constant below says what it was fitted to,
and ``tests/shell/test_budget.py`` checks that the estimate bounds the peak memory measured
(``tracemalloc``) for each command. Arguments that do not parse are left to the command to refuse.
"""

from __future__ import annotations

import argparse
import itertools
import sys
import threading
from dataclasses import dataclass

from backprop_companion.errors import UsageError

DEFAULT_MAX_MEMORY = 2 * 2**30
"""2 GiB: a tenth of a small laptop's memory, and 20 times the largest default run (about 80 MB)."""
ANNOUNCE_AFTER_S = 10.0
"""Past this, a reader wonders whether the command hangs: it says how long it will take."""
CEILING_S = 3600.0
"""An hour: longer than anyone waits for a companion's check without having asked for it (``--force``)."""

BASE_BYTES = 100 * 2**20
"""The interpreter, numpy and the companion's modules: about 40-80 MB resident, rounded up."""
WORKING_BYTES = 4 * 2**20
"""What any run allocates beyond its arrays (the result, its JSON and text): 0.2-1 MB measured."""
FLOAT = 8
"""Bytes of a float64."""
PER_PARAMETER = 100
"""Floats held per parameter by a gradient check: fitted to tracemalloc's peak (74 per parameter for
an exhaustive check of 100,100,10 at batch 1; 38 for the equations mode of 3000,3000,2000), rounded up."""
PER_ACTIVATION = 80
"""Floats per activation (batch × neurons): up to 70 measured (the equations mode), rounded up."""
PER_DIRECTION = 8
"""Floats per activation and per direction (the directional mode, --bug all): 4.9 measured."""
BUGS_FACTOR = 2
"""--bug all runs the directions once per bug in the catalogue, with two alive at once (6.5 GB against
3.3 GB for the directional mode at 3,3,3, batch 10,000, 1,000 directions)."""
FLOPS_PER_S = 2e8
"""A cautious rate for numpy's small matrix products on a shared machine (a tenth of one core's peak)."""
PASS_OVERHEAD_S = 5e-5
TAYLOR_PASSES_PER_GROUP = 30
"""The Taylor test's forward passes per parameter group: 15 steps, each taken at +h and -h
(worked.gradcheck.taylor; a test holds the two to agree)."""
"""Python's cost of one forward pass, whatever the size (measured 20-40 µs on the tutorial's network)."""
STEP_S = 5e-5
"""One training step of a worked example through the general code: 24 µs idle and 48 µs on a loaded 2-core
machine (measured); twice the idle figure, so that 10,000,000 steps (the most train takes) estimate about
8 minutes. The float path that train takes where it can (worked.core.tiny: the tutorial's network in
either update order) measured 1.6-2.5 µs a step, so the estimate bounds both, the slower generously."""
DERIVE_BASE_S = 10.0
"""derive --verify up to widths and depth 3: 3.4-5 s wall measured on two shared cores, about 10 s
under heavy load."""
DERIVE_GROWTH = 5.0
"""Each step of --max-width or --max-depth beyond 3 multiplies the time by this: two steps, 3 x 3 to
4 x 4, took 12-15 times as long (52-57 s on two cores, cmd_derive.MAX_WIDTH's note), about 4 a step."""
DERIVE_MEMORY_GROWTH = 2.0
"""The sweep's memory per step beyond 3: 75 MB resident at 3 x 3, 83 MB at 4 x 3 (x 1.1), doubled."""
BENCH_S = {False: 600.0, True: 300.0}
"""bench (full, --quick): the quick run took 204 s on a shared machine; the full one about twice."""
SWEEP_4X4_S = DERIVE_BASE_S * DERIVE_GROWTH**2
"""bench --sweep-4x4 times derive --verify at 4 x 4 (about a minute)."""


@dataclass(frozen=True)
class Estimate:
    """What a command will take, at most: its peak memory in bytes and its time in seconds."""

    memory: float
    seconds: float


def _widths(sizes: str | None) -> list[int] | None:
    try:
        widths = [2, 2, 2] if sizes is None else [int(w) for w in sizes.split(",")]
    except ValueError:
        return None
    return widths if len(widths) >= 2 and all(w > 0 for w in widths) else None


def gradcheck(args: argparse.Namespace) -> Estimate | None:
    """A gradient check: the parameters P, the activations (batch × neurons), the directions."""
    widths = _widths(args.sizes)
    if widths is None:
        return None
    batch = 1 if args.sizes is None else (4 if args.batch is None else max(args.batch, 1))
    directions = 3 if args.directions is None else max(args.directions, 1)
    weights = sum(a * b for a, b in itertools.pairwise(widths))
    parameters = weights + sum(widths[1:])
    activations = batch * sum(widths)
    floats = PER_PARAMETER * parameters + PER_ACTIVATION * activations
    directional = args.mode == "directional" or args.bug == "all"
    spread = BUGS_FACTOR if args.bug == "all" else 1
    if directional:
        floats += spread * PER_DIRECTION * directions * (activations + parameters)
    taylor = TAYLOR_PASSES_PER_GROUP * 2 * (len(widths) - 1)  # every mode adds the Taylor test
    passes = taylor + {"exhaustive": 2 * parameters, "directional": 2 * directions, "taylor": 0}.get(
        args.mode or "exhaustive", 2 * (parameters + sum(widths))
    )
    if args.bug == "all":
        passes = 20 * (2 * parameters + 2 * directions)  # about ten bugs, each checked by every mode
    seconds = passes * (2 * batch * weights / FLOPS_PER_S + PASS_OVERHEAD_S)
    return Estimate(BASE_BYTES + WORKING_BYTES + FLOAT * floats, seconds)


def train(args: argparse.Namespace) -> Estimate | None:
    """The tutorial's training: E_total kept for every step."""
    from worked.core.validation import MAX_STEPS

    if not 0 <= args.steps <= MAX_STEPS:
        return None  # train's own check refuses it, naming the range
    return Estimate(BASE_BYTES + WORKING_BYTES + 4 * FLOAT * args.steps, args.steps * STEP_S)


def derive(args: argparse.Namespace) -> Estimate | None:
    """derive: the exhaustive sweep grows with each step of width or depth beyond 3."""
    if not args.verify:
        return None
    beyond = max(0, (args.max_width or 3) - 3) + max(0, (args.max_depth or 3) - 3)
    return Estimate(BASE_BYTES * DERIVE_MEMORY_GROWTH**beyond, DERIVE_BASE_S * DERIVE_GROWTH**beyond)


def bench(args: argparse.Namespace) -> Estimate | None:
    """bench: fixed workloads, so a fixed time."""
    return Estimate(BASE_BYTES, BENCH_S[args.quick] + SWEEP_4X4_S * args.sweep_4x4)


ESTIMATES = {"gradcheck": gradcheck, "train": train, "derive": derive, "bench": bench}
"""The commands with a budget (the others take a fixed, small time and memory)."""
SMALLER = {
    "gradcheck": "use smaller --sizes, --batch or --directions",
    "train": "use fewer --steps",
    "derive": "use a smaller --max-width or --max-depth",
    "bench": "leave out --sweep-4x4",
}
"""What makes each command's work smaller, for the refusal's hint."""


def _human(seconds: float) -> str:
    for unit, length in (("days", 86400), ("h", 3600), ("min", 60)):
        if seconds >= length:
            return f"{seconds / length:.3g} {unit}"
    return f"{seconds:.0f} s"


def enforce(args: argparse.Namespace) -> Estimate | None:
    """Refuse the command (:class:`UsageError`) if its estimate is over budget; return the estimate."""
    estimate_of = ESTIMATES.get(args.command)
    estimate = None if estimate_of is None else estimate_of(args)
    if estimate is None:
        return None
    limit = args.max_memory or DEFAULT_MAX_MEMORY
    if estimate.memory > limit:
        raise UsageError(
            f"{args.command} would need about {estimate.memory / 2**30:.3g} GiB of memory, over the limit of "
            f"{limit / 2**30:.3g} GiB; {SMALLER[args.command]}, or raise the limit with --max-memory"
        )
    if estimate.seconds > CEILING_S and not args.force:
        raise UsageError(
            f"{args.command} would take about {_human(estimate.seconds)}, over the ceiling of "
            f"{_human(CEILING_S)}; {SMALLER[args.command]}, or run it anyway with --force"
        )
    return estimate


ANNOUNCE_DELAY_S = 1.0
"""The announcement waits this long, so that a command that refuses its arguments (in milliseconds)
says only its one line."""


def announce(args: argparse.Namespace, estimate: Estimate | None) -> threading.Timer | None:
    """If the command will take over :data:`ANNOUNCE_AFTER_S`, say so on stderr once it has worked
    for :data:`ANNOUNCE_DELAY_S`; the caller cancels the returned timer when the command ends."""
    if estimate is None or estimate.seconds <= ANNOUNCE_AFTER_S or args.quiet:
        return None
    line = (
        f"backprop-companion: estimate: {args.command} will take up to {_human(estimate.seconds)} "
        "(--quiet hides this)\n"
    )
    timer = threading.Timer(ANNOUNCE_DELAY_S, sys.stderr.write, args=(line,))
    timer.daemon = True
    timer.start()
    return timer
