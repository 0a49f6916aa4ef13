"""The checks of single fields of an example file: ``[network]``, ``[values]``, numbers and printed
digits, each problem made into an error by the caller's ``fail(key, problem)``. Pure Python."""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

BIAS_IN_WORDS = {
    "shared": "one shared bias per layer",
    "per-neuron": "one bias per neuron",
    "none": "no biases",
}
"""How biases enter, in the words the outputs use: one per layer shared by its neurons (Mazur), one per
neuron (Nielsen), or none."""
BIAS_CHOICES = tuple(BIAS_IN_WORDS)
"""The values ``network.biases`` takes."""
REQUIRED = ("network", "names", "values")
"""The sections every example has."""
OPTIONAL = ("printed", "source", "sections", "extras")
"""The sections an example may have."""
NETWORK_KEYS = ("sizes", "activation", "cost", "eta", "biases", "train_biases", "order", "decimals")
"""The keys of ``[network]``; the first five are required."""


def network(table: Mapping[str, Any], fail: Any) -> dict[str, Any]:
    for key in NETWORK_KEYS[:5]:
        if key not in table:
            raise fail(f"network.{key}", "missing")
    if unknown := [k for k in table if k not in NETWORK_KEYS]:
        raise fail(f"network.{unknown[0]}", f"unknown key; the keys are {', '.join(NETWORK_KEYS)}")
    sizes = table["sizes"]
    if not (isinstance(sizes, list) and len(sizes) >= 2 and all(_whole(s) and s >= 1 for s in sizes)):
        raise fail("network.sizes", f"must be a list of two or more positive widths, got {sizes!r}")
    activation = table["activation"]
    activations = [activation] * (len(sizes) - 1) if isinstance(activation, str) else activation
    if not (isinstance(activations, list) and all(isinstance(a, str) and a for a in activations)):
        raise fail("network.activation", f"must be a name or a list of names, got {activation!r}")
    if len(activations) != len(sizes) - 1:
        raise fail("network.activation", f"give one name, or one per layer of weights ({len(sizes) - 1})")
    for key in ("cost", "order"):
        if not isinstance(table.get(key, ""), str):
            raise fail(f"network.{key}", f"must be a name, got {table[key]!r}")
    if table["biases"] not in BIAS_CHOICES:
        raise fail("network.biases", f"must be one of {', '.join(BIAS_CHOICES)}; got {table['biases']!r}")
    if not isinstance(table.get("train_biases", False), bool):
        raise fail("network.train_biases", f"must be true or false, got {table['train_biases']!r}")
    if table.get("train_biases") and table["biases"] == "none":
        raise fail("network.train_biases", 'network.biases is "none": there are no biases to train')
    places = table.get("decimals")
    if places is not None and not (_whole(places) and 0 <= places <= 17):
        raise fail("network.decimals", f"must be a whole number of decimals from 0 to 17, got {places!r}")
    return {
        "sizes": tuple(sizes),
        "activations": tuple(activations),
        "cost": table["cost"],
        "eta": number(table["eta"], lambda problem: fail("network.eta", problem), positive=True),
        "biases": table["biases"],
        "train_biases": table.get("train_biases", False),
        "order": table.get("order", "simultaneous"),
        "decimals": places,
    }


def values(
    table: Mapping[str, Any],
    layers: tuple[tuple[str, ...], ...],
    weights: Mapping[str, Any],
    biases: Mapping[str, Any],
    fail: Any,
) -> dict[str, float]:
    names = (*layers[0], *(f"target_{o}" for o in layers[-1]), *weights, *biases)
    if missing := [n for n in names if n not in table]:
        raise fail(f"values.{missing[0]}", f"missing (the values are {', '.join(names)})")
    if unknown := [n for n in table if n not in names]:
        raise fail(f"values.{unknown[0]}", f"unknown name (the values are {', '.join(names)})")
    return {n: number(table[n], lambda problem, n=n: fail(f"values.{n}", problem)) for n in names}


def number(value: object, fail: Any, positive: bool = False) -> float:
    """``value`` as a finite float (a TOML integer or float, or any real number such as numpy's float32;
    never a boolean or text); ``fail(problem)`` makes the error."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):  # numpy's bool is no Real
        raise fail(f"must be a number, got {_toml(value)}")
    number = float(value)
    if not math.isfinite(number) or (positive and number <= 0):
        raise fail(f"must be a finite{' positive' if positive else ''} number, got {number!r}")
    if abs(number) > MAX_VALUE:
        raise fail(
            f"must be at most {MAX_VALUE:g} in size (a worked example's numbers are of order 1); "
            f"got {number!r}"
        )
    return number


MAX_VALUE = 1e6
"""The largest initial value or η a worked example takes: the texts' numbers are of order 1, a sigmoid
is saturated to float64 past |z| = 37 anyway, and the walkthrough prints values in fixed notation, which
1e300 would fill with 300 digits. (The API's :class:`~worked.core.Network` takes any finite weights.)"""


def plain_decimal(text: object) -> bool:
    """Whether ``text`` is a string of printed digits such as ``"0.40"`` or ``"-0.019049119"``."""
    if not isinstance(text, str) or "e" in text.lower():
        return False
    try:
        return Decimal(text.strip()).is_finite() and text == text.strip()
    except InvalidOperation:
        return False


def _whole(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _toml(value: object) -> str:
    """A value as its TOML file spells it, for a message (``true``, not Python's ``True``)."""
    return str(value).lower() if isinstance(value, bool) else repr(value)
