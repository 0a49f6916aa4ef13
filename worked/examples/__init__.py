"""Worked examples as data: a TOML file per example (Mazur's post and others of its genre, shipped in
``worked/examples/files``), read and checked field by field (:func:`load`), and the one grammar of
quantity names (:func:`parse`). Pure Python, no numpy: the numbers are computed by
:mod:`worked.tutorial` (``tutorial.load("mazur").value("dEtotal_dw5")``)."""

from worked.examples.fields import BIAS_CHOICES, BIAS_IN_WORDS, number
from worked.examples.grammar import NODE_KINDS, Node, NotAQuantity, Quantity, known, parse
from worked.examples.schema import Example, InvalidExample
from worked.examples.shipped import SHIPPED, describe, load
from worked.examples.variants import RANGES, variant

__all__ = [
    "BIAS_CHOICES",
    "BIAS_IN_WORDS",
    "NODE_KINDS",
    "RANGES",
    "SHIPPED",
    "Example",
    "InvalidExample",
    "Node",
    "NotAQuantity",
    "Quantity",
    "describe",
    "known",
    "load",
    "number",
    "parse",
    "variant",
]
