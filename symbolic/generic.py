r"""BP1-BP4 at symbolic widths, each obtained by ``sympy.diff`` of the definitions, not typed in.

The layers have symbolic widths (:math:`n_L`, :math:`n_l`, :math:`n_{l-1}`, :math:`n_{l+1}`) and
symbolic neuron indices :math:`j, k`; activations and weights are ``Indexed`` objects.
Differentiating an ``Indexed`` by an ``Indexed`` gives a Kronecker delta, ``Sum.doit()`` turns the
sum against it into a ``Piecewise`` on the index range, and ``refine`` with
:math:`1 \le j \le n` removes it (nested sums take two rounds; the loop below repeats until
nothing changes). Depth is covered by induction: BP2 is one generic step :math:`l+1 \to l` at any
widths, and BP1 is the base case at :math:`L`.

One premise is stated, not proved: a cost of symbolic width cannot be written unless it is a sum
over output neurons, so each proof takes the cost at first order in the layer it differentiates
through, :math:`C = \sum_q G_q a^L_q` with :math:`G_q = \partial C/\partial a^L_q` held fixed (BP1),
or :math:`C = \sum_q \delta_q z_q` with :math:`\delta_q = \partial C / \partial z_q` (BP2-BP4): the
multivariable chain rule, which is where the derivative of any differentiable :math:`C` enters.
The exhaustive sweep (:mod:`symbolic.sweep`) needs no such premise: there :math:`C` is an
undefined function of all outputs.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, reduce

from sympy import And, Derivative, Expr, IndexedBase, Le, Mul, Q, Sum, Symbol, factor_terms, refine, simplify

from symbolic.functions import Sigma, SigmaPrime
from symbolic.notation import Fenced, Frac, Ident, Node, Op, Product, Row, Script, tokens
from symbolic.render import condition, name_node, to_node

j, k, q, r = (Symbol(name, integer=True) for name in "jkqr")


def _width(name: str) -> Symbol:
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


def _differentiate(expr: Expr, variable: Expr, ranges: tuple[tuple[Symbol, Symbol], ...]) -> list[Rewrite]:
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


def _chain(
    lhs: Node, cost: Expr, variable: Expr, why: tuple[str, Node | None], *ranges: tuple[Symbol, Symbol]
) -> Chain:
    steps = tuple(_differentiate(cost, variable, ranges))
    return Chain(lhs, Derivative(cost, variable), why[0], steps, why[1])


def _defined(layer: str, by: str = "") -> tuple[str, Node | None]:
    """``definition, a^l = σ(z^l)`` (or ``definition of z^l`` when ``by`` is empty)."""
    if by:
        return "definition, with", Row((_s(f"a^{layer}"), Op("="), Ident("σ"), Fenced(_s(f"z^{layer}"))))
    return "definition of", _s(f"z^{layer}")


def _compare(derived: Expr, stated: Expr) -> str:
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


def _partial(of: str, by: Node) -> Node:
    return Frac(Row((Ident("∂"), Ident(of))), Row((Ident("∂"), by)))


def _s(name: str, *indices: Symbol) -> Node:
    return name_node(name, tuple(tokens(i.name) for i in indices))


def _sigma_prime(z: Node) -> Node:
    return Row((Ident("σ′"), Fenced(z)))


def _proof(
    label: str,
    title: str,
    vector: Node,
    premise: str,
    chains: tuple[Chain, ...],
    claim: Node,
    stated: Expr,
    shown: Expr | Node,
) -> GenericProof:
    method = _compare(chains[0].result, stated)
    return GenericProof(label, title, vector, premise, chains, claim, stated, to_node(shown), method)


def bp1() -> GenericProof:
    r"""Implements BP1: :math:`\delta^L = \nabla_a C \odot \sigma'(z^L)`."""
    n = _width("n_L")
    z, a, G = IndexedBase("z^L"), IndexedBase("a^L"), IndexedBase("G")
    premise = "C = Σ_q G_q a^L_q near the point, G_q = ∂C/∂a^L_q held fixed (first order: the chain rule)"
    delta = _chain(_s("δ^L", j), Sum(G[q] * Sigma(z[q]), (q, 1, n)), z[j], _defined("L", "σ"), (j, n))
    gradient = Product((Script(Ident("∇"), sub=Ident("a")), Ident("C")))
    nabla_lhs = Script(Fenced(gradient), sub=Ident("j"))
    nabla = _chain(nabla_lhs, Sum(G[q] * a[q], (q, 1, n)), a[j], ("the premise", None), (j, n))
    vector = Row((_s("δ^L"), Op("="), gradient, Op("⊙"), _sigma_prime(_s("z^L"))))
    stated = nabla.result * SigmaPrime(z[j])
    shown = Product((nabla_lhs, to_node(SigmaPrime(z[j]))))
    return _proof(
        "BP1", "the error in the output layer", vector, premise, (delta, nabla), _s("δ^L", j), stated, shown
    )


def bp2() -> GenericProof:
    r"""Implements BP2: :math:`\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)`."""
    n, m = _width("n_l"), _width("n_{l+1}")
    z, w, b, d = (
        IndexedBase("z^l"),
        IndexedBase("w^{l+1}"),
        IndexedBase("b^{l+1}"),
        IndexedBase("delta^{l+1}"),
    )
    premise = (
        "C = Σ_q δ^{l+1}_q z^{l+1}_q near the point, δ^{l+1}_q = ∂C/∂z^{l+1}_q held fixed, "
        "z^{l+1}_q = Σ_r w^{l+1}_{qr} σ(z^l_r) + b^{l+1}_q"
    )
    cost = Sum(d[q] * (Sum(w[q, r] * Sigma(z[r]), (r, 1, n)) + b[q]), (q, 1, m))
    delta = _chain(_s("δ^l", j), cost, z[j], _defined("l", "σ"), (j, n))
    transposed = Script(Fenced(_s("w^{l+1}")), sup=Ident("ᵀ"))
    vector = Row(
        (_s("δ^l"), Op("="), Fenced(Product((transposed, _s("δ^{l+1}")))), Op("⊙"), _sigma_prime(_s("z^l")))
    )
    stated = Sum(w[q, j] * d[q], (q, 1, m)) * SigmaPrime(z[j])
    shown = Mul(Sum(Mul(w[q, j], d[q], evaluate=False), (q, 1, m)), SigmaPrime(z[j]), evaluate=False)
    title = "the error in terms of the error in the next layer"
    return _proof("BP2", title, vector, premise, (delta,), _s("δ^l", j), stated, shown)


@cache
def _layer() -> tuple[Expr, IndexedBase, IndexedBase, IndexedBase, IndexedBase, Symbol, Symbol, str]:
    n, m = _width("n_l"), _width("n_{l-1}")
    w, b, a, d = IndexedBase("w^l"), IndexedBase("b^l"), IndexedBase("a^{l-1}"), IndexedBase("delta^l")
    cost = Sum(d[q] * (Sum(w[q, r] * a[r], (r, 1, m)) + b[q]), (q, 1, n))
    premise = (
        "C = Σ_q δ^l_q z^l_q near the point, δ^l_q = ∂C/∂z^l_q held fixed, "
        "z^l_q = Σ_r w^l_{qr} a^{l-1}_r + b^l_q"
    )
    return cost, w, b, a, d, n, m, premise


def bp3() -> GenericProof:
    r"""Implements BP3: :math:`\partial C / \partial b^l_j = \delta^l_j`."""
    cost, _, b, _, d, n, _, premise = _layer()
    lhs = _partial("C", _s("b^l", j))
    chain = _chain(lhs, cost, b[j], _defined("l"), (j, n))
    vector = Row((lhs, Op("="), _s("δ^l", j)))
    return _proof("BP3", "the gradient by a bias", vector, premise, (chain,), lhs, d[j], d[j])


def bp4() -> GenericProof:
    r"""Implements BP4: :math:`\partial C / \partial w^l_{jk} = a^{l-1}_k \delta^l_j`."""
    cost, w, _, a, d, n, m, premise = _layer()
    lhs = _partial("C", _s("w^l", j, k))
    chain = _chain(lhs, cost, w[j, k], _defined("l"), (j, n), (k, m))
    vector = Row((lhs, Op("="), Product((_s("a^{l-1}", k), _s("δ^l", j)))))
    stated, shown = a[k] * d[j], Mul(a[k], d[j], evaluate=False)
    return _proof("BP4", "the gradient by a weight", vector, premise, (chain,), lhs, stated, shown)


def proofs() -> tuple[GenericProof, ...]:
    """BP1-BP4, in order."""
    return (bp1(), bp2(), bp3(), bp4())
