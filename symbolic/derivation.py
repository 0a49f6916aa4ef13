r"""The machinery of a width-generic derivation: a chain of sympy rewrites, and the comparison that proves it.

A :class:`Chain` is ``lhs = start = steps[0] = ...``, each :class:`Rewrite` made by sympy
(``diff``, ``Sum.doit()``, ``refine`` on the index ranges); a :class:`GenericProof` holds one
equation's chains and the exact comparison of their result with the equation as stated.
:mod:`symbolic.generic` proves BP1-BP4 with it, :mod:`symbolic.generic_regularised` the regularised
BP3 and BP4.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import reduce

from sympy import And, Derivative, Expr, Le, Q, Symbol, factor_terms, refine, simplify

from symbolic.notation import Fenced, Frac, Ident, Node, Op, Row, tokens
from symbolic.render import condition, name_node, to_node

j, k, q, r = (Symbol(name, integer=True) for name in "jkqr")


def width(name: str) -> Symbol:
    return Symbol(name, integer=True, positive=True)


@dataclass(frozen=True)
class Rewrite:
    """One rewriting of the right-hand side, and the sympy operation that made it."""

    expr: Expr
    how: str
    where: Node | None = None


@dataclass(frozen=True)
class Chain:
    """``lhs = start = steps[0] = steps[1] = ...``, each step by sympy."""

    lhs: Node
    start: Expr
    why: str
    steps: tuple[Rewrite, ...]
    why_math: Node | None = None

    @property
    def result(self) -> Expr:
        return self.steps[-1].expr if self.steps else self.start


@dataclass(frozen=True)
class GenericProof:
    """One equation: its vector form, the premise, the derivation and the comparison that proves it."""

    label: str
    title: str
    vector: Node
    premise: str
    chains: tuple[Chain, ...]
    claim: Node
    stated: Expr
    stated_display: Node
    method: str

    @property
    def proven(self) -> bool:
        return bool(self.method)


ROUNDS = 4
"""Rounds of ``doit``/``refine``: each removes one level of summation, and the deepest cost here
has two nested sums; the loop stops as soon as a round changes nothing."""


def differentiate(expr: Expr, variable: Expr, ranges: tuple[tuple[Symbol, Symbol], ...]) -> list[Rewrite]:
    """``diff``, then ``Sum.doit()`` and ``refine`` on the index ranges until nothing changes."""
    assumptions = reduce(operator.and_, (Q.le(1, i) & Q.le(i, n) for i, n in ranges))
    where = condition(And(*(c for i, n in ranges for c in (Le(1, i), Le(i, n)))))
    steps = [Rewrite(expr.diff(variable), "sympy.diff")]
    for _ in range(ROUNDS):
        before = steps[-1].expr
        summed = before.doit()
        if summed != before:
            steps.append(Rewrite(summed, "Sum.doit()"))
        refined = refine(summed, assumptions)
        if refined != summed:
            steps.append(Rewrite(refined, "refine", where))
        if refined == before:
            break
    return steps


def derive_chain(
    lhs: Node, cost: Expr, variable: Expr, why: tuple[str, Node | None], *ranges: tuple[Symbol, Symbol]
) -> Chain:
    steps = tuple(differentiate(cost, variable, ranges))
    return Chain(lhs, Derivative(cost, variable), why[0], steps, why[1])


def defined(layer: str, by: str = "") -> tuple[str, Node | None]:
    """``definition, a^l = σ(z^l)`` (or ``definition of z^l`` when ``by`` is empty)."""
    if by:
        return "definition, with", Row((s(f"a^{layer}"), Op("="), Ident("σ"), Fenced(s(f"z^{layer}"))))
    return "definition of", s(f"z^{layer}")


def compare(derived: Expr, stated: Expr) -> str:
    """How ``derived == stated`` was shown (``""`` if it was not): each test is an exact identity."""
    difference = derived - stated
    tests: tuple[tuple[str, Callable[[Expr], Expr]], ...] = (
        ("identical", lambda d: d),
        ("factor_terms", factor_terms),
        ("simplify", simplify),
    )
    for name, test in tests:
        if test(difference) == 0:
            return name
    return ""


def partial(of: str, by: Node) -> Node:
    return Frac(Row((Ident("∂"), Ident(of))), Row((Ident("∂"), by)))


def s(name: str, *indices: Symbol) -> Node:
    return name_node(name, tuple(tokens(i.name) for i in indices))


def sigma_prime(z: Node) -> Node:
    return Row((Ident("σ′"), Fenced(z)))


def proof(
    label: str,
    title: str,
    vector: Node,
    premise: str,
    chains: tuple[Chain, ...],
    claim: Node,
    stated: Expr,
    shown: Expr | Node,
) -> GenericProof:
    method = compare(chains[0].result, stated)
    return GenericProof(label, title, vector, premise, chains, claim, stated, to_node(shown), method)
