"""The arrays a network keeps for its gradients: same numbers, nothing large allocated, nothing of the
caller's overwritten.

The reference for "same numbers" is the backward pass that makes every array fresh, which is the
arithmetic ``Network.backprop`` did before it kept arrays: compared with ``==``, not a tolerance,
since writing a product into a kept array must not change a single bit of it.
"""

from __future__ import annotations

import copy
import dataclasses
import sys
import tracemalloc
import weakref
from collections.abc import Callable
from types import FrameType
from typing import Any

import numpy as np
import pytest

from worked.core.activations import ACTIVATIONS
from worked.core.equations import BACKPROP, Equations, bp4
from worked.core.network import Backprop, Network
from worked.core.validation import InvalidInput

INTERPRETER_SLACK = 4096
"""Bytes of the interpreter's own small objects (frames, tuples, ints) that one bytecode step may
allocate beside a numpy array; measured at about 500."""


def _random_case(rng: np.random.Generator, i: int) -> tuple[Network, np.ndarray, np.ndarray, float]:
    sizes = [int(n) for n in rng.integers(1, 30, size=int(rng.integers(2, 5)))]
    names = list(ACTIVATIONS)
    activation = [names[int(rng.integers(len(names)))] for _ in sizes[1:]]
    cost = "cross-entropy" if i % 3 == 0 else "quadratic"
    if cost == "cross-entropy":
        activation[-1] = "sigmoid"
    network = Network.random(sizes, rng, activation, cost)
    m = int(rng.integers(1, 40))
    if i % 5 == 0:  # one example, shapes (n,)
        return network, rng.standard_normal(sizes[0]), rng.uniform(0, 1, sizes[-1]), 0.0
    l2 = float(rng.uniform(0, 2)) if i % 4 == 0 else 0.0
    return network, rng.standard_normal((m, sizes[0])), rng.uniform(0, 1, (m, sizes[-1])), l2


def _fresh(network: Network, x: np.ndarray, y: np.ndarray, l2: float) -> list[list[np.ndarray]]:
    """The backward pass with every array made new (no ``out``): the arithmetic before the workspace."""
    xs, ys, _ = network.as_batch(x, y)
    zs, activations = network.forward_rows(xs)
    _, nabla_w, nabla_b = network.backward(zs, activations, ys, l2=l2)
    return [nabla_w, nabla_b]


def test_kept_arrays_give_the_same_bits_as_fresh_ones_for_many_random_networks() -> None:
    rng = np.random.default_rng(2024)
    for i in range(120):
        network, x, y, l2 = _random_case(rng, i)
        results = [network.backprop(x, y, l2) for _ in range(4)]  # the 3rd and 4th reuse kept arrays
        expected = _fresh(network, x, y, l2)
        for result in results:
            for got, want in zip([result.nabla_w, result.nabla_b], expected, strict=True):
                assert all(np.array_equal(g, w) for g, w in zip(got, want, strict=True)), (i, network)


def test_the_large_network_of_the_issue_gives_the_same_bits_on_every_call() -> None:
    rng = np.random.default_rng(17)
    network = Network.random([512, 512, 512, 10], rng)
    x, y = rng.standard_normal((64, 512)), rng.uniform(0, 1, (64, 10))
    expected = _fresh(network, x, y, 0.0)
    for _ in range(3):
        result = network.backprop(x, y)
        assert all(np.array_equal(g, w) for g, w in zip(result.nabla_w, expected[0], strict=True))


def _small() -> tuple[Network, np.random.Generator]:
    rng = np.random.default_rng(5)
    return Network.random([4, 6, 3], rng), rng


