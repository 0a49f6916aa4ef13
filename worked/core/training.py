r"""Gradient descent, with the tutorial's modelling choices as named parameters.

One step is :math:`w^l \leftarrow w^l - \eta\, \partial C/\partial w^l` and likewise for biases.
Three choices that the tutorial makes, and that readers trip over, are parameters here rather than
special cases:

``order``
    ``"simultaneous"`` (the stated rule): every gradient is computed from the weights before the step.
    ``"output-first"`` (the first version of the tutorial's script, 2015-03-14): each layer's weights
    are updated as soon as its gradient is known, and BP2 then carries :math:`\delta` back through the
    *already updated* weights. For more than two layers the same rule is applied layer by layer.
``train_biases``
    The tutorial never updates its biases (``False``). By default, what the network declares:
    ``not network.frozen_biases``.
``shared_biases``
    The tutorial has one bias per layer, shared by its neurons, so :math:`\partial C/\partial b` is the
    sum :math:`\sum_j \delta^l_j` over the layer (see :func:`shared_bias_gradients`). By default,
    what the network declares: ``network.shared_biases``.

So the tutorial's network (:func:`worked.tutorial.network`, shared and frozen biases) trains by the
tutorial's stated rule with no extra arguments, and a network of one's own (per-neuron biases, by
default trained) trains as Nielsen's does.

Two more come from the books: ``l2`` (λ) and ``n``, L2 weight decay on a training set of ``n``
examples as in Nielsen's network2 (:mod:`~worked.core.regularisation`).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from worked.core import regularisation, tiny, validation
from worked.core.activations import Array
from worked.core.network import Network
from worked.core.validation import InvalidInput

UPDATE_ORDERS = ("simultaneous", "output-first")
"""The update orders: every gradient from the weights before the step, or the tutorial script's first."""
PROGRESS_EVERY = 10_000
"""Steps between calls of :func:`train`'s ``progress``: about a third of a second on the tutorial's net."""


def shared_bias_gradients(nabla_b: list[Array]) -> list[float]:
    r""":math:`\partial C/\partial b^l` when one bias :math:`b^l` feeds every neuron of layer :math:`l`,
    one float per layer, from the per-neuron gradients ``nabla_b`` (:attr:`Backprop.nabla_b`).

    By the chain rule over :math:`b^l_j = b^l`: :math:`\partial C/\partial b^l = \sum_j \delta^l_j` (BP3),
    summed from the first neuron on, as by hand (and as :mod:`~worked.core.tiny` does).
    """
    sums = []
    for nb in nabla_b:
        first, *rest = nb.tolist()
        for value in rest:
            first += value
        sums.append(first)
    return sums


@dataclass(frozen=True)
class Trajectory:
    """What :func:`train` returns: ``errors[t]`` is the cost after ``t`` steps (``t = 0..steps``, an
    array of ``steps + 1`` floats); ``network`` is the network after the last step."""

    errors: Array
    network: Network

    def __repr__(self) -> str:
        steps = validation.count(len(self.errors) - 1, "step", "steps")
        first, last = self.errors[0], self.errors[-1]
        return f"<Trajectory of {steps}: cost {first:.9g} → {last:.9g}, {self.network!r}>"


@dataclass(frozen=True)
class Rule:
    """One step's choices, validated once: the learning rate, the update order, which biases move, and
    L2 weight decay (λ = ``l2`` on a training set of ``n`` examples; ``n = None``: the batch's size)."""

    eta: float
    order: str = "simultaneous"
    train_biases: bool = True
    shared_biases: bool = False
    l2: float = 0.0
    n: int | None = None

    @classmethod
    def of(
        cls,
        network: Network,
        eta: float,
        order: str,
        train_biases: bool | None,
        shared_biases: bool | None,
        l2: float,
        n: int | None,
    ) -> Rule:
        """The rule for ``network``: a bias choice left ``None`` is what the network declares."""
        trained = not network.frozen_biases if train_biases is None else train_biases
        shared = network.shared_biases if shared_biases is None else shared_biases
        return cls(eta, order, trained, shared, l2, n)

    def __post_init__(self) -> None:
        if self.order not in UPDATE_ORDERS:
            raise InvalidInput(
                f"unknown update order {self.order!r}; choose one of: {', '.join(UPDATE_ORDERS)}"
            )
        object.__setattr__(self, "eta", validation.learning_rate(self.eta))
        object.__setattr__(self, "l2", validation.l2(self.l2))
        if self.n is not None:
            object.__setattr__(self, "n", validation.training_set_size(self.n))

    def cost(self, network: Network, z: Array, output: Array, ys: Array) -> float:
        """The cost the step descends, from the output layer's rows: the mean cost, plus the penalty."""
        return network.mean_cost(z, output, ys, self.l2, self.n)

    def updated(self, w: Array, nabla_w: Array, m: int) -> Array:
        r""":math:`w - \eta\,\partial C_0/\partial w`, after decay :math:`(1 - \eta\lambda/n)` if λ > 0."""
        if not self.l2:
            return w - self.eta * nabla_w
        return regularisation.decayed(w, self.eta, self.l2, self.n or m) - self.eta * nabla_w


def _output_first_gradients(
    network: Network, zs: list[Array], activations: list[Array], ys: Array, rule: Rule
) -> tuple[list[Array], list[Array]]:
    r"""The gradients when each layer's weights are updated as soon as its gradient is known.

    BP2 then carries :math:`\delta` back through the *updated* matrix. The gradient of a layer depends
    only on the layers above it, so each backward pass through the weights updated so far makes one
    more layer's gradient final, from the output down: as many passes as layers (two for the tutorial).
    """
    carry = list(network.weights)
    for l in reversed(range(len(carry))):
        _, nabla_w, nabla_b = network.backward(zs, activations, ys, weights=carry)
        carry[l] = rule.updated(network.weights[l], nabla_w[l], len(ys))
    return nabla_w, nabla_b


