r"""A multilayer perceptron and its gradient by the four equations of backpropagation.

Conventions follow Nielsen, *Neural Networks and Deep Learning*, chapter 2, layers counted as the
book (and Ng) count them: layer 1 is the input, layer :math:`L` the output.

- ``sizes = [n_1, n_2, ..., n_L]``.
- :math:`w^l` (for :math:`l = 2..L`) is ``weights[l - 2]``, shape ``(n_l, n_{l-1})``: entry
  ``[j - 1, k - 1]`` is :math:`w^l_{jk}`, the weight *into* neuron :math:`j` of layer :math:`l` *from*
  neuron :math:`k` of layer :math:`l-1`. (Python lists start at 0 and hold no weights into the input,
  so the tutorial's w5 = :math:`w^3_{11}` is ``weights[1][0, 0]``.)
- :math:`b^l` is ``biases[l - 2]``, shape ``(n_l,)``.
- :math:`z^l = w^l a^{l-1} + b^l`, :math:`a^l = \sigma(z^l)`,
  :math:`\delta^l_j = \partial C / \partial z^l_j`; the lists ``zs``, ``deltas`` start at layer 2,
  ``activations`` at the input: ``zs[i]`` is :math:`z^{i+2}`, ``activations[i]`` is :math:`a^{i+1}`.

An input ``x`` is one example of shape ``(n_1,)`` or a batch of ``m`` examples as the rows of an
``(m, n_1)`` array. The cost of a batch is the mean of the per-example costs, so the gradient of a
batch is the mean of the per-example gradients (the ``1/m`` of Ng's :math:`D = \Delta / m`).
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from worked.core import regularisation, saturation, validation
from worked.core.activations import SIGMOID, Activation, Array, get_activation
from worked.core.costs import CROSS_ENTROPY, Cost, get_cost
from worked.core.equations import BACKPROP, Equations, bp4, row_product
from worked.core.validation import InvalidInput, InvalidType, finite_array, real_array
from worked.core.workspace import Workspace


@dataclass(frozen=True)
class Backprop:
    r"""Everything one backward pass computed; lists are indexed like ``weights``.

    ``zs[i]`` is :math:`z^{i+2}`, ``activations[i]`` is :math:`a^{i+1}` (so ``activations[0]`` is the
    input, layer 1), ``deltas[i]`` is :math:`\delta^{i+2}`. For one example these have shape ``(n_l,)``, for a
    batch ``(m, n_l)``. ``nabla_w`` and ``nabla_b`` always have the shapes of the parameters.
    """

    zs: list[Array]
    activations: list[Array]
    deltas: list[Array]
    nabla_w: list[Array]
    nabla_b: list[Array]


class Network:
    """A fully connected feed-forward network with one activation per layer and one cost.

    ``weights[l]`` has shape ``(n_out, n_in)`` and ``biases[l]`` shape ``(n_out,)`` (the module's
    docstring maps them onto Nielsen's :math:`w^l_{jk}`, :math:`b^l_j`); ``activation`` is one name
    (or :class:`Activation`) for every layer or one per layer of weights; ``cost`` is ``"quadratic"``
    or ``"cross-entropy"`` (which needs a sigmoid output layer).

    Two facts of the *model* that training reads as its defaults (:func:`~worked.core.train`):
    ``shared_biases``, one bias per layer fed to all its neurons (each ``biases[l]`` then holds that
    one value in every entry, and training updates them together), and ``frozen_biases``, biases
    that are constants, never updated. Mazur's tutorial has both. Raises :class:`InvalidInput` (or
    :class:`InvalidType`) for parameters of the wrong shape or kind, a non-finite entry, an unknown
    activation or cost, or unequal biases declared shared.
    """

    def __init__(
        self,
        weights: Sequence[Array],
        biases: Sequence[Array],
        activation: str | Activation | Sequence[str | Activation] = "sigmoid",
        cost: str | Cost = "quadratic",
        *,
        shared_biases: bool = False,
        frozen_biases: bool = False,
    ) -> None:
        ws, bs = validation.parameters(weights, biases)
        for l, b in enumerate(bs):
            if shared_biases and np.any(b != b[0]):
                raise InvalidInput(f"biases[{l}] holds different values but shared_biases=True; give one")
        if isinstance(activation, (str, Activation)):
            sigmas = [get_activation(activation)] * len(ws)
        else:
            named = isinstance(activation, Sequence) and all(
                isinstance(a, (str, Activation)) for a in activation
            )
            if not named:
                raise InvalidType(
                    f"activation must be a name such as 'sigmoid', or one per layer, got {activation!r:.60}"
                )
            if len(activation) != len(ws):
                raise InvalidInput(
                    f"got {len(activation)} activations for {len(ws)} layers; "
                    "give one name, or one per layer of weights"
                )
            sigmas = [get_activation(a) for a in activation]
        self.weights: list[Array] = ws
        self.biases: list[Array] = bs
        self.sigmas: list[Activation] = sigmas
        self.cost_function: Cost = get_cost(cost)
        self.shared_biases, self.frozen_biases = bool(shared_biases), bool(frozen_biases)
        self.workspace = Workspace()
        if self.cost_function is CROSS_ENTROPY and self.sigmas[-1] is not SIGMOID:
            raise InvalidInput(
                "cross-entropy needs outputs in (0, 1), so a sigmoid output layer; "
                f"got {self.sigmas[-1].name!r}"
            )

    @classmethod
    def random(
        cls,
        sizes: Sequence[int],
        rng: np.random.Generator,
        activation: str | Activation | Sequence[str | Activation] = "sigmoid",
        cost: str | Cost = "quadratic",
    ) -> Network:
        """A network of the given ``sizes`` (``[n_1, ..., n_L]``, the input first), weights drawn from
        N(0, 1/n_{l-1}) and biases from N(0, 1) by ``rng`` (Nielsen's network2 default)."""
        sizes = validation.sizes(sizes)
        if not isinstance(rng, np.random.Generator):
            raise InvalidType(
                f"rng must be a numpy.random.Generator (numpy.random.default_rng(seed)), got {rng!r}"
            )
        weights = [rng.standard_normal((n, k)) / np.sqrt(k) for k, n in itertools.pairwise(sizes)]
        biases = [rng.standard_normal(n) for n in sizes[1:]]
        return cls(weights, biases, activation, cost)

    def replace(self, weights: list[Array], biases: list[Array]) -> Network:
        """The same architecture with new parameters (taken as they are: shapes must match)."""
        new = object.__new__(Network)
        new.weights, new.biases = weights, biases
        new.sigmas, new.cost_function = self.sigmas, self.cost_function
        new.shared_biases, new.frozen_biases = self.shared_biases, self.frozen_biases
        new.workspace = Workspace()
        return new

    @property
    def sizes(self) -> list[int]:
        """``[n_1, ..., n_L]``: the width of every layer, the input first."""
        return [self.weights[0].shape[1]] + [w.shape[0] for w in self.weights]

    def __repr__(self) -> str:
        names = ",".join(s.name for s in self.sigmas)
        return f"Network(sizes={self.sizes}, activation={names}, cost={self.cost_function.name})"

    # -- inputs ---------------------------------------------------------------------------------
    def _rows(self, x: Array, n: int, what: str, finite: bool = True) -> Array:
        """``x`` as an (m, n) float64 array of rows; explain a shape that does not fit. ``finite=False``
        leaves NaN and infinity to the caller (see :meth:`as_batch`)."""
        rows = finite_array(what, x) if finite else real_array(what, x)
        if rows.ndim == 1 and rows.shape[0] == n:
            return rows[np.newaxis, :]
        if rows.ndim == 2 and rows.shape[1] == n and rows.shape[0] >= 1:
            return rows
        raise InvalidInput(f"{what} has shape {rows.shape}; expected ({n},) or (m, {n}) with m >= 1")

    def as_batch(self, x: Array, y: Array, check_x: bool = True) -> tuple[Array, Array, bool]:
        """``(xs, ys, single)``: inputs and targets as rows, and whether ``x`` was one example.

        ``check_x=False`` leaves a NaN or infinite input to the caller. :meth:`backprop` uses it: such
        an input makes every :math:`z` of its row in layer 2 NaN or infinite (NaN times anything is
        NaN, infinity times 0 is NaN), which backprop checks anyway, and the input is then named. A
        pass over the largest array of the call is saved (the inputs: 784 numbers an example in MNIST).
        """
        sizes = self.sizes
        xs, ys = self._rows(x, sizes[0], "x", check_x), self._rows(y, sizes[-1], "y")
        if xs.shape[0] != ys.shape[0]:
            raise InvalidInput(
                f"x has {validation.count(xs.shape[0], 'example', 'examples')} but y has {ys.shape[0]}"
            )
        if self.cost_function.name == "cross-entropy":
            validation.probabilities("y", ys)
        return xs, ys, np.ndim(x) == 1

    # -- the forward pass -----------------------------------------------------------------------
    def weighted_input(self, l: int, a: Array) -> Array:
        """:math:`z = w a + b` with ``weights[l]``, ``biases[l]``, for rows ``a`` of the layer below."""
        z = row_product(a, self.weights[l].T)
        z += self.biases[l]  # in place: one array fewer per layer (see worked.core.equations)
        return z

    def forward_from(self, l: int, z: Array) -> tuple[list[Array], list[Array]]:
        """The forward pass resumed from a given ``zs[l]`` (rows): ``zs[l:]``, ``activations[l+1:]``.

        The gradient checker perturbs :math:`z^l_j` directly through this, to test BP1/BP2 one
        layer at a time; :meth:`forward_rows` is the same pass started from the input.
        """
        zs, activations = [z], [self.sigmas[l].value(z)]
        for i in range(l + 1, len(self.weights)):
            zs.append(self.weighted_input(i, activations[-1]))
            activations.append(self.sigmas[i].value(zs[-1]))
        return zs, activations

    def forward_rows(self, xs: Array) -> tuple[list[Array], list[Array]]:
        """:math:`z^l = w^l a^{l-1} + b^l`, :math:`a^l = \\sigma(z^l)` for a batch of rows."""
        zs, activations = self.forward_from(0, self.weighted_input(0, xs))
        return zs, [xs, *activations]

    def feedforward(self, x: Array) -> tuple[list[Array], list[Array]]:
        """Return ``(zs, activations)``: :math:`z^2..z^L` and :math:`a^1..a^L`, shaped like ``x``."""
        xs = self._rows(x, self.sizes[0], "x")
        zs, activations = self.forward_rows(xs)
        if np.ndim(x) == 1:
            return [z[0] for z in zs], [a[0] for a in activations]
        return zs, activations

    def cost(self, x: Array, y: Array, l2: float = 0.0) -> float:
        r"""The cost, averaged over the examples of a batch, plus :math:`\frac{\lambda}{2m}\sum w^2` for
        ``l2`` = λ > 0 (see :mod:`~worked.core.regularisation`)."""
        l2 = validation.l2(l2)
        xs, ys, _ = self.as_batch(x, y)
        zs, activations = self.forward_rows(xs)
        return self.mean_cost(zs[-1], activations[-1], ys, l2)

    def mean_cost(self, z: Array, output: Array, ys: Array, l2: float = 0.0, n: int | None = None) -> float:
        r"""The cost of a batch from the output layer's rows ``z`` and ``a``: the mean per example, plus
        the L2 penalty :math:`\frac{\lambda}{2n}\sum w^2` for ``l2`` = λ > 0 (``n``: the training
        set's size, by default the batch's). Validated by the callers, at the API's edge."""
        # The sum of every per-neuron term is the sum of the per-example costs: one reduction.
        terms = self.cost_function.output_terms(z, output, ys, self.sigmas[-1])
        cost = float(np.add.reduce(terms, axis=None)) / len(ys)
        return cost + regularisation.penalty(self.weights, l2, n or len(ys)) if l2 else cost

    # -- the backward pass ----------------------------------------------------------------------
    def backward(
        self,
        zs: list[Array],
        activations: list[Array],
        ys: Array,
        weights: Sequence[Array] | None = None,
        equations: Equations = BACKPROP,
        l2: float = 0.0,
        out: Sequence[Array] | None = None,
    ) -> tuple[list[Array], list[Array], list[Array]]:
        r"""BP1-BP4 for a batch of rows, output layer first; return ``(deltas, nabla_w, nabla_b)``.

        ``weights`` are the matrices BP2 carries :math:`\delta` back through (default: this network's);
        the trainer passes others for the tutorial script's "output-first" order (see ``training``).
        ``equations`` is the table of the four (:data:`~worked.core.equations.BACKPROP`, the book's).
        ``l2`` = λ > 0 adds :math:`(\lambda/m) w` to each weight gradient (the regularised BP4).
        ``out``, one array of each weight matrix's shape, receives the weight gradients (the book's
        BP4, :func:`~worked.core.equations.bp4`, so ``equations`` must then be the book's).
        """
        if out is not None and equations != BACKPROP:
            raise ValueError(
                "out= receives the book's BP4; a replaced table of equations makes its own arrays"
            )
        carry = self.weights if weights is None else weights
        layers = len(self.weights)  # layers of weights: L - 1 in the books' count
        deltas: list[Array] = [np.empty(0)] * layers
        nabla_w: list[Array] = [np.empty(0)] * layers
        nabla_b: list[Array] = [np.empty(0)] * layers
        delta = equations.bp1(self.cost_function, self.sigmas[-1], zs[-1], activations[-1], ys)
        for l in reversed(range(layers)):
            deltas[l] = delta
            nabla_b[l] = equations.bp3(delta)
            nabla_w[l] = (
                equations.bp4(delta, activations, l) if out is None else bp4(delta, activations, l, out[l])
            )
            if l2:
                nabla_w[l] += regularisation.penalty_gradient(self.weights[l], l2, len(ys))
            if l > 0:
                delta = equations.bp2(carry[l], delta, self.sigmas[l - 1], zs[l - 1], activations[l])
        return deltas, nabla_w, nabla_b

    def backprop(self, x: Array, y: Array, l2: float = 0.0) -> Backprop:
        """The gradient of :meth:`cost` (with the same ``l2``) for every weight and bias, by BP1-BP4.

        The weight gradients are written into arrays the network keeps (its :attr:`workspace`), so a
        loop of calls allocates no weight-sized array; they are never written again while anything
        outside the network still refers to them (see :mod:`~worked.core.workspace`).
        """
        l2 = validation.l2(l2)
        xs, ys, single = self.as_batch(x, y, check_x=False)
        with np.errstate(over="ignore", invalid="ignore"):  # an overflow is refused below, by layer
            zs, activations = self.forward_rows(xs)
            if overflowed := _not_finite(zs):
                if overflowed[0] == 0:
                    finite_array("x", x)  # a NaN or infinite input is named, as everywhere else
                raise InvalidInput(
                    f"the weighted input z of layer {overflowed[0] + 2} overflows float64 (|z| is inf): the "
                    "weights, biases or inputs are too large for a gradient to be computed"
                )
            out = self.workspace.arrays([w.shape for w in self.weights])
            deltas, nabla_w, nabla_b = self.backward(zs, activations, ys, l2=l2, out=out)
            if overflowed := _not_finite([g for pair in zip(nabla_w, nabla_b, strict=True) for g in pair]):
                raise InvalidInput(
                    f"the gradient of layer {overflowed[0] // 2 + 2}'s weights or biases overflows float64: "
                    "the weights, biases or inputs are too large for a gradient to be computed"
                )
        saturation.refuse_saturated(self.sigmas, zs, activations[1:], deltas)
        if single:
            zs, activations, deltas = ([v[0] for v in vs] for vs in (zs, activations, deltas))
        return Backprop(zs, activations, deltas, nabla_w, nabla_b)


def _not_finite(arrays: list[Array]) -> list[int]:
    """The indices of the arrays that hold an infinite or NaN entry, without an array of flags as large
    as any of them. An infinite or NaN entry makes its array's sum of squares (a BLAS dot product, the
    fastest pass over an array numpy has), and the sum of those, infinite or NaN, so one finite total
    settles all of them; only a total that is not finite (an entry's, or squares that overflowed from
    finite entries beyond 1e154) needs each array's extremes. Called under
    ``np.errstate(over="ignore")``: that overflow is no error here."""
    squares = [np.vdot(a, a) for a in arrays]
    if math.isfinite(sum(squares)):
        return []
    return [i for i, a in enumerate(arrays) if not (math.isfinite(a.min()) and math.isfinite(a.max()))]
