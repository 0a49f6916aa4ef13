"""``backprop-companion gradcheck``: verdicts, exit codes, and the same facts as text and as JSON."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from backprop_companion.cli import main
from backprop_companion.options import gradcheck as options
from worked.core.activations import ACTIVATIONS
from worked.core.costs import COSTS
from worked.gradcheck.bugs import BUGS
from worked.gradcheck.check import MODES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["gradcheck", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, dict[str, Any]]:
    code, out, _ = run(capsys, *argv, "--json")
    return code, json.loads(out)


def test_the_shells_lists_match_the_worked_package() -> None:
    from worked.gradcheck.conventions import CONVENTIONS

    assert options.CONVENTIONS == CONVENTIONS
    assert options.MODES == MODES
    assert set(options.ACTIVATIONS) == set(ACTIVATIONS)
    assert set(options.COSTS) == set(COSTS)


def test_no_options_checks_the_tutorials_network(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys)
    assert code == 0 and err == ""
    assert "Mazur's 2-2-2" in out and "Verdict: the gradient checks out" in out
    for name in ("w^2_11", "w^3_22", "b^3_2", "Θ^(2)_11", "Θ^(1)_20", "slope 2.00"):
        assert name in out


def test_an_empty_activation_is_refused_not_read_as_sigmoid(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--sizes", "2,3,1", "--activation", "")
    assert code == 2 and "--activation '': expected an activation's name" in err


def test_the_tolerance_rule_is_spelled_out_under_explain_only(capsys: pytest.CaptureFixture[str]) -> None:
    _, short, _ = run(capsys)
    _, explained, _ = run(capsys, "--explain")
    assert "Step: h = ε^(1/3)" not in short and "--explain gives the step and the tolerance" in short
    assert "Step: h = ε^(1/3)" in explained and "Tolerance: |analytic − numerical| ≤" in explained
    assert len(explained.splitlines()) > len(short.splitlines())


def test_exhaustive_on_3_5_2_lists_every_parameter(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--sizes", "3,5,2", "--activation", "tanh,sigmoid", "--mode", "exhaustive")
    assert code == 0
    names = [f"w^2_{j}{k}" for j in range(1, 6) for k in range(1, 4)] + [f"b^2_{j}" for j in range(1, 6)]
    names += [f"w^3_{j}{k}" for j in (1, 2) for k in range(1, 6)] + ["b^3_1", "b^3_2"]
    assert len(names) == 32
    rows = [line.split()[0] for line in out.splitlines() if line.startswith("  ") and "Θ" in line]
    assert rows == names


@pytest.mark.parametrize("mode", MODES)
def test_json_gives_the_same_facts_as_the_text(capsys: pytest.CaptureFixture[str], mode: str) -> None:
    argv = ["--sizes", "3,5,2", "--activation", "tanh,sigmoid", "--cost", "cross-entropy", "--batch", "4"]
    code, out, _ = run(capsys, *argv, "--seed", "0", "--mode", mode)
    json_code, facts = run_json(capsys, *argv, "--seed", "0", "--mode", mode)
    assert code == json_code == 0 and facts["passed"]
    assert facts["verdict"] in out
    assert f"{facts['taylor']['slope']:.2f}" in out
    for c in facts["comparisons"]:
        assert c["name"] in out and f"{c['analytic']:.10e}" in out and f"{c['numerical']:.10e}" in out
    if facts["worst"] is not None:
        assert f"Worst: {facts['worst']['name']}" in out
    assert [f"{p['remainder']:.3e}" in out for p in facts["taylor"]["points"] or []] == [True] * (
        15 if mode == "taylor" else 0
    )
    assert facts["network"]["sizes"] == [3, 5, 2] and facts["network"]["cost"] == "cross-entropy"


def test_directional_on_784_30_10_costs_six_forward_passes_per_parameter_group(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, facts = run_json(capsys, "--sizes", "784,30,10", "--mode", "directional")
    assert code == 0
    # 2k = 6 per parameter group (w^2, b^2, w^3, b^3); 15 Taylor steps per group, each taken ±h
    assert facts["forward_passes"] == {"mode": 24, "taylor": 120}
    assert facts["network"]["parameters"] == 784 * 30 + 30 + 30 * 10 + 10
    assert facts["compared"] == 3 * 4


def test_many_comparisons_list_the_worst_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, facts = run_json(capsys, "--sizes", "6,8,3")
    assert code == 0 and facts["listed"] == "worst 10" and len(facts["comparisons"]) == 10
    ratios = [c["ratio"] for c in facts["comparisons"]]
    assert ratios == sorted(ratios, reverse=True) and facts["worst"] == facts["comparisons"][0]
    _, everything = run_json(capsys, "--sizes", "6,8,3", "--all")
    assert len(everything["comparisons"]) == everything["compared"] == 6 * 8 + 8 + 8 * 3 + 3


@pytest.mark.parametrize("bug", sorted(BUGS))
def test_a_bug_put_in_fails_with_exit_1(capsys: pytest.CaptureFixture[str], bug: str) -> None:
    code, facts = run_json(capsys, "--sizes", "3,3,3", "--activation", "tanh,sigmoid", "--bug", bug)
    assert code == 1 and not facts["passed"]
    assert facts["bug"]["name"] == bug and facts["bug"]["cannot_show"] is None


def test_a_bug_that_cannot_show_is_said_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--bug", "missing-1/m")
    assert code == 0 and "cannot show here: with one example" in out


def test_the_bug_table(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--bug", "all", "--sizes", "3,3,3", "--activation", "tanh,sigmoid", "--batch", "3"]
    code, out, _ = run(capsys, *argv)
    assert code == 0 and "every bug that can show is caught by every mode" in out
    _, facts = run_json(capsys, *argv)
    assert len(facts["catches"]) == len(BUGS) * len(MODES)
    assert all(c["caught"] for c in facts["catches"]) and facts["all_caught"]


def test_float32_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--float32")
    assert code == 2 and out == "" and "--allow-float32" in err
    code, facts = run_json(capsys, "--float32", "--allow-float32")
    assert code == 0 and facts["precision"] == "float32"
    assert any("float32" in w for w in facts["warnings"])


@pytest.mark.parametrize(
    "argv",
    [
        ["--sizes", "3,x"],
        ["--sizes", "3"],
        ["--sizes", "3,0,2"],
        ["--activation", "tanh"],
        ["--batch", "3"],
        ["--sizes", "3,2", "--batch", "0"],
        ["--sizes", "3,2", "--cost", "cross-entropy", "--activation", "tanh"],
        ["--sizes", "3,2", "--activation", "tanh,relu,sigmoid"],
        ["--sizes", "3,2", "--activation", "swish"],
        ["--sizes", "3,5,2", "--bug", "transposed-weight"],
        ["--bug", "nope"],
        ["--bug", "all", "--mode", "taylor"],
        ["--directions", "0"],
        ["--mode", "fast"],
    ],
)
def test_bad_usage_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("backprop-companion: error: ")
    code, facts = run_json(capsys, *argv)
    assert code == 2 and facts["exit_code"] == 2 and facts["error"]


def test_kinks_crossed_are_listed_in_both_forms() -> None:
    from backprop_companion.gradcheck_result import CheckedPoint, GradcheckResult
    from tests.gradcheck.test_gradcheck import relu_at_its_kink
    from worked.gradcheck import gradcheck

    network, x, y = relu_at_its_kink()
    report = gradcheck(network, x, y, "exhaustive", with_taylor=True)
    result = GradcheckResult(
        CheckedPoint("test", "a ReLU at its kink", network, x, y, 0), report, False, None
    )
    facts = result.as_json()
    assert facts["kinked"] == ["w^2_11", "w^2_12", "b^2_1"] and facts["passed"]
    assert "Kinks crossed (reported, not judged): w^2_11, w^2_12, b^2_1." in result.as_text()


def test_the_default_number_of_directions_is_the_checkers() -> None:
    from backprop_companion.options.gradcheck import DEFAULT_DIRECTIONS
    from worked.gradcheck.directions import DIRECTIONS

    assert DEFAULT_DIRECTIONS == DIRECTIONS


PRINTED_HALF_UNIT = 0.5e-9
"""Mazur prints ∂E_total/∂w5 = 0.082167041 at nine decimals: it is within half a unit of the last place."""


def test_l2_checks_the_regularised_gradient_and_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    """With λ the checked gradient by w5 is the tutorial's printed one plus (λ/m) w5, m = 1."""
    l2, w5, printed = 0.1, 0.40, 0.082167041
    code, facts = run_json(capsys, "--l2", str(l2))
    assert code == 0 and facts["passed"] and facts["l2"] == l2
    (by_w5,) = [c for c in facts["comparisons"] if c["name"] == "w^3_11"]  # the books' layer 3
    assert abs(by_w5["analytic"] - (printed + l2 / 1 * w5)) <= PRINTED_HALF_UNIT
    _, out, _ = run(capsys, "--l2", str(l2))
    assert "Cost: L2-regularised, C = C_0 + (λ/2m) Σ w² with λ = 0.1 and m = 1" in out
    _, facts = run_json(capsys)
    assert facts["l2"] == 0.0
    _, out, _ = run(capsys)
    assert "λ" not in out and "regularised" not in out


