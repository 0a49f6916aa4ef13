"""The hand computation run: its first step's values and its training run, cached per variant.

:func:`worked.diagnosis.by_hand.step` is one step worked by hand; a reader may also check the numbers
the post quotes after training (:data:`TRAINING_KEYS`), which come from repeating it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from types import MappingProxyType

from worked import mazur
from worked.core import InvalidInput
from worked.diagnosis import by_hand
from worked.diagnosis.variant import STATED, Variant

TRAINING_KEYS = (
    "E_total_after_1",
    "E_total_after_10000",
    "E_total_after_10000_2017",
    "out_o1_after_10000",
    "out_o2_after_10000",
)
"""The keys read off the training run rather than the first step (both 10,000-step errors are one number)."""


@dataclass(frozen=True)
class Training:
    """``errors[t]``: E_total after ``t`` steps (t = 0..steps); ``outputs``: out_o1, out_o2 after the last."""

    errors: tuple[float, ...]
    outputs: tuple[float, float]


_PARAMETERS = tuple((name, f"{name}_new") for name in (*mazur.WEIGHTS, "b1", "b2"))


def parameters_after(record: Mapping[str, float]) -> dict[str, float]:
    """w1..w8, b1, b2 after the step that ``record`` records (its ``w1_new`` .. ``b2_new``)."""
    return {name: record[new] for name, new in _PARAMETERS}


@lru_cache(maxsize=64)
def train(variant: Variant = STATED, steps: int = mazur.STEPS) -> Training:
    """``steps`` steps of the variant's gradient descent from the tutorial's initial values."""
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 0:
        raise InvalidInput(f"steps must be a whole number >= 0, got {steps!r}")
    errors = []
    for record in islice(by_hand.steps(variant), steps + 1):  # the error before each update, and after
        errors.append(record["E_total"])
    return Training(tuple(errors), (record["out_o1"], record["out_o2"]))


@lru_cache(maxsize=16384)  # every single edit and pair of edits the search tries (worked.diagnosis.search)
def _first_step(variant: Variant) -> Mapping[str, float]:
    return MappingProxyType(by_hand.step(variant))


@lru_cache(maxsize=64)
def _with_training(variant: Variant) -> Mapping[str, float]:
    run, last = train(variant, mazur.STEPS), mazur.STEPS
    read = (run.errors[1], run.errors[last], run.errors[last], *run.outputs)  # as TRAINING_KEYS name them
    return MappingProxyType({**_first_step(variant), **dict(zip(TRAINING_KEYS, read, strict=True))})


def values(variant: Variant = STATED, *, training: bool = True) -> Mapping[str, float]:
    """Every recorded quantity of the first step and, with ``training``, the :data:`TRAINING_KEYS`.

    The first step takes tens of µs (a variant not seen before works out its lines first); the
    training keys a 10,000-step run, a fraction of a second (about three times longer when rounding,
    most of it in round()). Both are cached per variant.
    """
    return _with_training(variant) if training else _first_step(variant)
