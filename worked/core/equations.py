r"""The four equations of backpropagation (Nielsen, chapter 2), one function each, and the table of them.

Every array holds a batch of ``m`` examples as its rows, so a column vector of the book is a row here
and :math:`(w^T \delta)^T = \delta\, w`. Gradients are means over the rows (the :math:`1/m` of Ng's
:math:`D = \Delta / m`). Lists are indexed like ``Network.weights``: ``activations[l]`` is the input
of the layer whose weights are ``weights[l]``. Results are computed in place where a fresh array would
otherwise be made and dropped: at the sizes of Nielsen's MNIST network, fresh arrays cost more in page
faults than the arithmetic itself (``backprop-companion bench`` measures it).

:meth:`worked.core.Network.backward` calls the four in the book's order from an :class:`Equations`
table. The table is the one place a backward pass can differ: the gradient checker's bug catalogue
(:mod:`worked.gradcheck`) builds each buggy backward pass by replacing an entry of it, so there is
no second copy of the backward pass anywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from worked.core.activations import Activation, Array
from worked.core.costs import Cost

SUMMED_IN_ORDER = 4
"""The longest sum of products that :func:`row_product` writes out term by term rather than hand to BLAS."""


def row_product(a: Array, m: Array, out: Array | None = None) -> Array:
    r"""``a @ m``, rows times a matrix: the forward pass's and BP2's products, and BP4's for one example.

    Where each entry is a sum of at most :data:`SUMMED_IN_ORDER` products (the tutorial's are sums of
    two), it is written out as a hand calculation does it: each product rounded, then added from the
    first, :math:`(a_1 m_{1j} + a_2 m_{2j}) + \dots`. A BLAS kernel sums in an order of its own (this
    machine's OpenBLAS fuses one product into the addition, and a product of -0.0 comes back as +0.0),
    so a tiny network's last bits would depend on the machine's BLAS; written out, they are IEEE
    arithmetic's, and :mod:`worked.core.tiny` repeats them with Python floats. Longer sums go to
    BLAS, which is faster. Each term after the first makes an array of the product's shape.
    ``out``, of the product's shape, receives it instead of a new array.
    """
    k = m.shape[0]
    if k > SUMMED_IN_ORDER:
        return np.matmul(a, m, out=out)
    product: Array = np.multiply(a[..., 0:1], m[0], out=out)
    for i in range(1, k):
        product += a[..., i : i + 1] * m[i]
    return product


def bp1(cost: Cost, sigma: Activation, z: Array, a: Array, y: Array) -> Array:
    r"""BP1, the error of the output layer: :math:`\delta^L = \nabla_a C \odot \sigma'(z^L)`.

    ``z``, ``a`` are :math:`z^L`, :math:`a^L`; ``y`` the targets. The cost carries the formula
    (:meth:`Cost.delta`), because cross-entropy after a sigmoid simplifies it to :math:`a^L - y`.
    """
    return cost.delta(z, a, y, sigma)


def bp2(w: Array, delta: Array, sigma: Activation, z: Array, a: Array) -> Array:
    r"""BP2, the error carried back a layer: :math:`\delta^l = ((w^{l+1})^T \delta^{l+1}) \odot \sigma'(z^l)`.

    ``w`` is :math:`w^{l+1}`, shape ``(n_{l+1}, n_l)``; ``delta`` is :math:`\delta^{l+1}`; ``z``, ``a``
    are :math:`z^l`, :math:`a^l` (``σ'`` may use either, see :class:`Activation`).
    """
    delta_l = row_product(delta, w)  # rows: ((w^{l+1})ᵀ δ^{l+1})ᵀ = δ^{l+1} w^{l+1}
    delta_l *= sigma.prime(z, a)  # in place: one array fewer per layer
    return delta_l


def bp3(delta: Array) -> Array:
    r"""BP3, the gradient of the biases: :math:`\partial C/\partial b^l_j = \delta^l_j`, the rows' mean."""
    nabla_b: Array
    if delta.shape[0] == 1:  # the mean of one row is that row (a sum would start from +0.0, losing a -0.0)
        nabla_b = delta[0].copy()
        return nabla_b
    nabla_b = np.add.reduce(delta, axis=0)
    nabla_b /= delta.shape[0]
    return nabla_b


def bp4(delta: Array, activations: Sequence[Array], i: int, out: Array | None = None) -> Array:
    r"""BP4, the gradient of the weights: :math:`\partial C/\partial w^l_{jk} = a^{l-1}_k \delta^l_j`,
    averaged over the rows.

    ``delta`` is :math:`\delta^l`, the error of the layer whose weights are ``weights[i]``
    (:math:`l = i + 2`, the input being layer 1); that layer's input :math:`a^{l-1}` is
    ``activations[i]``. (The list and the index are passed, not the one array, because the classic
    bug here is exactly that index, one layer off.) ``out``, an array of the weights' shape, receives
    the result instead of a new array (:class:`~worked.core.workspace.Workspace`); the numbers are the same.
    """
    a = activations[i]
    if delta.shape[0] == 1:  # one example: the products δ_j a_k, no sum, rounded as by hand
        return row_product(delta.T, a, out)
    # A sum over the examples: BLAS, whatever the batch, since writing out even two terms would
    # make a weight-sized array per call for the second term's products (the workspace's point).
    nabla_w: Array = np.matmul(delta.T, a, out=out)
    nabla_w /= delta.shape[0]
    return nabla_w


@dataclass(frozen=True)
class Equations:
    """The four equations a backward pass calls; :data:`BACKPROP` is the book's."""

    bp1: Callable[[Cost, Activation, Array, Array, Array], Array] = bp1
    bp2: Callable[[Array, Array, Activation, Array, Array], Array] = bp2
    bp3: Callable[[Array], Array] = bp3
    bp4: Callable[[Array, Sequence[Array], int], Array] = bp4


BACKPROP = Equations()
"""BP1-BP4 as the book states them."""
