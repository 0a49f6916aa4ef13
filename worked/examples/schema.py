"""A worked example as data: a TOML file read with the standard library and checked field by field
against :data:`FIELDS` (the schema, which the docs render).

Every problem is an :class:`InvalidExample` naming the file and the key. Pure Python (no numpy), so
that :mod:`worked.mazur` can read the post's own file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS: tuple[tuple[str, str, str], ...] = (
    ("[network] sizes", "required", "the widths of the layers, the input first: [2, 2, 2]"),
    (
        "[network] activation",
        "required",
        "one name for every layer, or one per layer of weights: sigmoid, tanh, relu, softplus, identity",
    ),
    ("[network] cost", "required", "quadratic (Σ ½(t − o)²), squared (Σ (t − o)², no ½) or cross-entropy"),
    ("[network] eta", "required", "the learning rate η, a positive number"),
    ("[network] biases", "required", "shared (one per layer, as in Mazur's post), per-neuron or none"),
    ("[network] train_biases", "false", "whether gradient descent updates the biases"),
    (
        "[network] order",
        "simultaneous",
        "the update order: simultaneous, or output-first (hidden deltas "
        "through the already-updated output weights)",
    ),
    ("[network] decimals", "none", "the text's hand rounding, in decimals (for values it does not print)"),
    ("[names] layers", "required", 'the neuron names per layer: [["i1", "i2"], ["h1", "h2"], ["o1", "o2"]]'),
    (
        "[names] <weight>",
        "one per connection",
        'the neuron it feeds and the one it comes from: w5 = ["o1", "h1"]',
    ),
    (
        "[names] <bias>",
        "one per layer or neuron",
        "shared: the layer by its neurons' prefix or its number "
        '(b1 = "h", b1 = 2; the input is layer 1); per-neuron: the neuron (b_h1 = "h1")',
    ),
    ("[values] <name>", "every one", "each input (i1 = 0.05), target (target_o1 = 0.01), weight and bias"),
    (
        "[printed] <quantity>",
        "optional",
        'the text\'s digits, as a string, by quantity name: net_h1 = "0.3775"',
    ),
    (
        "[extras] <key>",
        "optional",
        'a printed key outside the grammar and the quantity it stands for: out_h1_operand = "out_h1"',
    ),
    (
        "[sections] <title>",
        "optional",
        'the text\'s sections by their first printed key: "training" = "E_total_after_1"',
    ),
    ("[source] title, author, year, url", "optional", "the text the example comes from"),
)
"""Every field of an example file: (where, required or its default, meaning)."""


class InvalidExample(ValueError):
    """A worked-example file that cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class Example:
    """One worked example as its file gives it (checked, not yet computed).

    Neurons are named per layer in :attr:`layers` (the input first); :attr:`weights` maps each weight's
    name to (the neuron it feeds, the neuron it comes from); :attr:`bias_feeds` maps each bias's name to
    the neurons it feeds (a whole layer when shared). :attr:`values` holds every initial value by name
    (inputs by the input neuron's name, targets as ``target_<output>``).
    """

    file: str
    sizes: tuple[int, ...]
    activations: tuple[str, ...]
    cost: str
    eta: float
    biases: str
    train_biases: bool
    order: str
    decimals: int | None
    layers: tuple[tuple[str, ...], ...]
    weights: dict[str, tuple[str, str]]
    bias_feeds: dict[str, tuple[str, ...]]
    values: dict[str, float]
    printed: dict[str, str] = field(default_factory=dict)
    extras: dict[str, str] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    source: dict[str, str] = field(default_factory=dict)

    @property
    def inputs(self) -> tuple[str, ...]:
        """The input neurons' names."""
        return self.layers[0]

    @property
    def outputs(self) -> tuple[str, ...]:
        """The output neurons' names."""
        return self.layers[-1]

    @property
    def neurons(self) -> tuple[str, ...]:
        """Every neuron's name, layer by layer."""
        return tuple(n for layer in self.layers for n in layer)

    @property
    def parameters(self) -> tuple[str, ...]:
        """Every weight's and bias's name, in the file's order."""
        return (*self.weights, *self.bias_feeds)

    @property
    def value_names(self) -> tuple[str, ...]:
        """Every name :attr:`values` holds: inputs, targets, weights, biases."""
        return (*self.inputs, *(f"target_{o}" for o in self.outputs), *self.parameters)

    def index(self, neuron: str) -> tuple[int, int]:
        """``(layer index counting the input as 0, position in the layer)`` of a neuron."""
        for l, layer in enumerate(self.layers):
            if neuron in layer:
                return l, layer.index(neuron)
        raise KeyError(neuron)

    def weight_index(self, name: str) -> tuple[int, int, int]:
        """``(index into the general code's weights, row, column)`` of a weight: w^l_jk."""
        to, source = self.weights[name]
        (l, j), (_, k) = self.index(to), self.index(source)
        return l - 1, j, k


def read(path: Path, name: str | None = None) -> Example:
    """Read and check the example file at ``path`` (``name``: how messages call it, default the path)."""
    where = name or str(path)
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise InvalidExample(f"{where}: no such example file") from None
    except OSError as error:
        raise InvalidExample(f"{where}: cannot be read ({error.strerror})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise InvalidExample(f"{where}: not TOML ({error})") from None
    return parse(data, where)


def parse(data: Mapping[str, Any], where: str) -> Example:
    """The :class:`Example` in already-read TOML ``data``; ``where`` names the file in messages."""
    from worked.examples import fields
    from worked.examples import names as naming

    def fail(key: str, problem: str) -> InvalidExample:
        return InvalidExample(f"{where}: {key}: {problem}")

    for section in fields.REQUIRED:
        if not isinstance(data.get(section), dict):
            raise fail(f"[{section}]", "missing section" if section not in data else "must be a table")
    if unknown := [s for s in data if s not in fields.REQUIRED + fields.OPTIONAL]:
        raise fail(
            f"[{unknown[0]}]",
            f"unknown section; the sections are {', '.join(fields.REQUIRED + fields.OPTIONAL)}",
        )
    for section in fields.OPTIONAL:
        if section in data and not isinstance(data[section], dict):
            raise fail(f"[{section}]", "must be a table")
    net = fields.network(data["network"], fail)
    layers, weights, bias_feeds = naming.read(data["names"], net["sizes"], net["biases"], fail)
    values = fields.values(data["values"], layers, weights, bias_feeds, fail)
    example = Example(
        where,
        net["sizes"],
        net["activations"],
        net["cost"],
        net["eta"],
        net["biases"],
        net["train_biases"],
        net["order"],
        net["decimals"],
        layers,
        weights,
        bias_feeds,
        values,
        source={k: str(v) for k, v in data.get("source", {}).items()},
    )
    return naming.with_printed(example, data, fail)
