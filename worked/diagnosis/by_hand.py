r"""The tutorial computed the way the post does it: Mazur's names, plain floats, one knob per habit.

This is a second implementation of the tutorial's arithmetic, independent of the first.
:mod:`worked.tutorial.keys` reads every printed number off the general network (numpy matrices, BP1-BP4);
here the same numbers are worked the way a reader works them by hand: neuron by neuron, one
chain-rule factor at a time, in the post's order and under the post's names, with Python floats.
A test holds the two to float64 round-off on every key, so each checks the other.

The choices a hand calculation can get wrong are the fields of :class:`Variant`, and the stated
rule is ``Variant()``: the catalogue of named mistakes (:mod:`worked.diagnosis.mistakes`) is a list of
settings of this one computation, not a copy of it per mistake. The general :class:`Network` stays
free of them.

Every quantity is *recorded* under its name as it is computed (``net_h1``, ``dEtotal_dout_o1``,
``w5_new``, ...): the keys the post prints and the ones it leaves out (``net_h2``, ``delta_o2``,
``dEtotal_dw6``, ``dEtotal_db1``, ...). Recording is what makes two things possible:

- ``rounding``: each recorded quantity is rounded, as soon as it is computed and before it is
  used, to the decimals the post prints it with (:data:`worked.mazur.PRINTED`); a quantity the post
  never prints is rounded to :data:`UNPRINTED_DECIMALS`, the post's habit. The inputs, targets,
  initial weights and η are exact. Over many steps the same rounding is applied at every step.
- ``override``: any recorded quantity can be replaced by another value, and everything computed
  from it follows. Perturbing each one in turn is how :mod:`worked.diagnosis.quantities` learns which
  quantity depends on which, from this computation itself rather than from a second, hand-typed graph.

:mod:`worked.diagnosis.runs` repeats the step: the training run, and every value cached per variant.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from worked import mazur
from worked.diagnosis.variant import STATED, Variant
from worked.mazur import HIDDEN_NEURONS, OUTPUT_NEURONS, decimals

__all__ = ["UNPRINTED_DECIMALS", "step"]

UNPRINTED_DECIMALS = 9
"""Decimals a quantity the post never prints is rounded to under ``rounding``: the post's usual 9."""

_DIGITS = {name: decimals(printed) for name, printed in mazur.PRINTED.items()}


def _recorder(
    variant: Variant, recorded: dict[str, float], override: Mapping[str, float]
) -> Callable[[str, float], float]:
    """``record(name, value)``: keep ``value`` under ``name``, rounded or overridden as the variant says."""

    def rounded_or_overridden(name: str, value: float) -> float:
        if name in override:
            value = override[name]
        elif variant.rounding:
            # round() is correctly rounded, half to even, on the float's exact value: printed.rounded's rule.
            value = round(value, _DIGITS.get(name, UNPRINTED_DECIMALS))
        elif variant.round_to is not None:
            value = _round(value, *variant.round_to)
        recorded[name] = value
        return value

    def plain(name: str, value: float) -> float:  # the same, when there is nothing to round or replace
        recorded[name] = value
        return value

    changes = override or variant.rounding or variant.round_to is not None
    return rounded_or_overridden if changes else plain


def _round(value: float, places: int, mode: str) -> float:
    """``value`` to ``places`` decimals: "half even" on the float's exact value (``round``), "half up"
    on the shortest digits that show it (``repr``), as a class rounds what a calculator shows."""
    if mode == "half even" or abs(abs(value * 10.0**places) % 1.0 - 0.5) > _NOT_A_TIE:
        return round(value, places)  # away from a tie, both modes round alike
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


_NOT_A_TIE = 1e-6
"""A scaled value this far from a half is no tie in either its exact binary value or its shown digits
(the scaling errs by about 1e-16 of the value, far below), so ``round`` gives what half up gives."""


def sigma(z: float) -> float:
    r"""The logistic function :math:`1/(1 + e^{-z})`, evaluated without overflow for any ``z``."""
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


