r"""Matt Mazur's "A Step by Step Backpropagation Example" (2015), as data: pure Python, no numpy.

The tutorial's network is 2-2-2 with logistic activations everywhere, one bias shared by the
neurons of each layer (b1 for the hidden layer, b2 for the output layer), biases never updated,
:math:`E_{total} = \sum \tfrac12 (target - out)^2` and :math:`\eta = 0.5`.

Mazur's names (w1..w8, net_h1, out_o1, ...) belong to the tutorial's modules only. :data:`NAMES` is
the one table that maps them to Nielsen's indices; the network's weight matrices are *built* from it
(:func:`worked.tutorial.network`), so the table cannot drift from the code. Nielsen's
:math:`w^l_{jk}` is the weight into neuron :math:`j` of layer :math:`l` from neuron :math:`k` of
layer :math:`l-1`, counting the input as layer 1 as the books do, and lives at
``weights[l-2][j-1, k-1]``.

:data:`PRINTED` is the tutorial's record: every number the post prints, as the exact string it prints
(trailing zeros and mixed precision included). It is quoted beside computed values and never used to
compute anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from worked import examples

_POST = examples.load("mazur")
"""The post as shipped: ``worked/examples/files/mazur.toml``, the one copy of its numbers."""
INPUTS = {i: _POST.values[i] for i in _POST.inputs}
"""The input, by Mazur's names: i1 = 0.05, i2 = 0.10."""
TARGETS = {o: _POST.values[f"target_{o}"] for o in _POST.outputs}
"""The targets of the output neurons o1 and o2."""
INITIAL = {p: _POST.values[p] for p in _POST.parameters}
"""Every parameter before training, by Mazur's names: w1..w8 and the shared biases b1, b2."""
ETA = _POST.eta
"""The learning rate η of the post's gradient descent."""
STEPS = 10_000
"""The length of the training run whose result the post quotes."""
STATED_RULE = (
    "gradient descent on E_total = Σ ½(target − out)², η = 0.5, every update computed from the "
    "weights before the step; one shared bias per layer, never updated"
)
"""The rule the post states, in words: the one the walkthrough computes by."""


@dataclass(frozen=True)
class Name:
    """One of Mazur's names and where it lives in the books' notation.

    ``layer`` counts the input as layer 1, as Nielsen and Ng both do (Nielsen: "the corresponding
    activation a¹ for the input layer"; Ng: a⁽¹⁾ = x); ``j`` and ``k`` count neurons from 1. The
    general code's lists start at 0 and hold no input weights, so w^l lives at ``weights[l - 2]``.
    """

    mazur: str
    kind: str  # "w" weight, "b" shared bias, "a" activation/input, "z" weighted input
    layer: int
    j: int  # neuron in `layer` (for "b": every neuron of the layer)
    k: int = 0  # for "w": neuron in layer - 1

    @property
    def nielsen(self) -> str:
        """Nielsen's symbol, e.g. ``w^3_11`` for w5 (w^l_jk: into neuron j of layer l from k of l - 1)."""
        if self.kind == "w":
            return f"w^{self.layer}_{self.j}{self.k}"
        if self.kind == "b":
            return f"b^{self.layer}_j (all j)"
        return f"{self.kind}^{self.layer}_{self.j}"

    @property
    def ng(self) -> str:
        """Ng's symbol, e.g. ``Θ^(2)_11`` for w5: Θ^(l) maps layer l to l + 1, its column 0 the bias unit."""
        if self.kind == "w":
            return f"Θ^({self.layer - 1})_{self.j}{self.k}"
        if self.kind == "b":
            return f"Θ^({self.layer - 1})_j0 (all j)"
        return f"{self.kind}^({self.layer})_{self.j}"

    def indices(self) -> dict[str, dict[str, int | None]]:
        """Both books' indices as numbers: Nielsen's layer, j, k and Ng's layer, row, col. ``k`` is None
        for a bias or a neuron's value; a bias is Ng's column 0; a shared bias has no one row (None)."""
        j = None if self.kind == "b" else self.j
        if self.kind == "w":
            ng: dict[str, int | None] = {"layer": self.layer - 1, "row": self.j, "col": self.k}
        elif self.kind == "b":
            ng = {"layer": self.layer - 1, "row": None, "col": 0}
        else:
            ng = {"layer": self.layer, "row": self.j, "col": None}
        k = self.k if self.kind == "w" else None
        return {"nielsen": {"layer": self.layer, "j": j, "k": k}, "ng": ng}

    @property
    def python(self) -> str:
        """Where the general code keeps it, e.g. ``weights[1][0, 0]`` for w5."""
        if self.kind == "w":
            return f"weights[{self.layer - 2}][{self.j - 1}, {self.k - 1}]"
        if self.kind == "b":
            return f"biases[{self.layer - 2}][:]"
        if self.kind == "z":
            return f"zs[{self.layer - 2}][{self.j - 1}]"
        return f"activations[{self.layer - 1}][{self.j - 1}]"


