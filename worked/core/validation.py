"""Checks of what a user hands the companion, each failing with one sentence that says what is allowed.

Every public entry point (the :class:`~worked.core.network.Network` constructor, training, the gradient
checker, the command line through them) validates its input here, so a message reads the same
wherever the mistake is made. The exceptions are :class:`InvalidInput` (a ``ValueError``) and
:class:`InvalidType` (a ``TypeError``); the command line shows their message as one line, exit 2.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float64]
"""A float64 numpy array: what every vector, matrix and batch of the numeric side is."""

MAX_PARAMETERS = 20_000_000
"""A network larger than this is refused: its float64 parameters, gradient and checker temporaries
would need several GiB, and an exhaustive check of it would run for days."""
MAX_WIDTH = 1_000_000
"""No layer wider than this (a million neurons): beyond any textbook network, and a typo guard."""
MAX_LEARNING_RATE = 1e6
"""η above this cannot be meant: one step would move weights by millions of times their gradient."""
MAX_STEPS = 10_000_000
"""Training longer than this is refused: about five minutes even for the tutorial's tiny network."""
MAX_BATCH = 10_000
"""A random batch of more examples than this is refused: a gradient check's cost grows with it, and
the per-example comparisons it lists would run to tens of thousands of lines."""
MAX_DIRECTIONS = 1_000
"""More random directions than this are refused: three already catch any wrong gradient with
probability one, and each costs two forward passes."""
MAX_SEED = 2**63 - 1
"""numpy's generators take any whole number >= 0; beyond 63 bits a seed is a typo, not a choice."""


class InvalidInput(ValueError):
    """A value the companion cannot work with; the message says what is allowed."""


class InvalidType(TypeError, InvalidInput):
    """A value of the wrong kind (text where a number belongs, a float where a count belongs)."""


def _is_integer(value: object) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def sizes(value: Sequence[int]) -> list[int]:
    """Layer widths ``[n_0, ..., n_L]``: at least two positive whole numbers, of bounded size."""
    try:
        widths = list(value)
    except TypeError:
        raise InvalidType(f"sizes must be a list of layer widths, got {value!r}") from None
    if len(widths) < 2:
        raise InvalidInput(f"sizes needs at least two layers (input and output), got {widths}")
    for i, n in enumerate(widths):
        if not _is_integer(n) or n < 1:
            raise InvalidInput(f"{_layer(i, len(widths))} has width {n!r}; widths must be whole numbers >= 1")
        if n > MAX_WIDTH:
            raise InvalidInput(
                f"{_layer(i, len(widths))} has width {n:,}; the largest allowed is {MAX_WIDTH:,}"
            )
    parameters = sum(n * (k + 1) for k, n in itertools.pairwise(widths))
    if parameters > MAX_PARAMETERS:
        raise InvalidInput(
            f"sizes {widths} make {parameters:,} parameters; the largest allowed is {MAX_PARAMETERS:,} "
            "(memory for the gradient and the checker's temporaries)"
        )
    return [int(n) for n in widths]


def _layer(i: int, count: int) -> str:
    """Layer ``i`` of ``sizes`` as the books count it: the input is layer 1."""
    if i == 0:
        return "the input layer"
    return "the output layer" if i == count - 1 else f"layer {i + 1} (the input is layer 1)"


def layer_widths(text: str) -> list[int]:
    """Layer widths typed as text (``3,5,2``): whole numbers separated by commas. Only the form is
    checked here; the widths themselves are judged by :func:`sizes` where the network is made."""
    try:
        return [int(n) for n in text.split(",")]
    except ValueError:
        raise InvalidInput(f"sizes must be whole numbers separated by commas, got {text!r}") from None


def count(n: int, one: str, many: str) -> str:
    """``1 example``, ``2 examples``."""
    return f"{n} {one if n == 1 else many}"


def parameters(weights: Sequence[object], biases: Sequence[object]) -> tuple[list[Array], list[Array]]:
    """Weights and biases as float64 copies, one matrix and one vector per layer, shapes chained:
    ``weights[i]`` is ``(n, k)`` and ``biases[i]`` is ``(n,)`` for layers of ``k`` and then ``n`` neurons."""
    for name, value in (("weights", weights), ("biases", biases)):
        if isinstance(value, (str, bytes)) or not isinstance(value, (Sequence, np.ndarray)):
            raise InvalidType(f"{name} must be a list of arrays, one per layer, got {_short(value)}")
    if len(weights) == 0:
        raise InvalidInput("a network needs at least one layer of weights")
    if len(biases) != len(weights):
        raise InvalidInput(
            f"got {count(len(weights), 'weight matrix', 'weight matrices')} but "
            f"{count(len(biases), 'bias vector', 'bias vectors')}; give one bias vector per layer of weights"
        )
    ws = [np.array(finite_array(f"weights for layer {l}", w)) for l, w in enumerate(weights, start=1)]
    bs = [np.array(finite_array(f"biases for layer {l}", b)) for l, b in enumerate(biases, start=1)]
    for l, (w, b) in enumerate(zip(ws, bs, strict=True), start=1):
        if w.ndim != 2:
            raise InvalidInput(f"weights for layer {l} must be a matrix, got shape {w.shape}")
        if l > 1 and w.shape[1] != ws[l - 2].shape[0]:
            raise InvalidInput(
                f"weights for layer {l} have shape {w.shape}, but layer {l - 1} has "
                f"{ws[l - 2].shape[0]} neurons: expected ({w.shape[0]}, {ws[l - 2].shape[0]})"
            )
        if 0 in w.shape:
            raise InvalidInput(
                f"weights for layer {l} have shape {w.shape}: a layer of width 0 computes nothing"
            )
        if b.shape != (w.shape[0],):
            raise InvalidInput(f"biases for layer {l} have shape {b.shape}, expected ({w.shape[0]},)")
    return ws, bs


