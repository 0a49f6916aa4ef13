r"""How each number the tutorial prints is computed from the general network.

A :class:`Run` is the tutorial's network pushed through the general code once: a forward and
backward pass (:meth:`Network.backprop`, BP1-BP4), one training step, and the
:data:`~worked.mazur.STEPS`-step training run, all under one update order. Each :class:`Key`
reads one printed quantity off a run; its formula is the post's (:mod:`worked.mazur.formulas`).
Gradients come from the general backprop; the tutorial's hand-made intermediates (the two paths into
out_h1, for example) are read off the same run, so the two meet at the printed digits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, cached_property

from worked import mazur
from worked.core import Backprop, Network, Trajectory, shared_bias_gradients, step, train
from worked.mazur import formulas
from worked.tutorial import example

FORWARD = "forward pass"
OUTPUT = "output layer"
HIDDEN = "hidden layer"
TRAINING = "training"
GROUPS = (FORWARD, OUTPUT, HIDDEN, TRAINING)
"""The walkthrough's groups in reading order: forward pass, output layer, hidden layer, training."""


@dataclass(frozen=True)
class Run:
    """The tutorial's network under one update order (its biases shared and frozen, as the network
    declares: :func:`~worked.tutorial.network`)."""

    order: str = "simultaneous"
    steps: int = mazur.STEPS

    @cached_property
    def network(self) -> Network:
        """The tutorial's network before training."""
        return example.network()

    @cached_property
    def backprop(self) -> Backprop:
        """One forward and backward pass on the tutorial's example (BP1-BP4)."""
        return self.network.backprop(example.x(), example.y())

    @cached_property
    def after_one(self) -> Network:
        """The network after one step."""
        return step(self.network, example.x(), example.y(), mazur.ETA, order=self.order)

    @cached_property
    def trajectory(self) -> Trajectory:
        """The run's training: E_total after each of :attr:`steps` steps, and the last network."""
        return train(
            self.network,
            example.x(),
            example.y(),
            mazur.ETA,
            self.steps,
            order=self.order,
        )

    # -- reading values off the run by Mazur's names --------------------------------------------
    def z(self, neuron: str) -> float:
        """The weighted input ``net`` of a neuron named like ``h1`` (Nielsen's :math:`z^l_j`)."""
        l, j = mazur.neuron(neuron)
        return float(self.backprop.zs[l - 1][j])

    def a(self, neuron: str) -> float:
        """The activation ``out`` of a neuron named like ``h1`` (:math:`a^l_j`)."""
        l, j = mazur.neuron(neuron)
        return float(self.backprop.activations[l][j])

    def delta(self, neuron: str) -> float:
        r"""The error :math:`\delta^l_j = \partial E_{total}/\partial net` of a neuron (BP1, BP2)."""
        l, j = mazur.neuron(neuron)
        return float(self.backprop.deltas[l - 1][j])

    def sigma_prime(self, neuron: str) -> float:
        r"""The derivative :math:`\sigma'(z^l_j)` at a neuron, ``out(1 - out)`` for the sigmoid."""
        l, j = mazur.neuron(neuron)
        bp = self.backprop
        return float(self.network.sigmas[l - 1].prime(bp.zs[l - 1], bp.activations[l])[j])

    def w(self, name: str, network: Network | None = None) -> float:
        """A weight by Mazur's name (``w5``), in ``network`` (default: before training)."""
        l, j, k = mazur.weight_index(name)
        return float((network or self.network).weights[l][j, k])

    def nabla_w(self, name: str) -> float:
        r""":math:`\partial E_{total}/\partial w` for a weight by Mazur's name (BP4)."""
        l, j, k = mazur.weight_index(name)
        return float(self.backprop.nabla_w[l][j, k])

    def cost_term(self, neuron: str) -> float:
        """The output neuron's own share of the cost, e.g. E_o1."""
        _, j = mazur.neuron(neuron)
        bp, sigma = self.backprop, self.network.sigmas[-1]
        terms = self.network.cost_function.output_terms(bp.zs[-1], bp.activations[-1], example.y(), sigma)
        return float(terms[j])

    def nabla_a(self, neuron: str) -> float:
        """∂E_total/∂out for an output neuron, from the cost's own gradient."""
        _, j = mazur.neuron(neuron)
        return float(self.network.cost_function.nabla_a(self.backprop.activations[-1], example.y())[j])

    def path(self, output: str, hidden: str) -> float:
        """∂E_output/∂out_hidden = δ_output · w(output ← hidden): one path of the error into ``hidden``."""
        (_, j), (_, k) = mazur.neuron(output), mazur.neuron(hidden)
        return self.delta(output) * float(self.network.weights[1][j, k])

    def shared_bias_gradient(self, layer: int) -> float:
        r""":math:`\partial E_{total}/\partial b` of the shared bias feeding ``layer`` (1: b1, 2: b2)."""
        return shared_bias_gradients(self.backprop.nabla_b)[layer - 1]

    def error_after(self, steps: int) -> float:
        """E_total after ``steps`` steps of the run's training."""
        return float(self.trajectory.errors[steps])

    def output_after_training(self, neuron: str) -> float:
        """The output ``out`` of ``o1`` or ``o2`` after the run's :attr:`steps` steps."""
        _, j = mazur.neuron(neuron)
        _, activations = self.trajectory.network.feedforward(example.x())
        return float(activations[-1][j])


