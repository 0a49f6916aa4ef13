r"""The tutorial's training against a plain-float loop of the same arithmetic: what a tiny network costs.

The loop is the yardstick the issue names (1.5×): the tutorial's 2-2-2 network (sigmoid layers,
quadratic cost, one shared bias per layer, biases frozen, the "simultaneous" order, η = 0.5) stepped
with Python floats and nothing else, as a reader would write it. It is a *timing reference*, not a
second implementation: it is used nowhere but here, and before it is timed its cost after the
tutorial's steps is compared with ``train``'s (the row fails if they differ by more than
:data:`AGREEMENT`). ``train`` steps a network this small with floats too (:mod:`worked.core.tiny`),
with the general code's bits, which the loop does not have.
"""

from __future__ import annotations

import math

from backprop_companion.bench.timing import Result, median_seconds, paired_ratio
from worked import mazur, tutorial
from worked.core.training import step, train

TARGET = 1.5
"""The issue's ceiling: the tutorial's steps through ``train`` within 1.5× of the plain loop."""

AGREEMENT = 1e-12
"""Relative difference allowed between the two final costs: the loop computes σ as 1/(1 + e^{-z}) and
groups its products in its own way, so the last bits may differ; 10,000 steps of a contraction keep
the difference near 1e-15."""


def _sigma(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


Matrix = list[list[float]]


def _forward(w1: Matrix, w2: Matrix, b1: float, b2: float, x: list[float]) -> tuple[list[float], list[float]]:
    h = [_sigma(w1[j][0] * x[0] + w1[j][1] * x[1] + b1) for j in range(2)]
    return h, [_sigma(w2[j][0] * h[0] + w2[j][1] * h[1] + b2) for j in range(2)]


def plain_loop(w: list[Matrix], b: list[float], x: list[float], y: list[float], steps: int) -> float:
    """``steps`` steps on one example with floats only; the cost after the last step."""
    eta = mazur.ETA
    (w1, w2), (b1, b2) = w, b
    for _ in range(steps):
        h, o = _forward(w1, w2, b1, b2, x)
        d2 = [(o[j] - y[j]) * o[j] * (1.0 - o[j]) for j in range(2)]
        d1 = [(w2[0][k] * d2[0] + w2[1][k] * d2[1]) * h[k] * (1.0 - h[k]) for k in range(2)]
        w2 = [[w2[j][k] - eta * d2[j] * h[k] for k in range(2)] for j in range(2)]
        w1 = [[w1[j][k] - eta * d1[j] * x[k] for k in range(2)] for j in range(2)]
    _, o = _forward(w1, w2, b1, b2, x)
    return 0.5 * ((o[0] - y[0]) ** 2 + (o[1] - y[1]) ** 2)


def tutorial_vs_plain_loop(steps: int = mazur.STEPS) -> Result:
    """Median time of the tutorial's ``steps`` through the public ``train`` over the plain loop's."""
    net, x, y = tutorial.network(), tutorial.x(), tutorial.y()
    weights = [w.tolist() for w in net.weights]
    biases = [float(b[0]) for b in net.biases]
    xs, ys = x.tolist(), y.tolist()
    case = f"the tutorial's {steps:,} steps through train / a plain-float loop"
    general = float(train(net, x, y, mazur.ETA, steps, train_biases=False).errors[-1])
    plain = plain_loop(weights, biases, xs, ys, steps)
    if abs(plain - general) > AGREEMENT * abs(general):
        return Result(case, None, "×", TARGET, failed=f"the loop's cost {plain!r} is not train's {general!r}")
    ratio, ours, theirs = paired_ratio(
        lambda: train(net, x, y, mazur.ETA, steps, train_biases=False),
        lambda: plain_loop(weights, biases, xs, ys, steps),
        rounds=3,
        min_time=0,
    )
    return Result(
        case,
        ratio,
        "×",
        TARGET,
        detail=f"train {ours / steps * 1e6:.1f} µs a step, the loop {theirs / steps * 1e6:.1f} µs",
    )


GENERAL_STEPS = 1_000
"""Steps timed through the general code: a second or so, since each is about forty numpy calls."""


def general_code_step() -> Result:
    """The tutorial's step through the public ``step`` (numpy, the general code) for comparison: the
    float path's rows above time ``train``, which takes the float path on this network."""
    net, x, y = tutorial.network(), tutorial.x(), tutorial.y()

    def steps() -> None:
        network = net
        for _ in range(GENERAL_STEPS):
            network = step(network, x, y, mazur.ETA, train_biases=False)

    seconds = median_seconds(steps, repeats=3, min_time=0)
    return Result(
        "the tutorial's step through the general code (step, numpy), for comparison",
        seconds / GENERAL_STEPS * 1e6,
        "µs",
        None,
        detail=f"{GENERAL_STEPS:,} steps timed",
    )
