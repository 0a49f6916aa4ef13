r"""The printed numbers of a worked example, each a :class:`Key`: its name (a quantity of the grammar,
or an extra of the file), the section of the text it sits in, and its formula.

The numbers themselves are a :class:`~worked.tutorial.model.Model`'s (``model.value(key)``): the
example's network pushed through the general code (BP1-BP4, one step, a training run) under one update
order. Mazur's post is the shipped ``mazur`` example; :func:`run` is it under an update order.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from worked.examples import Example, parse
from worked.mazur import formulas
from worked.tutorial.model import Model, load

FORWARD = "forward pass"
OUTPUT = "output layer"
HIDDEN = "hidden layer"
TRAINING = "training"
BACKWARD = "backward pass"
GROUPS = (FORWARD, OUTPUT, HIDDEN, TRAINING)
"""Mazur's sections in reading order: forward pass, output layer, hidden layer, training."""


@cache
def mazur() -> Model:
    """Mazur's post as shipped (``worked/examples/files/mazur.toml``), ready to compute."""
    return load("mazur")


@cache
def run(order: str = "simultaneous") -> Model:
    """The post's example under ``order``, made once per process: its training runs are the slow part,
    and every reader of them (walkthrough, errata, figures) wants the same numbers."""
    return mazur().with_order(order)


@dataclass(frozen=True)
class Key:
    """One printed number: its key, the section it is printed in, and its formula as text."""

    key: str
    group: str
    formula: str

    def value(self, model: Model) -> float:
        """The key's value in ``model``."""
        return model.value(self.key)


def groups(example: Example) -> dict[str, str]:
    """Each printed key's section: by the file's ``[sections]`` (where each begins), else forward pass,
    backward pass or training by the kind of quantity."""
    found: dict[str, str] = {}
    section = ""
    for key in example.printed:
        section = next((title for title, first in example.sections.items() if first == key), section)
        if not section:
            kind = parse(example.extras.get(key, key), example).kind
            found[key] = TRAINING if kind == "after" else FORWARD if kind == "value" else BACKWARD
        else:
            found[key] = section
    return found


def _posts_keys(example: Example) -> tuple[Key, ...]:
    """Every printed number of the post as a :class:`Key`, in its order, with the post's own formula
    text (:mod:`worked.mazur.formulas`; another example's formulas are its arithmetic lines')."""
    group = groups(example)
    return tuple(Key(k, group[k], formulas.formula(k)) for k in example.printed)


KEYS: tuple[Key, ...] = _posts_keys(mazur().example)
"""Every printed number of the post as a :class:`Key`."""

KEY_NAMES = tuple(k.key for k in KEYS)
"""The keys of :data:`KEYS`, in the post's order (what :meth:`Walkthrough.value` accepts)."""
