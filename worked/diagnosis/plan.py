"""A variant's step by hand as lines to fill in: what each line reads and the name it is kept under.

:mod:`worked.diagnosis.by_hand` works a step line by line; what does not change from one step to the
next (the names, the weight each site reads, the wiring, which neurons keep their bias, sigmoid and
σ′) is worked out here once per variant (:func:`plan_for`, cached), so that a step only fills in numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from worked import mazur
from worked.diagnosis.variant import Variant, Wiring
from worked.mazur import HIDDEN_NEURONS, OUTPUT_NEURONS

__all__ = ["BIASES", "ERRORS", "Plan", "Weight", "plan_for"]


@dataclass(frozen=True, slots=True)  # read by attribute, which a slot serves fastest
class _Neuron:
    """Neuron ``n`` under a variant: its net's terms and bias, its sigmoid, its σ′, and its names."""

    n: str
    terms: tuple[tuple[str, str], ...]  # (the weight read, the neuron whose out it weighs), per input
    bias: str | None  # the bias added into net (times 1); None when the variant leaves it out
    linear: bool  # out = net: the sigmoid skipped
    sigma_prime_of: str | None  # σ′ taken of "out" (the rule) or of "net"; None when left out
    net_name: str  # the names its numbers are kept under: net_n, out_n, dEtotal_dout_n, ...
    out_name: str
    dE_dout_name: str
    dout_dnet_name: str
    delta_name: str


class _Path(NamedTuple):
    """The path from output ``o`` back into a hidden neuron h: ∂E_o/∂out_h = δ_o · ∂net_o/∂out_h."""

    o: str
    weight: str  # the weight read as ∂net_o/∂out_h
    updated: bool  # read after its update ("output-first"), not as it was before the step
    dnet_dout_name: str  # the names: dnet_o_dout_h, dEo_dout_h
    dEo_dout_name: str


class _Back(NamedTuple):
    """Hidden neuron ``neuron`` on the way back: the paths into it, and the name of out_h written again."""

    neuron: _Neuron
    paths: tuple[_Path, ...]
    operand_name: str


class Weight(NamedTuple):
    """Weight ``w`` from ``source`` into ``to``: the names of ∂net/∂w, ∂E_total/∂w and w_new."""

    w: str
    to: str
    source: str
    of_net: bool  # ∂net/∂w read as the source's net instead of its out (there is no net of an input)
    dnet_dw_name: str
    gradient_name: str
    new_name: str


@dataclass(frozen=True, slots=True)
class Plan:
    """A variant's step as lines to fill in, every lookup that does not change between steps done.

    It holds the structure only: the numbers a variant sets (η, the error's sign, the paths summed,
    the rounding) are read from the variant the caller gives, which may be another, equal one."""

    half: float  # the ½ of E = Σ ½(target − out)², or 1 when the variant leaves it out
    neurons: tuple[_Neuron, ...]  # hidden, then output
    back: tuple[_Back, ...]  # per hidden neuron
    output_weights: tuple[Weight, ...]  # w5..w8, updated before the hidden deltas
    hidden_weights: tuple[Weight, ...]  # w1..w4

    @property
    def output(self) -> tuple[_Neuron, ...]:
        """The output neurons' lines."""
        return self.neurons[len(HIDDEN_NEURONS) :]


ERRORS = tuple((o, f"E_{o}") for o in OUTPUT_NEURONS)
"""(output neuron, the name of its error E_o), for every variant."""
BIASES = tuple(
    (b, layer, f"dEtotal_d{b}", f"{b}_new") for b, layer in (("b2", OUTPUT_NEURONS), ("b1", HIDDEN_NEURONS))
)
"""(shared bias, the neurons it feeds, the names of its gradient and its update), output layer first."""
_OUTPUT_WEIGHTS, _HIDDEN_WEIGHTS = ("w5", "w6", "w7", "w8"), ("w1", "w2", "w3", "w4")

