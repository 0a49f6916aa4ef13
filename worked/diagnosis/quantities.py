"""Every quantity of the hand computation: its name, formula, shown digits and what it is computed from.

The formula text is :mod:`worked.mazur.formulas`'s, the same the walkthrough and the exact chain rule show.

The names are those :mod:`worked.diagnosis.by_hand` records under the stated rule, in the order it computes
them, then the training keys. A reader may type any of them, printed by the post or not.

What a quantity is computed from (its *chain*) is not typed out a second time: it is found from the
computation itself. Each recorded quantity in turn is overridden with another value
(:func:`worked.diagnosis.by_hand.step`'s ``override``); the quantities that change are the ones computed
from it. A graph typed by hand beside the code could drift from it; this one cannot.
"""

from __future__ import annotations

from functools import lru_cache

from worked import mazur
from worked.diagnosis import by_hand, runs
from worked.diagnosis.runs import TRAINING_KEYS
from worked.diagnosis.variant import STATED
from worked.mazur import decimals, formulas

PERTURBATION = 1e-3
"""How far an overridden quantity is moved. Every step here is smooth and none saturates at the
tutorial's point, so any dependence changes the float result; the size only has to beat round-off."""


@lru_cache(maxsize=1)
def names() -> tuple[str, ...]:
    """Every quantity a reader can check: the first step's, in the order computed, then the training keys."""
    return (*by_hand.step(), *TRAINING_KEYS)


def formula(name: str) -> str:
    """The quantity's formula in the post's notation (``KeyError`` for an unknown name), as
    :mod:`worked.mazur.formulas` writes it for the walkthrough and the exact chain rule too."""
    return formulas.formula(name)


def shown_decimals(name: str) -> int:
    """The decimals the post prints ``name`` with, or the post's usual 9 for a quantity it never prints."""
    return decimals(mazur.PRINTED[name]) if name in mazur.PRINTED else by_hand.UNPRINTED_DECIMALS


@lru_cache(maxsize=1)
def _downstream() -> dict[str, frozenset[str]]:
    base = by_hand.step()
    after_1 = by_hand.step(STATED, runs.parameters_after(base))["E_total"]
    found = {}
    for name, value in base.items():
        moved = by_hand.step(STATED, override={name: value + PERTURBATION})
        # Exact comparison on purpose: the same deterministic arithmetic, so any change is dependence.
        changed = {m for m in base if m != name and moved[m] != base[m]}
        if by_hand.step(STATED, runs.parameters_after(moved))["E_total"] != after_1:
            changed |= set(TRAINING_KEYS)  # the training run starts from the first step's updates
        found[name] = frozenset(changed)
    return found


def upstream(name: str) -> tuple[str, ...]:
    """The quantities ``name`` is computed from, directly or not, earliest first (stated rule)."""
    if name not in names():
        raise KeyError(name)
    return tuple(m for m, below in _downstream().items() if name in below)


def inputs(name: str) -> tuple[str, ...]:
    """The quantities ``name`` is computed from directly: its upstream not reached through another."""
    above = upstream(name)
    through = set().union(*(upstream(m) for m in above)) if above else set()
    return tuple(m for m in above if m not in through)
