"""A worked example computed by the general code: its network, its one training example, and every
quantity of the grammar (:mod:`worked.examples`) read off a run under one update order.

    from worked import tutorial

    model = tutorial.load("mazur")                       # a shipped name, or a path to a TOML file
    model.value("dEtotal_dw5")                           # any quantity name of the grammar
    mine = model.with_values({"w1": 0.1, "eta": 1.0})    # override initial values (and η) by name
    mine.values()                                        # every printed key -> its value, by mine
    model.example.printed["w5_new"], model.decimals("w5_new")   # the text's digits, their decimals
    full = model.with_values(drawn, complete=True)       # every initial value given (a worksheet's)
    tutorial.lines(model, "dEtotal_dw5")[0].filled(model)  # the line with the numbers filled in

A typed value for any key is graded by the stated rule with ``worked.diagnosis.grade(model, key, text)``
(the search over slips, ``worked.diagnosis.diagnose``, knows the post with its own values only).

Everything is computed by the core (:class:`~worked.core.Network`, its BP1-BP4 backprop, its costs,
:func:`~worked.core.step` and :func:`~worked.core.train`); the total derivatives of intermediates the
core does not name are :mod:`worked.tutorial.chain`'s.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path

import numpy as np

from worked import examples
from worked.core import (
    UPDATE_ORDERS,
    Array,
    Backprop,
    InvalidInput,
    InvalidType,
    Network,
    Trajectory,
    get_activation,
    get_cost,
    step,
    train,
)
from worked.examples import Example, Quantity
from worked.mazur import decimals as printed_decimals
from worked.tutorial import quantities


def load(source: str | Path) -> Model:
    """The example shipped under the name ``source`` (``"mazur"``, ...) or the TOML file at that path,
    ready to compute; :class:`~worked.core.InvalidInput` names the file and the key of any problem."""
    try:
        example = examples.load(source)
    except examples.InvalidExample as error:
        raise InvalidInput(str(error)) from None
    return Model(example)


class Model:
    """An :class:`~worked.examples.Example` with its initial values (the file's, or overrides) under one
    update order, computed on demand; every result is cached (a training run is the slow part)."""

    def __init__(self, example: Example, values: Mapping[str, float] | None = None, order: str = "") -> None:
        self.example = example
        self.initial: dict[str, float] = {**example.values, "eta": example.eta, **(values or {})}
        """Every initial value by name, and ``eta``."""
        self.order = order or example.order
        where = example.file
        if self.order not in UPDATE_ORDERS:
            raise InvalidInput(f"{where}: network.order: choose one of {', '.join(UPDATE_ORDERS)}")
        for key, check in (("activation", get_activation), ("cost", get_cost)):
            for name in example.activations if key == "activation" else (example.cost,):
                try:
                    check(name)
                except InvalidInput as error:
                    raise InvalidInput(f"{where}: network.{key}: {error}") from None
        self._trajectories: dict[int, Trajectory] = {}
        self.steps = max(
            (
                q.steps
                for k in example.printed
                if (q := examples.parse(example.extras.get(k, k), example)).kind == "after"
            ),
            default=0,
        )
        """The longest training run the printed keys need (10,000 steps for Mazur's): made once."""

    def with_values(self, values: Mapping[str, float], *, complete: bool = False) -> Model:
        """The same example from other initial values (inputs, ``target_<o>``, weights, biases, ``eta``),
        given by name; with ``complete`` every name must be given. :class:`~worked.core.InvalidInput`
        names the missing and the unknown names, or a value that is not a finite number."""
        allowed = (*self.example.value_names, "eta")
        if not isinstance(values, Mapping):
            raise InvalidInput(
                f"values must map names to numbers, e.g. {{'{allowed[0]}': 0.1}}; got {values!r}"
            )
        problems = []
        if complete and (missing := [n for n in allowed if n not in values and n != "eta"]):
            problems.append(f"missing {', '.join(missing)}")
        if unknown := sorted(str(n) for n in values if n not in allowed):
            problems.append(f"unknown {', '.join(unknown)}")
        if problems:
            raise InvalidInput(f"{'; '.join(problems)} ({self.example.file} takes {', '.join(allowed)})")
        checked = {
            n: examples.number(v, lambda problem, n=n: InvalidInput(f"{n} {problem}"), positive=n == "eta")
            for n, v in values.items()
        }
        return Model(self.example, {**self.initial, **checked}, self.order)

    def with_order(self, order: str) -> Model:
        """The same example and values under another update order (``"simultaneous"``, ``"output-first"``)."""
        return Model(self.example, self.initial, order)

    def __repr__(self) -> str:
        changed = [
            n for n, v in self.initial.items() if v != {**self.example.values, "eta": self.example.eta}[n]
        ]
        sizes = "-".join(map(str, self.example.sizes))
        mine = f", your values: {', '.join(changed)}" if changed else ""
        return f"<Model {self.example.file}: {sizes}, η = {self.eta:g}, {self.order}{mine}>"

    @property
    def overridden(self) -> bool:
        """Whether any initial value differs from the file's: the printed numbers are then not the text's."""
        return self.initial != {**self.example.values, "eta": self.example.eta}

    @property
    def eta(self) -> float:
        """The learning rate η."""
        return self.initial["eta"]

    # -- the network and its example ------------------------------------------------------------
    @cached_property
    def network(self) -> Network:
        """The network before training, its weights and biases filled in by name."""
        ex, v = self.example, self.initial
        weights = [np.zeros((n, k)) for k, n in itertools.pairwise(ex.sizes)]
        for name in ex.weights:
            l, j, k = ex.weight_index(name)
            weights[l][j, k] = v[name]
        biases = [np.zeros(n) for n in ex.sizes[1:]]
        for name, neurons in ex.bias_feeds.items():
            for neuron in neurons:
                l, j = ex.index(neuron)
                biases[l - 1][j] = v[name]
        try:
            return Network(
                weights,
                biases,
                list(ex.activations),
                ex.cost,
                shared_biases=ex.biases == "shared",
                frozen_biases=not ex.train_biases,
            )
        except InvalidInput as error:
            raise InvalidInput(f"{ex.file}: network: {error}") from None

    @cached_property
    def x(self) -> Array:
        """The input vector, in the order of the input layer's names."""
        return np.array([self.initial[i] for i in self.example.inputs])

    @cached_property
    def y(self) -> Array:
        """The target vector, in the order of the output layer's names."""
        return np.array([self.initial[f"target_{o}"] for o in self.example.outputs])

    @cached_property
    def backprop(self) -> Backprop:
        """One forward and backward pass on the example (BP1-BP4)."""
        return self.network.backprop(self.x, self.y)

    @cached_property
    def after_one(self) -> Network:
        """The network after one step of gradient descent under :attr:`order`."""
        return step(self.network, self.x, self.y, self.eta, order=self.order)

    def trajectory(self, steps: int) -> Trajectory:
        """``steps`` steps of training from the start (a longer run already made is read instead when
        only its errors are wanted: see :meth:`error_after`)."""
        if steps not in self._trajectories:
            self._trajectories[steps] = train(self.network, self.x, self.y, self.eta, steps, order=self.order)
        return self._trajectories[steps]

    def error_after(self, steps: int) -> float:
        """E_total after ``steps`` steps (read off the longest run made so far when it is long enough)."""
        longest = max(self._trajectories, default=0)
        run = self._trajectories[longest] if longest >= steps else self.trajectory(max(steps, self.steps))
        return float(run.errors[steps])

    # -- reading values by name -----------------------------------------------------------------
    def z(self, neuron: str) -> float:
        """The weighted input ``net`` of a neuron (Nielsen's :math:`z^l_j`)."""
        l, j = self.example.index(neuron)
        return float(self.backprop.zs[l - 1][j])

    def a(self, neuron: str) -> float:
        """The output ``out`` of a neuron, or an input's value (:math:`a^l_j`)."""
        l, j = self.example.index(neuron)
        return float(self.backprop.activations[l][j])

    def delta(self, neuron: str) -> float:
        r""":math:`\delta^l_j = \partial E_{total}/\partial net` of a neuron (BP1, BP2)."""
        l, j = self.example.index(neuron)
        return float(self.backprop.deltas[l - 1][j])

    def w(self, name: str, network: Network | None = None) -> float:
        """A weight by name, in ``network`` (default: before training)."""
        l, j, k = self.example.weight_index(name)
        return float((network or self.network).weights[l][j, k])

    def b(self, name: str, network: Network | None = None) -> float:
        """A bias by name, in ``network`` (default: before training)."""
        l, j = self.example.index(self.example.bias_feeds[name][0])
        return float((network or self.network).biases[l - 1][j])

    def value(self, name: str) -> float:
        """The value of any quantity named by the grammar (:mod:`worked.examples.grammar`) or an extra of
        the example's file; :class:`~worked.core.InvalidInput` says why another name is not one."""
        return quantities.value(self, self.quantity_named(name))

    def quantity_named(self, name: str) -> Quantity:
        """The :class:`~worked.examples.Quantity` ``name`` stands for (an extra of the file as the name it
        maps to); :class:`~worked.core.InvalidInput` says why a name is not one. Nothing is computed."""
        if not isinstance(name, str):
            raise InvalidType(f"a quantity is named by a string, e.g. 'dEtotal_dw5'; got {name!r:.60}")
        try:
            return examples.parse(self.example.extras.get(name, name), self.example)
        except examples.NotAQuantity as error:
            raise InvalidInput(str(error)) from None

    def values(self) -> dict[str, float]:
        """Every printed key of the example (extras included) with its value, in the file's order."""
        return {key: self.value(key) for key in self.example.printed}

    def decimals(self, key: str) -> int:
        """How many decimals the text prints for ``key`` (else the file's ``decimals``, else 9); a name
        outside the grammar is :class:`~worked.core.InvalidInput`, as :meth:`value` says."""
        if key in self.example.printed:
            return printed_decimals(self.example.printed[key])
        self.quantity_named(key)  # refuses a name that is no quantity, with the reason, computing nothing
        return 9 if self.example.decimals is None else self.example.decimals
