"""The command line, driven in-process: what a reader sees, and what a script can rely on."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

import pytest

from backprop_companion.cli import main
from tests import expected
from worked import mazur
from worked.mazur.printed import rounds_to


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def walkthrough_json():
    import contextlib
    import io

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        code = main(["walkthrough", "--json"])
    assert code == 0
    return json.loads(buffer.getvalue())


def test_walkthrough_json_names_each_parameter_in_both_books_counting_the_input_as_layer_1(walkthrough_json):
    names = {n["mazur"]: n for n in walkthrough_json["names"]}
    assert names["w1"]["nielsen"] == {"layer": 2, "j": 1, "k": 1}
    assert names["w1"]["ng"] == {"layer": 1, "row": 1, "col": 1}
    assert names["w6"]["nielsen"] == {"layer": 3, "j": 1, "k": 2}
    assert names["b1"]["ng"]["layer"] == 1 and names["b1"]["ng"]["col"] == 0
    assert names["b1"]["nielsen"]["k"] is None


def test_walkthrough_json_has_every_key_and_every_verdict(walkthrough_json):
    values = {v["key"]: v for v in walkthrough_json["values"]}
    assert set(values) == set(mazur.PRINTED)
    assert walkthrough_json["schema"] == 1
    for key, v in values.items():
        printed = v["given"]["text"]
        assert printed == mazur.PRINTED[key] and v["given"]["value"] == float(printed)
        matches = rounds_to(v["expected"]["value"], printed)
        assert (v["status"] == "stated rule") == matches
        if matches:
            assert v["erratum"] is None and v["explanation"] is None
        else:
            assert v["status"] == "erratum" and v["explanation"].startswith(v["erratum"]["name"])
            assert set(v["erratum"]) >= {"explanation", "reproduced_value", "how"}
            exact = Decimal(v["erratum"]["reproduced_exact"])
            mode = ROUND_HALF_UP if v["erratum"]["rounding"] == "half away from zero" else ROUND_HALF_EVEN
            assert rounds_to(exact, printed, mode), key
            # the float, for scripts, is the exact value to float64's precision (relative 2^-53)
            assert abs(v["erratum"]["reproduced_value"] - float(exact)) <= 2**-53 * abs(float(exact))
    assert walkthrough_json["unexplained"] == []
    assert {x["key"] for x in walkthrough_json["not_printed"]} == {"dEtotal_db1", "dEtotal_db2"}


def test_no_arguments_runs_the_walkthrough_as_text(capsys):
    code, out, err = run(capsys)
    assert code == 0 and err == ""
    for key in mazur.PRINTED:
        assert key in out
    assert "Errata" in out and "output-first" in out and "w^2_11" in out and "Θ^(2)_11" in out


@pytest.mark.parametrize("columns", ["100", "200"])
def test_the_walkthrough_fits_the_columns_it_is_given(capsys, monkeypatch, columns):
    monkeypatch.setenv("COLUMNS", columns)
    code, out, _ = run(capsys)
    widest = max(out.splitlines(), key=len)
    assert code == 0 and len(widest) <= int(columns), widest
    for key in mazur.PRINTED:  # wrapping moves formulas onto more lines, never a key or a number
        assert key in out and mazur.PRINTED[key] in out


def test_a_table_too_wide_wraps_its_widest_text_column():
    from backprop_companion.output import format_table

    rows = [["w5", "∂E_total/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂w5", "0.082167041"]]
    assert format_table(["key", "formula", "value"], rows, width=200) == format_table(
        ["key", "formula", "value"], rows
    )
    table = format_table(["key", "formula", "value"], rows, width=50).splitlines()
    assert max(map(len, table)) <= 50 and len(table) == 1 + 2
    assert table[1].split() == ["w5", "∂E_total/∂out_o1", "·", "0.082167041"]
    assert table[2].split() == ["∂out_o1/∂net_o1", "·", "∂net_o1/∂w5"]


def test_train_every_as_csv_gives_one_row_per_checkpoint(capsys):
    code, out, _ = run(capsys, "train", "--steps", "10000", "--every", "1000", "--csv")
    header, *rows = out.splitlines()
    assert code == 0 and header == "step,E_total" and len(rows) == 11
    assert [int(r.split(",")[0]) for r in rows] == list(range(0, 10001, 1000))
    assert rounds_to(float(rows[-1].split(",")[1]), expected.STATED_RULE["E_total_after_10000"].value)


def test_train_prints_e_total_in_fixed_notation_as_the_post_does(capsys):
    _, out, _ = run(capsys, "train")
    table = out.split("\n\n")[1]
    assert "e-" not in table and "0.0000351" in table


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--every", "0"], "--every 0: expected a positive number"),
        (["--csv", "--json"], "choose one format"),
        (["--plot", "training.png"], "the figure is SVG; give a file name ending in .svg"),
    ],
)
def test_train_refuses_what_it_cannot_show(capsys, argv, message):
    code, out, err = run(capsys, "train", *argv)
    assert code == 2 and message in out + err  # under --json the refusal is the JSON document


def test_train_plot_writes_the_error_curve(capsys, tmp_path):
    target = tmp_path / "training.svg"
    code, out, _ = run(capsys, "train", "--steps", "100", "--plot", str(target))
    svg = target.read_text(encoding="utf-8")
    assert code == 0 and f"Figure written: {target}" in out
    assert svg.startswith("<svg") and "E_total over 100 steps" in svg


def test_json_flag_alone_runs_the_walkthrough(capsys):
    code, out, _ = run(capsys, "--json")
    assert code == 0 and "values" in json.loads(out)


@pytest.mark.parametrize(
    ("order", "out_o1", "out_o2"),
    [("output-first", "0.015912196", "0.984065734"), ("simultaneous", "0.015913620", "0.984064274")],
)
def test_train_json_ends_at_the_expected_outputs(capsys, order, out_o1, out_o2):
    code, out, _ = run(capsys, "train", "--steps", "10000", "--order", order, "--json")
    result = json.loads(out)
    assert code == 0
    assert (f"{result['outputs']['out_o1']:.9f}", f"{result['outputs']['out_o2']:.9f}") == (out_o1, out_o2)
    assert [c["step"] for c in result["checkpoints"]] == [0, 1, 10, 100, 1000, 10000]


def test_train_text_with_biases(capsys):
    code, out, _ = run(capsys, "train", "--steps", "3", "--train-biases")
    assert code == 0 and "biases updated" in out and "b1 = " in out


PRINTED_HALF_UNIT = 0.5e-9
"""Mazur prints E_total and ∂E_total/∂w5 at nine decimals: each within half a unit of the last place."""


def test_train_with_l2_descends_on_the_regularised_cost(capsys):
    """Step 0 is the printed E_total plus (λ/2) Σ w²; one step moves w5 by η (∂E/∂w5 + λ w5), n = 1."""
    l2, eta = 0.1, 0.5
    weights = {"w1": 0.15, "w2": 0.20, "w3": 0.25, "w4": 0.30, "w5": 0.40, "w6": 0.45, "w7": 0.50, "w8": 0.55}
    code, out, _ = run(capsys, "train", "--steps", "1", "--l2", str(l2), "--json")
    result = json.loads(out)
    assert code == 0 and result["l2"] == l2
    penalty = l2 / 2 * sum(w**2 for w in weights.values())
    assert abs(result["checkpoints"][0]["E_total"] - (0.298371109 + penalty)) <= PRINTED_HALF_UNIT
    w5_new = weights["w5"] - eta * (0.082167041 + l2 * weights["w5"])
    assert abs(result["weights"]["w5"] - w5_new) <= eta * PRINTED_HALF_UNIT
    code, out, _ = run(capsys, "train", "--steps", "1", "--l2", str(l2))
    assert code == 0 and "λ = 0.1" in out and "E_total below is the regularised cost" in out
    code, out, _ = run(capsys, "train", "--steps", "1")
    assert "λ" not in out and json.loads(run(capsys, "train", "--steps", "1", "--json")[1])["l2"] == 0.0


@pytest.mark.parametrize(
    "argv",
    [
        ["train", "--l2", "-0.1"],
        ["train", "--l2", "nan"],
        ["train", "--l2", "inf"],
        ["train", "--steps", "-1"],
        ["train", "--steps", "many"],
        ["train", "--order", "sideways"],
        ["train", "--eta", "0"],
        ["train", "--eta", "nan"],
        ["bogus"],
        ["walkthrough", "--nope"],
    ],
)
def test_bad_usage_is_one_line_and_exit_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("backprop-companion: error: ")
    assert "Traceback" not in err


def test_bad_usage_under_json_is_json(capsys):
    code, out, err = run(capsys, "train", "--steps", "-5", "--json")
    assert code == 2 and err == ""
    assert json.loads(out)["error"] == "steps must be between 0 and 10,000,000, got -5"  # worked says so


def test_the_update_orders_of_the_parser_are_workeds():
    from backprop_companion.options.tutorial import UPDATE_ORDERS
    from worked.core import UPDATE_ORDERS as WORKED_ORDERS

    assert UPDATE_ORDERS == WORKED_ORDERS


@pytest.mark.parametrize("command", ["walkthrough", "check", "train", "gradcheck", "derive", "docs", "bench"])
def test_a_commands_help_imports_no_command_module_nor_numpy(command):
    import subprocess
    import sys

    code = (
        "import sys, contextlib, io\n"
        "from backprop_companion.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        f"        main([{command!r}, '--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('numpy', 'sympy', 'backprop_companion.cmd_'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_command_runs_by_importing_only_its_own_module(capsys):
    import sys

    before = {m for m in sys.modules if m.startswith("backprop_companion.cmd_")}
    assert main(["train", "--steps", "1"]) == 0
    after = {m for m in sys.modules if m.startswith("backprop_companion.cmd_")}
    assert after - before <= {"backprop_companion.cmd_train"}
    capsys.readouterr()


def _options_taking_one_word():
    import argparse as ap

    from backprop_companion.options import build_parser, subparsers

    for name, sub in subparsers(build_parser()).items():
        for action in sub._actions:
            one_word = isinstance(action, (ap._StoreAction, ap._AppendAction)) and action.nargs is None
            if action.option_strings and one_word:
                yield name, action.option_strings[-1]


@pytest.mark.parametrize(("command", "option"), list(_options_taking_one_word()))
def test_an_option_given_only_the_end_of_options_marker_is_exit_2(capsys, command, option):
    """Python 3.11's argparse takes `--steps --` as a value of [] and skips the option's type."""
    argv = [command, option, "--"] + (
        ["--seed", "1"] if command == "worksheet" and option != "--seed" else []
    )
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and "expected one argument" in err and len(err.splitlines()) == 1
