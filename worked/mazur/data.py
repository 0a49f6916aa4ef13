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

INPUTS = {"i1": 0.05, "i2": 0.10}
"""The input, by Mazur's names: i1 = 0.05, i2 = 0.10."""
TARGETS = {"o1": 0.01, "o2": 0.99}
"""The targets of the output neurons o1 and o2."""
INITIAL = {
    "w1": 0.15,
    "w2": 0.20,
    "w3": 0.25,
    "w4": 0.30,
    "w5": 0.40,
    "w6": 0.45,
    "w7": 0.50,
    "w8": 0.55,
    "b1": 0.35,
    "b2": 0.60,
}
"""Every parameter before training, by Mazur's names: w1..w8 and the shared biases b1, b2."""
ETA = 0.5
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


NAMES: dict[str, Name] = {
    n.mazur: n
    for n in (
        Name("i1", "a", 1, 1),
        Name("i2", "a", 1, 2),
        Name("w1", "w", 2, 1, 1),
        Name("w2", "w", 2, 1, 2),
        Name("w3", "w", 2, 2, 1),
        Name("w4", "w", 2, 2, 2),
        Name("b1", "b", 2, 0),
        Name("net_h1", "z", 2, 1),
        Name("net_h2", "z", 2, 2),
        Name("out_h1", "a", 2, 1),
        Name("out_h2", "a", 2, 2),
        Name("w5", "w", 3, 1, 1),
        Name("w6", "w", 3, 1, 2),
        Name("w7", "w", 3, 2, 1),
        Name("w8", "w", 3, 2, 2),
        Name("b2", "b", 3, 0),
        Name("net_o1", "z", 3, 1),
        Name("net_o2", "z", 3, 2),
        Name("out_o1", "a", 3, 1),
        Name("out_o2", "a", 3, 2),
    )
}
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


PRINTED: dict[str, str] = {
    # forward pass
    "net_h1": "0.3775",
    "out_h1": "0.593269992",
    "out_h2": "0.596884378",
    "net_o1": "1.105905967",
    "out_o1": "0.75136507",
    "out_o2": "0.772928465",
    "E_o1": "0.274811083",
    "E_o2": "0.023560026",
    "E_total": "0.298371109",
    # output layer
    "dEtotal_dout_o1": "0.74136507",
    "dout_o1_dnet_o1": "0.186815602",
    "dnet_o1_dw5": "0.593269992",
    "dEtotal_dw5": "0.082167041",
    "w5_new": "0.35891648",
    "w6_new": "0.408666186",
    "w7_new": "0.511301270",
    "w8_new": "0.561370121",
    # hidden layer
    "delta_o1": "0.138498562",
    "dnet_o1_dout_h1": "0.40",
    "dEo1_dout_h1": "0.055399425",
    "dEo2_dout_h1": "-0.019049119",
    "dEtotal_dout_h1": "0.036350306",
    "out_h1_operand": "0.59326999",
    "dout_h1_dnet_h1": "0.241300709",
    "dnet_h1_dw1": "0.05",
    "dEtotal_dw1": "0.000438568",
    "w1_new": "0.149780716",
    "w2_new": "0.19956143",
    "w3_new": "0.24975114",
    "w4_new": "0.29950229",
    # training
    "E_total_after_1": "0.291027924",
    "E_total_after_10000": "0.0000351085",
    "E_total_after_10000_2017": "0.000035085",
    "out_o1_after_10000": "0.015912196",
    "out_o2_after_10000": "0.984065734",
}
"""Every number the post prints, by key, as the exact string it prints (quoted, never computed with)."""
