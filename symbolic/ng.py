r"""Ng's per-example loop: accumulate :math:`\Delta \mathrel{+}= \delta a^T`, then :math:`D = \Delta/m`.

Andrew Ng's course trains on a batch by looping over its :math:`m` examples: forward pass, the
errors by BP1 and BP2, then :math:`\Delta^l \leftarrow \Delta^l + \delta^l (a^{l-1})^T` (both
books count the input as layer 1, but Ng names a weight matrix after the layer it leaves:
his :math:`\Delta^{(l)}` pairs :math:`\delta^{(l+1)}` with :math:`a^{(l)}`; Nielsen's names are
used here), and finally :math:`D^l = \Delta^l / m`. The claim is that :math:`D` is the gradient of
the *mean* cost :math:`J = \frac1m \sum_i C(a^{L,(i)}, y^{(i)})`. Here the errors come from the recursion
BP1-BP2 itself (:mod:`symbolic.equations`), and each entry of :math:`D` is decided exactly against
``sympy.diff`` of :math:`J`, with an undefined activation and cost and one symbol per input and
target of every example. The derivative is taken by the network's
:class:`~symbolic.differentiate.Differentiator`, which returns the expression ``sympy.diff`` does
(a test compares the two) without taking the shared forward pass apart again for every parameter.

With L2 regularisation (``regularised=True``) the cost is
:math:`J + \frac{\lambda}{2m}\sum w^2` (:func:`symbolic.regularisation.penalty`, weights only)
and Ng's rule is :math:`D^{(l)}_{ij} = \Delta^{(l)}_{ij}/m + \frac{\lambda}{m}\Theta^{(l)}_{ij}`
for the weight columns :math:`j \ge 1` and :math:`\Delta^{(l)}_{i0}/m` for his bias column
:math:`j = 0` (here the biases :math:`b^l_i`, kept apart from the weights). The gradient is
``sympy.diff`` of the whole regularised mean cost, one expression.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from sympy import Add, Expr, Rational

from symbolic.equations import bp1, bp2, bp4
from symbolic.exact import Witness, decide, refute
from symbolic.network import SymbolicNetwork
from symbolic.regularisation import penalty, weight_decay


@dataclass(frozen=True)
class Accumulation:
    r"""How many entries of :math:`D` (weights, then biases) equal the gradient of the mean cost.

    ``regularised`` says whether the cost had the L2 penalty; ``weights_proven`` and
    ``biases_proven`` split ``proven`` by column; ``first_failed`` names the first entry not proven
    in Ng's notation (``D^(l)_{jk}`` or ``D^(l)_{j0}``, the bias column; his :math:`\Theta^{(l)}` is this
    module's layer-``l`` weights, both counting from the input) and ``witness`` shows it false there.
    """

    sizes: tuple[int, ...]
    examples: int
    proven: int
    failed: int
    regularised: bool = False
    weights_proven: int = 0
    biases_proven: int = 0
    first_failed: str | None = None
    witness: Witness | None = None

    @property
    def passed(self) -> bool:
        return self.failed == 0 and self.proven > 0


def _recursion(net: SymbolicNetwork) -> Callable[[int, int], Expr]:
    """δ^l_j by BP1 at the output and BP2 below it, memoised."""

    @cache
    def delta(l: int, j: int) -> Expr:
        if l == net.L:
            return bp1(net, delta, l, j)
        return bp2(net, delta, l, j)

    return delta


Entry = tuple[str, Expr, Expr]
"""An entry of D: its name, Ng's value for it, and the gradient it must equal."""


def _big_deltas(
    nets: list[SymbolicNetwork],
) -> tuple[dict[tuple[int, int, int], Expr], dict[tuple[int, int], Expr]]:
    r""":math:`\Delta^l \mathrel{+}= \delta^l (a^{l-1})^T` over the examples, weights and biases apart."""
    big_delta_w: dict[tuple[int, int, int], Expr] = {}
    big_delta_b: dict[tuple[int, int], Expr] = {}
    for net in nets:
        delta = _recursion(net)
        for l in range(1, net.L + 1):
            for j in range(1, net.sizes[l] + 1):
                big_delta_b[l, j] = big_delta_b.get((l, j), 0) + delta(l, j)
                for k in range(1, net.sizes[l - 1] + 1):
                    big_delta_w[l, j, k] = big_delta_w.get((l, j, k), 0) + bp4(net, delta, l, j, k)
    return big_delta_w, big_delta_b


def accumulate(
    sizes: tuple[int, ...] = (2, 2, 2),
    examples: int = 3,
    mean: bool = True,
    regularised: bool = False,
    decay_biases: bool = False,
) -> Accumulation:
    r"""Run Ng's loop over ``examples`` symbolic examples and check :math:`D` against :math:`\nabla J`.

    ``regularised=True`` adds the L2 penalty to :math:`J` and :math:`\frac{\lambda}{m}\Theta` to
    the weight columns of :math:`D`. Two negative controls: ``mean=False`` forgets the
    :math:`1/m` (:math:`D = \Delta`), which must fail for more than one example; ``decay_biases=True``
    adds :math:`\frac{\lambda}{m} b` to the bias column too, which must fail at every bias.
    """
    if examples < 1:
        raise ValueError(f"a batch needs at least one example, got {examples}")
    if decay_biases and not regularised:
        raise ValueError("decay_biases is a mistake in the regularised rule; pass regularised=True with it")
    nets = [SymbolicNetwork(sizes, example=i) for i in range(1, examples + 1)]
    first, scale = nets[0], Rational(1, examples) if mean else Rational(1)
    cost = Rational(1, examples) * Add(*(net.cost for net in nets))
    cost += penalty(first, examples) if regularised else 0
    big_delta_w, big_delta_b = _big_deltas(nets)
    weights = [
        (
            f"D^({l})_{{{j},{k}}}",
            scale * v + _decay(first.w(l, j, k), examples, regularised),
            first.w(l, j, k),
        )
        for (l, j, k), v in big_delta_w.items()
    ]
    biases = [
        (f"D^({l})_{{{j},0}}", scale * v + _decay(first.b(l, j), examples, decay_biases), first.b(l, j))
        for (l, j), v in big_delta_b.items()
    ]
    entries = [(name, d, first.diff(cost, p)) for name, d, p in weights + biases]
    return _judge(first.sizes, examples, regularised, entries, len(weights))


def _decay(parameter: Expr, examples: int, on: bool) -> Expr:
    r""":math:`(\lambda/m)` times ``parameter`` when ``on``, else nothing."""
    return weight_decay(parameter, examples) if on else Rational(0)


def _judge(
    sizes: tuple[int, ...], examples: int, regularised: bool, entries: list[Entry], n_weights: int
) -> Accumulation:
    """Decide every entry; name the first that is not proven and refute it (left side the gradient)."""
    proven = [decide(d, gradient).proven for _, d, gradient in entries]
    failed = [entry for entry, ok in zip(entries, proven, strict=True) if not ok]
    first_failed, witness = (failed[0][0], refute(failed[0][2], failed[0][1])) if failed else (None, None)
    return Accumulation(
        sizes,
        examples,
        proven=sum(proven),
        failed=len(failed),
        regularised=regularised,
        weights_proven=sum(proven[:n_weights]),
        biases_proven=sum(proven[n_weights:]),
        first_failed=first_failed,
        witness=witness,
    )
