"""A tiny network trained with Python floats gives the general code's numbers to the last bit.

The reference is the general code stepped through the public :func:`worked.core.step`, which never
takes the float path, with the cost of each network through :meth:`Network.cost`: the trajectory of
:func:`worked.core.train` must be that, bit for bit (``==`` on the bits, so not even the sign of a
zero may differ). Each case also asserts that ``train`` took the float path, or it would compare
the general code with itself.
"""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from worked import mazur, tutorial
from worked.core import tiny, training
from worked.core.equations import SUMMED_IN_ORDER
from worked.core.network import Network
from worked.core.training import UPDATE_ORDERS, Rule, step, train


def _floats(low: float, high: float) -> st.SearchStrategy[float]:
    return st.floats(low, high, allow_nan=False, allow_infinity=False, allow_subnormal=False)


def _bits(a: object) -> list[int]:
    return np.asarray(a, dtype=np.float64).view(np.int64).ravel().tolist()


@st.composite
def tiny_cases(draw: st.DrawFn) -> tuple[Network, np.ndarray, np.ndarray, float, bool | None, bool, str]:
    """Up to tiny.MAX_LAYERS layers of 1 to 4 neurons; weights that saturate a sigmoid (× 30) or not,
    zeros of both signs, targets outside [0, 1] too (the quadratic cost allows them)."""
    sizes = draw(st.lists(st.integers(1, SUMMED_IN_ORDER), min_size=2, max_size=tiny.MAX_LAYERS + 1))
    layers = len(sizes) - 1
    activation = draw(st.lists(st.sampled_from(["sigmoid", "identity"]), min_size=layers, max_size=layers))
    cost = draw(st.sampled_from(["quadratic", "squared"]))
    scale = draw(st.sampled_from([1.0, 30.0]))
    weights = [
        scale * draw(hnp.arrays(np.float64, (n, k), elements=_floats(-2, 2)))
        for k, n in itertools.pairwise(sizes)
    ]
    biases = [draw(hnp.arrays(np.float64, (n,), elements=_floats(-2, 2))) for n in sizes[1:]]
    shared = draw(st.booleans())
    if shared:
        biases = [np.full_like(b, b[0]) for b in biases]
    network = Network(weights, biases, activation, cost, shared_biases=shared)
    x = draw(hnp.arrays(np.float64, (sizes[0],), elements=_floats(-1, 1)))
    y = draw(hnp.arrays(np.float64, (sizes[-1],), elements=_floats(-0.5, 1.5)))
    eta = draw(st.floats(0.01, 3.0))
    trained = draw(st.sampled_from([None, True, False]))
    return network, x, y, eta, trained, shared, draw(st.sampled_from(UPDATE_ORDERS))


SIGNED_ZERO = (
    Network([np.array([[50.0]]), np.array([[-0.1]])], [np.array([-0.0]), np.array([-0.0])]),
    np.array([1.0]),
    np.array([1.5]),
    3.0,
    None,
    False,
    "simultaneous",
)
"""A review's find: the hidden δ rounds to -0.0 at a saturated sigmoid, and a sum starting from +0.0
(numpy's reduction, once BP3's for one row) turned the bias's -0.0 into +0.0 on one side only."""


def _general(network, x, y, eta, steps, train_biases, shared, order="simultaneous"):
    costs = []
    for _ in range(steps):
        costs.append(network.cost(x, y))
        network = step(network, x, y, eta, train_biases=train_biases, shared_biases=shared, order=order)
    return [*costs, network.cost(x, y)], network


def _takes_the_float_path(network, x, y, eta, train_biases, shared, order) -> bool:
    xs, ys, _ = network.as_batch(x, y)
    rule = Rule.of(network, eta, order, train_biases, shared, 0.0, None)
    return training._floats(network, xs, ys, rule) is not None


@given(tiny_cases())
@example((tutorial.network(), tutorial.x(), tutorial.y(), mazur.ETA, False, None, "simultaneous"))
@example((tutorial.network(), tutorial.x(), tutorial.y(), mazur.ETA, False, None, "output-first"))
@example(SIGNED_ZERO)
def test_train_gives_the_general_code_s_bits(case) -> None:
    network, x, y, eta, train_biases, shared, order = case
    assert _takes_the_float_path(network, x, y, eta, train_biases, shared, order), "no float path here"
    steps = 12
    with np.errstate(over="ignore", invalid="ignore"):  # identity layers may diverge: compared below
        costs, stepped = _general(network, x, y, eta, steps, train_biases, shared, order)
    if not np.all(np.isfinite(costs)):
        first = int(np.argmin(np.isfinite(costs)))
        with pytest.raises(FloatingPointError, match=f"became {costs[first]} after {first} steps"):
            train(network, x, y, eta, steps, train_biases=train_biases, shared_biases=shared, order=order)
        return
    trajectory = train(
        network, x, y, eta, steps, train_biases=train_biases, shared_biases=shared, order=order
    )
    assert _bits(trajectory.errors) == _bits(costs)
    for ours, theirs in zip(
        trajectory.network.weights + trajectory.network.biases, stepped.weights + stepped.biases, strict=True
    ):
        assert _bits(ours) == _bits(theirs)


