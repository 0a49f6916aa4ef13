"""Hypothesis strategies for the property tests: random networks and batches, every bound with its reason."""

from __future__ import annotations

import itertools
from typing import NamedTuple

import numpy as np
from hypothesis import reject
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from worked import tutorial
from worked.core.activations import ACTIVATIONS
from worked.core.network import Network
from worked.core.validation import InvalidInput

MAX_LAYERS = 4
"""Layers of weights, 1..4: one layer has no BP2 at all, two is the tutorial, four chains BP2 three times."""

MAX_WIDTH = 6
"""Neurons per layer, 1..6: one-neuron layers, square and non-square matrices all occur, and an
exhaustive check stays under 4·(6·6 + 6) = 168 parameters, a few milliseconds."""

MAX_BATCH = 5
"""Examples, 1..5: one takes the single-example path, two or more test the mean over the batch."""

WEIGHT_BOUND = 2.0
"""|w|, |b| ≤ 2: wide enough for saturated sigmoids and tanhs (|z| up to 6·2·1 + 2 = 14 in the first
layer), dead and live ReLUs, and outputs far from the targets; narrow enough that third derivatives
stay moderate, so central differences keep the ~6 digits the checker's tolerance (rtol 3.7e-7) asks."""

INPUT_BOUND = 1.0
"""|x| ≤ 1: inputs of order one, as after the usual normalisation; the weights carry the scale."""

FLOATS = {"allow_nan": False, "allow_infinity": False, "allow_subnormal": False}
"""Subnormal numbers are rounding noise that no network holds; they only slow numpy down."""


class Case(NamedTuple):
    """A network and the batch at which its gradient is checked."""

    network: Network
    x: np.ndarray
    y: np.ndarray


TUTORIAL = Case(tutorial.network(), tutorial.x(), tutorial.y())
"""Mazur's 2-2-2 network at his one example, pinned by ``@example`` in every property."""


def _array(shape: tuple[int, ...], bound: float) -> st.SearchStrategy[np.ndarray]:
    return hnp.arrays(np.float64, shape, elements=st.floats(-bound, bound, **FLOATS))  # type: ignore[arg-type]


@st.composite
def cases(draw: st.DrawFn, max_layers: int = MAX_LAYERS) -> Case:
    """A random architecture (activations per layer from all five, either cost) and a batch.

    Cross-entropy only with a sigmoid output layer, where it is a cost of outputs in (0, 1).
    """
    depth = draw(st.integers(1, max_layers))
    sizes = draw(st.lists(st.integers(1, MAX_WIDTH), min_size=depth + 1, max_size=depth + 1))
    m = draw(st.integers(1, MAX_BATCH))
    cost = draw(st.sampled_from(["quadratic", "cross-entropy"]))
    sigmas = draw(st.lists(st.sampled_from(sorted(ACTIVATIONS)), min_size=depth, max_size=depth))
    if cost == "cross-entropy":
        sigmas[-1] = "sigmoid"
    weights = [draw(_array((n, k), WEIGHT_BOUND)) for k, n in itertools.pairwise(sizes)]
    biases = [draw(_array((n,), WEIGHT_BOUND)) for n in sizes[1:]]
    x = draw(_array((m, sizes[0]), INPUT_BOUND))
    y = draw(hnp.arrays(np.float64, (m, sizes[-1]), elements=st.floats(0.0, 1.0, **FLOATS)))  # type: ignore[arg-type]
    network = Network(weights, biases, sigmas, cost)
    try:
        network.backprop(x, y)
    except InvalidInput:
        # A layer saturated to σ'(z) = 0 in float64 for every neuron (tanh at |z| > 19, reachable
        # through identity layers) is refused by backprop (tests/core/test_saturation.py): no
        # gradient exists to have properties, so the case is rejected rather than drawn.
        reject()
    return Case(network, x, y)


seeds = st.integers(0, 2**32 - 1)
"""Seeds for the random directions: any 32-bit integer."""


# -- command lines, for fuzzing the CLI -----------------------------------------------------------------

ODD_WORDS = st.sampled_from(
    ["", " ", "-", "--", "0", "-1", "1e309", "nan", "inf", "-inf", "3.5", "9" * 30, "é", "✓", "\x00x",
     "0x10", "1_000", "--json", "--help", "=", "a=b", "w5_new", "out_h1=", "1,2", ",", "2,,3"]
)  # fmt: skip
"""Words that break naive parsers: empty, signs, overflow, NaN, unicode, NUL, Python-only literals."""

SMALL_INTS = st.integers(-3, 12).map(str)
"""Counts around the edges (negative, zero, small): large valid counts would only make runs slow."""

SIZES_TEXT = st.lists(st.integers(-1, 4), min_size=0, max_size=4).map(lambda xs: ",".join(map(str, xs)))
"""--sizes with widths up to 4: every run of the checker stays in milliseconds; -1 and 0 are invalid."""

KEYS = st.sampled_from(["out_h1", "E_total", "w5_new", "w1_new", "net_h1", "delta_o1", "nope", "E_TOTAL"])
CHECK_VALUES = st.one_of(ODD_WORDS, st.floats(-2, 2, allow_nan=False).map(lambda v: f"{v:.6f}"))
EXAMPLES = st.sampled_from(["mazur", "single-neuron", "nope", "/nonexistent/x.toml", "", "README.md"])
"""--example: the shipped names, an unknown one, a missing file, an empty name and a file that is not TOML."""
SETS = st.one_of(
    ODD_WORDS, st.sampled_from(["w1=0.1", "eta=1", "eta=0", "w9=1", "b=0.2", "target_o1=2", "w1=nan", "i1="])
)
"""--set: values of the post and of the second example, unknown names, a bad η, non-finite, empty."""

