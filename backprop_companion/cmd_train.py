"""``backprop-companion train``: train the tutorial's network and show the error as it falls."""

from __future__ import annotations

import argparse
import json
from typing import Any

from backprop_companion.errors import UsageError
from backprop_companion.progress import Progress

NAME = "train"
HELP = "train the tutorial's network by gradient descent and show E_total at checkpoints"

MAX_STEPS = 10_000_000
"""About two and a half minutes at ~30 µs a step: far beyond where this network stops changing."""

CHUNK = 10_000
"""Steps between progress reports (training in chunks gives the same numbers as one run)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--steps", type=int, default=10_000, help="number of updates (default 10000)")
    parser.add_argument(
        "--order",
        choices=("simultaneous", "output-first"),
        default="simultaneous",
        help="simultaneous: the tutorial's stated rule (default); output-first: the tutorial "
        "script's first version, hidden deltas taken through the already-updated output weights",
    )
    parser.add_argument("--eta", type=float, default=0.5, help="learning rate η (default 0.5)")
    parser.add_argument(
        "--train-biases",
        action="store_true",
        help="also update the shared biases b1, b2 (the tutorial keeps them fixed)",
    )
    parser.add_argument("--json", action="store_true", help="print the same facts as JSON")


def checkpoints(steps: int) -> list[int]:
    """0, 1, 10, 100, ... up to ``steps``, and ``steps`` itself."""
    marks, t = [0], 1
    while t < steps:
        marks.append(t)
        t *= 10
    if steps > 0:
        marks.append(steps)
    return marks


def run(args: argparse.Namespace) -> int:
    if not 0 <= args.steps <= MAX_STEPS:
        raise UsageError(f"--steps must be between 0 and {MAX_STEPS:,}, got {args.steps}")
    import numpy as np

    from worked import mazur, tutorial
    from worked.core.training import train

    network, x, y = tutorial.network(), tutorial.x(), tutorial.y()
    errors = [np.array([network.cost(x, y)])]
    progress = Progress(args.steps, "training", enabled=not args.json)
    done = 0
    while done < args.steps:
        chunk = min(CHUNK, args.steps - done)
        trajectory = train(
            network,
            x,
            y,
            args.eta,
            chunk,
            order=args.order,
            train_biases=args.train_biases,
            shared_biases=True,
        )
        network, done = trajectory.network, done + chunk
        errors.append(trajectory.errors[1:])
        progress.update(done)
    progress.close()
    error = np.concatenate(errors)
    _, activations = network.feedforward(x)
    result: dict[str, Any] = {
        "steps": args.steps,
        "order": args.order,
        "eta": args.eta,
        "train_biases": args.train_biases,
        "checkpoints": [{"step": t, "E_total": float(error[t])} for t in checkpoints(args.steps)],
        "outputs": {"out_o1": float(activations[-1][0]), "out_o2": float(activations[-1][1])},
        "targets": {"target_o1": mazur.TARGETS["o1"], "target_o2": mazur.TARGETS["o2"]},
        "weights": {
            name: float(network.weights[l][j, k])
            for name in mazur.WEIGHTS
            for l, j, k in [mazur.weight_index(name)]
        },
        "biases": {"b1": float(network.biases[0][0]), "b2": float(network.biases[1][0])},
    }
    print(json.dumps(result, indent=2) if args.json else as_text(result))
    return 0


def as_text(result: dict[str, Any]) -> str:
    from backprop_companion.table import format_table

    biases = "updated (one shared bias per layer)" if result["train_biases"] else "fixed"
    out = [
        f"Tutorial network, {result['steps']:,} step{'' if result['steps'] == 1 else 's'} of gradient "
        f"descent, η = {result['eta']}, "
        f"update order: {result['order']}, biases {biases}.",
        "",
        format_table(
            ["step", "E_total"], [[f"{c['step']:,}", f"{c['E_total']:.10g}"] for c in result["checkpoints"]]
        ),
        "",
        "Outputs after training (targets 0.01, 0.99):",
        f"  out_o1 = {result['outputs']['out_o1']:.9f}",
        f"  out_o2 = {result['outputs']['out_o2']:.9f}",
        "",
        "Parameters after training:",
        "  " + "  ".join(f"{k} = {v:.9f}" for k, v in list(result["weights"].items())[:4]),
        "  " + "  ".join(f"{k} = {v:.9f}" for k, v in list(result["weights"].items())[4:]),
        "  " + "  ".join(f"{k} = {v:.9f}" for k, v in result["biases"].items()),
    ]
    return "\n".join(out)