@pytest.mark.parametrize("mode", MODES)
def test_l2_checks_out_in_every_mode_on_a_random_network(
    capsys: pytest.CaptureFixture[str], mode: str
) -> None:
    code, facts = run_json(capsys, "--sizes", "3,4,2", "--batch", "3", "--l2", "2", "--mode", mode)
    assert code == 0 and facts["passed"] and facts["mode"] == mode and facts["l2"] == 2.0


@pytest.mark.parametrize("bug", sorted(BUGS))
def test_a_bug_put_in_fails_under_l2_too(capsys: pytest.CaptureFixture[str], bug: str) -> None:
    argv = ["--sizes", "3,3,3", "--activation", "tanh,sigmoid", "--bug", bug, "--l2", "0.5"]
    code, facts = run_json(capsys, *argv)
    assert code == 1 and not facts["passed"] and facts["l2"] == 0.5


@pytest.mark.parametrize(
    "argv", [["--l2", "-1"], ["--l2", "nan"], ["--l2", "inf"], ["--l2", "x"], ["--bug", "all", "--l2", "-1"]]
)
def test_a_bad_l2_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1
    assert err.startswith("backprop-companion: error: ") and ("λ" in err or "--l2" in err)


FIXTURES = Path(__file__).resolve().parent.parent / "gradcheck" / "fixtures"


