"""``backprop-companion gradcheck``: backprop's gradient against central differences, and the verdict."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from backprop_companion.arguments import seed
from backprop_companion.errors import UsageError
from backprop_companion.gradcheck_text import as_text, catch_text

if TYPE_CHECKING:
    import numpy as np

    from worked.core.network import Network
    from worked.gradcheck.report import Comparison, Report

NAME = "gradcheck"
HELP = (
    "check backprop's gradient against central differences (exhaustive, directional, per-equation "
    "or Taylor); with no options, the tutorial's network"
)

MODES = ("exhaustive", "directional", "equations", "taylor")
"""As ``worked.MODES`` (a test keeps them equal); written out so that ``--help`` needs no numpy."""

ACTIVATIONS = ("sigmoid", "tanh", "relu", "softplus", "identity")
"""As ``worked.ACTIVATIONS``, for the help text (a test keeps them equal)."""

LIST_ALL_UP_TO = 60
"""Up to this many comparisons, all are listed (3,5,2 has 32 parameters); beyond, the worst ones."""

WORST = 10
"""How many comparisons are listed, worst first, when there are too many to list all."""

MAX_BATCH = 10_000
MAX_DIRECTIONS = 1_000
DEFAULT_DIRECTIONS = 3
"""As in worked.directions.DIRECTIONS (a test keeps them equal; --help must not import numpy)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--sizes", help="a random network with these layer sizes, input first (e.g. 3,5,2)")
    parser.add_argument(
        "--activation",
        help="one activation, or one per layer of weights, comma-separated (default sigmoid): "
        + ", ".join(ACTIVATIONS),
    )
    parser.add_argument("--cost", choices=("quadratic", "cross-entropy"), help="default quadratic")
    parser.add_argument(
        "--batch",
        type=int,
        help="examples in a random network's batch (default 4; the tutorial has its one example)",
    )
    parser.add_argument(
        "--seed", type=seed, default=0, help="seed for the network, batch and directions (default 0)"
    )
    parser.add_argument("--mode", choices=MODES, help="default exhaustive")
    parser.add_argument(
        "--directions", type=int, help="random directions in the directional mode and --bug all (default 3)"
    )
    parser.add_argument(
        "--bug",
        help="check a copy of the backward pass with a textbook bug put in (see 'all'), or 'all' for the "
        "table of which mode catches which bug",
    )
    parser.add_argument(
        "--float32", action="store_true", help="check in float32 (refused without --allow-float32)"
    )
    parser.add_argument(
        "--allow-float32", action="store_true", help="accept float32, with float32 tolerances"
    )
    parser.add_argument(
        "--all", action="store_true", help=f"list every comparison (default: all up to {LIST_ALL_UP_TO})"
    )
    parser.add_argument("--json", action="store_true", help="print the same facts as JSON")


def _usage(args: argparse.Namespace) -> list[int] | None:
    """Check what needs no numpy; return the sizes, or ``None`` for the tutorial's network."""
    if args.sizes is None:
        given = [f"--{n}" for n in ("activation", "cost", "batch") if getattr(args, n) is not None]
        if given:
            raise UsageError(
                f"{', '.join(given)}: these describe a random network, so give --sizes too "
                "(the tutorial's network is fixed: sigmoid, quadratic cost, one example)"
            )
        sizes = None
    else:
        try:
            sizes = [int(n) for n in args.sizes.split(",")]
        except ValueError:
            raise UsageError(
                f"--sizes must be whole numbers separated by commas, got {args.sizes!r}"
            ) from None
        if len(sizes) < 2 or min(sizes) < 1:
            raise UsageError(f"--sizes needs at least two sizes, each at least 1, got {args.sizes!r}")
    if args.batch is not None and not 1 <= args.batch <= MAX_BATCH:
        raise UsageError(f"--batch must be between 1 and {MAX_BATCH:,}, got {args.batch}")
    if args.directions is None:
        args.directions = DEFAULT_DIRECTIONS
    elif args.mode != "directional" and args.bug != "all":
        raise UsageError("--directions only applies with --mode directional (or --bug all)")
    if not 1 <= args.directions <= MAX_DIRECTIONS:
        raise UsageError(f"--directions must be between 1 and {MAX_DIRECTIONS:,}, got {args.directions}")
    if args.bug == "all" and args.mode is not None:
        raise UsageError("--bug all runs every mode; leave out --mode")
    activations = (args.activation or "sigmoid").split(",")
    if args.cost == "cross-entropy" and activations[-1] != "sigmoid":
        raise UsageError(
            f"cross-entropy needs a sigmoid output layer (outputs in (0, 1)), got {activations[-1]!r}"
        )
    return sizes