def _names() -> dict[str, Name]:
    """The table read from the file's ``[names]``: per layer, the weights into it, its bias, its net
    inputs and its outputs (the inputs alone for layer 1)."""
    table = [Name(i, "a", 1, j) for j, i in enumerate(_POST.inputs, 1)]
    for layer, neurons in enumerate(_POST.layers[1:], 2):
        for w, (to, source) in _POST.weights.items():
            if to in neurons:
                table.append(
                    Name(w, "w", layer, neurons.index(to) + 1, _POST.layers[layer - 2].index(source) + 1)
                )
        table += [Name(b, "b", layer, 0) for b, fed in _POST.bias_feeds.items() if fed == neurons]
        table += [
            Name(f"{kind}_{n}", "a" if kind == "out" else "z", layer, j)
            for kind in ("net", "out")
            for j, n in enumerate(neurons, 1)
        ]
    return {n.mazur: n for n in table}


NAMES: dict[str, Name] = _names()
"""Mazur's name → :class:`Name`: the one table from the post's names to Nielsen's indices."""

WEIGHTS = tuple(name for name, n in NAMES.items() if n.kind == "w")
"""w1..w8, in Mazur's order."""

NEURONS = tuple(
    tuple(name.removeprefix("out_") for name, n in NAMES.items() if n.kind == "a" and n.layer == layer)
    for layer in (1, 2, 3)
)
"""The neurons by layer, in Mazur's names: (i1, i2), (h1, h2), (o1, o2); ``NEURONS[l - 1]`` is layer l."""
INPUT_NEURONS, HIDDEN_NEURONS, OUTPUT_NEURONS = NEURONS
"""The neurons of each layer by name, unpacked from :data:`NEURONS`: (i1, i2), (h1, h2) and (o1, o2)."""
BIAS = {
    neuron: next(b for b, n in NAMES.items() if n.kind == "b" and n.layer == layer)
    for layer in (2, 3)
    for neuron in NEURONS[layer - 1]
}
"""The bias each neuron adds: one shared by each layer (b1 for h1 and h2, b2 for o1 and o2)."""
FEEDS = {
    w: (NEURONS[n.layer - 1][n.j - 1], NEURONS[n.layer - 2][n.k - 1])
    for w, n in NAMES.items()
    if n.kind == "w"
}
"""Weight → (the neuron it feeds, the neuron it comes from): w^l_jk feeds neuron j of layer l from
neuron k of layer l - 1 (w5 → (o1, h1))."""


def neuron(name: str) -> tuple[int, int]:
    """``(index into activations, index in the layer)`` of a neuron named like ``h1``/``o2``/``i1``
    (``out_h1`` → (1, 0): the book's layer 2, its neuron 1). Raises ``ValueError`` naming the neurons
    for any other name (pure Python: this wing has no :class:`~worked.core.InvalidInput`)."""
    n = NAMES.get(name if name.startswith(("out_", "i")) else f"out_{name}")
    if n is None or n.kind != "a":
        every = ", ".join(name for layer in NEURONS for name in layer)
        raise ValueError(f"{name!r} is not a neuron; the neurons are {every}")
    return n.layer - 1, n.j - 1


def weight_index(name: str) -> tuple[int, int, int]:
    """``(list index into weights, row, column)`` of ``w1``..``w8``: w5 → (1, 0, 0). Raises
    ``ValueError`` naming the weights for any other name."""
    n = NAMES.get(name)
    if n is None or n.kind != "w":
        raise ValueError(f"{name!r} is not a weight; the weights are {', '.join(WEIGHTS)}")
    return n.layer - 2, n.j - 1, n.k - 1


PRINTED: dict[str, str] = dict(_POST.printed)
"""Every number the post prints, by key, as the exact string it prints (quoted, never computed with)."""
