"""The mistake model as a search space: every single edit of the hand computation, and pairs of them.

An :class:`Edit` is one change a student can make to the tutorial's arithmetic, written as a change of
the knobs of :class:`~worked.diagnosis.variant.Variant` (no code per edit): a σ′ factor dropped at one
neuron or one layer, σ′ taken of net instead of out, a bias forgotten, a sigmoid skipped, one weight
read where another belongs (any pair, on the way forward or back), every intermediate rounded to k
decimals (k = 2..9, half even or half up), and the named mistakes of :mod:`worked.diagnosis.mistakes`
(a sign flipped, η or the ½ changed, the update order, a bias updated, ...), which keep their names.

Edits are ranked by :data:`FAMILIES`' order, how commonly a class makes each kind of slip (an ordering
from teaching experience, not a measured frequency), then by how far upstream they first show.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from worked import mazur
from worked.diagnosis import runs
from worked.diagnosis.mistakes import MISTAKES
from worked.diagnosis.variant import ROUNDINGS, STATED, Variant
from worked.mazur import HIDDEN_NEURONS, OUTPUT_NEURONS

__all__ = ["EDITS", "FAMILIES", "Edit", "combined", "families", "pairs"]

FAMILIES: Mapping[str, str] = {
    "rounding": "every intermediate rounded to k decimals before use (k = 2..9; half even, half up)",
    "sigma-prime-of-net": "σ′ taken of net instead of out: net(1 − net)",
    "bias-forgotten": "a bias left out of a neuron's net (or a layer's)",
    "sign": "the sign of ∂E/∂out flipped",
    "activation-skipped": "a sigmoid skipped: out = net at a neuron (or a layer)",
    "weight-for-weight": "one weight read where another belongs (any pair, forward or backward)",
    "no-sigma-prime": "a σ′ factor out(1 − out) left out at a neuron (or a layer)",
    "update-order": "the hidden deltas taken through the already-updated output weights",
    "eta-or-half": "η or the ½ of the cost changed",
    "chain": "a chain-rule path left out, or net where out belongs",
    "labels": "the hidden layer's weights labelled differently",
    "biases-updated": "the shared biases trained too",
}
"""Each family of edits and what it changes, most common first (the ranking's first key)."""
_RANKS = {family: rank for rank, family in enumerate(FAMILIES)}

_NAMED_FAMILY = {
    "output-first": "update-order",
    "no-output-derivative": "no-sigma-prime",
    "no-hidden-derivative": "no-sigma-prime",
    "sign-flip": "sign",
    "one-path": "chain",
    "net-for-out": "chain",
    "eta-1": "eta-or-half",
    "no-half": "eta-or-half",
    "w2-w3-swapped": "labels",
    "rounded-intermediates": "rounding",
    "biases-updated": "biases-updated",
}


@dataclass(frozen=True, eq=False)  # each edit is made once (EDITS, pairs()): identity is equality
class Edit:
    """One edit: its ``identifier``, ``family`` (a key of :data:`FAMILIES`), ``description`` and its
    ``changes``, the :class:`Variant` fields it sets (``variant`` is the stated rule with them)."""

    identifier: str
    family: str
    description: str
    changes: tuple[tuple[str, Any], ...]

    @cached_property
    def variant(self) -> Variant:
        """The stated rule with the edit's changes."""
        return _variant(self.changes)

    @cached_property
    def first_step(self) -> Mapping[str, float]:
        """Every quantity of the first step under the edit (cached on the edit: the search reads it often)."""
        return runs.values(self.variant, training=False)

    @property
    def rank(self) -> int:
        """How common the edit's family is: 0 for the most common."""
        return _RANKS[self.family]


@cache
def _variant(changes: tuple[tuple[str, Any], ...]) -> Variant:
    return dataclasses.replace(STATED, **dict(changes))


def _changes(variant: Variant) -> tuple[tuple[str, Any], ...]:
    return tuple(
        (f.name, getattr(variant, f.name))
        for f in dataclasses.fields(Variant)
        if getattr(variant, f.name) != getattr(STATED, f.name)
    )


_SCOPES = {
    **{n: frozenset({n}) for n in (*HIDDEN_NEURONS, *OUTPUT_NEURONS)},
    "hidden layer": frozenset(HIDDEN_NEURONS),
    "output layer": frozenset(OUTPUT_NEURONS),
}


def _generated() -> Iterator[Edit]:
    for places, mode in itertools.product(range(2, 10), ROUNDINGS):
        yield Edit(
            f"round-{places}-{mode.replace(' ', '-')}",
            "rounding",
            f"every intermediate rounded to {places} decimals ({mode}) before use",
            (("round_to", (places, mode)),),
        )
    for where, neurons in _SCOPES.items():
        at = f"in the {where}" if " " in where else f"at {where}"
        tag = where.split()[0]
        nets = " and ".join(f"net_{n}" for n in sorted(neurons))
        bias = mazur.BIAS[min(neurons)]
        yield Edit(
            f"sigma-prime-of-net@{tag}",
            "sigma-prime-of-net",
            f"σ′ {at} taken as net(1 − net) instead of out(1 − out)",
            (("sigma_prime_of_net", neurons),),
        )
        yield Edit(
            f"bias-forgotten@{tag}",
            "bias-forgotten",
            f"a forgotten bias: {bias} left out of {nets}",
            (("no_bias", neurons),),
        )
        yield Edit(
            f"sigmoid-skipped@{tag}",
            "activation-skipped",
            f"the sigmoid skipped {at}: out = net",
            (("linear", neurons),),
        )
        if len(neurons) == 1:  # a whole layer's σ′ left out is a named mistake already
            yield Edit(
                f"no-sigma-prime@{tag}",
                "no-sigma-prime",
                f"the σ′ factor out(1 − out) left out {at}",
                (("no_sigma_prime", neurons),),
            )
    for site, meant in itertools.chain(
        (("forward", w) for w in mazur.WEIGHTS), (("backward", w) for w in ("w5", "w6", "w7", "w8"))
    ):
        for used in mazur.WEIGHTS:
            if used != meant:
                yield Edit(
                    f"{used}-for-{meant}@{site}",
                    "weight-for-weight",
                    f"{used} used where {meant} belongs ({'net' if site == 'forward' else 'the path back'})",
                    (("weight_for", ((site, meant, used),)),),
                )


def _all() -> tuple[Edit, ...]:
    named = tuple(
        Edit(m.identifier, _NAMED_FAMILY[m.identifier], m.description, _changes(m.variant)) for m in MISTAKES
    )
    return named + tuple(_generated())


EDITS: tuple[Edit, ...] = _all()
"""Every single edit: the named mistakes first, then the generated ones."""


def families() -> tuple[tuple[str, str, tuple[Edit, ...]], ...]:
    """Each family: its name, what it changes and its edits (for ``check --list``)."""
    return tuple((f, text, tuple(e for e in EDITS if e.family == f)) for f, text in FAMILIES.items())


_SETS = frozenset({"no_bias", "linear", "no_sigma_prime", "sigma_prime_of_net"})


def combined(first: Edit, second: Edit) -> Edit | None:
    """The two edits made together, or ``None`` when they set the same knob two ways (or one implies
    the other, so the pair is no new computation)."""
    changes = dict(first.changes)
    for name, value in second.changes:
        if name not in changes:
            changes[name] = value
        elif name in _SETS and not (changes[name] & value):
            changes[name] = changes[name] | value
        elif name == "weight_for" and {m for _, m, _ in changes[name]}.isdisjoint({m for _, m, _ in value}):
            changes[name] = changes[name] + value
        else:
            return None
    return Edit(
        f"{first.identifier} + {second.identifier}",
        first.family if first.rank >= second.rank else second.family,
        f"{first.description}; and {second.description}",
        tuple(sorted(changes.items())),
    )


@cache
def pairs() -> tuple[tuple[Edit, Edit, Edit], ...]:
    """Every pair of single edits that combine (:func:`combined`), as (first, second, both), most common
    first (by the sum of their ranks); made once per process."""
    made = []
    for first, second in itertools.combinations(EDITS, 2):
        both = combined(first, second)
        if both is not None:
            made.append((first, second, both))
    return tuple(sorted(made, key=lambda p: p[0].rank + p[1].rank))
