r"""Mazur's tutorial, by its own names, with its chain rule proved and its numbers recomputed exactly.

The tutorial differentiates by hand: :math:`\partial E_{total}/\partial w_5 = \partial E_{total}/
\partial out_{o1} \cdot \partial out_{o1}/\partial net_{o1} \cdot \partial net_{o1}/\partial w_5`,
and for a hidden weight the sum of two paths, one through each output. Here each factor is
``sympy.diff`` of one of the tutorial's own local definitions (``net_h1 = w1·i1 + w2·i2 + b1``,
``out_h1 = 1/(1 + e^{-net_h1})``, ``E_o1 = ½(target_o1 − out_o1)²``, ...), the product is proved
equal to sympy's direct derivative of :math:`E_{total}` written out in the inputs and parameters,
and then evaluated at the tutorial's point with exact rationals (0.15 is 3/20) to 40 significant
digits and rounded to the printed number of decimals.

The network and its local definitions are :class:`~symbolic.tutorial_network.Tutorial`'s; the
formula text shown beside each value is :mod:`worked.mazur.formulas`'.
The tutorial shares one bias per layer, so :math:`\partial E/\partial b_1` sums over both hidden
neurons.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sympy import Expr, Rational, Symbol

from symbolic.exact import decide
from symbolic.functions import logistic
from symbolic.tutorial_network import Tutorial
from worked.mazur import ETA, PRINTED, decimals, formulas, rounded, rounds_to

__all__ = [
    "CHECK_DIGITS",
    "DIGITS",
    "ChainRule",
    "Tutorial",
    "Value",
    "chain_rules",
    "sigmoid_rule",
    "values",
]

DIGITS = 40
"""Significant digits of every evaluation; a value is re-evaluated at :data:`CHECK_DIGITS` to make
sure its rounding to the printed places does not depend on the digits beyond these."""
CHECK_DIGITS = 60


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
