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

from functools import cache

from sympy import Expr, IndexedBase, Mul, Sum, Symbol

from symbolic.derivation import (
    Chain,
    GenericProof,
    Rewrite,
    defined,
    derive_chain,
    j,
    k,
    partial,
    proof,
    q,
    r,
    s,
    sigma_prime,
    width,
)
from symbolic.functions import Sigma, SigmaPrime
from symbolic.notation import Fenced, Ident, Op, Product, Row, Script
from symbolic.render import to_node

__all__ = [
    "Chain",
    "GenericProof",
    "Rewrite",
    "bp1",
    "bp2",
    "bp3",
    "bp4",
    "j",
    "k",
    "layer_cost",
    "proofs",
    "q",
    "r",
]


def bp1() -> GenericProof:
    r"""Implements BP1: :math:`\delta^L = \nabla_a C \odot \sigma'(z^L)`."""
    n = width("n_L")
    z, a, G = IndexedBase("z^L"), IndexedBase("a^L"), IndexedBase("G")
    premise = "C = Σ_q G_q a^L_q near the point, G_q = ∂C/∂a^L_q held fixed (first order: the chain rule)"
    delta = derive_chain(s("δ^L", j), Sum(G[q] * Sigma(z[q]), (q, 1, n)), z[j], defined("L", "σ"), (j, n))
    gradient = Product((Script(Ident("∇"), sub=Ident("a")), Ident("C")))
    nabla_lhs = Script(Fenced(gradient), sub=Ident("j"))
    nabla = derive_chain(nabla_lhs, Sum(G[q] * a[q], (q, 1, n)), a[j], ("the premise", None), (j, n))
    vector = Row((s("δ^L"), Op("="), gradient, Op("⊙"), sigma_prime(s("z^L"))))
    stated = nabla.result * SigmaPrime(z[j])
    shown = Product((nabla_lhs, to_node(SigmaPrime(z[j]))))
    return proof(
        "BP1", "the error in the output layer", vector, premise, (delta, nabla), s("δ^L", j), stated, shown
    )


def bp2() -> GenericProof:
    r"""Implements BP2: :math:`\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)`."""
    n, m = width("n_l"), width("n_{l+1}")
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
    delta = derive_chain(s("δ^l", j), cost, z[j], defined("l", "σ"), (j, n))
    transposed = Script(Fenced(s("w^{l+1}")), sup=Ident("ᵀ"))
    vector = Row(
        (s("δ^l"), Op("="), Fenced(Product((transposed, s("δ^{l+1}")))), Op("⊙"), sigma_prime(s("z^l")))
    )
    stated = Sum(w[q, j] * d[q], (q, 1, m)) * SigmaPrime(z[j])
    shown = Mul(Sum(Mul(w[q, j], d[q], evaluate=False), (q, 1, m)), SigmaPrime(z[j]), evaluate=False)
    title = "the error in terms of the error in the next layer"
    return proof("BP2", title, vector, premise, (delta,), s("δ^l", j), stated, shown)


@cache
def layer_cost() -> tuple[Expr, IndexedBase, IndexedBase, IndexedBase, IndexedBase, Symbol, Symbol, str]:
    n, m = width("n_l"), width("n_{l-1}")
    w, b, a, d = IndexedBase("w^l"), IndexedBase("b^l"), IndexedBase("a^{l-1}"), IndexedBase("delta^l")
    cost = Sum(d[q] * (Sum(w[q, r] * a[r], (r, 1, m)) + b[q]), (q, 1, n))
    premise = (
        "C = Σ_q δ^l_q z^l_q near the point, δ^l_q = ∂C/∂z^l_q held fixed, "
        "z^l_q = Σ_r w^l_{qr} a^{l-1}_r + b^l_q"
    )
    return cost, w, b, a, d, n, m, premise


def bp3() -> GenericProof:
    r"""Implements BP3: :math:`\partial C / \partial b^l_j = \delta^l_j`."""
    cost, _, b, _, d, n, _, premise = layer_cost()
    lhs = partial("C", s("b^l", j))
    chain = derive_chain(lhs, cost, b[j], defined("l"), (j, n))
    vector = Row((lhs, Op("="), s("δ^l", j)))
    return proof("BP3", "the gradient by a bias", vector, premise, (chain,), lhs, d[j], d[j])


def bp4() -> GenericProof:
    r"""Implements BP4: :math:`\partial C / \partial w^l_{jk} = a^{l-1}_k \delta^l_j`."""
    cost, w, _, a, d, n, m, premise = layer_cost()
    lhs = partial("C", s("w^l", j, k))
    chain = derive_chain(lhs, cost, w[j, k], defined("l"), (j, n), (k, m))
    vector = Row((lhs, Op("="), Product((s("a^{l-1}", k), s("δ^l", j)))))
    stated, shown = a[k] * d[j], Mul(a[k], d[j], evaluate=False)
    return proof("BP4", "the gradient by a weight", vector, premise, (chain,), lhs, stated, shown)


def proofs() -> tuple[GenericProof, ...]:
    """BP1-BP4, in order."""
    return (bp1(), bp2(), bp3(), bp4())
