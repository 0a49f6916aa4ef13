r"""Central differences: the numerical side of every gradient check, written once.

Everything here is a derivative of a function of one variable at 0, taken along a line
:math:`g(t) = f(\theta + t\,d)`:

.. math:: g'(0) \approx \frac{g(h) - g(-h)}{2h}.

Its error has two parts. Truncation: the Taylor terms that do not cancel, :math:`h^2 |g'''| / 6`.
Round-off: each value of :math:`g` is wrong by a few :math:`\epsilon |g|`, and dividing by
:math:`2h` magnifies that to about :math:`\epsilon |g| / h`. The two balance at
:math:`h \approx \epsilon^{1/3}` (times the scale of the variable), where both are about
:math:`\epsilon^{2/3}`: roughly 6e-6 and 4e-11 in float64. Hence the step rule

.. math:: h = \epsilon^{1/3} \max(1, |\theta|),

and the rounding trick :math:`h \leftarrow (\theta + h) - \theta`, which makes the step the one the
computer actually takes (otherwise rounding :math:`\theta + h` alone costs :math:`\epsilon|\theta|/h`).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from typing import TypeVar

import numpy as np
from numpy.typing import ArrayLike

from worked.core import Array, InvalidInput

T = TypeVar("T", float, Array)


@functools.cache  # asked for on every check; numpy's finfo is slow to ask
def machine_epsilon(dtype: str = "float64") -> float:
    """ε of a floating-point type: the gap between 1 and the next number (2.2e-16 for float64)."""
    return float(np.finfo(np.dtype(dtype)).eps)


def step_size(theta: ArrayLike, dtype: str = "float64", factor: float = 1.0) -> Array:
    r"""The step :math:`h = \epsilon^{1/3} \max(1, |\theta|)`, rounded so that :math:`\theta + h` is exact.

    Elementwise; the result has the shape of ``theta``. ``factor`` multiplies the step before it is
    rounded (2: the second difference that estimates the first's error, :mod:`report`). It returns
    :math:`(\theta + h) - \theta`, the distance from :math:`\theta` to a number the computer can
    hold, so the step taken is the step divided by (:math:`\theta - h` is then exact too, or within
    one unit in the last place when it crosses into the next power of two).
    """
    theta = np.asarray(theta, dtype=dtype)
    h = np.asarray(
        factor * machine_epsilon(dtype) ** (1.0 / 3.0) * np.maximum(1.0, np.abs(theta)), dtype=dtype
    )
    exact: Array = (theta + h) - theta
    return exact


def central_difference(g: Callable[[T], T], h: T) -> T:
    r""":math:`(g(h) - g(-h)) / 2h`, the derivative at 0 of a function of one variable.

    ``h`` may also be an array of steps for ``g`` that works elementwise (many independent
    one-variable functions at once, such as the cost of each example of a batch).
    """
    # A float is checked without numpy: the exhaustive check calls this once per parameter.
    if not (0.0 < h < math.inf if isinstance(h, float) else np.all(np.isfinite(h) & (np.asarray(h) > 0))):
        raise InvalidInput(f"the step must be positive and finite, got {h!r}")
    slope: T = (g(h) - g(-h)) / (2.0 * h)
    return slope


def numerical_gradient(
    f: Callable[[Array], float],
    theta: ArrayLike,
    on_step: Callable[[int], None] | None = None,
    *,
    indices: Sequence[int] | None = None,
    factor: float = 1.0,
) -> tuple[Array, Array]:
    r"""The gradient of ``f`` at ``theta`` by central differences, one coordinate at a time.

    Returns ``(gradient, steps)``, both shaped like ``theta``; ``steps`` follows :func:`step_size`.
    Costs ``2 * theta.size`` calls of ``f``, made in order: for each index ``i`` (C order) first
    :math:`\theta + h_i e_i`, then :math:`\theta - h_i e_i`. ``f`` receives one working copy that
    is changed in place between calls and restored after them (so no vector of ``theta``'s size is
    allocated per call). It is the same array object on every call, so ``f`` may make views into it
    once (see :func:`worked.gradcheck.check.exhaustive`), but must not keep it after the last call.
    ``theta`` itself is never changed. ``on_step(i)`` is called after coordinate ``i``, for
    progress reports. ``indices`` (flat, C order) restricts the differences to those coordinates (both
    results are then flat, in that order); ``factor`` multiplies every step (see :func:`step_size`).

    The loop does as little as it can per coordinate: for a small network one call of ``f`` takes
    a few microseconds, and anything else done per call shows in the cost of the exhaustive check.
    """
    work = np.array(theta, dtype=np.result_type(np.asarray(theta).dtype, np.float32))
    if not np.all(np.isfinite(work)):
        raise InvalidInput("theta must be finite to differentiate at it")
    steps = step_size(work, work.dtype.name, factor)
    flat = work.reshape(-1)  # a view: writing to it moves ``work``
    chosen = range(flat.size) if indices is None else list(indices)
    originals, hs = flat.tolist(), steps.reshape(-1).tolist()  # Python floats: cheap to read per coordinate
    slopes = []
    for i in chosen:
        original, h = originals[i], hs[i]

        def g(t: float, i: int = i, original: float = original) -> float:
            flat[i] = original + t
            return float(f(work))

        slopes.append(central_difference(g, h))
        flat[i] = original
        if on_step is not None:
            on_step(i)
    if indices is not None:
        return np.array(slopes, dtype=work.dtype), steps.reshape(-1)[list(chosen)]
    gradient: Array = np.array(slopes, dtype=work.dtype).reshape(work.shape)
    return gradient, steps


def directional_derivative(f: Callable[[Array], float], theta: ArrayLike, d: ArrayLike, h: float) -> float:
    r""":math:`(f(\theta + h d) - f(\theta - h d)) / 2h`: the slope of ``f`` along ``d`` by 2 calls."""
    theta, d = np.asarray(theta), np.asarray(d)
    return central_difference(lambda t: float(f(theta + t * d)), h)