def impl(name: str) -> str:
    return str(FIXTURES / name)


def test_a_nielsen_style_network_passes_and_the_convention_is_said_detected(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--impl", impl("nielsen_style.py"))
    assert code == 0, out
    assert "Convention: nielsen (detected)" in out and "checks out on every network" in out


def test_sigma_prime_dropped_in_the_hidden_layers_fails_naming_bp2_and_the_layers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, facts = run_json(capsys, "--impl", impl("nielsen_style.py:NoSigmaPrime"))
    assert code == 1
    (check,) = facts["checks"]
    assert check["named"]["bug"] == "missing-sigma-prime" and check["named"]["equation"] == "BP2"
    assert check["named"]["where"] == "in every hidden layer"
    # the first wrong group, in the books' numbering: layer 3 of [2, 4, 3, 2], layer 2 of [3, 5, 2]
    firsts = {run["network"].split("]")[0] + "]": run["first_wrong"] for run in check["runs"]}
    assert firsts["sizes [2, 4, 3, 2]"] == "b^3" and firsts["sizes [3, 5, 2]"] == "b^2"


def test_an_ng_style_cost_function_regularising_the_bias_column_is_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--impl", impl("ng_style.py:regularises_bias"), "--convention", "ng")
    assert code == 1
    assert "Convention: ng (as given)" in out
    assert "regularised-biases" in out and "bias column" in out


def test_labels_from_one_need_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--impl", impl("ng_style.py:labels_from_one"))
    assert code == 1 and "Hint: with --labels-from 1 your code checks out" in out
    assert f"Your code: {impl('ng_style.py:labels_from_one')}" in out  # the name given is kept
    code, out, _ = run(capsys, "--impl", impl("ng_style.py:labels_from_one"), "--labels-from", "1")
    assert code == 0 and "Hint" not in out
    code, out, _ = run(capsys, "--impl", impl("ng_style.py:regularises_bias"))
    assert code == 1 and "Hint" not in out  # wrong under either labels: no hint


def test_the_tutorial_scripts_update_order_is_named_output_first(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--impl", impl("mazur_style.py"))[0] == 0
    code, out, _ = run(capsys, "--impl", impl("mazur_style.py:OutputFirst"))
    assert code == 1 and "output-first" in out


def test_an_exception_in_the_readers_code_shows_its_traceback_in_the_readers_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "--impl", impl("nielsen_style.py:Raises"))
    assert code == 1
    assert "nielsen_style.py" in out and "IndexError" in out and "in backprop" in out
    assert "cli.py" not in out  # the companion's own frames are cut
    assert "your code raised IndexError" in err


def test_code_that_never_returns_is_stopped_by_the_timeout(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--impl", impl("nielsen_style.py:Loops"), "--timeout", "0.5")
    assert code == 1 and "did not return within 0.5 s" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--impl", "/nonexistent/backprop.py"], "no such file"),
        (["--impl", impl("nielsen_style.py:Nope")], "defines no 'Nope'"),
        (["--impl", impl("nielsen_style.py:sigmoid")], "fits no convention; expected"),
        (["--impl", impl("nielsen_style.py"), "--convention", "ng"], "does not fit the ng convention"),
        (["--impl", impl("nielsen_style.py"), "--sizes", "2,2"], "--sizes"),
        (["--impl", impl("nielsen_style.py"), "--timeout", "0"], "--timeout"),
        (["--convention", "ng"], "give --impl"),
    ],
)
def test_bad_impl_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err and "Traceback" not in err


def test_what_the_readers_code_prints_goes_to_stderr_and_the_json_stays_one_document(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "--impl", impl("nielsen_style.py:Chatty"), "--json")
    assert code == 0 and json.loads(out)["passed"] and "computing the gradient" in err


def test_a_transposition_that_crashes_on_non_square_layers_is_named_with_the_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "--impl", impl("nielsen_style.py:Transposed"))
    out = " ".join(out.split())  # the verdict is wrapped at 100 columns
    assert code == 1
    assert "transposed-weight (BP2, in every hidden layer)" in out
    assert "What your code raised on sizes [3, 5, 2]" in out and "in carry_back" in out


def test_a_file_that_is_not_python_is_bad_input_naming_the_line(
    capsys: pytest.CaptureFixture[str], tmp_path
) -> None:
    source = tmp_path / "mine.py"
    source.write_text("import numpy as np\n\ndef backprop(:\n    pass\n", encoding="utf-8")
    code, out, err = run(capsys, "--impl", f"{source}:backprop")
    assert code == 2 and out == "" and "is not valid Python at line 3" in err