def _point(args: argparse.Namespace, sizes: list[int] | None) -> tuple[Network, Any, Any, dict[str, Any]]:
    import numpy as np

    from worked import tutorial
    from worked.core.network import Network

    if sizes is None:
        network, x, y = tutorial.network(), tutorial.x(), tutorial.y()
        source: dict[str, Any] = {"source": "tutorial", "name": "Mazur's 2-2-2 network at his one example"}
        rng = np.random.default_rng(args.seed)
    else:
        rng = np.random.default_rng(args.seed)
        activations = (args.activation or "sigmoid").split(",")
        network = Network.random(
            sizes, rng, activations if len(activations) > 1 else activations[0], args.cost or "quadratic"
        )
        batch = 4 if args.batch is None else args.batch
        # Inputs of order one; targets in [0, 1], where both costs are defined for sigmoid outputs.
        x, y = rng.uniform(-1, 1, (batch, sizes[0])), rng.uniform(0, 1, (batch, sizes[-1]))
        source = {"source": "random", "name": f"a random network (seed {args.seed}, weights N(0, 1/n))"}
    if args.float32:
        network = network.replace(
            [w.astype(np.float32) for w in network.weights], [b.astype(np.float32) for b in network.biases]
        )
        x, y = x.astype(np.float32), y.astype(np.float32)
    source.update(
        sizes=network.sizes,
        activations=[s.name for s in network.sigmas],
        cost=network.cost_function.name,
        batch=int(np.atleast_2d(x).shape[0]),
        parameters=int(sum(w.size + b.size for w, b in zip(network.weights, network.biases, strict=True))),
        seed=args.seed,
    )
    return network, x, y, {**source, "rng": rng}


def run(args: argparse.Namespace) -> int:
    sizes = _usage(args)
    from backprop_companion.allocator import keep_freed_memory
    from backprop_companion.progress import Progress

    keep_freed_memory()  # large networks: reuse freed memory rather than page-fault it back
    from worked.gradcheck import gradcheck
    from worked.gradcheck.bugs import catch_table, get_bug

    network, x, y, about = _point(args, sizes)
    rng: np.random.Generator = about.pop("rng")
    if args.bug == "all":
        table = catch_table(network, x, y, directions=args.directions, seed=args.seed)
        result: dict[str, Any] = {"network": about, "catches": [vars(c) for c in table]}
        result["all_caught"] = all(c.caught is not False for c in table)
        print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else catch_text(result, MODES))
        return 0 if result["all_caught"] else 1
    bug = None if args.bug is None else get_bug(args.bug)
    if bug is not None and not bug.runs_on(network):
        raise UsageError(
            f"the bug {bug.name!r} needs square weight matrices (try --sizes 3,3,3); got {network.sizes}"
        )
    mode = args.mode or "exhaustive"
    progress = Progress(
        about["parameters"], "central differences", enabled=not args.json and mode == "exhaustive"
    )
    report = gradcheck(
        network,
        x,
        y,
        mode,
        directions=args.directions,
        seed=rng,
        backward=None if bug is None else bug.backward,
        with_taylor=True,
        allow_float32=args.allow_float32,
        progress=lambda done, total: progress.update(done),
    )
    progress.close()
    result = as_json(report, about, args.all)
    if bug is not None:
        described = {"name": bug.name, "equation": bug.equation, "wrote": bug.wrote, "right": bug.right}
        result["bug"] = {**described, "cannot_show": bug.visible(network, about["batch"])}
    print(json.dumps(result, indent=2, ensure_ascii=False) if args.json else as_text(result))
    return 0 if report.passed else 1


def _comparison(c: Comparison) -> dict[str, Any]:
    derived = {"abs_error": c.abs_error, "rel_error": c.rel_error, "ratio": c.ratio, "passed": c.passed}
    return {**vars(c), **derived}


def as_json(report: Report, about: dict[str, Any], list_all: bool) -> dict[str, Any]:
    everything = list_all or len(report.comparisons) <= LIST_ALL_UP_TO
    listed = report.comparisons if everything else report.ranked()[:WORST]
    taylor = report.taylor
    assert taylor is not None  # the command always adds the Taylor test
    return {
        "network": {**about, "description": report.network},
        "mode": report.mode,
        "precision": report.precision,
        "bug": None,
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
        "worst": None if report.worst is None else _comparison(report.worst),
        "listed": "all" if everything else f"worst {WORST}",
        "comparisons": [_comparison(c) for c in listed],
        "taylor": {
            "slope": taylor.slope,
            "passed": taylor.passed,
            "verdict": taylor.verdict,
            "floor": taylor.floor,
            "points": [vars(p) for p in taylor.points] if report.mode == "taylor" else None,
        },
    }
