"""Property tests on random architectures: backprop's gradient against independent facts.

Networks come from :mod:`tests.strategies` (depth 1-4, widths 1-6, batch 1-5, all five activations,
both costs); every property also runs on the tutorial's network (``@example``). The oracles are
central differences of the cost (the helper tested first, in ``test_numerical``), Taylor's theorem,
and the algebra of a mean (Ng's accumulation loop), never the delta recursion run again.
"""

from __future__ import annotations

import numpy as np
from hypothesis import example, given

from tests.strategies import TUTORIAL, Case, cases, seeds
from worked.core.activations import RELU
from worked.gradcheck import gradcheck
from worked.gradcheck.taylor import FIT, KINK, ROUNDING, TAYLOR_MIN_SLOPE

REORDER_RTOL = 1e-10
"""Ng's loop and the matrix form do the same arithmetic in different orders, and BLAS may round a
one-row product differently from an m-row one, so even z and δ may differ in their last bits. Every
such rounding is a few ε of a product of an activation-sized number (|z|, |a|, or 1) and a δ-sized
one, carried back through ≤ 4 layers of ≤ 6 neurons with |w| ≤ 2, which multiplies it by at most
(6·2)⁴ ≈ 2e4: about 1e-11 of max(1, |z|, |a|)·max|δ|. One entry can be a cancellation of far larger
terms (BP2 adds terms of both signs), so that product, not the entry, is the scale; a wrong batch (a
missing 1/m, an example dropped or counted twice) moves the largest layer by a relative O(1)."""

KINK_REACH = 1e-3
"""How near 0 a ReLU's input must be for the Taylor test's smallest step, h = 1e-8, to cross it: a step
moves each parameter by h·|d_i| ≤ 2h (d_i = s_i·u_i/‖u‖ with s_i = max(1, |θ_i|) ≤ 2), and z by at
most (6·2)⁴ ≈ 2e4 times that through ≤ 4 layers of ≤ 6 neurons with |w| ≤ 2: 4e-4. A kink claimed with
every ReLU input farther from 0 than this is a false claim (met in practice: |z| ≤ 1e-14, hypothesis's
zeros)."""


@given(case=cases())
@example(case=TUTORIAL)
def test_backprop_equals_central_differences_on_every_parameter(case: Case) -> None:
    report = gradcheck(*case, "exhaustive")
    assert report.passed, f"{report.verdict}; worst: {report.worst}"


@given(case=cases(), seed=seeds)
@example(case=TUTORIAL, seed=0)
def test_backprop_equals_central_differences_along_random_directions(case: Case, seed: int) -> None:
    report = gradcheck(*case, "directional", seed=seed)
    assert report.passed, f"{report.verdict}; worst: {report.worst}"


@given(case=cases())
@example(case=TUTORIAL)
def test_each_of_bp1_to_bp4_holds_on_its_own(case: Case) -> None:
    report = gradcheck(*case, "equations")
    assert report.passed, f"{report.findings}; worst: {report.worst}"


@given(case=cases(), seed=seeds)
@example(case=TUTORIAL, seed=0)
def test_taylor_remainder_falls_like_h_squared(case: Case, seed: int) -> None:
    found = gradcheck(*case, "taylor", seed=seed).taylor
    assert found is not None
    if found.slope is not None:
        assert found.slope >= TAYLOR_MIN_SLOPE, found.verdict
        return
    # No slope: fewer than 3 steps could be read, and each unread step needs a reason the network
    # itself confirms. Rounding: r(h) under the floor even at h = 0.1, where a wrong gradient would
    # leave r ≈ h|⟨e, d⟩|. A kink: only a ReLU has one, and one crossed by the smallest step needs a
    # ReLU input within KINK_REACH of 0.
    statuses = {p.status for p in found.points}
    assert statuses <= {FIT, KINK, ROUNDING}, found.verdict
    if KINK in statuses:
        zs = case.network.backprop(case.x, case.y).zs
        relu_inputs = [
            float(np.abs(z).min()) for z, s in zip(zs, case.network.sigmas, strict=True) if s is RELU
        ]
        assert relu_inputs, f"a kink in a network without a ReLU: {found.verdict}"
        if found.points[-1].status == KINK:
            assert min(relu_inputs) <= KINK_REACH, found.verdict


@given(case=cases())
@example(case=TUTORIAL)
def test_ngs_accumulation_loop_equals_the_matrix_form(case: Case) -> None:
    network, x, y = case
    xs, ys = np.atleast_2d(x), np.atleast_2d(y)
    m = xs.shape[0]
    # Ng's pseudo-code, as written: Δ := 0; for each example: forward, backward, Δ += δ aᵀ; D := Δ / m.
    big_delta_w = [np.zeros_like(w) for w in network.weights]
    big_delta_b = [np.zeros_like(b) for b in network.biases]
    sizes, deltas = [1.0], [0.0]  # the largest |z|, |a| and |δ| met: the scale of the rounding
    for i in range(m):
        one = network.backprop(xs[i], ys[i])  # forward and backward for example i alone
        for l, delta in enumerate(one.deltas):
            big_delta_w[l] += np.outer(delta, one.activations[l])
            big_delta_b[l] += delta
        sizes += [float(np.abs(v).max()) for v in (*one.zs, *one.activations)]
        deltas += [float(np.abs(v).max()) for v in one.deltas]
    scale = max(sizes) * max(deltas)
    batch = network.backprop(xs, ys)
    for l in range(len(network.weights)):
        d_w, d_b = big_delta_w[l] / m, big_delta_b[l] / m
        assert np.all(np.abs(batch.nabla_w[l] - d_w) <= REORDER_RTOL * scale)
        assert np.all(np.abs(batch.nabla_b[l] - d_b) <= REORDER_RTOL * scale)


@given(case=cases())
@example(case=TUTORIAL)
def test_gradient_shapes_are_parameter_shapes(case: Case) -> None:
    bp = case.network.backprop(case.x, case.y)
    assert [g.shape for g in bp.nabla_w] == [w.shape for w in case.network.weights]
    assert [g.shape for g in bp.nabla_b] == [b.shape for b in case.network.biases]
    m = np.atleast_2d(case.x).shape[0]
    expected = [(n,) if np.ndim(case.x) == 1 else (m, n) for n in case.network.sizes[1:]]
    assert [d.shape for d in bp.deltas] == expected


@given(case=cases())
@example(case=TUTORIAL)
def test_backprop_is_deterministic_and_leaves_its_inputs_alone(case: Case) -> None:
    network, x, y = case
    before = [a.copy() for a in (*network.weights, *network.biases, x, y)]
    first, second = network.backprop(x, y), network.backprop(x, y)
    # Exactness is the point: the same input must give the same bits, and inputs must not move.
    for a, b in zip((*first.nabla_w, *first.nabla_b), (*second.nabla_w, *second.nabla_b), strict=True):
        assert np.array_equal(a, b)
    for old, new in zip(before, (*network.weights, *network.biases, x, y), strict=True):
        assert np.array_equal(old, new)
