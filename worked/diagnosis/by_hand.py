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

What does not change from step to step is worked out once per variant
(:func:`worked.diagnosis.plan.plan_for`, cached): the name each quantity is kept under, the weight
each site reads, the wiring, which neurons keep their bias, sigmoid and σ′. A step then only fills
in the lines, in the order above; :func:`steps` repeats it, each step from the parameters the one
before recorded, and :mod:`worked.diagnosis.runs` makes that the training run
(tests/diagnosis/test_training_run.py holds it to repeated :func:`step` calls, bit for bit) and
caches every value per variant.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from worked import mazur
from worked.diagnosis.plan import BIASES, ERRORS, Plan, Weight, plan_for
from worked.diagnosis.variant import STATED, Variant
from worked.mazur import decimals

__all__ = ["UNPRINTED_DECIMALS", "step", "steps"]

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


# -- the step: the worksheet filled in line by line --


@dataclass(slots=True)
class _Sheet:
    """The worksheet of one step by hand: its plan, the parameters before it, every number so far."""

    plan: Plan
    variant: Variant  # the knobs: η, the error's sign, the paths summed, the rounding (see _recorder)
    parameters: Mapping[str, float]  # w1..w8, b1, b2 before the step
    record: Callable[[str, float], float]  # keeps a quantity under its name (see _recorder)
    recorded: dict[str, float]  # every quantity kept so far, in the order computed
    net: dict[str, float]  # net_n
    out: dict[str, float]  # out_n; the inputs as out_i
    dE_dout: dict[str, float]  # ∂E_total/∂out_n
    dout_dnet: dict[str, float]  # ∂out_n/∂net_n
    delta: dict[str, float]  # ∂E_total/∂net_n
    new: dict[str, float]  # w_new, b_new


def _forward(sheet: _Sheet) -> None:
    """Forward pass: net = Σ w·(input) + b·1, out = σ(net), layer by layer; then the errors."""
    record, parameters, net, out = sheet.record, sheet.parameters, sheet.net, sheet.out
    for neuron in sheet.plan.neurons:
        n, weighted = neuron.n, 0.0
        for w, source in neuron.terms:
            weighted += parameters[w] * out[source]
        bias = 0.0 if neuron.bias is None else parameters[neuron.bias]
        net[n] = z = record(neuron.net_name, weighted + bias * 1)
        out[n] = record(neuron.out_name, z if neuron.linear else sigma(z))
    targets, half = mazur.TARGETS, sheet.plan.half
    for o, name in ERRORS:
        record(name, half * (targets[o] - out[o]) ** 2)
    record("E_total", sheet.recorded["E_o1"] + sheet.recorded["E_o2"])


def _output_deltas(sheet: _Sheet) -> None:
    """Output layer: ∂E_total/∂out_o = ∂/∂out [half·(target − out)²] = −2·half·(target − out)."""
    plan, record, net, out, targets = sheet.plan, sheet.record, sheet.net, sheet.out, mazur.TARGETS
    dE_dout, dout_dnet, delta = sheet.dE_dout, sheet.dout_dnet, sheet.delta
    half, error_sign = plan.half, sheet.variant.error_sign
    for neuron in plan.output:
        o = neuron.n
        dE_dout[o] = record(neuron.dE_dout_name, -2.0 * half * error_sign * (targets[o] - out[o]))
        dout_dnet[o] = record(neuron.dout_dnet_name, _sigma_prime(neuron.sigma_prime_of, net[o], out[o]))
        delta[o] = record(neuron.delta_name, dE_dout[o] * dout_dnet[o])


