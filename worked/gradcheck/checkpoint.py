r"""The point at which a gradient is checked: the network, the batch, and what backprop says there.

:func:`prepare` validates and computes, once, everything the modes of :mod:`worked.gradcheck`
share: the forward pass, the cost and its rounding scale, and the analytic gradient under test:
the public ``Network.backprop`` (the method a reader calls, so a patched ``backprop`` is what gets
checked), or a backward pass given in its place (such as a bug of :mod:`worked.gradcheck.bugs`).
It refuses float32 unless asked (see :data:`FLOAT32_REFUSED`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Protocol

import numpy as np
from numpy.typing import NDArray

from worked.core import CROSS_ENTROPY, RELU, SIGMOID, Array, InvalidInput, Network, regularisation, validation
from worked.gradcheck.report import WEAK_FRACTION, Tolerance


class Backward(Protocol):
    """``backward(network, zs, activations, ys, l2=λ) -> (deltas, nabla_w, nabla_b)``, as
    ``Network.backward``."""

    def __call__(
        self, network: Network, zs: list[Array], activations: list[Array], ys: Array, *, l2: float
    ) -> tuple[list[Array], list[Array], list[Array]]: ...


FLOAT32_REFUSED = (
    "refusing to check {what} in float32 without being asked: float32 keeps about 7 digits "
    "(ε = 1.2e-7), so the best central difference (h ≈ ε^(1/3) ≈ 5e-3) is only good to about "
    "ε^(2/3) ≈ 2e-5 of the problem's scale. A float64 tolerance then fails correct gradients, and a "
    "tolerance loose enough for float32 lets small bugs through. Check in float64 (.astype(np.float64)), "
    "or ask for float32 explicitly (allow_float32=True, or --allow-float32) to check with every "
    "tolerance scaled to float32's ε."
)


def precision_of(network: Network, x: object, y: object, allow_float32: bool) -> str:
    """``"float64"``, or ``"float32"`` when any parameter or input is float32 and that was allowed."""
    params = [*network.weights, *network.biases]
    arrays = [a for a in (*params, x, y) if isinstance(a, np.ndarray) and a.dtype.kind == "f"]
    low = sorted({a.dtype.name for a in arrays if a.dtype.itemsize < 8})
    if not low:
        return "float64"
    if low != ["float32"]:
        raise InvalidInput(f"cannot check a gradient in {', '.join(low)}: use float64 (float32 if you must)")
    what = "the parameters" if any(p.dtype == np.float32 for p in params) else "the inputs"
    if not allow_float32:
        raise InvalidInput(FLOAT32_REFUSED.format(what=what))
    return "float32"


def noise_scale(network: Network, z: Array, outputs: Array, ys: Array, floor: float = 1.0) -> Array:
    r"""N per example: :math:`\max(1, |C_x|, \sum_j |a^L_j \partial C_x/\partial a^L_j|)` (with
    ``floor`` in place of the 1).

    Computing :math:`C` from outputs each wrong by a relative :math:`\epsilon` errs by about
    :math:`\epsilon N`; the last term is the condition number of the cost in its outputs. Where the
    cost is computed from the logits instead (cross-entropy after a sigmoid), it is the condition
    number in :math:`z`, :math:`\sum_j |z^L_j \partial C_x/\partial z^L_j|`. Either way it uses the
    cost's own derivatives, never the backward pass under test.
    """
    cost, sigma = network.cost_function, network.sigmas[-1]
    if cost is CROSS_ENTROPY and sigma is SIGMOID:
        terms = np.abs(z * cost.delta(z, outputs, ys, sigma)).sum(axis=-1)
    else:
        terms = np.abs(outputs * cost.nabla_a(outputs, ys)).sum(axis=-1)
    value = cost.output_value(z, outputs, ys, sigma)
    scale: Array = np.maximum(floor, np.maximum(np.abs(value), terms))
    return scale


@dataclass(frozen=True)
class Point:
    """The network and batch (as rows, in the checked precision) and the analytic side at them."""

    network: Network
    xs: Array
    ys: Array
    precision: str
    l2: float  # λ of the L2 penalty in the checked cost (0: none)
    zs: list[Array]
    activations: list[Array]
    cost: float
    noise: Array  # N per example
    deltas: list[Array]
    nabla_w: list[Array]
    nabla_b: list[Array]

    @cached_property
    def mean_noise(self) -> float:
        """N averaged over the batch: the scale of the rounding error of the batch's mean cost."""
        return float(np.mean(self.noise))

    @cached_property
    def bare_noise(self) -> Array:
        """N per example without its floor of 1 (see :func:`worked.gradcheck.report.own_error`)."""
        net, zs, activations = self.network, self.zs, self.activations
        noise = noise_scale(net, zs[-1], activations[-1], self.ys, floor=0.0)
        if self.l2:
            noise += regularisation.penalty(net.weights, self.l2, self.xs.shape[0])
        return noise

    @cached_property
    def gradient(self) -> Array:
        """Backprop's gradient as one vector: every weight matrix, then every bias vector, each in C
        order (the layout of :class:`~worked.gradcheck.kept.Directions`); made once."""
        flat: Array = np.concatenate([g.ravel() for g in (*self.nabla_w, *self.nabla_b)])
        return flat

    @cached_property
    def relu_layers(self) -> list[int]:
        return [l for l, sigma in enumerate(self.network.sigmas) if sigma is RELU]

    def crossed(self, zs: list[Array], start: int = 0) -> NDArray[np.bool_]:
        """Per example: did any ReLU pre-activation change sign from the checked point?

        ``zs`` are :math:`z` from list index ``start`` on (as :meth:`Network.forward_from` gives).
        """
        crossed = np.zeros(self.xs.shape[0], dtype=bool)
        for l in self.relu_layers:
            if l >= start:
                crossed |= np.any((zs[l - start] > 0) != (self.zs[l] > 0), axis=-1)
        return crossed

    def warnings(self) -> tuple[str, ...]:
        """What makes a verdict at this point weaker than usual, in words."""
        found = []
        largest = max(float(np.max(np.abs(g), initial=0.0)) for g in (*self.nabla_w, *self.nabla_b))
        allowance = Tolerance(self.precision).atol * float(np.max(self.noise))
        if largest == 0.0:
            found.append(
                "backprop's gradient is exactly 0 here (dead ReLUs?): only a bug that makes it nonzero "
                "can show; check at another point"
            )
        elif allowance > WEAK_FRACTION * largest:
            found.append(
                f"weak check: the cost's rounding error (N = {float(np.max(self.noise)):.3g}) lets central "
                f"differences err by up to {allowance:.1e}, more than {WEAK_FRACTION:.0e} of the largest "
                f"gradient entry ({largest:.1e}), so a bug that small could pass (float32, vanishing "
                "gradients, or cross-entropy with outputs near 0 or 1 do this)"
            )
        if self.precision != "float64":
            found.append(
                f"checked in {self.precision}, as asked: tolerances are scaled to its ε and are about "
                f"{Tolerance(self.precision).rtol / Tolerance().rtol:.0e} times looser than in float64"
            )
        return tuple(found)

    def evaluate(self, weights: list[Array], biases: list[Array]) -> tuple[float, bool]:
        """The cost with other parameters, and whether that crossed a ReLU kink."""
        return self.cost_at(self.network.replace(weights, biases))

    def cost_at(self, network: Network) -> tuple[float, bool]:
        """The cost of ``network`` (this one with other parameters) on this batch; crossed a kink?

        One forward pass and the cost, nothing more when no layer is a ReLU: the exhaustive check
        calls this 2P times.
        """
        zs, activations = network.forward_rows(self.xs)
        cost = network.mean_cost(zs[-1], activations[-1], self.ys, self.l2)
        return cost, bool(self.relu_layers) and bool(self.crossed(zs).any())


