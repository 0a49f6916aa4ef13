r"""L2 regularisation: the regularised cost from its definition, and what BP3 and BP4 become.

For a batch of :math:`m` examples the regularised cost adds a penalty on every weight (never a
bias) to the unregularised cost :math:`C_0`:

.. math:: C = C_0 + \frac{\lambda}{2m} \sum_{l,j,k} (w^l_{jk})^2 .

The penalty depends on no :math:`z` and no :math:`b`, so the claims are that the errors
:math:`\delta^l_j` of :math:`C_0` still serve: BP4 gains one term,
:math:`\partial C/\partial w^l_{jk} = a^{l-1}_k \delta^l_j + \frac{\lambda}{m} w^l_{jk}`, and BP3
is unchanged, :math:`\partial C/\partial b^l_j = \delta^l_j`. The right-hand sides below take the
*unregularised* :math:`\delta` (the sweep passes the defined one) and build on
:mod:`symbolic.equations`; the left-hand sides are ``sympy.diff`` of the regularised cost
(:func:`regularised_truth`).

On one network (the sweep, the controls) :math:`C_0` is the cost of its one example, an undefined
function of the outputs, and :math:`m` is a symbol (a positive integer); the batch mean over
:math:`m` concrete examples is Ng's accumulation (:mod:`symbolic.ng`).
"""

from __future__ import annotations

from functools import lru_cache

from sympy import Add, Expr, Symbol

from symbolic.equations import Delta, RightSide, bp3, bp4, positions
from symbolic.functions import GENERIC_ACTIVATION, GENERIC_COST, SymbolicActivation, SymbolicCost
from symbolic.network import SymbolicNetwork

LAMBDA = Symbol("λ", positive=True)
r"""The regularisation parameter :math:`\lambda > 0`."""
M = Symbol("m", integer=True, positive=True)
"""The number of examples in the batch, as a symbol."""


def penalised(squares: Expr, m: Expr = M) -> Expr:
    r""":math:`\frac{\lambda}{2m}` times ``squares``, a sum of squared weights: the penalty's one formula."""
    return LAMBDA / (2 * m) * squares


def penalty(net: SymbolicNetwork, m: Expr = M) -> Expr:
    r""":math:`\frac{\lambda}{2m} \sum_{l,j,k} (w^l_{jk})^2` over every weight of ``net``, no bias.

    The same expression object for every network of these sizes (their weights are the same
    symbols): sympy keeps what it has worked out about an expression on the object, so the sweep's
    derivatives of one penalty by each weight in turn cost a twentieth of those of fresh copies.
    """
    return _penalty(net.sizes, m)


@lru_cache(maxsize=64)
def _penalty(sizes: tuple[int, ...], m: Expr) -> Expr:
    net = SymbolicNetwork(sizes)
    weights = (w for l in range(1, net.L + 1) for row in net.weights[l] for w in row)
    return penalised(Add(*(w**2 for w in weights)), m)


def regularised_cost(net: SymbolicNetwork, m: Expr = M) -> Expr:
    r""":math:`C = C_0 + \frac{\lambda}{2m} \sum w^2`, with :math:`C_0` the cost of ``net``'s example."""
    return net.cost + penalty(net, m)


def regularised_network(
    sizes: tuple[int, ...],
    activation: SymbolicActivation = GENERIC_ACTIVATION,
    cost: SymbolicCost = GENERIC_COST,
    m: Expr = M,
) -> SymbolicNetwork:
    r"""A network whose cost *is* :math:`C_0 + \text{penalty}`, so that all its definitions see the penalty.

    Its :math:`\delta` (by cutting), :math:`\nabla_a C` and gradients are those of the regularised
    cost, each taken from scratch: the check that BP1-BP3 and the defined :math:`\delta` are
    untouched by the penalty, and that BP4λ holds with the gradient of the cost as one expression.
    The weights are shared with every network of these sizes (symbols are equal by name).
    """
    extra = penalty(SymbolicNetwork(sizes), m)
    with_penalty = SymbolicCost(f"{cost.name} + L2", lambda a, y: cost.build(a, y) + extra, cost.premise)
    return SymbolicNetwork(sizes, activation, with_penalty)


def weight_decay(w: Expr, m: Expr = M) -> Expr:
    r""":math:`\frac{\lambda}{m} w`: what the penalty adds to a weight's gradient (BP4, Ng's :math:`D`)."""
    return LAMBDA / m * w


def bp3_regularised(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    r"""BP3 with the penalty: unchanged, :math:`\partial C / \partial b^l_j = \delta^l_j`."""
    return bp3(net, delta, l, j, k)


def bp4_regularised(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    r"""BP4 with the penalty.

    :math:`\partial C / \partial w^l_{jk} = a^{l-1}_k \delta^l_j + \frac{\lambda}{m} w^l_{jk}`.
    """
    return bp4(net, delta, l, j, k) + weight_decay(net.w(l, j, k))


REGULARISED: dict[str, RightSide] = {"BP3λ": bp3_regularised, "BP4λ": bp4_regularised}
REGULARISED_KINDS = tuple(REGULARISED)
"""The names of the regularised statements (BP3λ, BP4λ)."""

STATED_REGULARISED: dict[str, str] = {
    "BP3λ": "∂C/∂b^l_j = δ^l_j (the bias gradient unchanged)",
    "BP4λ": "∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j + (λ/m) w^l_{jk}",
}
"""Each regularised statement in components (plain text for reports); δ is the unregularised error."""

BASE = {"BP3λ": "BP3", "BP4λ": "BP4"}
"""The unregularised equation each one amends: it makes its statements at the same positions."""


def _known(kind: str) -> str:
    if kind not in BASE:
        raise ValueError(f"unknown regularised statement {kind!r}; choose one of: {', '.join(BASE)}")
    return BASE[kind]


def regularised_truth(net: SymbolicNetwork, kind: str, l: int, j: int, k: int = 0, m: Expr = M) -> Expr:
    r"""The left-hand side from the definition: ``sympy.diff`` of :math:`C = C_0 + \text{penalty}`.

    The derivative of the sum is taken term by term, as ``sympy.diff`` itself takes it: the
    network's defined :math:`\partial C_0` (kept from the unregularised check, not taken twice)
    plus the derivative of :func:`penalty` (``sympy.diff``'s expression, taken by the network's
    :class:`~symbolic.differentiate.Differentiator`). A test checks this against ``diff`` of
    :func:`regularised_cost` as one expression.
    """
    parameter = net.b(l, j) if _known(kind) == "BP3" else net.w(l, j, k)
    return net.gradient(parameter) + net.diff(penalty(net, m), parameter)


def regularised_positions(net: SymbolicNetwork, kind: str) -> list[tuple[int, int, int]]:
    """Every ``(l, j, k)`` at which the regularised ``kind`` makes a statement."""
    return positions(net, _known(kind))
