r"""Total derivatives between any two scalars of a worked example's network, along every path.

The network is a graph of named scalars: inputs, parameters, ``net_n`` (:math:`z`), ``out_n``
(:math:`a`), each output's share ``E_o`` of the cost and ``E_total``. Each edge carries the local
derivative the general code already has:

- :math:`\partial E_{total}/\partial E_o = 1`;
- :math:`\partial E_o/\partial out_o` = the cost's own gradient :math:`\nabla_a C` (:mod:`worked.core.costs`);
- :math:`\partial out_n/\partial net_n = \sigma'(net_n)` (:mod:`worked.core.activations`);
- :math:`\partial net_n/\partial out_k = w_{nk}`, :math:`\partial net_n/\partial w_{nk} = out_k`,
  :math:`\partial net_n/\partial b = 1`.

:math:`dA/dB` is the sum over every path from B up to A of the product of its edges, accumulated
from A downwards (reverse mode, one float at a time). When A is E_total the core's own backprop
already holds the answer (δ by BP1/BP2, the gradients by BP3/BP4), and that is what is read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from worked.core import shared_bias_gradients
from worked.examples import Node

if TYPE_CHECKING:
    from worked.tutorial.model import Model


def derivative(model: Model, of: Node, by: Node) -> float:
    """:math:`d\\,of/d\\,by` in ``model``: total, along every path (0 when no path joins them)."""
    if of == by:
        return 1.0
    if of.kind == "E_total":
        return _of_cost(model, by)
    return adjoints(model, of).get(by, 0.0)


def _of_cost(model: Model, by: Node) -> float:
    """∂E_total/∂by from the core's backward pass."""
    ex, bp = model.example, model.backprop
    if by.kind == "E":
        return 1.0
    if by.kind == "net":
        return model.delta(by.name)
    if by.kind == "weight":
        l, j, k = ex.weight_index(by.name)
        return float(bp.nabla_w[l][j, k])
    if by.kind == "bias":
        l, j = ex.index(ex.bias_feeds[by.name][0])
        if ex.biases == "shared":
            return shared_bias_gradients(bp.nabla_b)[l - 1]
        return float(bp.nabla_b[l - 1][j])
    l, k = ex.index(by.name)  # an out or an input
    if l == len(ex.layers) - 1:
        return float(model.network.cost_function.nabla_a(bp.activations[-1], model.y)[k])
    return sum(model.delta(n) * float(model.network.weights[l][j, k]) for j, n in enumerate(ex.layers[l + 1]))


def adjoints(model: Model, of: Node) -> dict[Node, float]:
    """:math:`d\\,of/d\\,n` for every scalar ``n`` that ``of`` depends on (reverse mode over the graph)."""
    ex, network, bp = model.example, model.network, model.backprop
    adjoint: dict[Node, float] = {of: 1.0}

    def add(node: Node, amount: float) -> None:
        adjoint[node] = adjoint.get(node, 0.0) + amount

    for o in ex.outputs:
        if Node("E_total") in adjoint:
            add(Node("E", o), adjoint[Node("E_total")])
    nabla_a = network.cost_function.nabla_a(bp.activations[-1], model.y)
    for j, o in enumerate(ex.outputs):
        if Node("E", o) in adjoint:
            add(Node("out", o), adjoint[Node("E", o)] * float(nabla_a[j]))
    for l in range(len(ex.layers) - 1, 0, -1):
        sigma = network.sigmas[l - 1]
        prime = sigma.prime(bp.zs[l - 1], bp.activations[l])
        below = ex.layers[l - 1]
        for j, n in enumerate(ex.layers[l]):
            if Node("out", n) in adjoint:
                add(Node("net", n), adjoint[Node("out", n)] * float(prime[j]))
            if Node("net", n) not in adjoint:
                continue
            g = adjoint[Node("net", n)]
            for k, source in enumerate(below):
                add(Node("out" if l > 1 else "input", source), g * float(network.weights[l - 1][j, k]))
            for w, (to, source) in ex.weights.items():
                if to == n:
                    add(Node("weight", w), g * float(bp.activations[l - 1][below.index(source)]))
            for b, fed in ex.bias_feeds.items():
                if n in fed:
                    add(Node("bias", b), g)
    return adjoint
