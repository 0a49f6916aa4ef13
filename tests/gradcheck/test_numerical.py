"""The numerical-gradient helper, tested first, against functions whose derivatives are known in closed form.

Every bound below is the error model of central differences: truncation h²·|f'''|/6 plus round-off
about ε·|f|/h (each of the two values of f is wrong by up to a few ε·|f|, and the difference is
divided by 2h), times :data:`SAFETY`. |f| and |f'''| are bounded over [x − h, x + h] by hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from worked.gradcheck.numerical import (
    central_difference,
    directional_derivative,
    machine_epsilon,
    numerical_gradient,
    step_size,
)

EPS = machine_epsilon("float64")

SAFETY = 10.0
"""The error model gives the order of the error; ten times it leaves room for the constants it drops."""


BETTER_BY = 100
"""The model puts the rule's error ~10⁴ times below that of h = 1e-3 or 1e-9; 100 is the factor asserted."""


def error_bound(h: float, f_max: float, f3_max: float) -> float:
    """Central differences: O(h²) truncation + O(ε/h) round-off."""
    return SAFETY * (h * h * f3_max / 6.0 + EPS * f_max / h)


# (function, its derivative, a bound on |f| and on |f'''| near x, for x in the listed points)
Fn = Callable[[Any], Any]
CLOSED_FORMS: dict[str, tuple[Fn, Fn, Fn, Fn]] = {
    "sin": (np.sin, np.cos, lambda x: 1.0, lambda x: 1.0),
    "exp": (np.exp, np.exp, lambda x: np.exp(x + 1e-3), lambda x: np.exp(x + 1e-3)),
    "cube": (lambda x: x**3, lambda x: 3 * x**2, lambda x: (abs(x) + 1e-3) ** 3, lambda x: 6.0),
    "log": (np.log, lambda x: 1 / x, lambda x: abs(np.log(x)) + 1, lambda x: 2 / (x - 1e-3) ** 3),
    "sigmoid": (
        lambda x: 1 / (1 + np.exp(-x)),
        lambda x: np.exp(-x) / (1 + np.exp(-x)) ** 2,
        lambda x: 1.0,
        lambda x: 1.0 / 8.0,  # max |σ'''| = 1/8, at 0
    ),
}


def test_step_rule_is_cube_root_of_epsilon_times_scale() -> None:
    theta = np.array([-300.0, -1.5, -0.25, 0.0, 1e-9, 0.75, 1.0, 42.0, 1e6])
    h = step_size(theta)
    ideal = EPS ** (1 / 3) * np.maximum(1.0, np.abs(theta))
    # Rounding θ + h moves h by at most one unit in the last place of θ + h.
    assert np.all(np.abs(h - ideal) <= np.spacing(np.abs(theta) + ideal))
    assert h.shape == theta.shape


def test_step_is_exactly_the_step_the_computer_takes() -> None:
    theta = np.random.default_rng(3).uniform(-50, 50, 1000)
    h = step_size(theta)
    # Exactness is the point: θ + h must be θ moved by exactly h, with no rounding left.
    assert np.array_equal((theta + h) - theta, h)


POINTS = [(name, x) for name in sorted(CLOSED_FORMS) for x in (-1.3, 0.4, 2.0, 7.5) if name != "log" or x > 0]


@pytest.mark.parametrize(("name", "x"), POINTS)
def test_central_difference_matches_closed_form_derivatives(name: str, x: float) -> None:
    f, df, f_max, f3_max = CLOSED_FORMS[name]
    h = float(step_size(x))
    numerical = central_difference(lambda t: float(f(x + t)), h)
    assert abs(numerical - df(x)) <= error_bound(h, f_max(x), f3_max(x))


def test_the_step_rule_beats_a_larger_and_a_smaller_step() -> None:
    # exp at 1: truncation dominates at h = 1e-3 (e·1e-6/6 ≈ 5e-7), round-off at h = 1e-9 (ε·e/1e-9
    # ≈ 6e-7); the rule's h ≈ 6e-6 balances both near ε^(2/3) ≈ 4e-11.
    def error(h: float) -> float:
        return abs(central_difference(lambda t: float(np.exp(1.0 + t)), h) - np.e)

    rule = error(float(step_size(1.0)))
    assert rule < error(1e-3) / BETTER_BY
    assert rule < error(1e-9) / BETTER_BY


