r"""A reader's own backprop against the companion's, parameter group by parameter group.

For each network of the convention's settings and each seed, the companion draws the network and a
batch, computes the true gradient with its own ``Network.backprop`` (itself checked against central
differences by every mode of :mod:`worked.gradcheck`), and compares the reader's, one parameter group
(one layer's weights, one layer's biases) at a time. A wrong answer is then compared with every
suspect of :mod:`worked.gradcheck.suspects`: one that the reader's gradient equals to rounding, on
every network where it can run, is named, with its equation and layer; otherwise the first wrong
group is named, in the order backprop computes (from the output down).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from worked.core import Array, Network, step
from worked.gradcheck.conventions import Convention, ReaderFailure, Setting
from worked.gradcheck.suspects import Gradient, Suspect, suspects

AGREE = 1e-8
"""Two gradients agree when every entry of a group is within 1e-8 of the group's largest entry. Two
float64 computations of one formula in another order differ by a few ε (2.2e-16) per operation;
reading a gradient off one training step, (w − w')/η, adds ε|w|/(η|g|), below 1e-11 on these networks
(weights of order 1, gradients above 1e-4); a textbook bug is wrong by a relative O(1)."""

SEEDS = (0, 1)
"""Two draws of each network: a bug that one draw hides by a coincidence the other shows."""


@dataclass(frozen=True)
class Group:
    """One parameter group compared: ``name`` as the books write it (``w^3``: the weights into layer
    3, the input being layer 1), the largest difference, and the group's scale."""

    name: str
    error: float
    scale: float

    @property
    def agrees(self) -> bool:
        return self.error <= AGREE * self.scale


@dataclass(frozen=True)
class Run:
    """The reader's gradient on one network: each group compared, or why it could not be (shapes)."""

    setting: Setting
    seed: int | None  # None: a network given by the caller, not drawn
    groups: tuple[Group, ...]
    problem: str | None = None
    error: ReaderFailure | None = None
    """What the reader's code raised on this network, if it did (``problem`` then says it in a line)."""

    @property
    def passed(self) -> bool:
        return self.problem is None and all(g.agrees for g in self.groups)

    @property
    def first_wrong(self) -> Group | None:
        """The first group that disagrees, in backprop's order: the output layer's first."""
        wrong = [g for g in self.groups if not g.agrees]
        return wrong[-1] if wrong else None

    @property
    def described(self) -> str:
        s = self.setting
        l2 = f", λ = {s.l2:g}" if s.l2 else ""
        seed = "" if self.seed is None else f", seed {self.seed}"
        return f"sizes {list(s.sizes)}, {s.cost}, {s.m} example{'s' if s.m > 1 else ''}{l2}{seed}"


@dataclass(frozen=True)
class OwnReport:
    """The verdict on a reader's code in one convention: every run, and the suspect it matches."""

    convention: str
    described: str
    runs: tuple[Run, ...]
    suspect: Suspect | None

    @property
    def passed(self) -> bool:
        return all(r.passed for r in self.runs)

    @property
    def first_failure(self) -> Run | None:
        return next((r for r in self.runs if not r.passed), None)


def _groups(reader: Gradient, truth: Gradient) -> tuple[Group, ...]:
    found = []
    for l, (rw, tw) in enumerate(zip(reader[0], truth[0], strict=True)):
        pairs = [(f"w^{l + 2}", rw, tw)]
        if reader[1] is not None and truth[1] is not None:
            pairs.append((f"b^{l + 2}", reader[1][l], truth[1][l]))
        for name, r, t in pairs:
            scale = float(max(np.max(np.abs(r), initial=0.0), np.max(np.abs(t), initial=0.0)))
            found.append(Group(name, float(np.max(np.abs(r - t), initial=0.0)), scale))
    return tuple(found)


def _shapes(reader: Gradient, network: Network) -> str | None:
    """What is wrong with the shapes of the reader's gradient, if anything."""
    if len(reader[0]) != len(network.weights) or (
        reader[1] is not None and len(reader[1]) != len(network.biases)
    ):
        return (
            f"gave gradients for {len(reader[0])} layers of weights; the network has {len(network.weights)}"
        )
    for l, w in enumerate(network.weights):
        if reader[0][l].shape != w.shape:
            return f"gave ∂C/∂w^{l + 2} of shape {reader[0][l].shape}; w^{l + 2} has shape {w.shape}"
        if reader[1] is not None and reader[1][l].shape != network.biases[l].shape:
            return f"gave ∂C/∂b^{l + 2} with {reader[1][l].size} entries; b^{l + 2} has {w.shape[0]}"
    return None


def _draw(setting: Setting, seed: int, convention: Convention) -> tuple[Network, Array, Array]:
    rng = np.random.default_rng(seed)
    network = Network.random(setting.sizes, rng, "sigmoid", setting.cost)
    if convention.name == "mazur":  # one bias shared by a layer's neurons, as the tutorial has it
        network = network.replace(network.weights, [np.full_like(b, b[0]) for b in network.biases])
    xs = rng.uniform(-1, 1, (setting.m, setting.sizes[0]))
    if setting.cost == "cross-entropy":  # one-hot labels, as ex4's y
        ys = np.eye(setting.sizes[-1])[rng.integers(0, setting.sizes[-1], setting.m)]
    else:
        ys = rng.uniform(0, 1, (setting.m, setting.sizes[-1]))
    return network, xs, ys


def output_first(eta: float) -> Suspect:
    """The tutorial script's first version: output weights updated before the hidden deltas."""

    def gradient(network: Network, xs: Array, ys: Array, l2: float) -> Gradient:
        moved = step(network, xs, ys, eta, order="output-first", train_biases=False)
        return [(w - new) / eta for w, new in zip(network.weights, moved.weights, strict=True)], None

    return Suspect(
        "output-first",
        "update order",
        "output weights updated before the hidden layer's δ is computed (BP2 through the new w)",
        "every gradient from the weights before the step",
        (),
        gradient,
    )


def _truth(network: Network, xs: Array, ys: Array, l2: float, biases: bool) -> Gradient:
    found = network.backprop(xs, ys, l2)
    return found.nabla_w, found.nabla_b if biases else None


def check_own(
    convention: Convention,
    seeds: Sequence[int] = SEEDS,
    points: Sequence[tuple[Setting, Network, Array, Array]] = (),
) -> OwnReport:
    """Run the reader's code (through ``convention``) on every setting and seed, and judge it; or, given
    ``points`` (each a setting with its network and batch of rows), at those instead.

    Code that raises on some networks only is judged on the others (a transposition crashes on
    non-square layers and shows as the bug on square ones), each such run keeping its error. Raises
    :class:`~worked.gradcheck.conventions.ReaderFailure` when the reader's code raises on every
    network, and :class:`~worked.core.InvalidInput` when what it returns is not of the convention's form.
    """
    drawn = points or [(s, *_draw(s, seed, convention)) for s in convention.settings for seed in seeds]
    runs: list[Run] = []
    matches: dict[tuple[str, tuple[int, ...]], tuple[Suspect, bool]] = {}
    for i, (setting, network, xs, ys) in enumerate(drawn):
        seed = None if points else seeds[i % len(seeds)]
        try:
            reader = convention.gradient(network, xs, ys, setting.l2)
        except ReaderFailure as failure:
            runs.append(Run(setting, seed, (), f"your code raised {failure}", failure))
            reader = ([], None)  # no suspect can equal it: each that runs here is ruled out
        else:
            truth = _truth(network, xs, ys, setting.l2, reader[1] is not None)
            problem = _shapes(reader, network)
            runs.append(Run(setting, seed, () if problem else _groups(reader, truth), problem))
        problem = runs[-1].problem
        candidates = suspects(network, setting.m, setting.l2)
        if convention.eta is not None:
            candidates.insert(0, output_first(convention.eta))
        for suspect in candidates:
            same = problem is None and _same(reader, suspect.gradient(network, xs, ys, setting.l2))
            first, every = matches.get((suspect.name, suspect.layers), (suspect, True))
            matches[(suspect.name, suspect.layers)] = (first, every and same)
    errors = [r.error for r in runs if r.error is not None]
    if len(errors) == len(runs):
        raise errors[0]
    named = None
    if not all(r.passed for r in runs):
        named = next((s for s, every in matches.values() if every), None)
    return OwnReport(convention.name, convention.described, tuple(runs), named)


def _same(reader: Gradient, suspect: Gradient) -> bool:
    """Does the reader's gradient equal the suspect's to rounding (on what the reader gives)?"""
    return all(g.agrees for g in _groups(reader, (suspect[0], suspect[1] if reader[1] is not None else None)))
