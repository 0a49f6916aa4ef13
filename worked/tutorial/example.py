"""The tutorial's network and its one example: Mazur's shipped example (:func:`worked.tutorial.load`)."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from worked.core import Array, InvalidInput, InvalidType, Network
from worked.mazur import INITIAL
from worked.tutorial import keys


def network(values: Mapping[str, float] | None = None) -> Network:
    """The tutorial's 2-2-2 network: sigmoid neurons, the quadratic cost, one bias per layer shared by
    its neurons and never updated (so :func:`~worked.core.train` follows the stated rule by default).

    ``values`` gives every parameter by Mazur's name, ``w1`` .. ``w8``, ``b1`` and ``b2`` (default
    :data:`~worked.mazur.INITIAL`, the post's); the matrices are filled in from the one table of names
    (:data:`~worked.mazur.NAMES`). Raises :class:`~worked.core.InvalidInput` naming the missing and the
    unknown names, or a value that is not one finite number.
    """
    values = INITIAL if values is None else values
    if not isinstance(values, Mapping):
        raise InvalidType(f"values must map Mazur's names to numbers, e.g. {{'w1': 0.15}}; got {values!r}")
    problems = []
    if missing := [name for name in INITIAL if name not in values]:
        problems.append(f"missing {', '.join(missing)}")
    if unknown := sorted(str(name) for name in set(values) - set(INITIAL)):
        problems.append(f"unknown {', '.join(unknown)}")
    if problems:
        allowed = ", ".join(INITIAL)
        raise InvalidInput(f"{'; '.join(problems)} (the tutorial's network takes exactly {allowed})")
    number = {name: _number(name, values[name]) for name in INITIAL}
    return keys.mazur().with_values(number).network


def _number(name: str, value: object) -> float:
    if not isinstance(value, (int, float, np.integer, np.floating)) or isinstance(value, (bool, np.bool_)):
        raise InvalidType(f"{name} must be a number, got {value!r}")
    if not math.isfinite(value):
        raise InvalidInput(f"{name} must be finite, got {value!r}")
    return float(value)


def x() -> Array:
    """The input vector (i1, i2), shape ``(2,)``."""
    return keys.mazur().x.copy()


def y() -> Array:
    """The target vector (target_o1, target_o2), shape ``(2,)``."""
    return keys.mazur().y.copy()
