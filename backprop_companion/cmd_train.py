"""``backprop-companion train``: train the tutorial's network and show the error as it falls."""

from __future__ import annotations

import argparse
import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from backprop_companion.errors import UsageError
from backprop_companion.output.progress import Progress
from backprop_companion.output.tables import fill_prose, format_table
from backprop_companion.plot_option import plot_target
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from worked.core import Array, Network
    from worked.tutorial import Model


TRAINING_SET_SIZE = 1
"""The n of the weight decay (1 − ηλ/n): the tutorial trains on its one example, the full batch."""


SATURATED = 1e-8
"""A sigmoid neuron with σ′(z) = a(1 − a) below this passes back 1e-8 of the most it can (1/4): gradient
descent has all but stopped moving what feeds it (η = 1e6 drives the hidden layer there in one step)."""


def checkpoints(steps: int, every: int | None = None) -> list[int]:
    """0, 1, 10, 100, ... up to ``steps``, and ``steps`` itself; with ``every``, 0, N, 2N, ... and
    ``steps``."""
    if every is not None:
        return sorted({*range(0, steps + 1, every), steps})
    marks, t = [0], 1
    while t < steps:
        marks.append(t)
        t *= 10
    if steps > 0:
        marks.append(steps)
    return marks


def run(args: argparse.Namespace) -> TrainResult:
    """Train in one call; ``worked.core.train`` validates the steps, η, the order and λ (exit 2 if refused).

    With λ > 0 it is weight decay on the full batch, the tutorial's one example (n = 1). ``--example``
    and ``--set`` choose the network and its values; η and the order default to the example's.
    """
    from backprop_companion.example_option import model
    from worked.core import train

    if args.every is not None and args.every < 1:
        raise UsageError(f"--every {args.every}: expected a positive number of steps (e.g. --every 1000)")
    if args.csv and args.json:
        raise UsageError("--csv and --json: choose one format")
    if args.eta is not None and any(p.partition("=")[0].strip() == "eta" for p in args.set):
        raise UsageError("--eta and --set eta=...: give the learning rate once")
    target = plot_target(args.plot, "training.svg")
    found = model(args)
    eta = found.eta if args.eta is None else args.eta
    order = args.order or found.order
    train_biases = args.train_biases or found.example.train_biases
    if args.train_biases and found.example.biases == "none":
        raise UsageError(f"--train-biases: {found.example.file} has no biases")
    progress = Progress(args.steps, "training", enabled=not args.quiet)
    try:
        trajectory = train(
            found.network,
            found.x,
            found.y,
            eta,
            args.steps,
            order=order,
            train_biases=train_biases,
            progress=progress.update,
            l2=args.l2,
            n=TRAINING_SET_SIZE,
        )
    finally:
        progress.close()
    result = TrainResult(
        args.steps,
        order,
        eta,
        train_biases,
        trajectory.errors,
        trajectory.network,
        float(args.l2),
        args.every,
        args.csv,
        model=found,
    )
    if target is not None:
        from backprop_companion.output.files import write_atomically

        try:
            write_atomically(target, result.figure())
        except OSError as error:  # checked writable before the run, yet refused now (/proc, a full disk)
            raise UsageError(f"--plot {target}: cannot write it ({error.strerror or error})") from None
        result = replace(result, plot=str(target))
    return result


