r"""Ng's parameter layout to and from the network's: :math:`\Theta^{(l)} = [\,b \mid w\,]`, and unrolled.

Ng numbers the input layer 1 and gives every layer but the last a bias unit :math:`a_0 = 1`, so
:math:`\Theta^{(l)}` (shape :math:`s_{l+1} \times (1 + s_l)`) maps layer :math:`l` to :math:`l+1`
with its bias in column 0: :math:`\Theta^{(l)}` is ``[biases[l-1] | weights[l-1]]``, the network's
lists indexed from 0 (Nielsen's :math:`w^{l+1}`, both books counting the input as layer 1). The
exercise passes all parameters as one vector ``nn_params = [Theta1(:); Theta2(:)]``, each matrix
unrolled in Octave's column-major order.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np

from worked.core import Array, InvalidInput, Network


def thetas(network: Network) -> list[Array]:
    """``[Theta1, Theta2, ...]``: each layer's biases as column 0, its weights after them."""
    return [np.column_stack([b, w]) for w, b in zip(network.weights, network.biases, strict=True)]


def from_thetas(matrices: Sequence[Array], cost: str = "cross-entropy") -> Network:
    """The sigmoid network whose ``Theta`` matrices these are (Ng's ex4: every layer logistic)."""
    arrays = [np.asarray(t, dtype=np.float64) for t in matrices]
    for l, theta in enumerate(arrays, start=1):
        if theta.ndim != 2 or theta.shape[1] < 2:
            raise InvalidInput(f"Theta{l} must be a matrix with a bias column and at least one weight column")
    return Network([t[:, 1:] for t in arrays], [t[:, 0] for t in arrays], "sigmoid", cost)


def unroll(matrices: Sequence[Array]) -> Array:
    """``[Theta1(:); Theta2(:); ...]``: every matrix column by column (Octave's order), one after another."""
    return np.concatenate([np.asarray(t).ravel(order="F") for t in matrices])


def roll(params: Array, sizes: Sequence[int]) -> list[Array]:
    """The matrices of a network of layer ``sizes`` (input first) back from the unrolled vector."""
    shapes = [(n, 1 + k) for k, n in itertools.pairwise(sizes)]
    needed = sum(n * k for n, k in shapes)
    if np.size(params) != needed:
        raise InvalidInput(f"a network of sizes {list(sizes)} has {needed} parameters, got {np.size(params)}")
    flat, matrices, at = np.asarray(params, dtype=np.float64).ravel(), [], 0
    for n, k in shapes:
        matrices.append(flat[at : at + n * k].reshape((n, k), order="F"))
        at += n * k
    return matrices
