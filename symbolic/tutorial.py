r"""Mazur's tutorial, by its own names, with its chain rule proved and its numbers recomputed exactly.

The tutorial differentiates by hand: :math:`\partial E_{total}/\partial w_5 = \partial E_{total}/
\partial out_{o1} \cdot \partial out_{o1}/\partial net_{o1} \cdot \partial net_{o1}/\partial w_5`,
and for a hidden weight the sum of two paths, one through each output. Here each factor is
``sympy.diff`` of one of the tutorial's own local definitions (``net_h1 = w1·i1 + w2·i2 + b1``,
``out_h1 = 1/(1 + e^{-net_h1})``, ``E_o1 = ½(target_o1 − out_o1)²``, ...), the product is proved
equal to sympy's direct derivative of :math:`E_{total}` written out in the inputs and parameters,
and then evaluated at the tutorial's point with exact rationals (0.15 is 3/20) to 40 significant
digits and rounded to the printed number of decimals.

The network's wiring is read from :data:`worked.mazur.NAMES`, the one table from Mazur's names
to Nielsen's indices, and the point from its constants: data only, no computation of :mod:`worked`.
The formulas *shown* beside the expressions are :mod:`worked.mazur.formulas`' text, the same the
walkthrough and ``check`` show; the expressions themselves are sympy's, built here.
The tutorial shares one bias per layer, so :math:`\partial E/\partial b_1` sums over both hidden
neurons.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from sympy import Add, Expr, Rational, Symbol

from symbolic.exact import decide
from symbolic.functions import logistic
from worked.mazur import ETA, INITIAL, INPUTS, NAMES, PRINTED, TARGETS, decimals, formulas, rounded, rounds_to

DIGITS = 40
"""Significant digits of every evaluation; a value is re-evaluated at :data:`CHECK_DIGITS` to make
sure its rounding to the printed places does not depend on the digits beyond these."""
CHECK_DIGITS = 60


def _neurons(kind: str, layer: int) -> list[str]:
    return [n.mazur for n in NAMES.values() if n.kind == kind and n.layer == layer]


class Tutorial:
    """The 2-2-2 network with Mazur's names: leaves, local definitions, and quantities built on them."""

    def __init__(self) -> None:
        s = Symbol
        self.inputs = {name: s(name) for name in _neurons("a", 0)}
        self.params = {name: s(name) for name in INITIAL}
        self.targets = {f"target_{o}": s(f"target_{o}") for o in TARGETS}
        self.definitions: dict[Symbol, Expr] = {}
        self.nets: dict[int, list[Symbol]] = {}
        self.outs: dict[int, list[Symbol]] = {0: [self.inputs[n] for n in _neurons("a", 0)]}
        for layer in (1, 2):
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
        self.errors = [s(f"E_{name[len('out_') :]}") for name in _neurons("a", 2)]
        for error, out, target in zip(self.errors, self.outs[2], self.targets.values(), strict=True):
            self.definitions[error] = Rational(1, 2) * (target - out) ** 2
        self.E_total = s("E_total")
        self.definitions[self.E_total] = Add(*self.errors)

    def leaves(self, expr: Expr) -> Expr:
        """``expr`` with every intermediate (net, out, E) replaced by its definition, down to the leaves."""
        for symbol, definition in reversed(self.definitions.items()):
            expr = expr.xreplace({symbol: definition})
        return expr

    def local(self, of: Symbol, by: Symbol) -> Expr:
        """∂of/∂by from ``of``'s own definition, ``by`` held as a symbol (one factor of the chain rule)."""
        definition = self.definitions[of]
        if of == self.E_total:
            definition = definition.xreplace({e: self.definitions[e] for e in self.errors})
        return definition.diff(by)

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
        if out in self.outs[2]:
            return self.local(self.E_total, out), text
        return Add(*(self.path(error, out)[0] for error in self.errors)), text

    def path(self, error: Symbol, hidden: Symbol) -> tuple[Expr, str]:
        """∂E_o/∂out_h = ∂E_o/∂out_o · ∂out_o/∂net_o · ∂net_o/∂out_h, one path of the error back."""
        j = self.errors.index(error)
        out, net = self.outs[2][j], self.nets[2][j]
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
        return self.leaves(self.E_total).diff(self.params[parameter])


def _neuron(symbol: Symbol) -> str:
    """The neuron a symbol belongs to: ``out_h1`` → ``h1``, ``E_o1`` → ``o1``."""
    return str(symbol).removeprefix("out_").removeprefix("E_")


