"""``backprop-companion ex4``: the exercise's prints recomputed and judged, as text and JSON, with and
without the reader's data files (synthetic ones here, of the exercise's layout)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from backprop_companion.cli import main
from tests.ex4.test_data import write_exercise
from tests.expected import EX4_COSTS, EX4_RELATIVE_DIFFERENCE_BELOW, EX4_SIGMOID_GRADIENT
from worked.ex4 import load, printed
from worked.ex4.printed import Printed
from worked.mazur import rounded


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_without_data_every_check_holds_and_the_cost_rows_say_what_they_need(capsys):
    code, out, err = run(capsys, "ex4")
    assert code == 0 and err == ""
    for expected in EX4_SIGMOID_GRADIENT:
        assert f"{expected.value}  ✓" in out
    assert out.count("Relative difference") == 2 and out.count(" < 1e-9 ✓") == 2
    assert out.count("Θ^(1)_10  b^2_1") == 2 and out.count("Θ^(2)_35  w^3_35") == 2
    assert "-9.2783e-03  -9.2783e-03" in out  # the first row as the exercise's disp shows it
    for expected in EX4_COSTS.values():
        assert f"{expected.value}  needs ex4data1.mat and ex4weights.mat: --data DIR" in out


def test_json_without_data(capsys):
    code, out, _ = run(capsys, "ex4", "--json")
    document = json.loads(out)
    assert code == 0 and document["data"] is None
    assert [g["printed"] for g in document["sigmoid_gradient"]] == [e.value for e in EX4_SIGMOID_GRADIENT]
    assert all(g["verdict"] is True for g in document["sigmoid_gradient"])
    checks = document["checknngradients"]
    assert [c["lambda"] for c in checks] == [0.0, 3.0]
    for check in checks:
        assert len(check["numerical"]) == len(check["analytic"]) == len(check["parameters"]) == 38
        assert check["relative_difference"] < float(EX4_RELATIVE_DIFFERENCE_BELOW.value) and check["passed"]
    assert [(c["lambda"], c["printed"]) for c in document["costs"]] == [
        (l2, e.value) for l2, e in EX4_COSTS.items()
    ]
    assert all(
        c["computed"] is None and c["verdict"] is None and "--data" in c["needs"] for c in document["costs"]
    )


def test_with_data_the_costs_are_computed_and_judged_against_the_print(capsys, tmp_path, monkeypatch):
    write_exercise(tmp_path)
    costs = {l2: load(tmp_path).cost(l2) for l2 in EX4_COSTS}
    # Synthetic files cannot give the exercise's costs: λ = 1 is made to print what these files give,
    # so one verdict must hold and the others fail.
    monkeypatch.setitem(printed.COSTS, 1.0, Printed(rounded(costs[1.0], 6), "this test"))
    code, out, _ = run(capsys, "ex4", "--data", str(tmp_path), "--json")
    document = json.loads(out)
    assert code == 1
    assert [c["computed"] for c in document["costs"]] == list(costs.values())
    assert [c["verdict"] for c in document["costs"]] == [False, True, False]
    assert all("needs" not in c for c in document["costs"]) and document["data"] == str(tmp_path)
    code, out, _ = run(capsys, "ex4", "--data", str(tmp_path))
    assert code == 1
    assert f"{rounded(costs[0.0], 9)}  {EX4_COSTS[0.0].value}  ✗" in out
    assert f"{rounded(costs[1.0], 9)}  {rounded(costs[1.0], 6)}  ✓" in out


def test_when_the_data_give_every_printed_cost_the_exit_is_0(capsys, tmp_path, monkeypatch):
    write_exercise(tmp_path)
    for l2 in EX4_COSTS:
        monkeypatch.setitem(printed.COSTS, l2, Printed(rounded(load(tmp_path).cost(l2), 6), "this test"))
    code, out, _ = run(capsys, "ex4", "--data", str(tmp_path))
    assert code == 0 and "✗" not in out and out.count("  ✓") == 5 + 3


def test_a_failing_gradient_check_fails_the_command(capsys, monkeypatch):
    monkeypatch.setattr(printed, "RELATIVE_DIFFERENCE_BELOW", Printed("1e-20", "this test"))
    code, out, _ = run(capsys, "ex4")
    assert code == 1 and out.count("is NOT below 1e-20 ✗") == 2


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ({}, "ex4data1.mat: no such file"),
        ({"Theta2": None}, "ex4weights.mat: no field 'Theta2'"),
    ],
)
def test_a_missing_file_or_field_is_one_line_and_exit_2(capsys, tmp_path, files, words):
    if files:
        write_exercise(tmp_path, **files)
    code, out, err = run(capsys, "ex4", "--data", str(tmp_path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and words in err and "Traceback" not in err
    code, out, _ = run(capsys, "ex4", "--data", str(tmp_path), "--json")
    assert code == 2 and words in json.loads(out)["error"]


def test_an_empty_folder_name_is_refused(capsys):
    code, _, err = run(capsys, "ex4", "--data", " ")
    assert code == 2 and "--data: an empty folder name" in err


def test_without_scipy_the_message_names_the_extra(capsys, tmp_path, monkeypatch):
    write_exercise(tmp_path)
    monkeypatch.setitem(sys.modules, "scipy.io", None)  # import scipy.io now raises ImportError
    code, _, err = run(capsys, "ex4", "--data", str(tmp_path))
    assert code == 2 and "pip install 'backprop-companion[ex4]'" in err


def test_help_imports_no_command_module_nor_numpy():
    code = (
        "import sys, contextlib, io\n"
        "from backprop_companion.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['ex4', '--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('numpy', 'scipy', 'backprop_companion.cmd_'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


REAL_DATA = os.environ.get("EX4_DATA")
"""A folder holding the course's own ex4data1.mat and ex4weights.mat, if the reader has them."""


@pytest.mark.skipif(REAL_DATA is None, reason="set EX4_DATA to a folder with the course's ex4 files")
def test_the_real_files_pass_every_check(capsys):
    code, out, _ = run(capsys, "ex4", "--data", str(REAL_DATA))
    assert code == 0 and "✗" not in out
    for expected in EX4_COSTS.values():
        assert f"{expected.value}  ✓" in out