def prepare(
    network: Network, x: Array, y: Array, backward: Backward | None, allow_float32: bool, l2: float = 0.0
) -> Point:
    """Validate, cast to the checked precision, and run the forward and backward pass once.

    With ``l2`` = λ > 0 the checked cost is the regularised one (:mod:`worked.core.regularisation`).
    """
    l2 = validation.l2(l2)
    precision = precision_of(network, x, y, allow_float32)
    xs, ys, _ = network.as_batch(x, y)
    xs, ys = xs.astype(precision), ys.astype(precision)
    params = [*network.weights, *network.biases]
    net = (
        network  # itself, so that backprop is the network's own method, patched or not
        if all(p.dtype == precision for p in params)
        else network.replace(
            [w.astype(precision) for w in network.weights], [b.astype(precision) for b in network.biases]
        )
    )
    zs, activations = net.forward_rows(xs)
    with np.errstate(divide="ignore", invalid="ignore"):  # a cost that is not finite is refused below
        costs = net.cost_function.output_value(zs[-1], activations[-1], ys, net.sigmas[-1])
    if not np.all(np.isfinite(costs)):
        raise InvalidInput(
            f"the {net.cost_function.name} cost is not finite at this point, so it has no gradient to "
            "check; cross-entropy needs outputs strictly between 0 and 1 (a sigmoid output layer)"
        )
    if backward is None:
        found = net.backprop(xs, ys, l2)
        deltas, nabla_w, nabla_b = found.deltas, found.nabla_w, found.nabla_b
    else:
        deltas, nabla_w, nabla_b = backward(net, zs, activations, ys, l2=l2)
    for l, (w, b, nw, nb) in enumerate(zip(net.weights, net.biases, nabla_w, nabla_b, strict=True), start=1):
        if np.shape(nw) != w.shape or np.shape(nb) != b.shape:
            raise InvalidInput(
                f"the backward pass gave gradients of shape {np.shape(nw)} and {np.shape(nb)} for layer {l}, "
                f"whose weights have shape {w.shape} and biases {b.shape}"
            )
    noise = noise_scale(net, zs[-1], activations[-1], ys)
    cost = net.mean_cost(zs[-1], activations[-1], ys, l2)
    if l2:  # the penalty is part of the cost (mean_cost adds it), and so of its rounding error
        noise += regularisation.penalty(net.weights, l2, xs.shape[0])
    return Point(net, xs, ys, precision, l2, zs, activations, cost, noise, deltas, nabla_w, nabla_b)