def test_central_difference_takes_a_step_per_element() -> None:
    x = np.array([0.1, 1.0, 3.0])
    h = step_size(x)
    numerical = central_difference(lambda t: np.sin(x + t), h)
    bound = np.array([error_bound(float(hi), 1.0, 1.0) for hi in h])
    assert np.all(np.abs(numerical - np.cos(x)) <= bound)


@pytest.mark.parametrize("h", [0.0, -1e-6, float("nan"), float("inf")])
def test_central_difference_refuses_a_step_that_is_not_positive_and_finite(h: float) -> None:
    with pytest.raises(ValueError, match="positive and finite"):
        central_difference(lambda t: t, h)


def test_numerical_gradient_of_a_quadratic_form() -> None:
    # f = ½θᵀAθ + bᵀθ has gradient Aθ + b and f''' = 0: only round-off is left.
    rng = np.random.default_rng(0)
    m = rng.standard_normal((5, 5))
    a, b, theta = m + m.T, rng.standard_normal(5), rng.standard_normal(5)

    def f(t: np.ndarray) -> float:
        return float(0.5 * t @ a @ t + b @ t)

    gradient, steps = numerical_gradient(f, theta)
    f_max = abs(f(theta)) + np.abs(a).sum() * (np.abs(theta).max() + 1) ** 2
    assert np.all(np.abs(gradient - (a @ theta + b)) <= [error_bound(h, f_max, 0.0) for h in steps])


def test_numerical_gradient_of_rosenbrock() -> None:
    # f = (1 − x)² + 100(y − x²)²; ∂f/∂x = −2(1 − x) − 400x(y − x²), ∂f/∂y = 200(y − x²).
    # Third derivatives: ∂³f/∂x³ = 2400x, the others are constants of size at most 400.
    theta = np.array([-1.2, 1.0])
    x, y = theta

    def f(t: np.ndarray) -> float:
        return float((1 - t[0]) ** 2 + 100 * (t[1] - t[0] ** 2) ** 2)

    exact = np.array([-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)])
    gradient, steps = numerical_gradient(f, theta)
    bounds = [error_bound(h, f(theta) + 1, 2400 * 1.3) for h in steps]
    assert np.all(np.abs(gradient - exact) <= bounds)


def test_numerical_gradient_keeps_the_shape_and_leaves_theta_alone() -> None:
    theta = np.arange(6.0).reshape(2, 3) / 7
    before = theta.copy()
    calls = []

    def f(t: np.ndarray) -> float:
        calls.append(t.copy())
        return float(np.sum(np.sin(t)))

    gradient, steps = numerical_gradient(f, theta)
    assert gradient.shape == steps.shape == theta.shape
    # Exactness is the point: the input must come back bit for bit.
    assert np.array_equal(theta, before)
    # 2 calls per coordinate, in C order, + first then −; each moves exactly one coordinate.
    assert len(calls) == 2 * theta.size
    for i, (plus, minus) in enumerate(zip(calls[::2], calls[1::2], strict=True)):
        moved = np.flatnonzero((plus != before) | (minus != before))
        assert moved.tolist() == [i]
        assert plus.flat[i] > before.flat[i] > minus.flat[i]


def test_numerical_gradient_refuses_a_point_that_is_not_finite() -> None:
    with pytest.raises(ValueError, match="finite"):
        numerical_gradient(lambda t: float(t.sum()), np.array([1.0, np.nan]))


def test_directional_derivative_of_the_squared_norm() -> None:
    # f = ‖θ‖² has slope 2⟨θ, d⟩ along d and f''' = 0.
    rng = np.random.default_rng(1)
    theta, d = rng.standard_normal(8), rng.standard_normal(8)
    h = 1e-5
    numerical = directional_derivative(lambda t: float(t @ t), theta, d, h)
    f_max = float((np.abs(theta) + h * np.abs(d)) @ (np.abs(theta) + h * np.abs(d)))
    assert abs(numerical - 2 * theta @ d) <= error_bound(h, f_max, 0.0)
