r"""L2 regularisation (weight decay), as in Ng's ex4 cost and Nielsen's chapter 3: weights only, never biases.

For a batch of :math:`m` examples the regularised cost is

.. math:: C = C_0 + \frac{\lambda}{2m} \sum_{l,j,k} (w^l_{jk})^2,

with :math:`C_0` the mean cost of the examples. The penalty does not depend on any :math:`z` or
:math:`b`, so BP1-BP3 and the bias gradients are unchanged and BP4 gains one term,

.. math:: \frac{\partial C}{\partial w^l_{jk}} = a^{l-1}_k \delta^l_j + \frac{\lambda}{m} w^l_{jk},

which is Ng's :math:`D^{(l)}_{ij} = \Delta^{(l)}_{ij}/m + (\lambda/m)\Theta^{(l)}_{ij}` for
:math:`j \ge 1` (his bias column :math:`j = 0` is not regularised). Training on a training set of
:math:`n` examples, Nielsen's network2 writes the step as a decay,
:math:`w \leftarrow (1 - \eta\lambda/n)\,w - \eta\,\partial C_0/\partial w`; for a full batch
:math:`n = m` it is gradient descent on :math:`C`.

:math:`\lambda = 0` adds nothing at all (not even a zero), so unregularised numbers stay bit for bit.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from worked.core.activations import Array


def penalty(weights: Sequence[Array], l2: float, n: int) -> float:
    r""":math:`\frac{\lambda}{2n} \sum w^2` over every weight (no bias), for ``n`` examples."""
    return l2 / (2 * n) * sum(float(np.vdot(w, w)) for w in weights)


def penalty_gradient(w: Array, l2: float, n: int) -> Array:
    r""":math:`\frac{\lambda}{n} w`, the term the penalty adds to BP4's gradient of ``w``."""
    term: Array = (l2 / n) * w
    return term


def decayed(w: Array, eta: float, l2: float, n: int) -> Array:
    r""":math:`(1 - \eta\lambda/n)\,w`: Nielsen's weight decay, before the step along the data's gradient."""
    shrunk: Array = (1 - eta * l2 / n) * w
    return shrunk