def test_the_tutorial_s_10000_steps_are_the_general_code_s_bits() -> None:
    network, x, y = tutorial.network(), tutorial.x(), tutorial.y()
    trajectory = train(network, x, y, mazur.ETA, mazur.STEPS)
    costs, stepped = _general(network, x, y, mazur.ETA, mazur.STEPS, None, None)
    assert _bits(trajectory.errors) == _bits(costs)
    assert _bits(trajectory.network.weights) == _bits(stepped.weights)


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"l2": 0.1}, "L2 decay"),
        ({"x": np.ones((2, 2)), "y": np.ones((2, 2)) / 2}, "two examples: a mean over rows"),
        ({"activation": "tanh"}, "tanh"),
        ({"cost": "cross-entropy"}, "cross-entropy"),
        ({"sizes": [2, 5, 2]}, "five neurons: sums longer than SUMMED_IN_ORDER"),
    ],
)
def test_what_the_float_path_does_not_repeat_stays_on_the_general_code(change, why) -> None:
    sizes, activation, cost = change.get("sizes", [2, 2, 2]), change.get("activation"), change.get("cost")
    network = Network.random(sizes, np.random.default_rng(0), activation or "sigmoid", cost or "quadratic")
    xs, ys, _ = network.as_batch(change.get("x", np.ones(2)), change.get("y", np.ones(2) / 2))
    order, l2 = change.get("order", "simultaneous"), change.get("l2", 0.0)
    assert not tiny.applies(network, len(xs), order, l2), why
    assert training._floats(network, xs, ys, Rule.of(network, 0.5, order, None, None, l2, None)) is None, why


def test_a_step_one_ulp_off_is_caught_by_the_first_step_comparison(monkeypatch) -> None:
    """The control of the first-step comparison: a float step whose cost is one ulp off is not used."""
    network, x, y = tutorial.network(), tutorial.x(), tutorial.y()
    xs, ys, _ = network.as_batch(x, y)
    rule = Rule.of(network, mazur.ETA, "simultaneous", None, None, 0.0, None)
    honest = tiny.Floats.of

    def off_by_one_ulp(*args, **kwargs):
        floats = honest(*args, **kwargs)

        def step_once(p, x, y, eta):
            cost, params = floats.step_once(p, x, y, eta)
            return float(np.nextafter(cost, 1.0)), params

        return dataclasses.replace(floats, step_once=step_once)

    assert training._floats(network, xs, ys, rule) is not None
    monkeypatch.setattr(tiny.Floats, "of", off_by_one_ulp)
    assert training._floats(network, xs, ys, rule) is None


def test_a_signed_zero_is_a_different_bit_pattern() -> None:
    assert not tiny.same_bits(0.0, -0.0)
    assert tiny.same_bits([1.5, -0.0], np.array([1.5, -0.0]))


def test_divergence_is_reported_at_the_same_step_as_by_the_general_code(monkeypatch) -> None:
    network = Network([np.array([[3.0]])], [np.array([0.0])], "identity")
    x, y = np.array([1.0]), np.array([0.0])
    with pytest.raises(FloatingPointError) as floats:
        train(network, x, y, 10.0, 1000)
    monkeypatch.setattr(tiny, "applies", lambda *args: False)
    with pytest.raises(FloatingPointError) as general:
        train(network, x, y, 10.0, 1000)
    assert str(floats.value) == str(general.value)
    assert "after" in str(floats.value)


def test_progress_is_reported_at_the_same_steps() -> None:
    seen: list[int] = []
    train(tutorial.network(), tutorial.x(), tutorial.y(), mazur.ETA, 25_000, progress=seen.append)
    assert seen == [10_000, 20_000, 25_000]


def test_a_numpy_exp_that_differs_in_one_bit_anywhere_keeps_the_general_code(monkeypatch) -> None:
    """The control of tiny.same_exponential: an exp one ulp off only below -3, where the tutorial's
    first step never goes (so the first-step comparison alone would not see it)."""
    exact = np.exp

    def vector_unit_exp(z, *args, **kwargs):
        result = exact(z, *args, **kwargs)
        return np.where(np.asarray(z) < -3.0, np.nextafter(result, np.inf), result)

    network = tutorial.network()
    tiny.same_exponential.cache_clear()
    try:
        assert tiny.applies(network, 1, "simultaneous", 0.0)
        monkeypatch.setattr(np, "exp", vector_unit_exp)
        tiny.same_exponential.cache_clear()
        assert not tiny.applies(network, 1, "simultaneous", 0.0)
    finally:
        monkeypatch.undo()
        tiny.same_exponential.cache_clear()
