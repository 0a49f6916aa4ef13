"""The one grammar of quantity names, so that any text's intermediate can be named (:data:`GRAMMAR`).

:func:`parse` is the only reader of these names; the numeric side (:mod:`worked.tutorial`) computes a
:class:`Quantity`, never a string. Pure Python.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from worked.examples.schema import Example

GRAMMAR: tuple[tuple[str, str], ...] = (
    ("net_<n>, out_<n>", "a neuron's weighted input and output (an input neuron by its own name, i1)"),
    ("E_<o>, E_total", "an output's share of the cost, and the cost"),
    ("w5, b1", "a parameter's value before training (the names the file gives)"),
    (
        "d<A>_d<B>",
        "the total derivative of A with respect to B along every path, A and B any of the names above "
        "(E_total and E_o1 written Etotal and Eo1): dEtotal_dw5, dout_o1_dnet_o1, dnet_o1_dw5, dEo1_dout_h1",
    ),
    ("delta_<n>", "δ of neuron n: ∂E_total/∂net_n"),
    ("<param>_new", "a parameter after one step"),
    ("E_total_after_<k>", "the cost after k steps"),
    ("out_<n>_after_<k>", "a neuron's output after k steps"),
)
"""Every form of quantity name, with its meaning (the docs render this table)."""
NODE_KINDS = ("input", "net", "out", "E", "E_total", "weight", "bias")
"""The kinds of scalar in the network's graph: what a derivative's A and B can be."""
_AFTER = re.compile(r"(?P<what>.+)_after_(?P<steps>[1-9][0-9]{0,11})")
MAX_AFTER_STEPS = 100_000
"""Training steps a quantity name may ask for: ten times the post's 10,000, a few seconds of training,
so that no name in a file or on the command line starts a run that needs a progress line."""


@dataclass(frozen=True)
class Node:
    """One scalar of the network's graph: ``kind`` (:data:`NODE_KINDS`) and the neuron, output or
    parameter it belongs to (empty for ``E_total``)."""

    kind: str
    name: str = ""

    @property
    def symbol(self) -> str:
        """The name as the text writes it: ``net_h1``, ``i1``, ``E_total``, ``w5``."""
        if self.kind in ("net", "out", "E"):
            return f"{self.kind}_{self.name}"
        return "E_total" if self.kind == "E_total" else self.name


@dataclass(frozen=True)
class Quantity:
    """A parsed quantity name.

    ``kind`` is ``"value"`` (``of``'s value), ``"derivative"`` (∂of/∂by), ``"delta"`` (``of`` is the
    neuron's ``net``), ``"new"`` (``of``, a parameter, after one step) or ``"after"`` (``of``, E_total
    or a neuron's ``out``, after ``steps`` steps).
    """

    kind: str
    of: Node
    by: Node | None = None
    steps: int = 0


class NotAQuantity(ValueError):
    """A name outside the grammar; the message says why."""


def node(text: str, example: Example) -> Node | None:
    """The graph node ``text`` names in ``example`` (``Etotal``/``Eo1`` spellings included), or None."""
    neurons = set(example.neurons) - set(example.inputs)
    if text in ("E_total", "Etotal"):
        return Node("E_total")
    for prefix in ("E_", "E"):
        if text.startswith(prefix) and text[len(prefix) :] in example.outputs:
            return Node("E", text[len(prefix) :])
    for kind in ("net", "out"):
        if text.startswith(f"{kind}_") and text[len(kind) + 1 :] in neurons:
            return Node(kind, text[len(kind) + 1 :])
    if text in example.inputs or (text.startswith("out_") and text[4:] in example.inputs):
        return Node("input", text.removeprefix("out_"))
    if text in example.weights:
        return Node("weight", text)
    if text in example.bias_feeds:
        return Node("bias", text)
    return None


def parse(name: str, example: Example) -> Quantity:
    """The :class:`Quantity` ``name`` stands for in ``example``; :class:`NotAQuantity` says why not."""
    quantity = _parse(name, example)
    if quantity is None:
        raise NotAQuantity(why_unknown(name, example))
    if quantity.kind == "after" and quantity.steps > MAX_AFTER_STEPS:
        raise NotAQuantity(
            f"{name!r}: a worked example trains at most {MAX_AFTER_STEPS:,} steps (a text's hand-worked "
            "numbers need far fewer; train --steps runs longer, with progress)"
        )
    return quantity


def known(name: str, example: Example) -> bool:
    """Whether ``name`` is a quantity of the grammar in ``example``."""
    return _parse(name, example) is not None


def why_unknown(name: str, example: Example) -> str:
    """One line for a name outside the grammar."""
    return (
        f"{name!r} is outside the grammar (net_<neuron>, out_<neuron>, E_<output>, E_total, d<A>_d<B>, "
        "delta_<neuron>, <param>_new, E_total_after_<n>, out_<neuron>_after_<n>; the neurons are "
        f"{', '.join(example.neurons)}; the parameters {', '.join(example.parameters) or 'none'})"
    )


def _parse(name: str, example: Example) -> Quantity | None:
    found = node(name, example)
    if found is not None:
        return Quantity("value", found)
    if name.startswith("delta_"):
        target = node(f"net_{name[6:]}", example)
        return None if target is None else Quantity("delta", target)
    if name.endswith("_new") and name[:-4] in example.parameters:
        parameter = name[:-4]
        return Quantity("new", Node("weight" if parameter in example.weights else "bias", parameter))
    if after := _AFTER.fullmatch(name):
        target = node(after["what"], example)
        if target is not None and target.kind in ("E_total", "out"):
            return Quantity("after", target, steps=int(after["steps"]))
        return None
    if name.startswith("d"):
        for split in (m.start() for m in re.finditer("_d", name)):
            of, by = node(name[1:split], example), node(name[split + 2 :], example)
            if of is not None and by is not None:
                return Quantity("derivative", of, by)
    return None