def finite_array(name: str, value: object) -> Array:
    """``value`` as a float64 array, refusing text, objects, NaN and infinity (naming the position);
    complex numbers (whose imaginary part numpy would drop) and booleans are not real numbers."""
    array = real_array(name, value)
    if array.size and not np.isfinite(array).all():
        bad = tuple(int(i) for i in np.argwhere(~np.isfinite(array))[0])
        where = f" at index {bad if len(bad) != 1 else bad[0]}" if array.ndim else ""
        raise InvalidInput(f"{name} must be finite, but has {array[bad] if bad else array.item()}{where}")
    return array


def real_array(name: str, value: object) -> Array:
    """``value`` as a float64 array, refusing what :func:`finite_array` refuses but NaN and infinity."""
    if type(value) is np.ndarray and value.dtype == np.float64:
        return value  # already what the conversions below make (a float64 array is real numbers)
    if value is None:
        raise InvalidInput(f"{name} is missing")
    kind: str
    try:
        kind = np.asarray(value).dtype.kind
    except (TypeError, ValueError):  # ragged or odd: the conversion below says what is wrong
        kind = ""
    if kind in ("c", "b", "O") or isinstance(value, (complex, bool)):
        what = {"c": "complex numbers", "b": "booleans", "O": "Python objects"}.get(
            kind, type(value).__name__
        )
        raise InvalidType(f"{name} must be real numbers, got {what}")
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError):
        raise InvalidType(f"{name} must be numbers, got {_short(value)}") from None
    return array


def probabilities(name: str, array: Array) -> Array:
    """Targets of the cross-entropy cost, −[y ln a + (1 − y) ln(1 − a)]: probabilities in [0, 1]
    (outside, the cost has no minimum at a = y and can fall below zero)."""
    outside = (array < 0) | (array > 1)
    if np.any(outside):
        at = tuple(int(i) for i in np.argwhere(outside)[0])
        raise InvalidInput(
            f"{name} must lie in [0, 1] for the cross-entropy cost (a probability), got {array[at]!r} at {at}"
        )
    return array


def learning_rate(eta: object) -> float:
    """A learning rate: a finite number in (0, MAX_LEARNING_RATE]."""
    if not isinstance(eta, (int, float, np.floating, np.integer)) or isinstance(eta, bool):
        raise InvalidType(f"the learning rate must be a number, got {_short(eta)}")
    if not (math.isfinite(eta) and 0 < eta <= MAX_LEARNING_RATE):
        raise InvalidInput(f"the learning rate must be a number in (0, {MAX_LEARNING_RATE:g}], got {eta!r}")
    return float(eta)


def l2(value: object) -> float:
    """A regularisation parameter λ: a finite number >= 0 (0: no regularisation)."""
    if not isinstance(value, (int, float, np.floating, np.integer)) or isinstance(value, bool):
        raise InvalidType(f"the regularisation parameter λ must be a number, got {_short(value)}")
    if not (math.isfinite(value) and value >= 0):
        raise InvalidInput(f"the regularisation parameter λ must be a finite number >= 0, got {value!r}")
    return float(value)


def training_set_size(n: object) -> int:
    """The n of Nielsen's weight decay (1 − ηλ/n): a whole number of examples >= 1."""
    if not _is_integer(n):
        raise InvalidType(f"the training-set size n must be a whole number, got {_short(n)}")
    assert isinstance(n, (int, np.integer))
    if n < 1:
        raise InvalidInput(f"the training-set size n must be at least 1, got {n}")
    return int(n)


def steps(count: object) -> int:
    """A number of training steps: a whole number in [0, MAX_STEPS]."""
    if not _is_integer(count):
        raise InvalidType(f"steps must be a whole number, got {_short(count)}")
    assert isinstance(count, (int, np.integer))
    if not 0 <= count <= MAX_STEPS:
        raise InvalidInput(f"steps must be between 0 and {MAX_STEPS:,}, got {count}")
    return int(count)


def seed(value: object) -> int:
    """A seed for ``numpy.random.default_rng``: a whole number in [0, MAX_SEED]."""
    if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or not 0 <= value <= MAX_SEED:
        raise InvalidInput(f"a seed must be a whole number from 0 to 2^63 - 1, got {_short(value)}")
    return int(value)


def _bounded_count(value: object, what: str, largest: int) -> int:
    if not _is_integer(value):
        raise InvalidType(f"{what} must be a whole number, got {_short(value)}")
    assert isinstance(value, (int, np.integer))
    if not 1 <= value <= largest:
        raise InvalidInput(f"{what} must be between 1 and {largest:,}, got {value}")
    return int(value)


def batch_size(value: object) -> int:
    """The number of examples in a random batch: a whole number in [1, MAX_BATCH]."""
    return _bounded_count(value, "the batch size", MAX_BATCH)


def directions(value: object) -> int:
    """The number of random directions of a directional check: a whole number in [1, MAX_DIRECTIONS]."""
    return _bounded_count(value, "the number of directions", MAX_DIRECTIONS)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
