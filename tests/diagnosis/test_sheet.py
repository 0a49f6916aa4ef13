"""A whole sheet: one root cause first, the values it does not explain, or the first wrong value."""

from __future__ import annotations

import json

import pytest

from backprop_companion.cli import main
from worked.diagnosis import runs
from worked.diagnosis.edits import EDITS
from worked.diagnosis.sheet import judge
from worked.mazur import rounded

BIAS_SHEET_KEYS = (
    "net_h1",
    "out_h1",
    "net_o1",
    "out_o1",
    "E_o1",
    "E_total",
    "dEtotal_dw5",
    "w5_new",
    "delta_h1",
)


def worked_with(identifier: str, keys: tuple[str, ...], places: int) -> list[tuple[str, str]]:
    """The sheet a student fills in when they make the edit: each key computed under it, typed."""
    edit = next(e for e in EDITS if e.identifier == identifier)
    values = runs.values(edit.variant, training=False)
    return [(key, rounded(values[key], places)) for key in keys]


@pytest.mark.parametrize("places", [9, 4])
def test_a_sheet_worked_from_a_forgotten_bias_gets_one_root_cause_naming_it_and_net_h1(capsys, places):
    pairs = worked_with("bias-forgotten@h1", BIAS_SHEET_KEYS, places)
    sheet = judge(pairs, min_figures=2)  # at 4 decimals delta_h1 is 0.0089: two figures
    assert sheet.cause is not None and sheet.cause.identifier == "bias-forgotten@h1"
    assert sheet.starts_at == "net_h1" and sheet.unexplained == () and len(sheet.explained) == 9
    assert main(["check", *(f"{k}={v}" for k, v in pairs), "--min-figures", "2"]) == 1
    first = capsys.readouterr().out.splitlines()[0]
    assert first.startswith(
        "Root cause: every value from net_h1 on follows from a forgotten bias: b1 left out of"
    )


def test_a_value_the_cause_does_not_explain_is_listed_after_it():
    pairs = [*worked_with("bias-forgotten@h1", BIAS_SHEET_KEYS[:4], 9), ("w1_new", "0.149780700")]
    sheet = judge(pairs)
    assert sheet.cause is not None and sheet.cause.identifier == "bias-forgotten@h1"
    assert sheet.unexplained == ("w1_new",)


def test_a_right_value_rules_a_cause_out():
    # out_o1 typed right: a forgotten bias (in net_h1 or the layer) would have changed it.
    alone = judge(worked_with("bias-forgotten@h1", ("net_h1",), 9))
    assert alone.cause is not None and alone.cause.identifier == "bias-forgotten@h1"  # the control
    sheet = judge([*worked_with("bias-forgotten@h1", ("net_h1",), 9), ("out_o1", "0.751365070")])
    assert sheet.cause is None and sheet.unexplained == ("net_h1",) and sheet.first_wrong == "net_h1"


def test_when_nothing_fits_the_first_wrong_value_in_computation_order_is_named(capsys):
    pairs = [("w5_new", "0.35891658"), ("out_h1", "0.5932")]  # typed in the other order
    sheet = judge(pairs)
    assert sheet.cause is None and sheet.first_wrong == "out_h1"
    main(["check", *(f"{k}={v}" for k, v in pairs), "--json"])
    document = json.loads(capsys.readouterr().out)
    assert document["cause"] is None and document["first_wrong"] == "out_h1"


def test_a_right_sheet_has_no_cause_and_no_first_wrong():
    sheet = judge([("out_h1", "0.593269992"), ("w5_new", "0.35891648")])
    assert sheet.cause is None and sheet.first_wrong is None and sheet.unexplained == ()


def test_a_slip_that_explains_one_of_several_wrong_values_is_no_root_cause():
    # 0.299 is E_total rounded to 3 decimals throughout, 0.3178 a doubled step: two different slips.
    sheet = judge([("w5_new", "0.3178"), ("E_total", "0.299")])
    assert (
        sheet.cause is None
        and sheet.first_wrong == "E_total"
        and set(sheet.unexplained) == {"w5_new", "E_total"}
    )
    assert all(d.candidates for d in sheet.diagnoses)  # each value, alone, is still explained


def test_one_wrong_value_gets_no_sheet_line_and_the_post_s_erratum_is_not_counted_wrong(capsys):
    assert main(["check", "net_h1=0.0275"]) == 1
    assert capsys.readouterr().out.startswith("net_h1 = 0.0275  ✗")
    sheet = judge([("dEo2_dout_h1", "-0.019049119"), ("net_h1", "0.0275")])  # the post's figure, a slip
    assert sheet.first_wrong == "net_h1" and sheet.unexplained == ()
    assert sheet.cause is not None and sheet.cause.identifier == "bias-forgotten@h1"
