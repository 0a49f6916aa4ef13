r"""The right-hand sides of BP1-BP4, component by component, on a :class:`SymbolicNetwork`.

Each function takes the network, a function ``delta(l, j)`` giving :math:`\delta^l_j`, and a
position ``(l, j, k)``. The sweep passes the *defined* :math:`\delta^l_j = \partial C/\partial z^l_j`,
so each equation is checked on its own; Ng's accumulation passes the recursion BP1-BP2 itself.
These are the only place in :mod:`symbolic` where the four equations are written for a concrete
network; the negative controls are deliberate mistakes made in these same terms.
"""

from __future__ import annotations

from collections.abc import Callable

from sympy import Add, Expr

from symbolic.network import SymbolicNetwork

Delta = Callable[[int, int], Expr]
RightSide = Callable[[SymbolicNetwork, Delta, int, int, int], Expr]


def bp1(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    r"""Implements BP1: :math:`\delta^L_j = \frac{\partial C}{\partial a^L_j} \sigma'(z^L_j)`."""
    return net.nabla_a(j) * net.sigma_prime(net.L, j)


def bp2(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    r"""Implements BP2: :math:`\delta^l_j = \big((w^{l+1})^T \delta^{l+1}\big)_j \sigma'(z^l_j)`."""
    n_next = net.sizes[l + 1]
    return Add(*(net.w(l + 1, q, j) * delta(l + 1, q) for q in range(1, n_next + 1))) * net.sigma_prime(l, j)


def bp3(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    r"""Implements BP3: :math:`\partial C / \partial b^l_j = \delta^l_j`."""
    return delta(l, j)


def bp4(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    r"""Implements BP4: :math:`\partial C / \partial w^l_{jk} = a^{l-1}_k \delta^l_j`."""
    return net.a(l - 1, k) * delta(l, j)


EQUATIONS: dict[str, RightSide] = {"BP1": bp1, "BP2": bp2, "BP3": bp3, "BP4": bp4}
"""BP1-BP4 by name, each the right-hand side of its equation on a :class:`SymbolicNetwork`."""
KINDS = tuple(EQUATIONS)
"""The names of the four equations: BP1, BP2, BP3, BP4."""

STATED: dict[str, str] = {
    "BP1": "δ^L_j = ∂C/∂a^L_j · σ′(z^L_j)",
    "BP2": "δ^l_j = Σ_k w^{l+1}_{kj} δ^{l+1}_k · σ′(z^l_j)",
    "BP3": "∂C/∂b^l_j = δ^l_j",
    "BP4": "∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j",
}
"""Each equation in components, as the sweep checks it (plain text for reports)."""


def ground_truth(net: SymbolicNetwork, kind: str, l: int, j: int, k: int = 0) -> Expr:
    r"""The left-hand side, from the definitions alone: :math:`\delta` by cutting, gradients by diff."""
    if kind in ("BP1", "BP2"):
        return net.delta(l, j)
    if kind == "BP3":
        return net.gradient_b(l, j)
    if kind == "BP4":
        return net.gradient_w(l, j, k)
    raise ValueError(f"unknown statement {kind!r}; choose one of: {', '.join(KINDS)}")


def positions(net: SymbolicNetwork, kind: str) -> list[tuple[int, int, int]]:
    """Every ``(l, j, k)`` at which ``kind`` makes a statement (``k = 0`` where it has no ``k``)."""
    n, L = net.sizes, net.L
    if kind == "BP1":
        return [(L, j, 0) for j in range(1, n[L] + 1)]
    if kind == "BP2":
        return [(l, j, 0) for l in range(1, L) for j in range(1, n[l] + 1)]
    if kind == "BP3":
        return [(l, j, 0) for l in range(1, L + 1) for j in range(1, n[l] + 1)]
    if kind == "BP4":
        return [
            (l, j, k) for l in range(1, L + 1) for j in range(1, n[l] + 1) for k in range(1, n[l - 1] + 1)
        ]
    raise ValueError(f"unknown statement {kind!r}; choose one of: {', '.join(KINDS)}")


def position_text(l: int, j: int, k: int = 0) -> str:
    """``l=3, j=1`` or ``l=3, j=1, k=2``, the layer as the books count it: :class:`SymbolicNetwork`
    counts the input as layer 0, the books as layer 1, so the layer shown is one above ``l``."""
    return f"l={l + 1}, j={j}" + (f", k={k}" if k else "")
