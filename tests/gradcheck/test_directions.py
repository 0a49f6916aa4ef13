"""The directional mode's batched pass: the costs it differences are the network's own at θ ± t·d.

:func:`worked.gradcheck.directions.slopes` never forms θ ± t·d; it moves z^l by linearity inside one forward
pass over 2k copies of the batch. The oracle here forms θ ± t·d plainly, runs ``Network.cost`` on
each, and differences the two costs, one direction at a time.
"""

from __future__ import annotations

import numpy as np
from hypothesis import example, given

from tests.strategies import TUTORIAL, Case, cases, seeds
from worked.gradcheck.checkpoint import prepare
from worked.gradcheck.directions import DIRECTIONS, draw, slopes
from worked.gradcheck.numerical import machine_epsilon
from worked.gradcheck.report import Tolerance

ROUNDING_SLACK = Tolerance().atol
"""Both sides compute the same two costs, each to within a few ε·N (N as in the checker's
tolerance), in different orders; divided by 2t that is a few ε^(2/3)·N. The checker's own round-off
allowance a·N = 100·ε^(2/3)·N covers it; a batched pass that mixed up copies, signs or layers would
be off by a relative O(1)."""

ORDER_SLACK = 1e-12
"""⟨∇C, d⟩ summed in another order: a few ε times Σ|∇C_i d_i|, for up to 168 terms."""


def plain_slopes(case: Case, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Central differences of ``Network.cost`` at θ ± t·d formed in full, and ⟨∇C, d⟩ by flattening."""
    network, x, y = case
    point = prepare(network, x, y, None, False)
    directions = draw(point, DIRECTIONS, np.random.default_rng(seed))
    t = machine_epsilon() ** (1 / 3)
    gradient = np.concatenate([g.ravel() for g in (*point.nabla_w, *point.nabla_b)])
    L = len(network.weights)
    numerical, analytic, sizes = [], [], []
    for i in range(DIRECTIONS):
        d = directions.row(i)
        params = [*network.weights, *network.biases]
        costs = [
            network.replace(
                [p + s * t * q for p, q in zip(params[:L], d[:L], strict=True)],
                [p + s * t * q for p, q in zip(params[L:], d[L:], strict=True)],
            ).cost(x, y)
            for s in (1.0, -1.0)
        ]
        numerical.append((costs[0] - costs[1]) / (2 * t))
        flat = np.concatenate([q.ravel() for q in d])
        analytic.append(float(flat @ gradient))
        sizes.append(float(np.abs(flat) @ np.abs(gradient)))
    return np.array(analytic), np.array(numerical), np.array(sizes)


@given(case=cases(), seed=seeds)
@example(case=TUTORIAL, seed=0)
def test_the_batched_pass_differences_the_networks_own_costs(case: Case, seed: int) -> None:
    point = prepare(*case, None, False)
    analytic, numerical, _ = slopes(point, draw(point, DIRECTIONS, np.random.default_rng(seed)))
    plain_analytic, plain_numerical, sizes = plain_slopes(case, seed)
    assert np.all(np.abs(numerical - plain_numerical) <= ROUNDING_SLACK * point.mean_noise)
    assert np.all(np.abs(analytic - plain_analytic) <= ORDER_SLACK * sizes)


def test_directions_are_laid_out_weights_then_biases_and_drawn_like_one_array() -> None:
    network, x, y = TUTORIAL
    point = prepare(network, x, y, None, False)
    directions = draw(point, 2, np.random.default_rng(5))
    params = [*network.weights, *network.biases]
    u = np.random.default_rng(5).standard_normal((2, sum(p.size for p in params)))
    scale = np.concatenate([np.maximum(1.0, np.abs(p)).ravel() for p in params])
    expected = u * scale / np.linalg.norm(u, axis=1, keepdims=True)
    assert np.allclose(directions.flat, expected, rtol=ORDER_SLACK, atol=0)
    for i in range(2):
        assert [d.shape for d in directions.row(i)] == [p.shape for p in params]
        assert np.array_equal(np.concatenate([d.ravel() for d in directions.row(i)]), directions.flat[i])
