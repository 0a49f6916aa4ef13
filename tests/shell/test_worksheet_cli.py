"""worksheet and check --from on the command line: the sheet a teacher prints, the CSV a student
fills in, and the grade."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from backprop_companion.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def answer_key() -> str:
    import contextlib

    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(["worksheet", "--seed", "7", "--answers", "--format", "csv"]) == 0
    return buffer.getvalue()


def test_the_same_seed_gives_the_same_sheet_in_another_process_and_hash_seed(answer_key: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    argv = [
        sys.executable,
        "-m",
        "backprop_companion",
        "worksheet",
        "--seed",
        "7",
        "--answers",
        "--format",
        "csv",
    ]
    other = subprocess.run(argv, capture_output=True, text=True, env=env, check=True).stdout
    assert other == answer_key


def test_the_blank_sheet_names_the_seed_the_values_and_a_cell_per_key(capsys) -> None:
    code, out, _ = run(capsys, "worksheet", "--seed", "7")
    assert code == 0
    assert "variant 7" in out and "--seed 7" in out and "| w5 | 0.67 |" in out
    assert (
        "| 14 | w5⁺ | w5_new |  |" in out
        and "| 13 | ∂E_total/∂w5 | dEtotal_dw5 |  |" in out
        and "0.66712826" not in out
    )


def test_the_answer_key_graded_by_check_from_passes(tmp_path: Path, answer_key: str, capsys) -> None:
    sheet = tmp_path / "key.csv"
    sheet.write_text(answer_key, encoding="utf-8")
    code, out, _ = run(capsys, "check", "--from", str(sheet))
    assert code == 0, out
    assert "33 of 33 cells right" in out


def test_one_wrong_cell_fails_on_that_cell(tmp_path: Path, answer_key: str, capsys) -> None:
    sheet = tmp_path / "one-wrong.csv"
    sheet.write_text(answer_key.replace("w5_new,0.66712826", "w5_new,0.66712827"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--from", str(sheet), "--json")
    facts = json.loads(out)
    assert code == 1 and not facts["passed"]
    assert [c["key"] for c in facts["cells"] if c["grade"] != "right"] == ["w5_new"]


def test_a_blank_cell_is_not_a_pass(tmp_path: Path, answer_key: str, capsys) -> None:
    sheet = tmp_path / "blank.csv"
    sheet.write_text(answer_key.replace("w5_new,0.66712826", "w5_new,"), encoding="utf-8")
    code, out, _ = run(capsys, "check", "--from", str(sheet))
    assert code == 1 and "1 blank: w5_new" in out


def test_a_toml_sheet_on_standard_input(answer_key: str) -> None:
    rows = [line.split(",") for line in answer_key.splitlines()[3:]]
    text = 'example = "mazur"\nseed = 7\n\n[answers]\n' + "".join(f'{k} = "{v}"\n' for k, v in rows)
    done = subprocess.run(
        [sys.executable, "-m", "backprop_companion", "check", "--from", "-"],
        input=text, capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_seed_grades_the_cells_typed(capsys) -> None:
    code, out, _ = run(capsys, "check", "--seed", "7", "net_h1=1.2770", "w5_new=0.66712826")
    assert code == 0 and "2 of 2 cells right" in out
    code, out, _ = run(capsys, "check", "--seed", "7", "w5_new=0.35891648")  # the post's, not seed 7's
    assert code == 1 and "1 wrong: w5_new" in out


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("key,value\nexample,mazur\n", "seed: missing"),
        ("key,value\nexample,mazur\nseed,seven\n", "seed: expected a whole number"),
        ("key,value\nexample,mazur\nseed,7\nw5_new,0.1,0.2\n", "line 4: expected two cells"),
        ("key,value\nexample,mazur\nseed,7\nw9_new,0.1\n", "not on the sheet: w9_new"),
        ("key,value\nexample,mazur\nseed,+7\n", "seed: expected a whole number"),
        ("key;value\nexample;mazur\n", "separated by ';'?"),
        ('example = "mazur"\nseed = 7\n[answers]\nnet_h1 = 1.2770\n', "write the value as a string"),
        ("key,value\nexample,nope\nseed,7\n", "nope: no such example"),
        ('example = "mazur"\nseed = 7\n', "answers: missing"),
    ],
)
def test_a_bad_sheet_is_exit_2_naming_the_file_and_the_line_or_key(
    tmp_path: Path, capsys, text, message
) -> None:
    sheet = tmp_path / "bad.txt"
    sheet.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "check", "--from", str(sheet))
    assert code == 2 and out == "" and message in err and len(err.splitlines()) == 1


def test_a_sheet_that_is_not_text_or_not_there_is_exit_2(tmp_path: Path, capsys) -> None:
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    assert run(capsys, "check", "--from", str(binary))[0] == 2
    assert run(capsys, "check", "--from", str(tmp_path / "missing.csv"))[0] == 2
    assert run(capsys, "check", "--from", str(binary), "w5_new=0.1")[0] == 2  # one source of values


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium binary (apt-get install chromium)")
@pytest.mark.parametrize(("paper", "width"), [("A4", 680), ("Letter", 702)])
def test_the_html_sheet_fits_the_printable_width(tmp_path: Path, capsys, paper: str, width: int) -> None:
    """A4's 210 mm and Letter's 215.9 mm less 15 mm margins each side, at 96 px per inch."""
    from tests.shell.browser import measure

    code, page, _ = run(capsys, "worksheet", "--seed", "7", "--answers", "--format", "html")
    assert code == 0
    layout = measure(page, width, tmp_path)
    assert layout["scroll_width"] <= width, (paper, layout)
    assert layout["console"] == []


def test_a_cell_that_is_not_a_number_is_graded_so_and_the_rest_still_are(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("key,value\nexample,mazur\nseed,7\nw5_new,abc\nnet_h1,1.2770\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--from", str(sheet))
    assert code == 1 and "not a number" in out and "1 of 33 cells right" in out


def test_an_example_file_named_in_a_sheet_is_found_beside_it(tmp_path: Path, capsys) -> None:
    from worked.examples.shipped import FILES

    (tmp_path / "mine.toml").write_text((FILES / "mazur.toml").read_text(encoding="utf-8"), encoding="utf-8")
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("key,value\nexample,mine.toml\nseed,7\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--from", str(sheet))  # run from another folder than tmp_path
    assert code == 1 and "33 blank" in out


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--seed", "7", "w5_new=0.1", "w5_new=0.66712826"],
        ["check", "--from", "sheet.csv", "--example", "mazur"],
        ["check", "--seed", "7", "--set", "w1=0.1", "w5_new=0.1"],
    ],
)
def test_conflicting_options_are_exit_2(capsys, argv: list[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and len(err.splitlines()) == 1


def test_the_summary_names_a_few_cells_and_fits_the_line(tmp_path: Path, capsys) -> None:
    sheet = tmp_path / "empty.csv"
    sheet.write_text("key,value\nexample,mazur\nseed,7\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--from", str(sheet))
    assert code == 1 and "33 blank" in out and "and 25\nmore" in out
    assert max(len(line) for line in out.splitlines()[-3:]) <= 100


@pytest.mark.parametrize("seed", ["+7", "1_0", "٣", "7.0", "9" * 40])
def test_a_seed_is_ascii_digits_only(capsys, seed: str) -> None:
    code, out, err = run(capsys, "worksheet", "--seed", seed)
    assert code == 2 and out == "" and "expected a whole number" in err


def test_the_graded_json_has_the_documented_fields_and_grades(tmp_path: Path, capsys) -> None:
    from backprop_companion import json_schema
    from worked.diagnosis.worksheet import GRADES

    sheet = tmp_path / "sheet.csv"
    sheet.write_text("key,value\nexample,mazur\nseed,7\nnet_h1,1.2770\nw5_new,0.2\n", encoding="utf-8")
    code, out, _ = run(capsys, "check", "--from", str(sheet), "--json")
    facts = json.loads(out)
    assert code == 1 and list(facts) == [name for name, _, _ in json_schema.GRADED_FIELDS]
    assert facts["schema"] == json_schema.SCHEMA and facts["right"] == 1 and facts["graded"] == 33
    assert {s for s, _ in json_schema.STATUSES["check --from"]} == set(GRADES)


def test_the_sheet_as_json(capsys) -> None:
    code, out, _ = run(capsys, "worksheet", "--seed", "7", "--answers", "--json")
    facts = json.loads(out)
    assert code == 0 and facts["seed"] == 7 and facts["given"]["w5"] == 0.67
    assert {"key": "w5_new", "answer": "0.66712826"} in facts["keys"] and len(facts["keys"]) == 33


@pytest.mark.parametrize("other", [["--example", "single-neuron"], ["--set", "w1=0.1"], ["--seed", "7"]])
def test_the_slip_catalogue_is_the_posts_alone(capsys, other: list[str]) -> None:
    code, out, err = run(capsys, "check", "--list", *other)
    assert code == 2 and out == "" and "stated rule alone" in err
