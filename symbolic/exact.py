r"""Deciding ``lhs == rhs`` exactly and fast, and refuting it with a witness when it is false.

**Proof.** Every function application in the difference (:math:`\sigma(z^2_1)`,
:math:`\sigma'(z^1_3)`, :math:`\partial_2 C(a^L, y)`, ``exp(...)``) is replaced by an independent
variable, and the result is expanded as a polynomial in those variables and the network's
symbols. If it is the zero polynomial, the identity holds for *every* value of the variables, in
particular for the values the applications actually take: the step is sound. It may be
incomplete (it cannot see that :math:`\sigma(z)` and :math:`\sigma'(z)` are related), which could
only make a true statement come out "not proven", never a false one "proven". When the difference
has denominators (cross-entropy's :math:`1/a`), it is put over one denominator and the numerator
is expanded instead: an identity of rational functions, valid wherever the denominators are not
zero. Plain ``simplify``/``cancel`` decide the same questions, a hundred times slower.

**Refutation.** "Not proven" is not "false". :func:`refute` makes it false: it replaces the
undefined :math:`\sigma` and :math:`C` by concrete functions (:data:`WITNESS`) and the symbols by
rational numbers, evaluates both sides in exact rational arithmetic and reports a point where they
differ. A refuted statement fails for that :math:`\sigma`, :math:`C` and point; a verifier that
could never say so would prove nothing.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any

from sympy import Add, Dummy, Expr, Function, Mul, Rational, Symbol, default_sort_key, together

from symbolic.functions import Cost, CostPartial, Sigma, SigmaPrime
from symbolic.polynomial import polynomial_difference

RING = "polynomial ring"
FIELD = "fraction field"
IDENTICAL = "identical"
NOT_IDENTICAL = "not an identity in the ring or field"


@dataclass(frozen=True)
class Decision:
    """Whether an identity was proven, and by which comparison (one of the constants above)."""

    proven: bool
    method: str


def applications(expr: Any) -> set[Expr]:
    """Every function application in ``expr`` that is not inside the argument of another one."""
    found: set[Expr] = set()
    stack = [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, Function):
            found.add(node)
        else:
            stack.extend(node.args)
    return found


def as_polynomial(expr: Expr) -> Expr:
    """``expr`` with each outermost function application replaced by a fresh independent variable."""
    return expr.xreplace({app: Dummy("g") for app in applications(expr)})


def decide(lhs: Expr, rhs: Expr) -> Decision:
    """Decide ``lhs == rhs`` as an identity of polynomials (or rational functions) in free variables."""
    if lhs == rhs:  # one expression: its difference is 0 in sympy's canonical form, not worth forming
        return Decision(True, IDENTICAL)
    in_ring = polynomial_difference(lhs, rhs)
    if in_ring is not None:
        if in_ring:
            return Decision(False, NOT_IDENTICAL)
        return Decision(True, IDENTICAL if lhs - rhs == 0 else RING)
    difference = lhs - rhs
    if difference == 0:  # sympy's own canonical form already cancelled every term
        return Decision(True, IDENTICAL)
    flat = as_polynomial(difference)
    if flat.expand() == 0:
        return Decision(True, RING)
    numerator, _ = together(flat).as_numer_denom()
    if numerator.expand() == 0:
        return Decision(True, FIELD)
    return Decision(False, NOT_IDENTICAL)


# -- refutation -------------------------------------------------------------------------------------
WITNESS = "σ(t) = t + t²/2 + t³/3 and C(a, y) = Σ_j ((j+1)/2)(a_j − y_j)² + Π_j a_j"
"""The concrete activation and cost that :func:`refute` substitutes, in words."""

_T = Symbol("t")


def _witness_sigma(t: Expr) -> Expr:
    return t + t**2 / 2 + t**3 / 3


def _witness_cost(args: tuple[Expr, ...]) -> Expr:
    n = len(args) // 2
    a, y = args[:n], args[n:]
    return Add(*(Rational(j + 2, 2) * (a[j] - y[j]) ** 2 for j in range(n))) + Mul(*a)


@cache
def _witness_cost_partial(j: int, arity: int) -> tuple[tuple[Symbol, ...], Expr]:
    ts = tuple(Symbol(f"t{i}") for i in range(arity))
    return ts, _witness_cost(ts).diff(ts[j - 1])


_SIGMA_PRIME = _witness_sigma(_T).diff(_T)


def _partial(j: Expr, *args: Expr) -> Expr:
    ts, derivative = _witness_cost_partial(int(j), len(args))
    return derivative.xreplace(dict(zip(ts, args, strict=True)))


_REPLACEMENTS: dict[type, Callable[..., Expr]] = {
    Sigma: _witness_sigma,
    SigmaPrime: lambda t: _SIGMA_PRIME.xreplace({_T: t}),
    Cost: lambda *args: _witness_cost(args),
    CostPartial: _partial,
}


@dataclass(frozen=True)
class Witness:
    """A rational point, under :data:`WITNESS`, at which the two sides have different exact values."""

    point: tuple[tuple[str, str], ...]
    lhs: str
    rhs: str

    def __str__(self) -> str:
        values = ", ".join(f"{name} = {value}" for name, value in self.point)
        return f"with {WITNESS}, at {values}: left side {self.lhs}, right side {self.rhs}"


def _evaluate(expr: Expr, point: dict[Symbol, Rational]) -> Expr:
    """``expr`` at ``point`` with σ, σ′, C and ∂C the witness's, each sub-expression evaluated once.

    Bottom up: the arguments first, so every undefined application is met with rational arguments
    and becomes a rational. A difference of two sides shares most of its sub-expressions (the
    forward pass), which a rebuild of the whole tree per replaced function would evaluate again.
    """
    done: dict[Expr, Expr] = {}

    def value(node: Expr) -> Expr:
        if node in point:
            return point[node]
        if not node.args:
            return node
        found = done.get(node)
        if found is None:
            args = [value(a) for a in node.args]
            witness = _REPLACEMENTS.get(type(node))
            found = done[node] = node.func(*args) if witness is None else witness(*args)
        return found

    return value(expr)


def _draw(rng: random.Random, symbol: Symbol) -> Rational:
    """A small rational within what ``symbol`` assumes: a batch size a positive integer, λ positive."""
    if symbol.is_integer and symbol.is_positive:
        return Rational(rng.randint(1, 9))
    if symbol.is_positive:
        return Rational(rng.randint(1, 9), rng.randint(1, 9))
    return Rational(rng.randint(-9, 9), rng.randint(1, 9))


def refute(lhs: Expr, rhs: Expr, seed: int = 0, tries: int = 3) -> Witness | None:
    """A witness that ``lhs != rhs`` for some σ, C and point, or ``None`` if none was found.

    Only the undefined σ and C (and σ′, ∂C) can be replaced; an expression with any other
    function left in it (a concrete activation) is not evaluated and gives ``None``.
    """
    symbols = sorted((lhs - rhs).free_symbols | lhs.free_symbols | rhs.free_symbols, key=default_sort_key)
    rng = random.Random(seed)
    for _ in range(tries):
        point = {s: _draw(rng, s) for s in symbols}
        left, right = _evaluate(lhs, point), _evaluate(rhs, point)
        if not (left.is_Rational and right.is_Rational):
            return None
        if left != right:
            shown = tuple((s.name, str(v)) for s, v in point.items())
            return Witness(shown, str(left), str(right))
    return None
