"""Reading any quantity of the grammar off a :class:`~worked.tutorial.model.Model`: a node's value, δ,
a parameter after one step, a value after training, or a total derivative (:mod:`worked.tutorial.chain`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from worked.examples import Node, Quantity
from worked.tutorial import chain

if TYPE_CHECKING:
    from worked.tutorial.model import Model


def value(model: Model, q: Quantity) -> float:
    """The value of a parsed :class:`~worked.examples.Quantity` in ``model``."""
    if q.kind == "value":
        return node(model, q.of)
    if q.kind == "delta":
        return model.delta(q.of.name)
    if q.kind == "new":
        return (model.w if q.of.kind == "weight" else model.b)(q.of.name, model.after_one)
    if q.kind == "after" and q.of.kind == "E_total":
        return model.error_after(q.steps)
    if q.kind == "after":
        _, activations = model.trajectory(q.steps).network.feedforward(model.x)
        l, j = model.example.index(q.of.name)
        return float(activations[l][j])
    assert q.by is not None  # a derivative
    return chain.derivative(model, q.of, q.by)


def node(model: Model, n: Node) -> float:
    """The value of one scalar of the graph before training."""
    if n.kind == "net":
        return model.z(n.name)
    if n.kind in ("out", "input"):
        return model.a(n.name)
    if n.kind == "E_total":
        return model.network.cost(model.x, model.y)
    if n.kind == "E":
        return cost_term(model, n.name)
    return (model.w if n.kind == "weight" else model.b)(n.name)


def cost_term(model: Model, output: str) -> float:
    """The output neuron's own share of the cost, e.g. E_o1."""
    _, j = model.example.index(output)
    bp, sigma = model.backprop, model.network.sigmas[-1]
    terms = model.network.cost_function.output_terms(bp.zs[-1], bp.activations[-1], model.y, sigma)
    return float(terms[j])