def _hidden_deltas(sheet: _Sheet) -> None:
    """Hidden layer: out_h reaches E_total along one path per output, ∂E_o/∂out_h = δ_o · ∂net_o/∂out_h,
    where ∂net_o/∂out_h is the weight from h into o: before the step, or "output-first" after it."""
    record, parameters, new, net, out = sheet.record, sheet.parameters, sheet.new, sheet.net, sheet.out
    dE_dout, dout_dnet, delta = sheet.dE_dout, sheet.dout_dnet, sheet.delta
    for neuron, paths, operand_name in sheet.plan.back:
        h, dEo_dout, carried = neuron.n, {}, 0.0
        for o, w, updated, dnet_dout, dEo_dout_name in paths:
            weight = record(dnet_dout, new[w] if updated else parameters[w])
            dEo_dout[o] = record(dEo_dout_name, delta[o] * weight)
        for o in sheet.variant.paths:
            carried += dEo_dout[o]
        dE_dout[h] = record(neuron.dE_dout_name, carried)
        operand = record(operand_name, out[h])  # the post writes out_h1 again, to 8 decimals
        dout_dnet[h] = record(neuron.dout_dnet_name, _sigma_prime(neuron.sigma_prime_of, net[h], operand))
        delta[h] = record(neuron.delta_name, dE_dout[h] * dout_dnet[h])


def _sigma_prime(of: str | None, net: float, out: float) -> float:
    """σ′ at a neuron: out(1 − out) (the activation's own derivative, as the post writes it); 1 when the
    variant leaves it out there; net(1 − net) when it takes it of net instead."""
    if of is None:
        return 1.0
    operand = net if of == "net" else out
    return operand * (1.0 - operand)


def _update(sheet: _Sheet, weights: tuple[Weight, ...]) -> None:
    """∂E_total/∂w = ∂E_total/∂out · ∂out/∂net · ∂net/∂w, the post's triple product; then w − η·∂E/∂w."""
    record, parameters, eta = sheet.record, sheet.parameters, sheet.variant.eta
    net, out, dE_dout, dout_dnet, new = sheet.net, sheet.out, sheet.dE_dout, sheet.dout_dnet, sheet.new
    for w, to, source, of_net, dnet_dw, gradient_name, new_name in weights:
        d_w = record(dnet_dw, net[source] if of_net else out[source])
        gradient = record(gradient_name, dE_dout[to] * dout_dnet[to] * d_w)
        new[w] = record(new_name, parameters[w] - eta * gradient)


def _update_biases(sheet: _Sheet) -> None:
    """The shared biases: b feeds every neuron of its layer, so ∂E_total/∂b = Σ_j δ_j (BP3, summed)."""
    variant, record, parameters = sheet.variant, sheet.record, sheet.parameters
    for b, layer, gradient_name, new_name in BIASES:
        summed = 0.0
        for n in layer:
            summed += sheet.delta[n]
        gradient = record(gradient_name, summed)
        trained = parameters[b] - variant.eta * gradient if variant.train_biases else parameters[b]
        sheet.new[b] = record(new_name, trained)


def step(
    variant: Variant = STATED,
    parameters: Mapping[str, float] | None = None,
    override: Mapping[str, float] | None = None,
) -> dict[str, float]:
    """One forward pass, one backward pass and one update, every quantity recorded by name.

    ``parameters`` are w1..w8, b1, b2 (default: the tutorial's initial values); the updated ones come
    back as ``w1_new`` .. ``b2_new``. ``override`` replaces recorded quantities by other values.
    """
    before = mazur.INITIAL if parameters is None else parameters
    return _worked(plan_for(variant), variant, before, override or {}).recorded


def steps(variant: Variant = STATED) -> Iterator[dict[str, float]]:
    """:func:`step` after :func:`step` from the tutorial's initial values, each from the parameters the
    one before left (its ``w1_new`` .. ``b2_new``), without end: the training run, every step recorded."""
    plan, parameters = plan_for(variant), mazur.INITIAL
    while True:
        sheet = _worked(plan, variant, parameters, {})
        yield sheet.recorded
        parameters = sheet.new  # w1..b2 each as recorded under its w_new


def _worked(
    plan: Plan, variant: Variant, parameters: Mapping[str, float], override: Mapping[str, float]
) -> _Sheet:
    recorded: dict[str, float] = {}
    sheet = _Sheet(
        plan=plan,
        variant=variant,
        parameters=parameters,
        record=_recorder(variant, recorded, override),
        recorded=recorded,
        net={},
        out=dict(mazur.INPUTS),
        dE_dout={},
        dout_dnet={},
        delta={},
        new={},
    )
    _forward(sheet)
    _output_deltas(sheet)
    _update(sheet, plan.output_weights)
    _hidden_deltas(sheet)
    _update(sheet, plan.hidden_weights)
    _update_biases(sheet)
    return sheet
