"""Every case of the bad-input catalogue gets its exit code or exception, in one line, never a traceback."""

from __future__ import annotations

import json

import pytest

from backprop_companion.bad_inputs import COMMAND_LINES, PYTHON_CALLS, run_command_line, run_python
from backprop_companion.cli import main


@pytest.mark.parametrize(("line", "what", "exit_code"), COMMAND_LINES, ids=[c[0] for c in COMMAND_LINES])
def test_command_line(line, what, exit_code):
    outcome = run_command_line(main, line)
    assert outcome.exit == str(exit_code), (what, outcome)
    assert "Traceback" not in outcome.stdout + outcome.stderr
    if "--json" in line.split():
        assert outcome.stderr == ""
        assert json.loads(outcome.stdout)["exit_code"] == exit_code
    else:
        assert outcome.stdout == ""
        assert len(outcome.stderr.strip().splitlines()) == 1
        assert outcome.stderr.startswith("backprop-companion: error: ")


@pytest.mark.parametrize("expression", PYTHON_CALLS)
def test_python_call(expression):
    outcome = run_python(expression)
    assert outcome.exit in {"InvalidInput", "InvalidType", "ValueError", "TypeError"}, outcome
    assert outcome.stderr and "\n" not in outcome.stderr


@pytest.mark.parametrize("argv", [["--version", "--json"], ["--json", "--version"]], ids=" ".join)
def test_version_under_json_is_json(capsys, argv):
    assert main(argv) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"version"}


def test_a_long_input_is_quoted_with_its_middle_cut_out_and_the_explanation_kept(capsys):
    from backprop_companion.cli import LONGEST_WORD

    assert main(["gradcheck", "--bug", "x" * 100_000]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "99,8" in err and "characters left out" in err
    assert len(err) < 3 * LONGEST_WORD + 200 and err.endswith(
        "a-and-delta-swapped\n"
    )  # the list of bugs, whole


def test_a_long_explanation_is_never_cut():
    """The list of conventions --impl accepts runs past 500 characters; every word of it is the
    program's own, so none is left out."""
    from backprop_companion.cli import one_line

    explanation = "expected " + "; ".join(
        f"convention {i}: a function f(x, y) -> (cost, grad)" for i in range(20)
    )
    assert one_line(explanation) == explanation


def test_very_many_short_words_are_cut_too():
    from backprop_companion.cli import LONGEST_MESSAGE, one_line

    assert len(one_line("a " * 100_000)) < LONGEST_MESSAGE + 100


def test_the_bad_input_page_says_the_length_a_quoted_word_is_cut_at():
    from pathlib import Path

    from backprop_companion.cli import LONGEST_WORD

    page = Path(__file__).resolve().parents[2] / "backprop_companion/docs/templates/bad-input.md"
    assert f"a word over {LONGEST_WORD} characters" in page.read_text(encoding="utf-8")
