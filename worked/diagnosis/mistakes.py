"""The catalogue of classic mistakes: each one a named setting of the one hand computation.

A mistake is an identifier, a one-line description and a :class:`~worked.diagnosis.variant.Variant`; there is
no code per mistake. ``output-first`` is also how the tutorial's own first script worked, which is
why some of the post's closing figures follow it (see :mod:`worked.tutorial.errata`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from worked.core import InvalidInput
from worked.diagnosis import quantities, runs
from worked.diagnosis.variant import STATED, Variant
from worked.mazur import rounded

STATED_RULE = "stated rule"
"""What the stated rule is called beside the mistakes (in the docs' table and a diagnosis's nearest)."""
STATED_DESCRIPTION = "the rule the post states"


@dataclass(frozen=True)
class Mistake:
    """A classic mistake by name: its ``identifier``, a one-line ``description`` and the ``variant`` of
    the hand computation that makes it."""

    identifier: str
    description: str
    variant: Variant


MISTAKES: tuple[Mistake, ...] = (
    Mistake(
        "output-first",
        "hidden deltas from the already-updated output weights (the tutorial script's first version)",
        Variant(order="output-first"),
    ),
    Mistake(
        "no-output-derivative",
        "σ′ factor out(1−out) left out at the output layer",
        Variant(output_derivative=False),
    ),
    Mistake(
        "no-hidden-derivative", "σ′ factor left out at the hidden layer", Variant(hidden_derivative=False)
    ),
    Mistake(
        "sign-flip",
        "(target − out) used where (out − target) belongs, so weights move uphill",
        Variant(error_sign=-1),
    ),
    Mistake(
        "one-path",
        "a hidden neuron's error taken from one output only (forgetting E_o2's path)",
        Variant(paths=("o1",)),
    ),
    Mistake(
        "net-for-out",
        "the next layer's input taken as net instead of out (∂net_o1/∂w5 = net_h1)",
        Variant(layer_input="net"),
    ),
    Mistake("eta-1", "learning rate left out (η = 1)", Variant(eta=1.0)),
    Mistake("no-half", "E = Σ(target − out)² without the ½", Variant(half=False)),
    Mistake(
        "w2-w3-swapped",
        "h1 computed from w1 and w3 (a labelling found in some copies of the tutorial)",
        Variant(swap_w2_w3=True),
    ),
    Mistake(
        "rounded-intermediates",
        "every intermediate rounded to the tutorial's printed digits before use",
        Variant(rounding=True),
    ),
    Mistake(
        "biases-updated",
        "the shared biases trained too (changes the error after the first step)",
        Variant(train_biases=True),
    ),
)
"""The catalogue of classic mistakes of a hand calculation, each a :class:`Variant` of the stated rule."""

BY_ID: Mapping[str, Mistake] = {m.identifier: m for m in MISTAKES}


def get_mistake(identifier: str) -> Mistake:
    """The named mistake ``identifier``; raises :class:`~worked.core.InvalidInput` listing the names
    when there is none."""
    try:
        return BY_ID[identifier]
    except KeyError:
        raise InvalidInput(f"unknown mistake {identifier!r}; choose one of: {', '.join(BY_ID)}") from None


@lru_cache(maxsize=65536)
def departs(variant: Variant, name: str) -> bool:
    """The variant's value of ``name`` differs from the stated rule's at the digits the post shows."""
    training = name in runs.TRAINING_KEYS
    places = quantities.shown_decimals(name)
    mine, stated = runs.values(variant, training=training), runs.values(STATED, training=training)
    if name not in mine:  # a name this variant's labelling does not have (w2-w3-swapped)
        return True
    return rounded(mine[name], places) != rounded(stated[name], places)


def enters_at(mistake: Mistake, name: str | None = None) -> str | None:
    """The earliest quantity at which the mistake shows, among ``name`` and its chain (or anywhere)."""
    return first_shows(mistake.variant, name)


@lru_cache(maxsize=16384)
def first_shows(variant: Variant, name: str | None = None) -> str | None:
    """The earliest quantity at which ``variant`` departs from the stated rule at the post's digits,
    among ``name`` and its chain (or anywhere); ``None`` when it departs nowhere there."""
    chain = quantities.names() if name is None else (*quantities.upstream(name), name)
    return next((m for m in chain if departs(variant, m)), None)


MAIN_KEYS = (
    "E_total",
    "dEtotal_dw5",
    "w5_new",
    "dEtotal_dw1",
    "w1_new",
    "E_total_after_1",
    "E_total_after_10000",
)
"""The keys of the "common mistakes" table: the forward error, one weight per layer, and training."""


@dataclass(frozen=True)
class Row:
    """One line of the "common mistakes" table: a mistake (or the stated rule) and its values."""

    identifier: str
    description: str
    enters_at: str | None
    values: Mapping[str, float]


def common_mistakes(keys: tuple[str, ...] = MAIN_KEYS) -> tuple[Row, ...]:
    """The stated rule's row, then one row per mistake: its value of each of ``keys``.

    For the generated docs' "common mistakes" table. ``enters_at`` is the first quantity, in the
    order of the computation, where the mistake shows at the post's digits.
    """
    unknown = [k for k in keys if k not in quantities.names()]
    if unknown:
        raise InvalidInput(
            f"unknown keys {unknown}; the keys are those of worked.diagnosis.quantities.names()"
        )
    training = any(k in runs.TRAINING_KEYS for k in keys)

    def row(identifier: str, description: str, variant: Variant, first: str | None) -> Row:
        values = runs.values(variant, training=training)
        return Row(identifier, description, first, {k: values[k] for k in keys if k in values})

    return (
        row(STATED_RULE, STATED_DESCRIPTION, STATED, None),
        *(row(m.identifier, m.description, m.variant, enters_at(m)) for m in MISTAKES),
    )
