r"""Saturation: a gradient that float64 rounds to exactly 0 where the true one is not.

The logistic sigmoid, tanh and softplus have :math:`\sigma'(z) > 0` for every real :math:`z`, yet in
float64 :math:`\sigma'` rounds to exactly 0 once :math:`|z|` is large enough (the sigmoid's
:math:`a(1-a)` at :math:`z \ge 37`, where :math:`a` rounds to 1; tanh's :math:`1 - a^2` at
:math:`|z| \ge 20`; softplus's at :math:`z \le -746`). When that happens for every neuron of a layer and
every example, BP2 (or BP1) gives :math:`\delta = 0` there, and so BP2 gives 0 for every layer below:
the gradient of all those weights and biases is exactly 0, silently. Weights of 1e300 do it.
:func:`refuse_saturated` refuses such a pass, naming the layer, as the network refuses an overflow.

The rectifier is left out: its :math:`\sigma' = 0` for :math:`z < 0` is the true derivative (a dead
unit), not rounding. So is an activation the companion does not define (its derivative is unknown here).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from worked.core.activations import ACTIVATIONS, Activation, Array
from worked.core.validation import InvalidInput

POSITIVE_DERIVATIVE = tuple(ACTIVATIONS[name] for name in ("sigmoid", "tanh", "softplus"))
"""The activations whose derivative is positive for every real z (identity's is 1, never rounded),
so that an exact 0 is float64's rounding, never the true value."""


def refuse_saturated(
    sigmas: Sequence[Activation], zs: Sequence[Array], activations: Sequence[Array], deltas: Sequence[Array]
) -> None:
    r"""Raise :class:`~worked.core.validation.InvalidInput` naming the highest layer whose :math:`\delta`
    is exactly 0 because :math:`\sigma'(z)` rounded to 0 for every neuron and example (see the module).

    ``zs``, ``deltas`` start at layer 2, ``activations`` likewise (the input left out). A layer whose
    :math:`\delta` is 0 for another reason (a cross-entropy output equal to its target) passes."""
    for l in reversed(range(len(zs))):
        sigma, z, delta = sigmas[l], zs[l], deltas[l]
        if delta.size and delta.flat[0] != 0:  # not every δ is 0 (np.any's answer, without its pass)
            continue
        if sigma in POSITIVE_DERIVATIVE and not np.any(delta) and not np.any(sigma.prime(z, activations[l])):
            layers = "layer 2" if l == 0 else f"layers 2 to {l + 2}"
            raise InvalidInput(
                f"layer {l + 2}'s {sigma.name} is saturated: σ'(z) rounds to exactly 0 in float64 for every "
                f"neuron (the smallest |z| is {float(np.min(np.abs(z))):.3g}), so the gradient of {layers} "
                "is exactly 0 where the true one is not; the weights, biases or inputs are too large for "
                "a gradient to be computed"
            )
