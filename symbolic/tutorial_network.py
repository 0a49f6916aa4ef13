r"""Mazur's 2-2-2 network in sympy, by its own names: leaves, local definitions, the chain rule's factors.

Each of the tutorial's local definitions (``net_h1 = w1·i1 + w2·i2 + b1``, ``out_h1 = 1/(1 + e^{-net_h1})``,
``E_o1 = ½(target_o1 − out_o1)²``, ...) is one sympy expression in the symbols of the layer below; a
chain-rule factor is ``sympy.diff`` of one definition, and :meth:`Tutorial.direct` differentiates
:math:`E_{total}` written out in the leaves, the oracle for the products (:mod:`symbolic.tutorial`),
by :class:`~symbolic.differentiate.Differentiator`: the expression ``sympy.diff`` returns (a test
compares the two), without taking the shared forward pass apart again for every parameter.

The wiring is read from :data:`worked.mazur.NAMES`, the one table from Mazur's names to Nielsen's
indices, and the point from its constants: data only, no computation of :mod:`worked`. The formulas
*shown* beside the expressions are :mod:`worked.mazur.formulas`' text, the same the walkthrough and
``check`` show; the expressions themselves are sympy's, built here.
"""

from __future__ import annotations

from functools import cached_property

from sympy import Add, Expr, Rational, Symbol

from symbolic.differentiate import Differentiator
from symbolic.functions import logistic
from worked.mazur import INITIAL, INPUTS, NAMES, TARGETS, formulas

INPUT, HIDDEN, OUTPUT = 1, 2, 3
"""The tutorial's layers as the books number them (:data:`worked.mazur.NAMES` does too)."""


def _neurons(kind: str, layer: int) -> list[str]:
    return [n.mazur for n in NAMES.values() if n.kind == kind and n.layer == layer]


class Tutorial:
    """The 2-2-2 network with Mazur's names: leaves, local definitions, and quantities built on them."""

    def __init__(self) -> None:
        s = Symbol
        self.inputs = {name: s(name) for name in _neurons("a", INPUT)}
        self.params = {name: s(name) for name in INITIAL}
        self.targets = {f"target_{o}": s(f"target_{o}") for o in TARGETS}
        self.definitions: dict[Symbol, Expr] = {}
        self.nets: dict[int, list[Symbol]] = {}
        self.outs: dict[int, list[Symbol]] = {INPUT: [self.inputs[n] for n in _neurons("a", INPUT)]}
        for layer in (HIDDEN, OUTPUT):
            bias = next(n.mazur for n in NAMES.values() if n.kind == "b" and n.layer == layer)
            self.nets[layer], self.outs[layer] = [], []
            for net_name, out_name in zip(_neurons("z", layer), _neurons("a", layer), strict=True):
                j = NAMES[net_name].j
                weights = {
                    n.k: self.params[n.mazur]
                    for n in NAMES.values()
                    if n.kind == "w" and n.layer == layer and n.j == j
                }
                net, out = s(net_name), s(out_name)
                previous = self.outs[layer - 1]
                self.definitions[net] = (
                    Add(*(weights[k] * previous[k - 1] for k in sorted(weights))) + self.params[bias] * 1
                )
                self.definitions[out] = logistic(net)
                self.nets[layer].append(net)
                self.outs[layer].append(out)
        self.errors = [s(f"E_{name[len('out_') :]}") for name in _neurons("a", OUTPUT)]
        for error, out, target in zip(self.errors, self.outs[OUTPUT], self.targets.values(), strict=True):
            self.definitions[error] = Rational(1, 2) * (target - out) ** 2
        self.E_total = s("E_total")
        self.definitions[self.E_total] = Add(*self.errors)
        self._differentiate = Differentiator()
        self._factors: dict[tuple[Symbol, Symbol], Expr] = {}

    @cached_property
    def _written_out(self) -> dict[Symbol, Expr]:
        """Each intermediate's definition down to the leaves (each is defined on the ones before it)."""
        out: dict[Symbol, Expr] = {}
        for symbol, definition in self.definitions.items():
            out[symbol] = definition.xreplace(out)
        return out

    def leaves(self, expr: Expr) -> Expr:
        """``expr`` with every intermediate (net, out, E) replaced by its definition, down to the leaves."""
        return expr.xreplace(self._written_out)

    def local(self, of: Symbol, by: Symbol) -> Expr:
        """∂of/∂by from ``of``'s own definition, ``by`` held as a symbol (one factor of the chain rule)."""
        factor = self._factors.get((of, by))
        if factor is None:  # each factor serves several products (a hidden weight's in every path)
            definition = self.definitions[of]
            if of == self.E_total:
                definition = definition.xreplace({e: self.definitions[e] for e in self.errors})
            factor = self._factors[of, by] = definition.diff(by)
        return factor

    @cached_property
    def point(self) -> dict[Symbol, Rational]:
        """The tutorial's inputs, targets, weights and biases as exact rationals."""
        values = {**self.inputs, **self.params, **self.targets}
        data = {**INPUTS, **INITIAL, **{f"target_{k}": v for k, v in TARGETS.items()}}
        return {symbol: Rational(str(data[name])) for name, symbol in values.items()}

    # -- the tutorial's chain rule, factor by factor ---------------------------------------------------
    def symbol(self, name: str) -> Symbol:
        """Any of the tutorial's names as its symbol (``w5``, ``net_o1``, ``E_total``)."""
        return Symbol(name)

    def _feeds(self, parameter: str) -> list[tuple[Symbol, Symbol]]:
        """The (net, out) pairs whose net input contains ``parameter`` (two for a shared bias)."""
        n = NAMES[parameter]
        pairs = list(zip(self.nets[n.layer], self.outs[n.layer], strict=True))
        return pairs if n.kind == "b" else [pairs[n.j - 1]]

    def error_into(self, out: Symbol) -> tuple[Expr, str]:
        """∂E_total/∂out: directly for an output, as the sum of one path per output for a hidden one."""
        text = formulas.error_into(_neuron(out))
        if out in self.outs[OUTPUT]:
            return self.local(self.E_total, out), text
        return Add(*(self.path(error, out)[0] for error in self.errors)), text

    def path(self, error: Symbol, hidden: Symbol) -> tuple[Expr, str]:
        """∂E_o/∂out_h = ∂E_o/∂out_o · ∂out_o/∂net_o · ∂net_o/∂out_h, one path of the error back."""
        j = self.errors.index(error)
        out, net = self.outs[OUTPUT][j], self.nets[OUTPUT][j]
        product = self.local(error, out) * self.local(out, net) * self.local(net, hidden)
        return product, formulas.path(_neuron(error), _neuron(hidden))

    def chain(self, parameter: str) -> tuple[Expr, str]:
        """∂E_total/∂parameter as the tutorial multiplies it out (summed over neurons for a shared bias)."""
        by = self.params[parameter]
        terms = [
            self.error_into(out)[0] * self.local(out, net) * self.local(net, by)
            for net, out in self._feeds(parameter)
        ]
        return Add(*terms), formulas.gradient(parameter, paths=True)

    def direct(self, parameter: str) -> Expr:
        """sympy's derivative of E_total written out in the leaves: the oracle for :meth:`chain`."""
        return self._differentiate(self._written_out[self.E_total], self.params[parameter])


def _neuron(symbol: Symbol) -> str:
    """The neuron a symbol belongs to: ``out_h1`` → ``h1``, ``E_o1`` → ``o1``."""
    return str(symbol).removeprefix("out_").removeprefix("E_")