@dataclass(slots=True)
class _Sheet:
    """The worksheet of one step by hand: the knobs, the parameters before it, every number so far."""

    variant: Variant
    parameters: Mapping[str, float]  # w1..w8, b1, b2 before the step
    record: Callable[[str, float], float]  # keeps a quantity under its name (see _recorder)
    recorded: dict[str, float]  # every quantity kept so far, in the order computed
    half: float  # the ½ of E = Σ ½(target − out)², or 1 when the variant leaves it out
    net: dict[str, float] = field(default_factory=dict)  # net_n
    out: dict[str, float] = field(default_factory=lambda: dict(mazur.INPUTS))  # out_n; inputs as out_i
    dE_dout: dict[str, float] = field(default_factory=dict)  # ∂E_total/∂out_n
    dout_dnet: dict[str, float] = field(default_factory=dict)  # ∂out_n/∂net_n
    delta: dict[str, float] = field(default_factory=dict)  # ∂E_total/∂net_n
    new: dict[str, float] = field(default_factory=dict)  # w_new, b_new


def _forward(sheet: _Sheet) -> None:
    """Forward pass: net = Σ w·(input) + b·1, out = σ(net), layer by layer; then the errors."""
    record, parameters, net, out = sheet.record, sheet.parameters, sheet.net, sheet.out
    variant, targets = sheet.variant, mazur.TARGETS
    into, read = variant.wiring.into, _reader(variant, "forward", parameters, parameters)
    for layer in (HIDDEN_NEURONS, OUTPUT_NEURONS):
        for n in layer:
            weighted = sum([read(w) * out[source] for w, source in into[n]])
            bias = 0.0 if n in variant.no_bias else parameters[mazur.BIAS[n]]
            net[n] = record(f"net_{n}", weighted + bias * 1)
            out[n] = record(f"out_{n}", net[n] if n in variant.linear else sigma(net[n]))
    for o in OUTPUT_NEURONS:
        record(f"E_{o}", sheet.half * (targets[o] - out[o]) ** 2)
    record("E_total", sheet.recorded["E_o1"] + sheet.recorded["E_o2"])


def _output_deltas(sheet: _Sheet) -> None:
    """Output layer: ∂E_total/∂out_o = ∂/∂out [half·(target − out)²] = −2·half·(target − out)."""
    variant, record, out, targets = sheet.variant, sheet.record, sheet.out, mazur.TARGETS
    dE_dout, dout_dnet, delta = sheet.dE_dout, sheet.dout_dnet, sheet.delta
    for o in OUTPUT_NEURONS:
        dE_dout[o] = record(
            f"dEtotal_dout_{o}", -2.0 * sheet.half * variant.error_sign * (targets[o] - out[o])
        )
        dout_dnet[o] = record(f"dout_{o}_dnet_{o}", _sigma_prime(sheet, o, out[o], variant.output_derivative))
        delta[o] = record(f"delta_{o}", dE_dout[o] * dout_dnet[o])


def _hidden_deltas(sheet: _Sheet) -> None:
    """Hidden layer: out_h reaches E_total along one path per output, ∂E_o/∂out_h = δ_o · ∂net_o/∂out_h,
    where ∂net_o/∂out_h is the weight from h into o: before the step, or "output-first" after it."""
    variant, record, out = sheet.variant, sheet.record, sheet.out
    dE_dout, dout_dnet, delta = sheet.dE_dout, sheet.dout_dnet, sheet.delta
    weights = sheet.new if variant.order == "output-first" else sheet.parameters
    read = _reader(variant, "backward", weights, sheet.parameters)
    for h in HIDDEN_NEURONS:
        paths = {}
        for o in OUTPUT_NEURONS:
            weight = record(f"dnet_{o}_dout_{h}", read(variant.wiring.joining[o, h]))
            paths[o] = record(f"dE{o}_dout_{h}", delta[o] * weight)
        dE_dout[h] = record(f"dEtotal_dout_{h}", sum([paths[o] for o in variant.paths]))
        operand = record(f"out_{h}_operand", out[h])  # the post writes out_h1 again, to 8 decimals
        dout_dnet[h] = record(
            f"dout_{h}_dnet_{h}", _sigma_prime(sheet, h, operand, variant.hidden_derivative)
        )
        delta[h] = record(f"delta_{h}", dE_dout[h] * dout_dnet[h])


