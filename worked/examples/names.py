"""The ``[names]`` section (neurons per layer, each weight's two ends, each bias's neurons) and the
sections keyed by quantity names (``[printed]``, ``[extras]``, ``[sections]``), checked against the
network's sizes and the grammar."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from worked.examples import grammar

if TYPE_CHECKING:
    from worked.examples.schema import Example

NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)?")
"""A neuron's or parameter's name: letters and digits, at most one inner underscore (``b_h1``)."""


def read(
    table: Mapping[str, Any], sizes: tuple[int, ...], biases: str, fail: Any
) -> tuple[tuple[tuple[str, ...], ...], dict[str, tuple[str, str]], dict[str, tuple[str, ...]]]:
    """``(layers, weights, bias_feeds)`` from ``[names]``, for a network of ``sizes`` and bias kind."""
    layers = _layers(table.get("layers"), sizes, fail)
    neurons = [n for layer in layers for n in layer]
    weights: dict[str, tuple[str, str]] = {}
    bias_feeds: dict[str, tuple[str, ...]] = {}
    for name, value in table.items():
        if name == "layers":
            continue
        key = f"names.{name}"
        if not NAME.fullmatch(name) or name in neurons or name.startswith(("target_", "net_", "out_", "E")):
            raise fail(key, "a parameter's name is letters and digits, unlike any neuron's or quantity's")
        if isinstance(value, list):
            weights[name] = _weight(value, layers, key, fail)
        else:
            bias_feeds[name] = _bias(value, layers, biases, key, fail)
    _every_connection_once(layers, weights, fail)
    _every_bias_once(layers, bias_feeds, biases, fail)
    return layers, weights, bias_feeds


def _layers(layers: object, sizes: tuple[int, ...], fail: Any) -> tuple[tuple[str, ...], ...]:
    if not (isinstance(layers, list) and all(isinstance(layer, list) for layer in layers)):
        raise fail("names.layers", 'must be a list of lists of neuron names, e.g. [["i1", "i2"], ["o1"]]')
    if [len(layer) for layer in layers] != list(sizes):
        widths = [len(layer) for layer in layers]
        raise fail("names.layers", f"names {widths} neurons per layer but network.sizes is {list(sizes)}")
    seen: set[str] = set()
    for layer in layers:
        for n in layer:
            if not (isinstance(n, str) and NAME.fullmatch(n) and "_" not in n):
                raise fail("names.layers", f"{n!r} is not a neuron name (letters and digits, e.g. h1)")
            if n in seen or n == "total":
                raise fail("names.layers", f"the neuron name {n!r} is used twice or is reserved")
            seen.add(n)
    return tuple(tuple(layer) for layer in layers)


def _weight(value: list[Any], layers: tuple[tuple[str, ...], ...], key: str, fail: Any) -> tuple[str, str]:
    if len(value) != 2 or not all(isinstance(v, str) for v in value):
        raise fail(key, 'a weight is ["to", "from"], the neuron it feeds and the one it comes from')
    to, source = value
    where = {n: l for l, layer in enumerate(layers) for n in layer}
    for n in (to, source):
        if n not in where:
            raise fail(key, f"unknown neuron {n!r}; the neurons are {', '.join(where)}")
    if where[to] != where[source] + 1:
        raise fail(key, f"joins {to} and {source}, which are not in adjacent layers (to, then from)")
    return to, source


def _bias(
    value: object, layers: tuple[tuple[str, ...], ...], biases: str, key: str, fail: Any
) -> tuple[str, ...]:
    if biases == "none":
        raise fail(key, 'network.biases is "none", so [names] names no bias')
    if biases == "per-neuron":
        if not isinstance(value, str) or not any(value in layer for layer in layers[1:]):
            raise fail(key, f"a per-neuron bias names its neuron (not an input), got {value!r}")
        return (value,)
    if isinstance(value, int) and not isinstance(value, bool) and 2 <= value <= len(layers):
        return layers[value - 1]
    fed = [
        layer for layer in layers[1:] if isinstance(value, str) and all(n.startswith(value) for n in layer)
    ]
    if isinstance(value, str) and value and len(fed) == 1:
        return fed[0]
    if len(fed) > 1:
        numbers = ", ".join(str(layers.index(layer) + 1) for layer in fed)
        raise fail(key, f"the prefix {value!r} fits layers {numbers}; name the layer by its number")
    raise fail(
        key,
        f"a shared bias names its layer by its neurons' prefix or by its number (2..{len(layers)}, "
        f"the input is layer 1), got {value!r}",
    )


def _every_connection_once(
    layers: tuple[tuple[str, ...], ...], weights: Mapping[str, tuple[str, str]], fail: Any
) -> None:
    named: dict[tuple[str, str], str] = {}
    for w, pair in weights.items():
        if pair in named:
            raise fail(f"names.{w}", f"joins {pair[0]} and {pair[1]}, as {named[pair]} does")
        named[pair] = w
    for below, above in itertools.pairwise(layers):
        for to in above:
            for source in below:
                if (to, source) not in named:
                    raise fail("names", f"no weight joins {to} to {source} (the layers are fully connected)")


def _every_bias_once(
    layers: tuple[tuple[str, ...], ...], bias_feeds: Mapping[str, tuple[str, ...]], biases: str, fail: Any
) -> None:
    if biases == "none":
        return
    fed: dict[str, str] = {}
    for b, neurons in bias_feeds.items():
        for n in neurons:
            if n in fed:
                raise fail(f"names.{b}", f"{n} already has its bias, {fed[n]}")
            fed[n] = b
    for layer in layers[1:]:
        for n in layer:
            if n not in fed:
                raise fail("names", f"no bias feeds {n} (network.biases is {biases!r})")


def with_printed(example: Example, data: Mapping[str, Any], fail: Any) -> Example:
    """``example`` with its ``[printed]``, ``[extras]`` and ``[sections]`` checked against the grammar."""
    from worked.examples.fields import plain_decimal

    extras: dict[str, str] = {}
    for key, value in data.get("extras", {}).items():
        if grammar.known(key, example):
            raise fail(f"extras.{key}", "is a name of the grammar already")
        if not (isinstance(value, str) and grammar.known(value, example)):
            raise fail(f"extras.{key}", f"must name a quantity of the grammar, got {value!r}")
        extras[key] = value
    printed: dict[str, str] = {}
    for key, digits in data.get("printed", {}).items():
        try:
            grammar.parse(extras.get(key, key), example)
        except grammar.NotAQuantity as error:
            raise fail(f"printed.{key}", f"not a quantity name: {error}") from None
        if not plain_decimal(digits):
            raise fail(
                f"printed.{key}", f'must be the printed digits as a string, e.g. "0.40"; got {digits!r}'
            )
        printed[key] = digits
    sections: dict[str, str] = {}
    for title, first in data.get("sections", {}).items():
        if first not in printed:
            raise fail(f"sections.{title}", f"must name a printed key, got {first!r}")
        sections[title] = first
    return dataclasses.replace(example, printed=printed, extras=extras, sections=sections)
