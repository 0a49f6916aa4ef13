r"""The choices a hand calculation of the tutorial makes, as the knobs of one :class:`Variant`.

:mod:`worked.diagnosis.by_hand` computes the tutorial for a :class:`Variant`; ``Variant()`` is the rule
the post states, and :mod:`worked.diagnosis.mistakes` names the classic mistakes as other settings of
the same knobs.
:class:`Wiring` says which weight joins which neurons, built from the tutorial's one name table.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from worked import mazur
from worked.core import UPDATE_ORDERS, InvalidInput
from worked.mazur import HIDDEN_NEURONS, OUTPUT_NEURONS

LAYER_INPUTS = ("out", "net")
ROUNDINGS = ("half even", "half up")
WEIGHT_SITES = ("forward", "backward")


@dataclass(frozen=True)
class Wiring:
    """Which weight joins which two neurons, in one labelling of the hidden layer's weights."""

    feeds: Mapping[str, tuple[str, str]]  # weight → (the neuron it feeds, the neuron it comes from)
    into: Mapping[str, tuple[tuple[str, str], ...]]  # neuron → its (weight, source neuron) pairs
    joining: Mapping[tuple[str, str], str]  # (to, from) → weight

    @classmethod
    def of(cls, swap_w2_w3: bool) -> Wiring:
        feeds = dict(mazur.FEEDS)  # from the tutorial's one name table
        if swap_w2_w3:
            feeds["w2"], feeds["w3"] = feeds["w3"], feeds["w2"]
        into = {
            n: tuple((w, source) for w, (to, source) in feeds.items() if to == n)
            for n in HIDDEN_NEURONS + OUTPUT_NEURONS
        }
        joining = {pair: w for w, pair in feeds.items()}
        return cls(feeds, into, joining)  # plain dicts: read on every step, and never written


_WIRINGS = {swap: Wiring.of(swap) for swap in (False, True)}


@dataclass(frozen=True)
class Variant:
    r"""One way of doing the tutorial's arithmetic; ``Variant()`` is the rule the post states.

    ``order``: ``"simultaneous"`` takes the hidden layer's :math:`\partial net_o/\partial out_h` from
    the weights before the step; ``"output-first"`` from the already-updated w5..w8.
    ``eta``: the learning rate η. ``half``: the ½ in :math:`E = \sum \tfrac12 (target - out)^2`
    (without it, every gradient doubles). ``error_sign``: +1 for
    :math:`\partial E/\partial out = -(target - out)`, −1 for the flipped :math:`(target - out)`.
    ``output_derivative`` / ``hidden_derivative``: whether the factor :math:`out(1 - out)` is
    there at that layer (left out, it is 1). ``paths``: the outputs whose error is carried back
    into a hidden neuron. ``layer_input``: what :math:`\partial net/\partial w` is taken to be,
    the previous layer's ``out`` or its ``net`` (inputs have no net: there ``i1`` either way).
    ``swap_w2_w3``: h1 fed by w1 and w3 (i1 → h1, i2 → h1) instead of w1 and w2.
    ``rounding``: every intermediate rounded to its printed digits before use (module docstring).
    ``round_to``: every intermediate rounded to ``(k, mode)``: k decimals, ``"half even"`` (Python's
    ``round`` on the float's exact value) or ``"half up"`` (on the digits a calculator shows, as a
    class rounds by hand); ``None`` for no such rounding.
    ``train_biases``: the shared biases b1, b2 updated too, by :math:`\sum_j \delta_j` of their layer.

    Per neuron (sets of Mazur's neuron names): ``no_bias``, the bias left out of its net;
    ``linear``, its sigmoid skipped (out = net); ``no_sigma_prime``, its factor out(1 − out) left out;
    ``sigma_prime_of_net``, that factor taken as net(1 − net).
    ``weight_for``: ``(site, meant, used)`` triples: at ``site`` (``"forward"``, the net of the neuron
    the weight feeds, or ``"backward"``, the path ∂net_o/∂out_h), weight ``used`` read where ``meant``
    belongs.
    """

    order: str = "simultaneous"
    eta: float = mazur.ETA
    half: bool = True
    error_sign: int = 1
    output_derivative: bool = True
    hidden_derivative: bool = True
    paths: tuple[str, ...] = OUTPUT_NEURONS
    layer_input: str = "out"
    swap_w2_w3: bool = False
    rounding: bool = False
    train_biases: bool = False
    round_to: tuple[int, str] | None = None
    no_bias: frozenset[str] = frozenset()
    linear: frozenset[str] = frozenset()
    no_sigma_prime: frozenset[str] = frozenset()
    sigma_prime_of_net: frozenset[str] = frozenset()
    weight_for: tuple[tuple[str, str, str], ...] = ()

    def __post_init__(self) -> None:
        # Sets and lists given for the fields become frozensets and tuples: a variant is a value,
        # hashable, so the hand computation's plan and the runs can be cached per variant.
        for name in ("no_bias", "linear", "no_sigma_prime", "sigma_prime_of_net"):
            if isinstance(getattr(self, name), (set, list, tuple)):
                object.__setattr__(self, name, frozenset(getattr(self, name)))
        for name in ("paths", "round_to"):
            if isinstance(getattr(self, name), list):
                object.__setattr__(self, name, tuple(getattr(self, name)))
        if isinstance(self.weight_for, (list, tuple)):
            edits = (tuple(e) if isinstance(e, list) else e for e in self.weight_for)
            object.__setattr__(self, "weight_for", tuple(edits))
        if self.order not in UPDATE_ORDERS:
            raise InvalidInput(
                f"unknown update order {self.order!r}; choose one of: {', '.join(UPDATE_ORDERS)}"
            )
        if not (math.isfinite(self.eta) and self.eta > 0):
            raise InvalidInput(f"the learning rate must be a positive finite number, got {self.eta!r}")
        if self.error_sign not in (1, -1):
            raise InvalidInput(f"error_sign must be 1 or -1, got {self.error_sign!r}")
        if (
            not self.paths
            or not set(self.paths) <= set(OUTPUT_NEURONS)
            or len(set(self.paths)) != len(self.paths)
        ):
            raise InvalidInput(
                f"paths must be distinct output neurons from {OUTPUT_NEURONS}, got {self.paths!r}"
            )
        if self.layer_input not in LAYER_INPUTS:
            raise InvalidInput(f"layer_input must be one of {LAYER_INPUTS}, got {self.layer_input!r}")
        if self.round_to is not None and (
            self.round_to[0] not in range(0, 16) or self.round_to[1] not in ROUNDINGS
        ):
            raise InvalidInput(f"round_to must be (0..15, one of {ROUNDINGS}), got {self.round_to!r}")
        computed = set(HIDDEN_NEURONS + OUTPUT_NEURONS)
        for name in ("no_bias", "linear", "no_sigma_prime", "sigma_prime_of_net"):
            if not getattr(self, name) <= computed:
                raise InvalidInput(
                    f"{name} must name neurons of {sorted(computed)}, got {getattr(self, name)}"
                )
        for site, meant, used in self.weight_for:
            if site not in WEIGHT_SITES or meant not in mazur.WEIGHTS or used not in mazur.WEIGHTS:
                raise InvalidInput(
                    f"weight_for takes (site in {WEIGHT_SITES}, weight, weight), got {(site, meant, used)!r}"
                )

    @property
    def wiring(self) -> Wiring:
        """Which weight joins which neurons, in this variant's labelling."""
        return _WIRINGS[self.swap_w2_w3]


STATED = Variant()
"""The rule the post states."""