def _reader(
    variant: Variant, site: str, weights: Mapping[str, float], before: Mapping[str, float]
) -> Callable[[str], float]:
    """``read(w)``: the weight the variant reads where ``w`` belongs at ``site`` (itself, or another),
    from ``weights``, or ``before`` the step for one ``weights`` does not hold (a hidden weight read
    on the way back when the output weights are already updated)."""
    used = {meant: other for at, meant, other in variant.weight_for if at == site}

    def read(w: str) -> float:
        name = used.get(w, w)
        return weights[name] if name in weights else before[name]

    return read


def _sigma_prime(sheet: _Sheet, n: str, out: float, layer_has_it: bool) -> float:
    """σ′ at neuron n: out(1 − out) (the activation's own derivative, as the post writes it); 1 when the
    variant leaves it out at n or at its layer; net(1 − net) when it takes it of net instead."""
    variant = sheet.variant
    if not layer_has_it or n in variant.no_sigma_prime:
        return 1.0
    operand = sheet.net[n] if n in variant.sigma_prime_of_net else out
    return operand * (1.0 - operand)


def _update(sheet: _Sheet, weights: tuple[str, ...]) -> None:
    """∂E_total/∂w = ∂E_total/∂out · ∂out/∂net · ∂net/∂w, the post's triple product; then w − η·∂E/∂w."""
    variant, record, parameters = sheet.variant, sheet.record, sheet.parameters
    for w in weights:
        to, source = variant.wiring.feeds[w]
        layer_input = sheet.net if variant.layer_input == "net" and source in sheet.net else sheet.out
        d_w = record(f"dnet_{to}_d{w}", layer_input[source])
        gradient = record(f"dEtotal_d{w}", sheet.dE_dout[to] * sheet.dout_dnet[to] * d_w)
        sheet.new[w] = record(f"{w}_new", parameters[w] - variant.eta * gradient)


def _update_biases(sheet: _Sheet) -> None:
    """The shared biases: b feeds every neuron of its layer, so ∂E_total/∂b = Σ_j δ_j (BP3, summed)."""
    variant, record, parameters = sheet.variant, sheet.record, sheet.parameters
    for b, layer in (("b2", OUTPUT_NEURONS), ("b1", HIDDEN_NEURONS)):
        gradient = record(f"dEtotal_d{b}", sum([sheet.delta[n] for n in layer]))
        trained = parameters[b] - variant.eta * gradient if variant.train_biases else parameters[b]
        sheet.new[b] = record(f"{b}_new", trained)


def step(
    variant: Variant = STATED,
    parameters: Mapping[str, float] | None = None,
    override: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """One forward pass, one backward pass and one update, every quantity recorded by name.

    ``parameters`` are w1..w8, b1, b2 (default: the tutorial's initial values); the updated ones come
    back as ``w1_new`` .. ``b2_new``. ``override`` replaces recorded quantities by other values.
    """
    recorded: dict[str, float] = {}
    record = _recorder(variant, recorded, override or {})
    before = mazur.INITIAL if parameters is None else parameters
    sheet = _Sheet(variant, before, record, recorded, 0.5 if variant.half else 1.0)
    _forward(sheet)
    _output_deltas(sheet)
    _update(sheet, ("w5", "w6", "w7", "w8"))
    _hidden_deltas(sheet)
    _update(sheet, ("w1", "w2", "w3", "w4"))
    _update_biases(sheet)
    return recorded
