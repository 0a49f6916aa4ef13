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


def test_version_under_json_is_json(capsys):
    assert main(["--version", "--json"]) == 0
    assert set(json.loads(capsys.readouterr().out)) == {"version"}


def test_a_long_input_is_quoted_with_its_middle_cut_out(capsys):
    from backprop_companion.cli import LONGEST_MESSAGE

    assert main(["gradcheck", "--bug", "x" * 100_000]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "characters left out" in err
    assert len(err) < LONGEST_MESSAGE + 100