def _step_rows(network: Network, xs: Array, ys: Array, rule: Rule) -> tuple[Network, float]:
    """One step on a batch of rows; return the new network and the cost *before* the step."""
    zs, activations = network.forward_rows(xs)
    cost = rule.cost(network, zs[-1], activations[-1], ys)
    if rule.order == "output-first":
        nabla_w, nabla_b = _output_first_gradients(network, zs, activations, ys, rule)
    else:
        _, nabla_w, nabla_b = network.backward(zs, activations, ys)
    weights = [rule.updated(w, nw, len(ys)) for w, nw in zip(network.weights, nabla_w, strict=True)]
    if not rule.train_biases:
        biases = network.biases
    elif rule.shared_biases:
        shared = shared_bias_gradients(nabla_b)
        biases = [b - rule.eta * g for b, g in zip(network.biases, shared, strict=True)]
    else:
        biases = [b - rule.eta * nb for b, nb in zip(network.biases, nabla_b, strict=True)]
    return network.replace(weights, biases), cost


def step(
    network: Network,
    x: Array,
    y: Array,
    eta: float,
    *,
    order: str = "simultaneous",
    train_biases: bool | None = None,
    shared_biases: bool | None = None,
    l2: float = 0.0,
    n: int | None = None,
) -> Network:
    """One step of gradient descent on the (mean) cost of ``x``, ``y``; the input is not changed.

    The arguments are :func:`train`'s (but for ``steps`` and ``progress``); so are the errors it raises.
    """
    rule = Rule.of(network, eta, order, train_biases, shared_biases, l2, n)
    xs, ys, _ = network.as_batch(x, y)
    return _step_rows(network, xs, ys, rule)[0]


def train(
    network: Network,
    x: Array,
    y: Array,
    eta: float,
    steps: int,
    *,
    order: str = "simultaneous",
    train_biases: bool | None = None,
    shared_biases: bool | None = None,
    l2: float = 0.0,
    n: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Trajectory:
    r"""``steps`` steps of full-batch gradient descent, recording the cost before each and after the last.

    ``x``, ``y``: one example, shapes ``(n_1,)`` and ``(n_L,)``, or a batch as the rows of ``(m, n_1)``
    and ``(m, n_L)`` arrays; the cost descended is the batch's mean. ``eta`` is the learning rate η > 0.
    ``order``, ``train_biases`` and ``shared_biases`` are the module's three choices; left ``None``, the
    two bias choices are what ``network`` declares (for the tutorial's network: shared and frozen, the
    stated rule). With ``l2`` = λ > 0 each step first decays the weights by :math:`1 - \eta\lambda/n`
    (``n``: the training set's size, by default the batch's) and the recorded cost is the regularised
    one, :math:`C_0 + \frac{\lambda}{2n}\sum w^2`. ``progress``, if given, is called with the number of
    steps done after every :data:`PROGRESS_EVERY` steps and at the end (a command's progress line; the
    numbers do not depend on it).

    Raises :class:`InvalidInput` (or :class:`InvalidType`) for a bad η, step count, order, λ, ``n`` or
    shape of ``x``, ``y``, and ``FloatingPointError`` naming the step where the cost stops being finite.
    """
    rule = Rule.of(network, eta, order, train_biases, shared_biases, l2, n)
    steps = validation.steps(steps)
    xs, ys, _ = network.as_batch(x, y)
    errors = np.empty(steps + 1)  # 8 bytes a step, as budget.train counts them (a list of floats takes 32)
    # Overflow is detected below, by the cost turning non-finite, and reported with its step.
    with np.errstate(over="ignore", invalid="ignore"):
        floats = _floats(network, xs, ys, rule) if steps else None
        for t in range(steps + 1):
            if t < steps:
                if floats is None:
                    network, cost = _step_rows(network, xs, ys, rule)
                else:
                    cost = floats.step()
                if progress is not None and ((t + 1) % PROGRESS_EVERY == 0 or t + 1 == steps):
                    progress(t + 1)
            else:
                if floats is not None:
                    network = floats.network(network)
                zs, activations = network.forward_rows(xs)
                cost = rule.cost(network, zs[-1], activations[-1], ys)
            errors[t] = cost
            if not math.isfinite(cost):
                raise FloatingPointError(
                    f"training diverged: the cost became {cost} after {t} steps; try a smaller learning rate"
                )
    return Trajectory(errors, network)


def _floats(network: Network, xs: Array, ys: Array, rule: Rule) -> tiny.Floats | None:
    """A tiny network's step as Python floats (:mod:`~worked.core.tiny`), if the network qualifies and
    that step gives the general code's bits on this machine; otherwise None, and the general code steps."""
    if not tiny.applies(network, len(xs), rule.order, rule.l2):
        return None
    biases = "shared" if rule.shared_biases else "per-neuron"
    floats = tiny.Floats.of(network, xs, ys, rule.eta, biases if rule.train_biases else "frozen", rule.order)
    general, cost = _step_rows(network, xs, ys, rule)
    cost_of_floats, params = floats.step_once(floats.params, floats.x, floats.y, floats.eta)
    stepped = dataclasses.replace(floats, params=params).network(network)
    pairs = zip(
        [cost, *general.weights, *general.biases],
        [cost_of_floats, *stepped.weights, *stepped.biases],
        strict=True,
    )
    return floats if all(tiny.same_bits(a, b) for a, b in pairs) else None
