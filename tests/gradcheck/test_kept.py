"""The arrays a check keeps for its run (:mod:`worked.gradcheck.kept`): the same bits as fresh arrays,
and nothing of the parameters' size allocated per group or per cost once they exist.

"Same bits" is compared with ``==``, not a tolerance: writing a direction or a moved weight into a
kept array instead of a new one must not change a single bit of any number the checker reports.
"""

from __future__ import annotations

import functools

import numpy as np
import pytest

from tests.core.test_workspace import INTERPRETER_SLACK, largest_step
from tests.gradcheck.test_vanishing import VANISHING, vanishing
from worked.core import Network
from worked.core.activations import ACTIVATIONS, get_activation
from worked.gradcheck.checkpoint import Point, prepare
from worked.gradcheck.directions import DIRECTIONS, draw, groups, judge
from worked.gradcheck.kept import Kept
from worked.gradcheck.line import Line
from worked.gradcheck.moved import ROW_BLOCK, activated
from worked.gradcheck.taylor import TAYLOR_STEPS

SIZES, BATCH = [512, 512, 512, 10], 4
"""The issue's network, at a batch small enough that the batched pass's arrays (2k·m rows) stay
far below one weight matrix, so the two sizes cannot be confused."""

WEIGHT_BYTES = 512 * 512 * 8
"""One weight matrix of :data:`SIZES`: what θ ± t·d formed per cost, or a fresh draw per group,
allocates at least (a draw of k directions is k·P entries)."""

SEED_REFINING = 2
"""Directions drawn from this seed make the group b^2 of :func:`_large` look vanishing, so it is
differenced again along 2d (the doubled directions, a kept array too)."""

PASS_BYTES = 2 * DIRECTIONS * BATCH * max(SIZES) * 8
"""The largest array the batched pass itself makes (z or a for 2k copies of the batch): allowed."""


def _large(l2: float = 0.0) -> Point:
    rng = np.random.default_rng(3)
    network = Network.random(SIZES, rng)
    return prepare(network, rng.uniform(-1, 1, (BATCH, 512)), rng.uniform(0, 1, (BATCH, 10)), None, False, l2)


def _small(l2: float = 0.0, activation: str = "tanh") -> Point:
    rng = np.random.default_rng(8)
    network = Network.random([4, 6, 5, 3], rng, activation)
    return prepare(network, rng.uniform(-1, 1, (5, 4)), rng.uniform(0, 1, (5, 3)), None, False, l2)


def _same(a: object, b: object) -> bool:
    return repr(a) == repr(b)  # dataclasses of floats: repr shows every bit that differs


@pytest.mark.parametrize("k", [1, DIRECTIONS])
def test_directions_drawn_into_kept_arrays_are_a_fresh_draws_bits_whatever_was_drawn_before(k: int) -> None:
    point = _small()
    kept = Kept(point, k)
    order = [g for _, g in groups(point)]
    for group in [*order, None, *reversed(order), None]:  # each group after another one, and none
        fresh = draw(point, k, np.random.default_rng(group or 0), group)
        reused = draw(point, k, np.random.default_rng(group or 0), group, kept)
        assert reused.flat is kept.flat
        assert np.array_equal(reused.flat, fresh.flat)


@pytest.mark.parametrize("l2", [0.0, 0.7])
@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_judging_with_kept_arrays_gives_the_same_comparisons_bit_for_bit(l2: float, activation: str) -> None:
    point = _small(l2, activation)
    kept = Kept(point, DIRECTIONS)
    for name, index in groups(point):
        fresh = judge(point, draw(point, DIRECTIONS, np.random.default_rng(index), index), name)
        reused = judge(point, draw(point, DIRECTIONS, np.random.default_rng(index), index, kept), name, kept)
        assert _same(reused, fresh)


@pytest.mark.parametrize("name", sorted(VANISHING))
def test_a_vanishing_group_refined_in_kept_arrays_gives_the_same_comparisons(name: str) -> None:
    point = prepare(*vanishing(name), None, False, 0.3)
    kept = Kept(point, DIRECTIONS)
    refined = 0
    for group, index in groups(point):
        fresh = judge(point, draw(point, DIRECTIONS, np.random.default_rng(index), index), group)
        reused = judge(point, draw(point, DIRECTIONS, np.random.default_rng(index), index, kept), group, kept)
        assert _same(reused, fresh)
        refined += fresh[1] > 2 * DIRECTIONS
    assert refined  # the doubled directions were used (a vanishing group is differenced twice)


