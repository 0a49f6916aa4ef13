"""``backprop-companion gradcheck``: backprop's gradient against central differences, and the verdict.

Each value typed is judged once, by its validator in :mod:`worked.core.validation` or by the
:mod:`worked` call it goes to (a refusal is one line, exit 2); this module only checks which options
go together.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import TYPE_CHECKING

from backprop_companion.errors import UsageError
from backprop_companion.gradcheck_result import CatchResult, CheckedPoint, GradcheckResult, OwnCodeResult
from backprop_companion.options.gradcheck import DEFAULT_DIRECTIONS

if TYPE_CHECKING:
    import numpy as np

    from worked.gradcheck import Report
    from worked.gradcheck.bugs import Bug

DEFAULT_BATCH = 4
"""Examples in a random network's batch unless --batch says otherwise: enough to exercise the sum
over examples, few enough to list."""


def _check_combinations(args: argparse.Namespace) -> None:
    """Options that only make sense together (the values themselves are judged by ``worked``)."""
    own = [f"--{n.replace('_', '-')}" for n in ("convention", "timeout") if getattr(args, n) is not None]
    if args.impl is None and (own or args.labels_from):
        raise UsageError(
            f"{', '.join(own) or '--labels-from'}: these describe your own code, so give --impl too"
        )
    if args.impl is not None:
        given = [f"--{n}" for n in ("sizes", "mode", "bug", "directions", "batch", "activation", "cost")]
        given = [g for g in given if getattr(args, g[2:]) is not None]
        given += [o for o, on in (("--l2", args.l2), ("--float32", args.float32), ("--all", args.all)) if on]
        if given:
            raise UsageError(
                f"{', '.join(given)}: --impl checks your code on the networks its convention needs; "
                "leave these out"
            )
        if args.timeout is not None and not 0 < args.timeout < float("inf"):
            raise UsageError(f"--timeout must be a positive number of seconds, got {args.timeout}")
    if args.sizes is None:
        given = [f"--{n}" for n in ("activation", "cost", "batch") if getattr(args, n) is not None]
        if given:
            raise UsageError(
                f"{', '.join(given)}: these describe a random network, so give --sizes too "
                "(the tutorial's network is fixed: sigmoid, quadratic cost, one example)"
            )
    if args.directions is not None and args.mode != "directional" and args.bug != "all":
        raise UsageError("--directions only applies with --mode directional (or --bug all)")
    if args.bug == "all" and args.mode is not None:
        raise UsageError("--bug all runs every mode; leave out --mode")


def _point(args: argparse.Namespace, rng: np.random.Generator, seed: int) -> CheckedPoint:
    import numpy as np

    from worked import tutorial
    from worked.core import Network, validation

    if args.sizes is None:
        point = CheckedPoint(
            "tutorial",
            "Mazur's 2-2-2 network at his one example (each neuron's bias checked on its own; the "
            "post's shared bias b1 has the sum of the two b^2 entries as its gradient)",
            tutorial.network(),
            tutorial.x(),
            tutorial.y(),
            seed,
        )
    else:
        sizes = validation.layer_widths(args.sizes)
        batch = DEFAULT_BATCH if args.batch is None else validation.batch_size(args.batch)
        if args.activation is not None and not args.activation.strip(" ,"):
            raise UsageError("--activation '': expected an activation's name (e.g. --activation tanh)")
        activations = (args.activation or "sigmoid").split(",")
        network = Network.random(
            sizes, rng, activations if len(activations) > 1 else activations[0], args.cost or "quadratic"
        )
        # Inputs of order one; targets in [0, 1], where both costs are defined for sigmoid outputs.
        x, y = rng.uniform(-1, 1, (batch, sizes[0])), rng.uniform(0, 1, (batch, sizes[-1]))
        name = f"a random network (seed {seed}, weights N(0, 1/n))"
        point = CheckedPoint("random", name, network, x, y, seed)
    if not args.float32:
        return point
    network = point.network.replace(
        [w.astype(np.float32) for w in point.network.weights],
        [b.astype(np.float32) for b in point.network.biases],
    )
    return CheckedPoint(
        point.source, point.name, network, point.x.astype(np.float32), point.y.astype(np.float32), seed
    )


def run(args: argparse.Namespace) -> GradcheckResult | CatchResult | OwnCodeResult:
    _check_combinations(args)
    if args.impl is not None:
        return _own(args)
    import numpy as np

    from worked.core import validation
    from worked.gradcheck.bugs import get_bug
    from worked.gradcheck.catches import catch_table

    seed, l2 = validation.seed(args.seed), validation.l2(args.l2)
    directions = DEFAULT_DIRECTIONS if args.directions is None else validation.directions(args.directions)
    rng = np.random.default_rng(seed)
    point = _point(args, rng, seed)
    if args.bug == "all":
        return CatchResult(
            point, catch_table(point.network, point.x, point.y, directions=directions, seed=seed, l2=l2), l2
        )
    bug = None if args.bug is None else get_bug(args.bug)
    report = _check(point, args.mode or "exhaustive", directions, rng, bug, l2, args)
    return GradcheckResult(point, report, args.all, bug, l2, args.explain)


def _check(
    point: CheckedPoint,
    mode: str,
    directions: int,
    rng: np.random.Generator,
    bug: Bug | None,
    l2: float,
    args: argparse.Namespace,
) -> Report:
    from backprop_companion.output.progress import Progress
    from worked.gradcheck import gradcheck

    progress = Progress(
        point.parameters, "central differences", enabled=not args.json and mode == "exhaustive"
    )
    try:
        return gradcheck(
            point.network,
            point.x,
            point.y,
            mode,
            directions=directions,
            seed=rng,
            backward=None if bug is None else bug.backward,
            with_taylor=True,
            allow_float32=args.allow_float32,
            progress=lambda done, total: progress.update(done),
            l2=l2,
        )
    finally:
        progress.close()


def _own(args: argparse.Namespace) -> OwnCodeResult:
    """``--impl``: the reader's file imported, its code checked in its convention, within the time limit."""
    from backprop_companion.reader_code import OutOfTime, crash, find, load, split, time_limit
    from worked.gradcheck.conventions import EXPECTED, ReaderFailure, conventions_for, detect
    from worked.gradcheck.own_code import check_own

    path, name = split(args.impl)
    try:  # what the reader's code prints goes to stderr: stdout holds the verdict (one JSON document)
        with time_limit(args.timeout), contextlib.redirect_stdout(sys.stderr):
            module = load(path)
            obj = find(module, name, path)
            convention = args.convention or detect(obj)
            if convention is None:
                expected = "; ".join(f"{k}: {v}" for k, v in EXPECTED.items())
                raise UsageError(
                    f"--impl: {getattr(obj, '__name__', name)} fits no convention; expected {expected}"
                )
            checks = conventions_for(obj, convention, vars(module), args.labels_from)
            reports = tuple(check_own(c) for c in checks)
    except OutOfTime:
        return OwnCodeResult(
            str(path),
            args.convention is None,
            (),
            None,
            f"your code did not return within {args.timeout:g} s",
            args.impl,
        )
    except ReaderFailure as failure:
        crashed = crash(failure.error, path)
        return OwnCodeResult(str(path), args.convention is None, (), crashed, None, args.impl)
    hint = None
    if convention == "ng" and not all(r.passed for r in reports):
        other = 1 - args.labels_from  # the exercise counts labels from 1, its Python ports from 0
        try:
            with time_limit(args.timeout), contextlib.redirect_stdout(sys.stderr):
                relabelled = [check_own(c) for c in conventions_for(obj, convention, vars(module), other)]
        except (OutOfTime, ReaderFailure):
            relabelled = []
        if relabelled and all(r.passed for r in relabelled):
            hint = f"with --labels-from {other} your code checks out: it counts the labels from {other}"
    return OwnCodeResult(str(path), args.convention is None, reports, None, None, args.impl, hint)