# Options per command, each with values that are sometimes valid and sometimes not. Options that
# start expensive work are confined to cheap values: no `bench` run, no sweep, no docs regeneration
# (those commands appear only with an option that is refused before any work starts). ex4's --data
# names folders that do not hold the exercise's files: its real data take a second a run.
OPTIONS: dict[str, list[tuple[str, st.SearchStrategy[str] | None]]] = {
    "walkthrough": [("--json", None), ("--example", EXAMPLES), ("--set", SETS), ("--arithmetic", None)],
    "train": [("--steps", SMALL_INTS), ("--order", st.sampled_from(["simultaneous", "output-first", "x"])),
              ("--eta", st.one_of(ODD_WORDS, st.sampled_from(["0.5", "1e7", "-2"]))),
              ("--train-biases", None), ("--json", None), ("--example", EXAMPLES), ("--set", SETS),
              ("--l2", st.one_of(ODD_WORDS, st.sampled_from(["0", "0.1", "-1"])))],
    "check": [("--json", None), ("--list", None), ("--example", EXAMPLES), ("--set", SETS),
              ("--seed", st.one_of(SMALL_INTS, ODD_WORDS)),
              ("--from", st.sampled_from(["/nonexistent/sheet.csv", "", "README.md", "pyproject.toml"]))],
    "worksheet": [("--seed", st.one_of(SMALL_INTS, ODD_WORDS)), ("--example", EXAMPLES), ("--answers", None),
                  ("--format", st.sampled_from(["md", "html", "csv", "pdf"])), ("--json", None)],
    "gradcheck": [("--sizes", SIZES_TEXT),
                  ("--activation", st.sampled_from(["tanh", "relu,sigmoid", "x", ""])),
                  ("--cost", st.sampled_from(["quadratic", "cross-entropy", "mse"])), ("--batch", SMALL_INTS),
                  ("--seed", st.one_of(SMALL_INTS, ODD_WORDS)),
                  ("--mode", st.sampled_from(["exhaustive", "directional", "equations", "taylor", "fast"])),
                  ("--directions", SMALL_INTS), ("--bug", st.sampled_from(["all", "cost-sign-flip", "none"])),
                  ("--float32", None), ("--allow-float32", None), ("--json", None),
                  ("--l2", st.one_of(ODD_WORDS, st.sampled_from(["0", "0.1", "2", "-1", "nan", "inf"])))],
    "derive": [("--latex", None), ("--mathml", None), ("--json", None), ("--max-width", SMALL_INTS),
               ("--activation", st.sampled_from(["sigmoid", "x"]))],
    "ex4": [("--json", None), ("--data", st.sampled_from(["/nonexistent/ex4", "", "-", "ex4data1.mat"]))],
}  # fmt: skip
REFUSED_FIRST = {"bench": ["--seed", "x"], "docs": ["--out", "/nonexistent/folder/docs"]}
"""Commands whose valid runs are slow, each with an option that is refused before any work."""


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """An argument list: a command (or none, or a wrong one), then a mix of its options and junk."""
    command = draw(st.sampled_from([*OPTIONS, *REFUSED_FIRST, "", "bogus"]))
    argv = [command] if command else []
    if command in REFUSED_FIRST:
        return argv + REFUSED_FIRST[command] + draw(st.lists(ODD_WORDS, max_size=2))
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 5))
        if command == "check" and kind <= 2:
            argv.append(f"{draw(KEYS)}={draw(CHECK_VALUES)}")
        elif command in OPTIONS and kind <= 3:
            name, values = draw(st.sampled_from(OPTIONS[command]))
            argv += [name] if values is None else [name, draw(values)]
        else:
            argv.append(draw(st.one_of(ODD_WORDS, st.text(max_size=6))))
    if command == "derive" and draw(st.booleans()):
        argv += ["--verify", "--latex"]  # refused together, before any sweep starts
    return argv


TUTORIAL_VALUE_BOUND = 1.0
"""Overrides of the tutorial's initial values, |w|, |b| ≤ 1 and inputs, targets in [0, 1]: the post's own
values (0.05 .. 0.99) lie inside, the sigmoids stay unsaturated (|net| ≤ 3), so 10,000 steps converge
smoothly and two float64 computations of them stay within a few ulps."""

ETA_RANGE = (0.05, 1.0)
"""η from 0.05 to 1: the post's 0.5 and the genre's 0.1 and 1 inside; larger η can make the 10,000-step
run oscillate, where rounding differences between two codes are amplified rather than damped."""


@st.composite
def tutorial_overrides(draw: st.DrawFn) -> dict[str, float]:
    """Some of the tutorial's initial values (at least one), as ``walkthrough --set`` takes them."""
    from worked import mazur

    bounded = st.floats(-TUTORIAL_VALUE_BOUND, TUTORIAL_VALUE_BOUND, allow_subnormal=False)
    unit = st.floats(0.0, 1.0, allow_subnormal=False)
    choices = {
        **{name: bounded for name in mazur.INITIAL},
        **{name: unit for name in mazur.INPUTS},
        **{f"target_{o}": unit for o in mazur.TARGETS},
        "eta": st.floats(*ETA_RANGE, allow_subnormal=False),
    }
    names = draw(st.lists(st.sampled_from(sorted(choices)), min_size=1, max_size=5, unique=True))
    return {name: draw(choices[name]) for name in names}
