r"""Lemmas that instantiate the sweep's undefined :math:`\sigma` and :math:`C` with concrete ones.

The sweep proves BP1-BP4 for an undefined activation and cost, so every concrete pair inherits
them. What remains to check for a concrete pair is the pieces the equations leave open:

- each activation's derivative rule (the ``fdiff`` of :mod:`symbolic.functions`) against
  ``sympy.diff`` of its explicit definition, so the concrete sweeps (``--activation``) rest on
  nothing typed in;
- each cost's gradient :math:`\nabla_a C`, and :math:`\delta^L` for the classic pairs, among them
  Nielsen's chapter 3 result that the sigmoid with the cross-entropy cost gives
  :math:`\delta^L = a^L - y`: the :math:`\sigma'` of BP1 cancels.

ReLU has no derivative at 0; its lemma is stated, and checked, on each side of 0 separately.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Expr, Max, Symbol, simplify

from symbolic.exact import decide
from symbolic.functions import COSTS, Logistic, SymbolicActivation, get_activation
from symbolic.network import SymbolicNetwork


@dataclass(frozen=True)
class Lemma:
    """``lhs == rhs`` under ``premise``, and how it was shown (empty if it was not)."""

    name: str
    statement: str
    premise: str
    method: str

    @property
    def proven(self) -> bool:
        return bool(self.method)


def _method(lhs: Expr, rhs: Expr) -> str:
    """The exact decision of :mod:`symbolic.exact`, then ``simplify`` (e.g. for e^z e^{-z} = 1)."""
    decision = decide(lhs, rhs)
    if decision.proven:
        return decision.method
    return "simplify" if simplify(lhs - rhs) == 0 else ""


def _definition_rule(activation: SymbolicActivation, statement: str) -> Lemma:
    """The derivative rule, both sides written out through the explicit definitions."""
    assert activation.definition is not None
    z = Symbol("z", real=True)
    definitions = {Logistic: get_activation("sigmoid").definition}
    rule = activation.prime(z)
    for function, definition in definitions.items():
        assert definition is not None
        rule = rule.replace(function, definition)
    rule = rule.replace(activation.apply, activation.definition) if activation.name != "identity" else rule
    return Lemma(f"{activation.name}′", statement, "z real", _method(activation.definition(z).diff(z), rule))


def activation_lemmas() -> list[Lemma]:
    """σ′ for sigmoid, tanh, softplus, identity from their definitions; ReLU on each side of 0."""
    lemmas = [
        _definition_rule(get_activation("sigmoid"), "d/dz 1/(1+e^{−z}) = σ(z)(1 − σ(z))"),
        _definition_rule(get_activation("tanh"), "d/dz tanh z = 1 − tanh² z"),
        _definition_rule(get_activation("softplus"), "d/dz ln(1+e^z) = 1/(1+e^{−z})"),
        _definition_rule(get_activation("identity"), "d/dz z = 1"),
    ]
    positive, negative = Symbol("z", positive=True), Symbol("z", negative=True)
    relu = _method(Max(positive, 0).diff(positive), 1 + 0 * positive)
    relu_left = _method(Max(negative, 0).diff(negative), 0 * negative)
    lemmas.append(Lemma("relu′", "d/dz max(z, 0) = 1 = H(z) for z > 0", "z > 0", relu))
    lemmas.append(Lemma("relu′", "d/dz max(z, 0) = 0 = H(z) for z < 0", "z < 0", relu_left))
    return lemmas


def _output_layer(activation: str, cost: str) -> SymbolicNetwork:
    """One input, two outputs: enough to see an output neuron that is not alone."""
    return SymbolicNetwork((1, 2), get_activation(activation), COSTS[cost])


def cost_lemmas() -> list[Lemma]:
    """∇_a C of each concrete cost, and δ^L of the textbook pairs (BP1 instantiated)."""
    out = []
    quad = _output_layer("generic", "quadratic")
    a, y = quad.a(1, 1), quad.y[0]
    out.append(Lemma("quadratic ∇_a C", "∂C/∂a^L_j = a^L_j − y_j", "", _method(quad.nabla_a(1), a - y)))
    cross = _output_layer("generic", "cross-entropy")
    a = cross.a(1, 1)
    out.append(
        Lemma(
            "cross-entropy ∇_a C",
            "∂C/∂a^L_j = (a^L_j − y_j) / (a^L_j (1 − a^L_j))",
            "0 < a^L_j < 1",
            _method(cross.nabla_a(1), (a - y) / (a * (1 - a))),
        )
    )
    sig_quad = _output_layer("sigmoid", "quadratic")
    a = sig_quad.a(1, 1)
    out.append(
        Lemma(
            "sigmoid + quadratic δ^L",
            "δ^L_j = (a^L_j − y_j) a^L_j (1 − a^L_j)",
            "",
            _method(sig_quad.delta(1, 1), (a - y) * a * (1 - a)),
        )
    )
    sig_cross = _output_layer("sigmoid", "cross-entropy")
    a = sig_cross.a(1, 1)
    out.append(
        Lemma(
            "sigmoid + cross-entropy δ^L",
            "δ^L_j = a^L_j − y_j (Nielsen, ch. 3: σ′ cancels)",
            "0 < a^L_j < 1",
            _method(sig_cross.delta(1, 1), a - y),
        )
    )
    return out


def lemmas() -> list[Lemma]:
    """Every lemma, activations first."""
    return activation_lemmas() + cost_lemmas()
