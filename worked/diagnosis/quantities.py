"""Every quantity of the hand computation: its name, formula, shown digits and what it is computed from.

The names are those :mod:`worked.by_hand` records under the stated rule, in the order it computes
them, then the training keys. A reader may type any of them, printed by the post or not.

What a quantity is computed from (its *chain*) is not typed out a second time: it is found from the
computation itself. Each recorded quantity in turn is overridden with another value
(:func:`worked.by_hand.step`'s ``override``); the quantities that change are the ones computed
from it. A graph typed by hand beside the code could drift from it; this one cannot.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from worked import mazur
from worked.diagnosis import by_hand
from worked.diagnosis.by_hand import TRAINING_KEYS
from worked.diagnosis.variant import HIDDEN_NEURONS, OUTPUT_NEURONS, STATED
from worked.mazur import decimals
from worked.tutorial import KEYS

PERTURBATION = 1e-3
"""How far an overridden quantity is moved. Every step here is smooth and none saturates at the
tutorial's point, so any dependence changes the float result; the size only has to beat round-off."""


def _unprinted_formulas() -> dict[str, str]:
    """Formulas of the quantities the post does not print, in the post's notation, for the stated rule."""
    wiring, bias = (
        STATED.wiring,
        {n: "b1" if n in HIDDEN_NEURONS else "b2" for n in HIDDEN_NEURONS + OUTPUT_NEURONS},
    )
    f: dict[str, str] = {}
    for n, pairs in wiring.into.items():
        inputs = (f"{w}·{'out_' + source if source in HIDDEN_NEURONS else source}" for w, source in pairs)
        f[f"net_{n}"] = " + ".join(inputs) + f" + {bias[n]}·1"
        f[f"out_{n}"] = f"1/(1 + e^(−net_{n}))"
    for o in OUTPUT_NEURONS:
        f[f"E_{o}"] = f"½(target_{o} − out_{o})²"
        f[f"dEtotal_dout_{o}"] = f"−(target_{o} − out_{o})"
        f[f"dout_{o}_dnet_{o}"] = f"out_{o}(1 − out_{o})"
        f[f"delta_{o}"] = f"∂E_{o}/∂net_{o} = ∂E_total/∂out_{o} · ∂out_{o}/∂net_{o}"
        for h in HIDDEN_NEURONS:
            f[f"dnet_{o}_dout_{h}"] = wiring.joining[o, h]
            f[f"dE{o}_dout_{h}"] = f"∂E_{o}/∂net_{o} · {wiring.joining[o, h]}"
    for h in HIDDEN_NEURONS:
        f[f"dEtotal_dout_{h}"] = " + ".join(f"∂E_{o}/∂out_{h}" for o in OUTPUT_NEURONS)
        f[f"out_{h}_operand"] = f"out_{h}, as written inside ∂out_{h}/∂net_{h}"
        f[f"dout_{h}_dnet_{h}"] = f"out_{h}(1 − out_{h})"
        f[f"delta_{h}"] = f"∂E_total/∂net_{h} = ∂E_total/∂out_{h} · ∂out_{h}/∂net_{h}"
    for w, (to, source) in wiring.feeds.items():
        f[f"dnet_{to}_d{w}"] = f"out_{source}" if source in HIDDEN_NEURONS else source
        f[f"dEtotal_d{w}"] = f"∂E_total/∂out_{to} · ∂out_{to}/∂net_{to} · ∂net_{to}/∂{w}"
        f[f"{w}_new"] = f"{w} − η·∂E_total/∂{w}"
    for b, layer in (("b1", HIDDEN_NEURONS), ("b2", OUTPUT_NEURONS)):
        f[f"dEtotal_d{b}"] = " + ".join(f"∂E_total/∂net_{n}" for n in layer) + f" ({b} feeds both)"
        f[f"{b}_new"] = f"{b}, never updated ({b} − η·∂E_total/∂{b} if the biases were trained)"
    return f


# The printed keys keep the formulas the walkthrough shows (worked.keys); the rest are generated above.
FORMULAS: Mapping[str, str] = {**_unprinted_formulas(), **{k.key: k.formula for k in KEYS}}


@lru_cache(maxsize=1)
def names() -> tuple[str, ...]:
    """Every quantity a reader can check: the first step's, in the order computed, then the training keys."""
    return (*by_hand.step(), *TRAINING_KEYS)


def formula(name: str) -> str:
    """The quantity's formula in the post's notation (``KeyError`` for an unknown name)."""
    return FORMULAS[name]


def shown_decimals(name: str) -> int:
    """The decimals the post prints ``name`` with, or the post's usual 9 for a quantity it never prints."""
    return decimals(mazur.PRINTED[name]) if name in mazur.PRINTED else by_hand.UNPRINTED_DECIMALS


@lru_cache(maxsize=1)
def _downstream() -> dict[str, frozenset[str]]:
    base = by_hand.step()
    after_1 = by_hand.step(STATED, by_hand.parameters_after(base))["E_total"]
    found = {}
    for name, value in base.items():
        moved = by_hand.step(STATED, override={name: value + PERTURBATION})
        # Exact comparison on purpose: the same deterministic arithmetic, so any change is dependence.
        changed = {m for m in base if m != name and moved[m] != base[m]}
        if by_hand.step(STATED, by_hand.parameters_after(moved))["E_total"] != after_1:
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