@cache
def run(order: str = "simultaneous") -> Run:
    """The tutorial's run under ``order``, made once per process: its training runs are the slow part,
    and every reader of them (walkthrough, errata, figures) wants the same numbers."""
    return Run(order)


@dataclass(frozen=True)
class Key:
    """One printed number: its key, group, and how to read it off a run; its formula is the post's,
    as :mod:`worked.mazur.formulas` writes it for every reader of the tutorial."""

    key: str
    group: str
    value: Callable[[Run], float]

    @property
    def formula(self) -> str:
        """The post's formula for this key, as text."""
        return formulas.formula(self.key)


def _new_weight(name: str) -> Key:
    group = HIDDEN if mazur.weight_index(name)[0] == 0 else OUTPUT
    return Key(f"{name}_new", group, lambda r: r.w(name, r.after_one))


KEYS: tuple[Key, ...] = (
    Key("net_h1", FORWARD, lambda r: r.z("h1")),
    Key("out_h1", FORWARD, lambda r: r.a("h1")),
    Key("out_h2", FORWARD, lambda r: r.a("h2")),
    Key("net_o1", FORWARD, lambda r: r.z("o1")),
    Key("out_o1", FORWARD, lambda r: r.a("o1")),
    Key("out_o2", FORWARD, lambda r: r.a("o2")),
    Key("E_o1", FORWARD, lambda r: r.cost_term("o1")),
    Key("E_o2", FORWARD, lambda r: r.cost_term("o2")),
    Key("E_total", FORWARD, lambda r: r.network.cost(example.x(), example.y())),
    Key("dEtotal_dout_o1", OUTPUT, lambda r: r.nabla_a("o1")),
    Key("dout_o1_dnet_o1", OUTPUT, lambda r: r.sigma_prime("o1")),
    Key("dnet_o1_dw5", OUTPUT, lambda r: r.a("h1")),
    Key("dEtotal_dw5", OUTPUT, lambda r: r.nabla_w("w5")),
    *(_new_weight(w) for w in ("w5", "w6", "w7", "w8")),
    Key("delta_o1", HIDDEN, lambda r: r.delta("o1")),
    Key("dnet_o1_dout_h1", HIDDEN, lambda r: r.w("w5")),
    Key("dEo1_dout_h1", HIDDEN, lambda r: r.path("o1", "h1")),
    Key("dEo2_dout_h1", HIDDEN, lambda r: r.path("o2", "h1")),
    Key("dEtotal_dout_h1", HIDDEN, lambda r: r.path("o1", "h1") + r.path("o2", "h1")),
    Key("out_h1_operand", HIDDEN, lambda r: r.a("h1")),
    Key("dout_h1_dnet_h1", HIDDEN, lambda r: r.sigma_prime("h1")),
    Key("dnet_h1_dw1", HIDDEN, lambda r: float(r.backprop.activations[0][0])),
    Key("dEtotal_dw1", HIDDEN, lambda r: r.nabla_w("w1")),
    *(_new_weight(w) for w in ("w1", "w2", "w3", "w4")),
    Key("E_total_after_1", TRAINING, lambda r: r.error_after(1)),
    Key("E_total_after_10000", TRAINING, lambda r: r.error_after(mazur.STEPS)),
    Key("E_total_after_10000_2017", TRAINING, lambda r: r.error_after(mazur.STEPS)),
    Key("out_o1_after_10000", TRAINING, lambda r: r.output_after_training("o1")),
    Key("out_o2_after_10000", TRAINING, lambda r: r.output_after_training("o2")),
)
"""Every printed number of the post as a :class:`Key`: how the general code's run gives it."""

KEY_NAMES = tuple(k.key for k in KEYS)
"""The keys of :data:`KEYS`, in the post's order (what :meth:`Walkthrough.value` accepts)."""