# The names, the same for every variant (a plan is made for every variant the search tries, once each).
_NEURON_NAMES = {
    n: {
        "net_name": f"net_{n}",
        "out_name": f"out_{n}",
        "dE_dout_name": f"dEtotal_dout_{n}",
        "dout_dnet_name": f"dout_{n}_dnet_{n}",
        "delta_name": f"delta_{n}",
    }
    for n in (*HIDDEN_NEURONS, *OUTPUT_NEURONS)
}
_PATH_NAMES = {
    (o, h): {"dnet_dout_name": f"dnet_{o}_dout_{h}", "dEo_dout_name": f"dE{o}_dout_{h}"}
    for o in OUTPUT_NEURONS
    for h in HIDDEN_NEURONS
}
_OPERAND_NAMES = {h: f"out_{h}_operand" for h in HIDDEN_NEURONS}
_WEIGHT_NAMES = {  # (w, the neuron it feeds) → its names; the neuron depends on the labelling
    (w, to): {"dnet_dw_name": f"dnet_{to}_d{w}", "gradient_name": f"dEtotal_d{w}", "new_name": f"{w}_new"}
    for w in mazur.WEIGHTS
    for to in (*HIDDEN_NEURONS, *OUTPUT_NEURONS)
}


@lru_cache(maxsize=64)  # the variants being trained: a step of another one makes its plan anew
def plan_for(variant: Variant) -> Plan:
    """The variant's step as lines to fill in (see :class:`Plan`)."""
    forward: dict[str, str] = {}  # meant → used, at each site
    backward: dict[str, str] = {}
    for site, meant, used in variant.weight_for:  # the last one given for a weight and site counts
        (forward if site == "forward" else backward)[meant] = used
    paths = _paths(variant.swap_w2_w3, variant.order, tuple(backward.items()))

    def neuron(n: str, has_sigma_prime: bool) -> _Neuron:
        into = variant.wiring.into[n]  # (weight, source) pairs: the terms, unless a weight reads another
        terms = tuple((forward.get(w, w), source) for w, source in into) if forward else into
        of = "net" if n in variant.sigma_prime_of_net else "out"
        sigma_prime_of = of if has_sigma_prime and n not in variant.no_sigma_prime else None
        bias = None if n in variant.no_bias else mazur.BIAS[n]
        linear = n in variant.linear
        return _Neuron(n, terms, bias, linear, sigma_prime_of, **_NEURON_NAMES[n])

    hidden = tuple(neuron(h, variant.hidden_derivative) for h in HIDDEN_NEURONS)
    output_weights, hidden_weights = _weights(variant.swap_w2_w3, variant.layer_input)
    return Plan(
        half=0.5 if variant.half else 1.0,
        neurons=(*hidden, *(neuron(o, variant.output_derivative) for o in OUTPUT_NEURONS)),
        back=tuple(_Back(h, into_h, _OPERAND_NAMES[h.n]) for h, into_h in zip(hidden, paths, strict=True)),
        output_weights=output_weights,
        hidden_weights=hidden_weights,
    )


@lru_cache(maxsize=256)  # the weight-for-weight edits the search tries, and a few more
def _paths(
    swap_w2_w3: bool, order: str, backward: tuple[tuple[str, str], ...]
) -> tuple[tuple[_Path, ...], ...]:
    """Per hidden neuron, its paths back from each output, reading ``backward``'s weight in place of
    the one meant, as (meant, used) pairs: the same for every variant with these three settings."""
    joining, used = Wiring.of(swap_w2_w3).joining, dict(backward)

    def path(o: str, h: str) -> _Path:
        weight = used.get(joining[o, h], joining[o, h])
        updated = order == "output-first" and weight in _OUTPUT_WEIGHTS
        return _Path(o, weight, updated, **_PATH_NAMES[o, h])

    return tuple(tuple(path(o, h) for o in OUTPUT_NEURONS) for h in HIDDEN_NEURONS)


@cache  # four: two labellings, two readings of ∂net/∂w
def _weights(swap_w2_w3: bool, layer_input: str) -> tuple[tuple[Weight, ...], tuple[Weight, ...]]:
    """The lines of the updates, w5..w8 then w1..w4: the same for every variant with this labelling and
    this ∂net/∂w."""
    feeds = Wiring.of(swap_w2_w3).feeds

    def weight(w: str) -> Weight:
        to, source = feeds[w]
        of_net = layer_input == "net" and source not in mazur.INPUTS
        return Weight(w, to, source, of_net, **_WEIGHT_NAMES[w, to])

    return tuple(weight(w) for w in _OUTPUT_WEIGHTS), tuple(weight(w) for w in _HIDDEN_WEIGHTS)
