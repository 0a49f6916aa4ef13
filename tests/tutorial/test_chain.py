"""Total derivatives along every path (``d<A>_d<B>``) on a deeper network, checked against central
differences of the model's own forward values (an oracle that shares no code with the reverse sweep).

RELATIVE = 1e-6: a central difference with step h = 1e-5 errs by O(h²) ≈ 1e-10 (truncation, third
derivatives of order one here) plus O(ε/h) ≈ 1e-11 (rounding), relative to derivatives of order 0.1;
1e-6 is far above both and far below any wrong path (a missing path changes a value by percents).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from worked import tutorial

FILE = Path(__file__).parent / "files" / "deep.toml"
H = 1e-5
RELATIVE = 1e-6

CASES = [
    ("dEtotal_dw1", "E_total", "w1"),
    ("dEtotal_db_c", "E_total", "b_c"),
    ("dEtotal_da", "E_total", "a"),
    ("dnet_g_dw1", "net_g", "w1"),
    ("dout_f_dw2", "out_f", "w2"),
    ("dnet_e_db_d", "net_e", "b_d"),
]


@pytest.mark.parametrize(("key", "of", "by"), CASES)
def test_a_total_derivative_is_the_central_difference_of_the_forward_value(key, of, by):
    model = tutorial.load(FILE)
    start = model.initial[by]
    up, down = (model.with_values({by: start + step}).value(of) for step in (H, -H))
    assert model.value(key) == pytest.approx((up - down) / (2 * H), rel=RELATIVE)


def test_an_output_share_and_the_cost_agree_through_a_hidden_neuron_when_there_is_one_output():
    model = tutorial.load(FILE)
    assert model.value("dEg_dout_c") == pytest.approx(model.value("dEtotal_dout_c"), rel=1e-15)


def test_no_path_gives_zero():
    model = tutorial.load(FILE)
    assert model.value("dnet_e_dw8") == 0.0  # w8 feeds f, not e
