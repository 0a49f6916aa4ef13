"""A 2-1-1 network with no biases, squared error without the ½ and η = 0.1, given as an example file:
every printed quantity is named by the grammar, computed, judged against its printed digits, and agrees
with an independent computation in plain Python floats (no numpy, no package code).

TOLERANCE = 1e-12 (absolute): each value is a few dozen float64 operations on numbers below 1, each
rounding off by at most 2^-53 ≈ 1.1e-16 relative; the package computes in another order (numpy's matrix
products, the cost's own gradient, shared code paths) than the scalar formulas here, so the two may
differ by a few ulps per operation, and 100 steps of gradient descent at η = 0.1 (a contraction here,
every step's gradient below 0.02) carry that difference without growing it past ~1e-14. 1e-12 leaves
room by a factor of about 100 and still fails any formula slip (the smallest printed value is 1.6e-4).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from worked import tutorial
from worked.mazur import rounds_to

FILE = Path(__file__).parent / "files" / "two_one_one.toml"
TOLERANCE = 1e-12


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def plain(i1, i2, t, w1, w2, w3, eta):
    """Every quantity of the file, by the chain rule written out for this one network."""
    net_h = w1 * i1 + w2 * i2
    out_h = sigmoid(net_h)
    net_o = w3 * out_h
    out_o = sigmoid(net_o)
    error = (t - out_o) ** 2
    de_dout_o = -2.0 * (t - out_o)
    dout_o = out_o * (1.0 - out_o)
    delta_o = de_dout_o * dout_o
    de_dout_h = delta_o * w3
    dout_h = out_h * (1.0 - out_h)
    delta_h = de_dout_h * dout_h
    g1, g2, g3 = delta_h * i1, delta_h * i2, delta_o * out_h
    values = {
        "net_h": net_h,
        "out_h": out_h,
        "net_o": net_o,
        "out_o": out_o,
        "E_o": error,
        "E_total": error,
        "dEtotal_dout_o": de_dout_o,
        "dout_o_dnet_o": dout_o,
        "dnet_o_dw3": out_h,
        "dEtotal_dw3": g3,
        "delta_o": delta_o,
        "dnet_o_dout_h": w3,
        "dEo_dout_h": de_dout_h,
        "dEtotal_dout_h": de_dout_h,
        "dout_h_dnet_h": dout_h,
        "dnet_h_dw1": i1,
        "dEtotal_dw1": g1,
        "dEtotal_dw2": g2,
        "delta_h": delta_h,
        "dEtotal_di1": delta_h * w1,
        "dnet_o_dw1": w3 * dout_h * i1,
        "w1_new": w1 - eta * g1,
        "w2_new": w2 - eta * g2,
        "w3_new": w3 - eta * g3,
    }
    return values


def trained(steps, i1, i2, t, w1, w2, w3, eta):
    """(E_total, out_h, out_o) after ``steps`` steps of plain gradient descent."""
    for _ in range(steps):
        v = plain(i1, i2, t, w1, w2, w3, eta)
        w1, w2, w3 = v["w1_new"], v["w2_new"], v["w3_new"]
    v = plain(i1, i2, t, w1, w2, w3, eta)
    return v["E_total"], v["out_h"], v["out_o"]


def independent(values):
    args = [values[k] for k in ("i1", "i2", "target_o", "w1", "w2", "w3", "eta")]
    found = plain(*args)
    found["E_total_after_1"] = trained(1, *args)[0]
    found["E_total_after_100"], _, found["out_o_after_100"] = trained(100, *args)
    found["out_h_after_3"] = trained(3, *args)[1]
    return found


@pytest.fixture(scope="module")
def model():
    return tutorial.load(FILE)


def test_every_printed_quantity_is_named_by_the_grammar_and_judged(model):
    assert not model.example.extras  # every key is a name of the grammar
    mismatches = {
        k: (p, model.value(k)) for k, p in model.example.printed.items() if not rounds_to(model.value(k), p)
    }
    assert mismatches == {}


def test_every_value_agrees_with_plain_floats(model):
    expected = independent(model.initial)
    assert set(expected) == set(model.example.printed)
    for key, value in model.values().items():
        assert value == pytest.approx(expected[key], abs=TOLERANCE, rel=0), key


def test_a_slip_in_the_plain_formula_would_be_caught(model):
    # The control: the ½ of the quadratic cost (the commonest slip in this genre) halves ∂E/∂out,
    # and the comparison above must see it.
    assert abs(model.value("dEtotal_dout_o") / 2 - independent(model.initial)["dEtotal_dout_o"]) > TOLERANCE
