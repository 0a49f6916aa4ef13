r"""The regularised BP4 and the unchanged BP3 at symbolic widths, by ``sympy.diff`` as in ``generic``.

The layer's cost is BP3 and BP4's (:func:`symbolic.generic.layer_cost`: :math:`C_0 = \sum_q \delta^l_q
z^l_q` at first order) plus the L2 penalty on the layer's weights,
:math:`\frac{\lambda}{2m} \sum_q \sum_r (w^l_{qr})^2` (:func:`symbolic.regularisation.penalised`),
with :math:`\lambda` and the batch size :math:`m` symbols. The penalty of the other layers holds
none of :math:`w^l` and :math:`b^l`, so it drops out of both derivatives and is left out. The
derivative by :math:`w^l_{jk}` is compared with BP4's right side plus
:math:`\frac{\lambda}{m} w^l_{jk}` (:func:`symbolic.regularisation.weight_decay`), the derivative
by :math:`b^l_j` with BP3's unchanged :math:`\delta^l_j`. The exhaustive sweep checks the same two
statements on every small network, with no first-order premise and the penalty on every layer.
"""

from __future__ import annotations

from sympy import Expr, Sum

from symbolic.derivation import GenericProof, defined, derive_chain, j, k, partial, proof, q, r, s
from symbolic.generic import layer_cost
from symbolic.notation import Frac, Ident, Op, Product, Row
from symbolic.regularisation import M, penalised, weight_decay

TITLES = {
    "BP3λ": "the gradient by a bias, with L2 regularisation",
    "BP4λ": "the gradient by a weight, with L2 regularisation",
}


def _regularised_layer() -> tuple[Expr, str]:
    """The layer's first-order cost plus its penalty, and the premise that says so."""
    cost, w, _, _, _, n, m, premise = layer_cost()
    squares = Sum(Sum(w[q, r] ** 2, (r, 1, m)), (q, 1, n))
    penalty = "C = C_0 + (λ/2m) Σ_q Σ_r (w^l_{qr})² + (the penalty of the other layers, free of w^l and b^l)"
    return cost + penalised(squares), f"{penalty}; {premise.replace('C =', 'C_0 =', 1)}"


def _decay_node() -> Product:
    return Product((Frac(Ident("λ"), Ident("m")), s("w^l", j, k)))


def bp4_regularised() -> GenericProof:
    r""":math:`\partial C / \partial w^l_{jk} = a^{l-1}_k \delta^l_j + \frac{\lambda}{m} w^l_{jk}`."""
    _, w, _, a, d, n, m, _ = layer_cost()
    cost, premise = _regularised_layer()
    lhs = partial("C", s("w^l", j, k))
    chain = derive_chain(lhs, cost, w[j, k], defined("l"), (j, n), (k, m))
    shown_rhs = Row((Product((s("a^{l-1}", k), s("δ^l", j))), Op("+"), _decay_node()))
    vector = Row((lhs, Op("="), shown_rhs))
    stated = a[k] * d[j] + weight_decay(w[j, k], M)
    return proof("BP4λ", TITLES["BP4λ"], vector, premise, (chain,), lhs, stated, shown_rhs)


def bp3_regularised() -> GenericProof:
    r""":math:`\partial C / \partial b^l_j = \delta^l_j`, the penalty notwithstanding."""
    _, _, b, _, d, n, _, _ = layer_cost()
    cost, premise = _regularised_layer()
    lhs = partial("C", s("b^l", j))
    chain = derive_chain(lhs, cost, b[j], defined("l"), (j, n))
    vector = Row((lhs, Op("="), s("δ^l", j)))
    return proof("BP3λ", TITLES["BP3λ"], vector, premise, (chain,), lhs, d[j], d[j])


def regularised_proofs() -> tuple[GenericProof, ...]:
    """BP3λ and BP4λ, in order; :math:`\\lambda` is :data:`symbolic.regularisation.LAMBDA`."""
    return (bp3_regularised(), bp4_regularised())