def _batch(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    return rng.standard_normal((7, 4)), rng.uniform(0, 1, (7, 3))


def test_a_gradient_the_caller_keeps_is_never_written_again() -> None:
    network, rng = _small()
    first = network.backprop(*_batch(rng))
    kept = [w.copy() for w in first.nabla_w]
    view = first.nabla_w[1][:, 0]  # a view keeps its array as much as the array itself
    column = view.copy()
    later = [network.backprop(*_batch(rng)) for _ in range(4)]
    assert all(np.array_equal(a, b) for a, b in zip(first.nabla_w, kept, strict=True))
    del first
    for _ in range(4):
        network.backprop(*_batch(rng))
    assert np.array_equal(view, column)
    assert all(r.nabla_w[0] is not later[0].nabla_w[0] for r in later[1:])


def test_a_dropped_gradient_is_written_again_and_a_loop_alternates_between_two_sets() -> None:
    network, rng = _small()
    dropped = [weakref.ref(w) for w in network.backprop(*_batch(rng)).nabla_w]  # kept by the network only
    again = network.backprop(*_batch(rng))
    assert all(w() is a for w, a in zip(dropped, again.nabla_w, strict=True))
    # result = net.backprop(...) in a loop still holds the last result during the next call:
    result = again
    sets = []
    for _ in range(4):
        result = network.backprop(*_batch(rng))
        sets.append([weakref.ref(w) for w in result.nabla_w])
    assert all(a() is b() is not c() for a, b, c in zip(sets[0], sets[2], sets[1], strict=True))


def test_a_sum_that_overflows_is_no_refusal_and_an_infinite_entry_is_one_without_a_warning() -> None:
    # z^2 = (1e308, 1e308, 0.5): finite, though its sum overflows; the third sigmoid is not saturated,
    # so the pass is no saturation refusal (worked.core.saturation) either.
    weights = [np.array([[1e308], [1e308], [0.5]]), np.array([[1.0, 1.0, 1.0]])]
    network = Network(weights, [np.zeros(3), np.zeros(1)])
    result = network.backprop(np.array([1.0]), np.array([0.5]))
    assert all(np.all(np.isfinite(w)) for w in result.nabla_w)
    # z^2 = (+inf, -inf): the sum is NaN (an 'invalid' operation, which must not warn), and refused.
    network = Network([np.array([[1e308], [-1e308]]), np.array([[1.0, 1.0]])], [np.zeros(2), np.zeros(1)])
    with pytest.raises(InvalidInput, match="z of layer 2 overflows"):
        network.backprop(np.array([10.0]), np.array([0.5]))


def test_a_copy_of_a_network_starts_with_no_kept_arrays() -> None:
    network, rng = _small()
    x, y = _batch(rng)
    kept = network.backprop(x, y)
    for twin in (copy.deepcopy(network), network.replace(network.weights, network.biases)):
        assert twin.workspace is not network.workspace
        again = twin.backprop(x, y)
        assert all(
            a is not b and np.array_equal(a, b) for a, b in zip(again.nabla_w, kept.nabla_w, strict=True)
        )


def test_out_takes_the_books_equations_only() -> None:
    network, rng = _small()
    xs, ys = _batch(rng)
    zs, activations = network.forward_rows(xs)
    out = [np.empty_like(w) for w in network.weights]
    network.backward(zs, activations, ys, equations=Equations(), out=out)  # the book's, as a new table
    one_layer_off = dataclasses.replace(BACKPROP, bp4=lambda delta, a, i: bp4(delta, a, i + 1))
    with pytest.raises(ValueError, match="book's BP4"):
        network.backward(zs, activations, ys, equations=one_layer_off, out=out)


def largest_step(work: Callable[[], object]) -> int:
    """The most memory numpy and the interpreter took in any one bytecode step of ``work()``: an upper
    bound on the largest single array it allocated (the peak is read and reset at every step of every
    Python frame, so two arrays made in different steps are never added up)."""
    largest, start = 0, 0

    def each_step(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal largest, start
        largest = max(largest, tracemalloc.get_traced_memory()[1] - start)
        tracemalloc.reset_peak()
        start = tracemalloc.get_traced_memory()[0]
        return each_step

    def each_frame(frame: FrameType, event: str, arg: Any) -> Any:
        frame.f_trace_opcodes = True
        return each_step(frame, event, arg)

    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        sys.settrace(each_frame)
        try:
            work()
        finally:
            sys.settrace(None)
    finally:
        tracemalloc.stop()
    return largest


def test_repeated_backprop_allocates_no_array_larger_than_one_layer_of_the_batch() -> None:
    # The issue's case. Bound: a^l, z^l or δ^l of the widest layer for the batch, m·max(n)·8 bytes
    # (256 KiB), which the call must make anyway, since it returns them; a weight gradient is 2 MiB.
    rng = np.random.default_rng(0)
    sizes, m = [512, 512, 512, 10], 64
    network = Network.random(sizes, rng)
    x, y = rng.standard_normal((m, 512)), rng.uniform(0, 1, (m, 10))
    layer = m * max(sizes) * 8
    network.backprop(x, y)  # the first call makes the kept arrays
    for _ in range(2):
        assert largest_step(lambda: network.backprop(x, y)) <= layer + INTERPRETER_SLACK
    # The negative control: while the caller holds both kept sets, a call must make a weight-sized array.
    held: list[Backprop] = [network.backprop(x, y), network.backprop(x, y)]
    assert largest_step(lambda: network.backprop(x, y)) >= 512 * 512 * 8
    assert len(held) == 2