def test_a_kept_set_serves_only_the_number_of_directions_it_was_made_for() -> None:
    point = _small()
    with pytest.raises(ValueError, match="holds 3 directions, not 1"):
        draw(point, 1, np.random.default_rng(0), 0, Kept(point, 3))


def test_a_directional_check_allocates_nothing_parameter_sized_per_group_or_cost_after_the_first() -> None:
    point = _large(l2=0.5)  # the L2 penalty moves the weights themselves, for each of the 2k costs
    kept = Kept(point, DIRECTIONS)

    def one(rng: np.random.Generator, name: str, index: int, spent: list[int]) -> None:
        spent.append(judge(point, draw(point, DIRECTIONS, rng, index, kept), name, kept)[1])

    def every_group(measure: bool) -> list[int]:
        rng, spent = np.random.default_rng(SEED_REFINING), list[int]()  # the same directions either round
        for name, index in groups(point):
            if measure:
                largest = largest_step(functools.partial(one, rng, name, index, spent))
                assert largest <= PASS_BYTES + INTERPRETER_SLACK, name
            else:
                one(rng, name, index, spent)
        return spent

    every_group(measure=False)  # the first round makes the arrays the penalty and the refinement need
    assert max(every_group(measure=True)) > 2 * DIRECTIONS  # the measured round refined a group too
    # The negative control: without kept arrays, the same group's draw and penalty allocate them.
    rng = np.random.default_rng(0)
    assert largest_step(lambda: judge(point, draw(point, DIRECTIONS, rng, 0), "w^2")) >= WEIGHT_BYTES


def test_a_taylor_line_allocates_nothing_parameter_sized_per_cost() -> None:
    point = _large()
    line, kept, rng = Line(point), Kept(point, 1), np.random.default_rng(0)
    layer = BATCH * max(SIZES) * 8  # one forward pass's z or a: what the cost must make anyway

    def along_every_step() -> None:
        for h in TAYLOR_STEPS:
            line.cost(h)
            line.gradient_dot()

    for _, index in groups(point):
        line.direction = draw(point, 1, rng, index, kept).row(0)
        assert largest_step(along_every_step) <= layer + INTERPRETER_SLACK
    # The negative control: the same cost at θ + h·d formed in new arrays allocates weight-sized ones.
    L, h = len(point.network.weights), TAYLOR_STEPS[-1]
    moved = lambda: [p + h * d for p, d in zip(line.params, line.direction, strict=True)]  # noqa: E731
    assert largest_step(lambda: point.evaluate(moved()[:L], moved()[L:])) >= WEIGHT_BYTES


def test_an_array_kept_under_a_name_is_the_same_memory_on_every_call_and_grows_when_needed() -> None:
    kept = Kept(_small(), 2)
    first = kept.scratch("a", (3, 4), np.float64)
    again = kept.scratch("a", (4, 3), np.float64)
    assert np.shares_memory(first, again) and again.shape == (4, 3)
    assert not np.shares_memory(first, kept.scratch("a", (3, 4), np.float32))  # another type, another array
    assert not np.shares_memory(first, kept.scratch("b", (3, 4), np.float64))
    larger = kept.scratch("a", (5, 5), np.float64)
    assert larger.shape == (5, 5) and np.shares_memory(larger, kept.scratch("a", (2, 2), np.float64))


@pytest.mark.parametrize("dtype", [np.float64, np.float32])
@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_an_activation_applied_block_by_block_gives_every_entry_the_same_bits(name: str, dtype: type) -> None:
    # 37 rows of 1000: blocks of 8 rows (ROW_BLOCK // 1000), the last one short; z up to ±100 or so,
    # where the sigmoid and softplus saturate, plus exact zeros of both signs.
    z: np.ndarray = (np.random.default_rng(4).standard_normal((37, 1000)) * 30).astype(dtype)
    z[0, :2] = 0.0, -0.0
    sigma = get_activation(name)
    assert ROW_BLOCK // z.shape[1] < z.shape[0]
    whole = sigma.value(z)
    blocks = activated(sigma, z, Kept(_small(), 1).scratch)
    assert blocks.dtype == whole.dtype and blocks.shape == whole.shape
    assert blocks.tobytes() == whole.tobytes()
