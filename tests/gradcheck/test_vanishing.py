"""No false pass on vanishing layers, and the modes check the public ``Network.backprop``.

A bug confined to a layer whose gradients are tiny (behind saturated sigmoids) once passed every
mode: the absolute tolerance was the cost's scale, the same for every layer. Each parameter group is
now judged at its own scale against the differences' own error (:meth:`Tolerance.group`); these are
the cases that must fail, and the same networks with the right gradient must still pass.
"""

from __future__ import annotations

import numpy as np
import pytest

from worked.core import Network, bp3, bp4
from worked.gradcheck import MODES, gradcheck
from worked.gradcheck.checkpoint import prepare
from worked.gradcheck.numerical import machine_epsilon
from worked.gradcheck.report import SPREAD_FACTOR, WEAK_FRACTION, Tolerance, own_error

VANISHING = {
    # name: (sizes, weight scale, seed, examples); the seeds chosen for a first layer whose gradient
    # is below 1e-9, where the N model's allowance (3.7e-9) alone hid the bug
    "2-3-1-2-1-2 ×4.4": ([2, 3, 1, 2, 1, 2], 4.4, 434, 1),
    "2-3-3-3-3-3-1 ×6": ([2, 3, 3, 3, 3, 3, 1], 6.0, 78, 1),
    "2-3-3-3-3-3-1 ×6, 4 examples": ([2, 3, 3, 3, 3, 3, 1], 6.0, 184, 4),
    "2-3-1-2-1-2-1-2 ×4.4": ([2, 3, 1, 2, 1, 2, 1, 2], 4.4, 49, 1),
}


def vanishing(name: str) -> tuple[Network, np.ndarray, np.ndarray]:
    """A sigmoid network made as ``gradcheck --sizes`` makes it, every weight then scaled up."""
    sizes, scale, seed, m = VANISHING[name]
    rng = np.random.default_rng(seed)
    network = Network.random(sizes, rng)
    network = Network([w * scale for w in network.weights], network.biases)
    return network, rng.uniform(-1, 1, (m, sizes[0])), rng.uniform(0, 1, (m, sizes[-1]))


def sigma_prime_dropped_in_layer_2(network, zs, activations, ys, *, l2):
    """BP2 without σ'(z²) in the first hidden layer only (layer 2, the input being layer 1)."""
    deltas, nabla_w, nabla_b = network.backward(zs, activations, ys, l2=l2)
    delta = deltas[1] @ network.weights[1]  # (w³)ᵀ δ³, the σ'(z²) left out
    return [delta, *deltas[1:]], [bp4(delta, activations, 0), *nabla_w[1:]], [bp3(delta), *nabla_b[1:]]


@pytest.mark.parametrize("name", sorted(VANISHING))
def test_the_cases_really_vanish_and_the_bug_really_hides_under_the_cost_scale(name: str) -> None:
    network, x, y = vanishing(name)
    right = prepare(network, x, y, None, False)
    wrong = prepare(network, x, y, sigma_prime_dropped_in_layer_2, False)
    error = np.max(np.abs(wrong.nabla_w[0] - right.nabla_w[0]))
    allowance = Tolerance().atol * right.mean_noise
    assert error < allowance  # the old absolute tolerance alone let the bug through
    assert np.max(np.abs(right.nabla_w[0])) * WEAK_FRACTION < allowance
    assert Tolerance().vanishing(right.nabla_w[0], right.nabla_w[0], right.mean_noise)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(VANISHING))
def test_a_bug_in_a_vanishing_layer_fails_every_mode(name: str, mode: str) -> None:
    report = gradcheck(*vanishing(name), mode, backward=sigma_prime_dropped_in_layer_2, with_taylor=True)
    assert not report.passed, report.verdict


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", sorted(VANISHING))
def test_the_right_gradient_of_a_vanishing_network_passes_every_mode(name: str, mode: str) -> None:
    report = gradcheck(*vanishing(name), mode, with_taylor=True)
    assert report.passed, f"{report.verdict}; worst: {report.worst}"


def test_the_per_equation_mode_names_bp2_in_the_vanishing_layer() -> None:
    report = gradcheck(*vanishing("2-3-1-2-1-2 ×4.4"), "equations", backward=sigma_prime_dropped_in_layer_2)
    assert report.findings[0].startswith("BP2 fails at layer 2,")


@pytest.mark.parametrize("mode", MODES)
def test_a_patched_backprop_returning_zero_weight_gradients_fails_every_mode(
    mode: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = np.random.default_rng(3)
    network = Network.random([3, 4, 2], rng)
    x, y = rng.uniform(-1, 1, (4, 3)), rng.uniform(0, 1, (4, 2))
    real = Network.backprop

    def zeros(self, x, y, l2=0.0):
        found = real(self, x, y, l2)
        return type(found)(
            found.zs,
            found.activations,
            found.deltas,
            [np.zeros_like(w) for w in found.nabla_w],
            found.nabla_b,
        )

    assert gradcheck(network, x, y, mode, with_taylor=True).passed
    monkeypatch.setattr(Network, "backprop", zeros)
    report = gradcheck(network, x, y, mode, with_taylor=True)
    assert not report.passed, report.verdict


def test_a_group_is_vanishing_when_the_allowance_is_large_against_its_largest_entry() -> None:
    rule = Tolerance()
    allowance = rule.atol * 1.0  # N = 1
    big, small = np.array([allowance / WEAK_FRACTION * 2]), np.array([allowance / WEAK_FRACTION / 2])
    assert not rule.vanishing(big, big, 1.0)
    assert rule.vanishing(small, small, 1.0)


def test_a_refined_groups_tolerance_is_its_own_error_when_that_is_smaller() -> None:
    rule = Tolerance()
    a, n = np.array([1e-12, -2e-12]), np.array([1.1e-12, -2e-12])
    unrefined = rule.group(a, n, 1.0, None)
    assert np.array_equal(unrefined, rule.of(a, n, 1.0))  # exactly the N model's
    # the spread and the cost's last rounding, 10 times, plus r times the group's largest entry:
    spread = own_error(1e-14, 0.5, 6e-6)
    expected = rule.rtol * np.fmax(np.abs(a), np.abs(n)) + SPREAD_FACTOR * spread + rule.rtol * 2e-12
    refined = rule.group(a, n, 1.0, spread)
    assert np.allclose(refined, expected, rtol=1e-12, atol=0)  # a few roundings apart
    assert np.all(refined < unrefined)
    # a spread larger than the N model's allowance leaves the allowance in place
    assert np.array_equal(rule.group(a, n, 1.0, 1.0), unrefined)


def test_own_error_adds_the_spread_to_the_costs_last_rounding() -> None:
    eps = machine_epsilon()
    assert own_error(0.0, 0.5, 6e-6) == pytest.approx(eps * 0.5 / 1.2e-5, rel=1e-15, abs=0)
    assert own_error(3e-13, 0.5, 6e-6) == pytest.approx(3e-13 + eps * 0.5 / 1.2e-5, rel=1e-15, abs=0)
