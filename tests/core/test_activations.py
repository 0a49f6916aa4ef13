"""The logistic function computed with one exponential gives the bits of the formula written out.

:func:`worked.core.activations._sigmoid` computes :math:`e^{-|z|}` once and uses it as the numerator
where z < 0 (and 1 elsewhere). The reference below is the formula it replaced, with two
exponentials; the two are compared with ``==`` on the bits, not a tolerance, because every number
the companion has printed was computed with the reference.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from worked.core.activations import SIGMOID, SOFTPLUS


def _two_exponentials(z: np.ndarray) -> np.ndarray:
    result: np.ndarray = np.exp(np.minimum(z, 0.0)) / (1.0 + np.exp(-np.abs(z)))
    return result


EDGES = [0.0, -0.0, 5e-324, -5e-324, 1e-300, -1e-300, 36.7, -36.7, 709.0, -709.0, 745.2, -745.2, 1e6, -1e6]
"""Zero of both signs, subnormals, where 1 + e^{-|z|} rounds to 1, where e^{-|z|} underflows, |z| huge."""


def _same_bits(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(np.array_equal(np.asarray(a).view(np.int64), np.asarray(b).view(np.int64)))


def test_the_edges_give_the_same_bits() -> None:
    z = np.array(EDGES)
    assert _same_bits(SIGMOID.value(z), _two_exponentials(z))


@given(st.lists(st.floats(allow_nan=False, allow_infinity=False), min_size=1, max_size=50))
def test_any_finite_z_gives_the_same_bits(values: list[float]) -> None:
    z = np.array(values)
    assert _same_bits(SIGMOID.value(z), _two_exponentials(z))


def test_a_million_normal_z_give_the_same_bits_and_softplus_prime_is_the_same_function() -> None:
    z = np.random.default_rng(0).standard_normal(1_000_000) * 20
    assert _same_bits(SIGMOID.value(z), _two_exponentials(z))
    assert _same_bits(SOFTPLUS.prime(z, SOFTPLUS.value(z)), _two_exponentials(z))


def test_one_number_in_gives_one_number_out() -> None:
    z = np.array(-2.0)
    assert float(SIGMOID.value(z)) == float(_two_exponentials(z))
    assert np.ndim(SIGMOID.derivative(z)) == 0