@dataclass(frozen=True)
class ChainRule:
    """The tutorial's product for one parameter, and how it was proved equal to the direct derivative."""

    parameter: str
    formula: str
    method: str

    @property
    def proven(self) -> bool:
        return bool(self.method)


def chain_rules(tutorial: Tutorial | None = None) -> list[ChainRule]:
    """The chain rule for w1..w8, b1, b2, each decided exactly against ``sympy.diff`` of E_total."""
    t = Tutorial() if tutorial is None else tutorial
    out = []
    for parameter in t.params:
        product, formula = t.chain(parameter)
        decision = decide(t.leaves(product), t.direct(parameter))
        out.append(ChainRule(parameter, formula, decision.method if decision.proven else ""))
    return out


def sigmoid_rule() -> ChainRule:
    """The tutorial's ∂out/∂net = out(1 − out), against sympy's derivative of 1/(1 + e^{−net})."""
    net = Symbol("net")
    out = logistic(net)
    decision = decide(out.diff(net), out * (1 - out))
    text = f"{formulas.partial('out', 'net')} = {formulas.sigmoid_prime('out')}"
    return ChainRule("net", text, decision.method if decision.proven else "")


@dataclass(frozen=True)
class Value:
    """One quantity at the tutorial's point: 40 significant digits, and the print where there is one."""

    key: str
    formula: str
    digits: str
    printed: str | None

    @property
    def decimals(self) -> int | None:
        """Decimal places of the printed number (``"0.40"`` → 2)."""
        return None if self.printed is None else decimals(self.printed)

    @property
    def rounded(self) -> str | None:
        """The exact value, rounded half-to-even to the printed number of decimals."""
        return None if self.decimals is None else rounded(Decimal(self.digits), self.decimals)

    @property
    def matches(self) -> bool | None:
        return None if self.printed is None else rounds_to(Decimal(self.digits), self.printed)


def _quantities(t: Tutorial) -> list[tuple[str, str, Expr]]:
    s, f = t.symbol, formulas

    def local(of: str, by: str) -> tuple[str, Expr]:
        return f.partial(of, by), t.local(s(of), s(by))

    rows: list[tuple[str, str, Expr]] = [(n, n, s(n)) for n in ("net_h1", "out_h1", "out_h2", "net_o1")]
    rows += [(n, n, s(n)) for n in ("out_o1", "out_o2", "E_o1", "E_o2", "E_total")]
    rows += [
        ("dEtotal_dout_o1", *local("E_total", "out_o1")),
        ("dout_o1_dnet_o1", *local("out_o1", "net_o1")),
        ("dnet_o1_dw5", *local("net_o1", "w5")),
        ("delta_o1", f.delta("o1"), local("E_o1", "out_o1")[1] * local("out_o1", "net_o1")[1]),
        ("dnet_o1_dout_h1", *local("net_o1", "out_h1")),
        ("dEo1_dout_h1", *reversed(t.path(s("E_o1"), s("out_h1")))),
        ("dEo2_dout_h1", *reversed(t.path(s("E_o2"), s("out_h1")))),
        ("dEtotal_dout_h1", *reversed(t.error_into(s("out_h1")))),
        ("out_h1_operand", "out_h1", s("out_h1")),
        ("dout_h1_dnet_h1", *local("out_h1", "net_h1")),
        ("dnet_h1_dw1", *local("net_h1", "w1")),
    ]
    for parameter in t.params:
        product, formula = t.chain(parameter)
        rows.append((f"dEtotal_d{parameter}", formula, product))
    eta = Rational(str(ETA))
    for parameter in (p for p in t.params if p.startswith("w")):
        update = t.params[parameter] - eta * t.chain(parameter)[0]
        rows.append((f"{parameter}_new", f.update(parameter), update))
    return rows


def _digits(expr: Expr, digits: int) -> str:
    return str(expr.evalf(digits))


def values(tutorial: Tutorial | None = None) -> list[Value]:
    """Every quantity at the tutorial's point, exact to :data:`DIGITS` significant digits."""
    t = Tutorial() if tutorial is None else tutorial
    out = []
    for key, formula, expr in _quantities(t):
        exact = t.leaves(expr).xreplace(t.point)
        value = Value(key, formula, _digits(exact, DIGITS), PRINTED.get(key))
        if (
            value.decimals is not None
            and rounded(Decimal(_digits(exact, CHECK_DIGITS)), value.decimals) != value.rounded
        ):
            raise RuntimeError(f"{key} lies too close to a rounding boundary for {DIGITS} digits")
        out.append(value)
    return out