@dataclass(frozen=True)
class TrainResult(CommandResult):
    """The tutorial's network after ``steps`` steps, and ``E_total`` after each step (``errors[t]``)."""

    steps: int
    order: str
    eta: float
    train_biases: bool
    errors: Array
    network: Network
    l2: float = 0.0
    """λ of the weight decay (0: none); with it, ``errors`` are the regularised cost."""
    every: int | None = None
    """Checkpoints every this many steps (None: 0, 1, 10, 100, ...)."""
    csv: bool = False
    """The checkpoints as CSV, and nothing else."""
    plot: str | None = None
    """Where the figure of E_total was written, if it was."""
    model: Model | None = None
    """The worked example trained (None: Mazur's post)."""

    @property
    def example(self) -> Model:
        """The worked example trained."""
        from worked.tutorial import run

        return self.model or run("simultaneous")

    def marks(self) -> list[int]:
        """The steps shown."""
        return checkpoints(self.steps, self.every)

    def figure(self) -> str:
        """E_total after every step, on log axes (step 0 is left off the log axis)."""
        from backprop_companion.output.charts import Axis, Series, line_chart

        steps = range(1, self.steps + 1)
        return line_chart(
            f"E_total over {self.steps:,} steps ({self.order}, η = {self.eta:g})",
            Axis("step (log scale)", log=True),
            Axis("E_total (log scale)", log=True),
            [Series("E_total", list(steps), [float(self.errors[t]) for t in steps])],
        )

    def outputs(self) -> dict[str, float]:
        _, activations = self.network.feedforward(self.example.x)
        return {
            f"out_{o}": float(a) for o, a in zip(self.example.example.outputs, activations[-1], strict=True)
        }

    @property
    def warning(self) -> str | None:
        """Why the run did not train as gradient descent should, if it did not: the error rose
        (η too large: divergence), or neurons ended saturated (learning stopped)."""
        import numpy as np

        errors = np.asarray(self.errors, dtype=float)
        if not np.all(np.isfinite(errors)) or errors[-1] > errors[0]:
            return (
                f"E_total rose from {errors[0]:.10g} to {errors[-1]:.10g}: η = {self.eta:g}"
                f"{f' with λ = {self.l2:g}' if self.l2 else ''} makes gradient descent diverge; try a "
                "smaller --eta"
            )
        from worked.core.saturation import POSITIVE_DERIVATIVE

        zs, activations = self.network.feedforward(self.example.x)
        count = len(activations) - 1
        layers = ["hidden", "output"] if count == 2 else [f"layer {l + 2}" for l in range(count)]
        stuck = [
            layers[l]
            for l, (sigma, z, a) in enumerate(zip(self.network.sigmas, zs, activations[1:], strict=True))
            if sigma in POSITIVE_DERIVATIVE
            and np.all(np.abs(sigma.prime(np.asarray(z), np.asarray(a))) < SATURATED)
        ]
        if stuck:
            where = " and ".join(
                f"the {name} layer" if name in ("hidden", "output") else name for name in stuck
            )
            return (
                f"{where} ended saturated (σ′ < {SATURATED:g} at every neuron): learning has stopped at "
                f"E_total = {errors[-1]:.10g}; η = {self.eta:g} or the initial values are too large, try a "
                "smaller --eta"
            )
        return None

    def weights(self) -> dict[str, float]:
        """The example's names, through the one table that maps them onto Nielsen's indices."""
        return {name: self.example.w(name, self.network) for name in self.example.example.weights}

    def biases(self) -> dict[str, float]:
        """Each bias by the example's name."""
        return {name: self.example.b(name, self.network) for name in self.example.example.bias_feeds}

    def as_json(self) -> dict[str, Any]:
        targets = {f"target_{o}": self.example.initial[f"target_{o}"] for o in self.example.example.outputs}
        return {
            "steps": self.steps,
            "order": self.order,
            "eta": self.eta,
            "train_biases": self.train_biases,
            "l2": self.l2,
            "checkpoints": [{"step": t, "E_total": float(self.errors[t])} for t in self.marks()],
            "outputs": self.outputs(),
            "targets": targets,
            "weights": self.weights(),
            "biases": self.biases(),
            "warning": self.warning,
        }

    def as_text(self) -> str:
        if self.csv:  # full precision for a program to read: repr gives the shortest exact decimal
            return "\n".join(["step,E_total", *(f"{t},{float(self.errors[t])!r}" for t in self.marks())])
        from backprop_companion.example_option import is_the_post
        from worked.examples import BIAS_IN_WORDS

        biases = f"updated ({BIAS_IN_WORDS[self.example.example.biases]})" if self.train_biases else "fixed"
        if self.example.example.biases == "none":
            biases = "none"
        rows = [[f"{t:,}", fixed(float(self.errors[t]))] for t in self.marks()]
        outputs, weights = self.outputs(), list(self.weights().items()) + list(self.biases().items())
        from worked.examples import describe

        name = "Tutorial" if is_the_post(self.example) else f"{describe(self.example.example)}:"
        targets = ", ".join(f"{self.example.initial[f'target_{o}']:g}" for o in self.example.example.outputs)
        out = [
            fill_prose(
                f"{name} network, {self.steps:,} step{'' if self.steps == 1 else 's'} of gradient "
                f"descent, η = {self.eta:g}, update order: {self.order}, biases {biases}.",
            ),
            *(
                [
                    f"L2 weight decay, λ = {self.l2:g} on the one example (n = {TRAINING_SET_SIZE}): "
                    "E_total below is the regularised cost,",
                    f"  E_total + (λ/2) Σ w² over the {_count(len(self.weights()))} weights (biases not "
                    "penalised).",
                ]
                if self.l2
                else []
            ),
            "",
            format_table(["step", "E_total"], rows),
            *([] if self.warning is None else ["", f"warning: {self.warning}"]),
            "",
            f"Outputs after training (targets {targets}):",
            *(f"  {name} = {value:.9f}" for name, value in outputs.items()),
            "",
            "Parameters after training:",
            *("  " + "  ".join(f"{k} = {v:.9f}" for k, v in row) for row in _rows(self.example, weights)),
            *([] if self.plot is None else ["", f"Figure written: {self.plot}"]),
        ]
        return "\n".join(out)


SIGNIFICANT = 10
"""Significant figures of E_total in the text, in fixed notation as the post prints it
(0.0000351085, not 3.51085e-05)."""


def fixed(value: float) -> str:
    """``value`` in fixed notation with :data:`SIGNIFICANT` significant figures (at least 9 decimals,
    as the post's); scientific only below 1e-12, where fixed notation would be a row of zeros."""
    if not math.isfinite(value) or value == 0 or abs(value) < 1e-12:
        return f"{value:.{SIGNIFICANT}g}"
    decimals = max(9, SIGNIFICANT - 1 - math.floor(math.log10(abs(value))))
    return f"{value:.{decimals}f}"


def _count(n: int) -> str:
    """A small count in words, as the text writes it ("the eight weights")."""
    words = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
    return words[n] if n < len(words) else f"{n:,}"


def _rows(model: Model, parameters: list[tuple[str, float]]) -> list[list[tuple[str, float]]]:
    """Parameters in lines: the weights into each layer, then the biases (Mazur's: w1-w4, w5-w8, b1 b2)."""
    ex = model.example
    rows: list[list[tuple[str, float]]] = []
    for layer in ex.layers[1:]:
        rows.append([(k, v) for k, v in parameters if k in ex.weights and ex.weights[k][0] in layer])
    rows.append([(k, v) for k, v in parameters if k in ex.bias_feeds])
    return [row for row in rows if row]
