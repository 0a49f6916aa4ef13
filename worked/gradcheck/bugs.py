r"""A catalogue of textbook backprop bugs, each one entry of BP1-BP4 written as a student might.

The checker must be shown to fail, not only to pass. The backward pass reads its four equations from
a table (:class:`worked.core.Equations`); each :class:`Bug` is that table with the entries it gets
wrong replaced, so the buggy backward pass *is* the real one with one equation changed, and there is
no second copy of it. Each bug's ``backward`` has the signature of ``Network.backward``
(``bug.backward(network, zs, activations, ys)``), so it can be handed to
:func:`worked.gradcheck.gradcheck` as ``backward=``.

Some bugs cannot show on some networks, and :meth:`Bug.visible` says so: a missing (or extra)
:math:`1/m` on a batch of one example, a missing :math:`\sigma'` where :math:`\sigma' = 1`. Three need
square weight matrices to run at all (a transposed :math:`w`, an activation one layer off, a and δ
swapped in BP4), exactly as the student's numpy code would crash on any other shape.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from worked.core import (
    BACKPROP,
    IDENTITY,
    RELU,
    Activation,
    Array,
    Cost,
    Equations,
    InvalidInput,
    Network,
)

MISSING_SIGMA_PRIME = "missing-sigma-prime"
TRANSPOSED_WEIGHT = "transposed-weight"
COST_SIGN_FLIP = "cost-sign-flip"
MISSING_MEAN = "missing-1/m"
SIGMA_PRIME_OF_A = "sigma-prime-of-a"
BIAS_WRONG_AXIS = "bias-wrong-axis"
OFF_BY_ONE_LAYER = "off-by-one-layer"
EXTRA_MEAN = "extra-1/m"
SWAPPED_BP4 = "a-and-delta-swapped"


# -- the student's versions of one equation each ---------------------------------------------------
def _bp1_sign_flipped(cost: Cost, sigma: Activation, z: Array, a: Array, y: Array) -> Array:
    return -BACKPROP.bp1(cost, sigma, z, a, y)  # (y − a) where the cost's derivative is (a − y)


def _bp2_without_sigma_prime(w: Array, delta: Array, sigma: Activation, z: Array, a: Array) -> Array:
    return delta @ w


def _bp2_transposed(w: Array, delta: Array, sigma: Activation, z: Array, a: Array) -> Array:
    return BACKPROP.bp2(w.T, delta, sigma, z, a)


def _bp2_sigma_prime_of_a(w: Array, delta: Array, sigma: Activation, z: Array, a: Array) -> Array:
    return (delta @ w) * sigma.derivative(a)  # σ'(a) where σ'(z) belongs


def _bp3_summed(delta: Array) -> Array:
    summed: Array = delta.sum(axis=0)
    return summed  # the sum over the batch instead of the mean


def _bp3_wrong_axis(delta: Array) -> Array:
    return np.full(delta.shape[1], delta.sum() / delta.shape[0])  # np.sum(delta) with no axis


def _bp4_summed(delta: Array, activations: Sequence[Array], i: int) -> Array:
    return delta.T @ activations[i]


def _bp3_averaged_twice(delta: Array) -> Array:
    twice: Array = BACKPROP.bp3(delta) / delta.shape[0]  # the mean divided by m once more
    return twice


def _bp4_averaged_twice(delta: Array, activations: Sequence[Array], i: int) -> Array:
    twice: Array = BACKPROP.bp4(delta, activations, i) / delta.shape[0]
    return twice


def _bp4_swapped(delta: Array, activations: Sequence[Array], i: int) -> Array:
    swapped: Array = activations[i].T @ delta / delta.shape[0]  # a δᵀ where δ aᵀ belongs
    return swapped


def _bp4_one_layer_off(delta: Array, activations: Sequence[Array], i: int) -> Array:
    return BACKPROP.bp4(delta, activations, i + 1)  # a^l where a^(l-1) belongs


@dataclass(frozen=True)
class Bug:
    """One textbook bug: where it sits, what the student wrote, and when it can show."""

    name: str
    equation: str
    wrote: str
    right: str
    equations: Equations
    """BP1-BP4 with the student's entries in place of the book's."""

    def backward(
        self, network: Network, zs: list[Array], activations: list[Array], ys: Array, *, l2: float = 0.0
    ) -> tuple[list[Array], list[Array], list[Array]]:
        """The backward pass with this bug; same arguments as ``Network.backward``."""
        if not self.runs_on(network):
            raise InvalidInput(
                f"the bug {self.name!r} needs square weight matrices (n_l = n_(l-1)) to run at all, "
                f"as the student's numpy code would; this network has sizes {network.sizes} "
                "(try sizes 3,3,3)"
            )
        return network.backward(zs, activations, ys, equations=self.equations, l2=l2)

    def runs_on(self, network: Network) -> bool:
        if self.name in (TRANSPOSED_WEIGHT, OFF_BY_ONE_LAYER, SWAPPED_BP4):
            return all(w.shape[0] == w.shape[1] for w in network.weights)
        return True

    def visible(self, network: Network, m: int) -> str | None:
        """``None`` when the bug can change the gradient here, else why it cannot."""
        sizes, hidden = network.sizes, network.sigmas[:-1]
        if self.name in (MISSING_MEAN, EXTRA_MEAN) and m == 1:
            return "with one example the sum over the batch is the mean"
        if self.name in (MISSING_SIGMA_PRIME, SIGMA_PRIME_OF_A, TRANSPOSED_WEIGHT) and not hidden:
            return "BP2 is never used: the network has no hidden layer"
        if self.name == MISSING_SIGMA_PRIME and all(s is IDENTITY for s in hidden):
            return "every hidden σ' is 1"
        if self.name == SIGMA_PRIME_OF_A and all(s in (IDENTITY, RELU) for s in hidden):
            return "for identity and ReLU, σ'(a) = σ'(z)"
        if self.name == BIAS_WRONG_AXIS and all(n == 1 for n in sizes[1:]):
            return "with one neuron per layer, summing over the neurons changes nothing"
        return None


BUGS: dict[str, Bug] = {
    b.name: b
    for b in (
        Bug(
            MISSING_SIGMA_PRIME,
            "BP2",
            "δ^l = (w^(l+1))ᵀ δ^(l+1)",
            "δ^l = ((w^(l+1))ᵀ δ^(l+1)) ⊙ σ'(z^l)",
            replace(BACKPROP, bp2=_bp2_without_sigma_prime),
        ),
        Bug(
            TRANSPOSED_WEIGHT,
            "BP2",
            "δ^l = (w^(l+1) δ^(l+1)) ⊙ σ'(z^l)",
            "δ^l = ((w^(l+1))ᵀ δ^(l+1)) ⊙ σ'(z^l)",
            replace(BACKPROP, bp2=_bp2_transposed),
        ),
        Bug(
            COST_SIGN_FLIP, "BP1", "∇_a C = y − a", "∇_a C = a − y", replace(BACKPROP, bp1=_bp1_sign_flipped)
        ),
        Bug(
            MISSING_MEAN,
            "BP3/BP4",
            "∂C/∂w = Σ_x δ_x a_xᵀ (no 1/m)",
            "∂C/∂w = (1/m) Σ_x δ_x a_xᵀ",
            replace(BACKPROP, bp3=_bp3_summed, bp4=_bp4_summed),
        ),
        Bug(
            SIGMA_PRIME_OF_A,
            "BP2",
            "δ^l = ((w^(l+1))ᵀ δ^(l+1)) ⊙ σ'(a^l)",
            "… ⊙ σ'(z^l)",
            replace(BACKPROP, bp2=_bp2_sigma_prime_of_a),
        ),
        Bug(
            BIAS_WRONG_AXIS,
            "BP3",
            "∂C/∂b^l_j = (1/m) Σ_x Σ_i δ^l_xi (np.sum with no axis)",
            "(1/m) Σ_x δ^l_xj",
            replace(BACKPROP, bp3=_bp3_wrong_axis),
        ),
        Bug(
            OFF_BY_ONE_LAYER,
            "BP4",
            "∂C/∂w^l_jk = a^l_k δ^l_j",
            "∂C/∂w^l_jk = a^(l-1)_k δ^l_j",
            replace(BACKPROP, bp4=_bp4_one_layer_off),
        ),
        Bug(
            EXTRA_MEAN,
            "BP3/BP4",
            "∂C/∂w = (1/m²) Σ_x δ_x a_xᵀ (the mean divided by m again)",
            "∂C/∂w = (1/m) Σ_x δ_x a_xᵀ",
            replace(BACKPROP, bp3=_bp3_averaged_twice, bp4=_bp4_averaged_twice),
        ),
        Bug(
            SWAPPED_BP4,
            "BP4",
            "∂C/∂w^l_jk = a^(l-1)_j δ^l_k (a and δ swapped)",
            "∂C/∂w^l_jk = a^(l-1)_k δ^l_j",
            replace(BACKPROP, bp4=_bp4_swapped),
        ),
    )
}
"""The catalogue of textbook bugs by name, each the table of BP1-BP4 with one equation the student's."""


def get_bug(name: str) -> Bug:
    """The bug of :data:`BUGS` with this name; :class:`InvalidInput` naming the choices."""
    try:
        return BUGS[name]
    except KeyError:
        raise InvalidInput(f"unknown bug {name!r}; choose one of: {', '.join(BUGS)}") from None
