"""The command line, fuzzed: whatever the argument list, an exit code of 0, 1 or 2, never a traceback.

Argument lists come from :func:`tests.strategies.command_lines`: each command with a random mix of
its own options, values that are sometimes valid and sometimes not, and junk words (empty strings,
unicode, NUL, overflowing and negative numbers). Runs are in-process and in a scratch folder, so
nothing can be written where a user keeps files. The ``thorough`` profile runs 2,000 command lines.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from backprop_companion.cli import main
from tests.strategies import command_lines

SLOW_OR_WRITING = {"bench", "docs"}
"""Commands that, run with valid arguments, take minutes or write files: fuzzed by the grammar only."""

EXAMPLES = 2 * settings().max_examples
"""Twice the profile's count: 50 in dev, 400 in ci, 2,000 in thorough."""


ESTIMATE = "backprop-companion: estimate: "
"""The line a long run starts with on stderr (not an error): left out of the one-line rule."""


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as scratch, contextlib.chdir(scratch):
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exit:  # --help and --version end through argparse, as they should
                code = int(exit.code or 0)
        assert os.listdir(scratch) == [], "a failed or refused run wrote files"
    said = "".join(line for line in err.getvalue().splitlines(True) if not line.startswith(ESTIMATE))
    return code, out.getvalue(), said


@settings(max_examples=EXAMPLES)
@given(command_lines())
def test_any_command_line_ends_in_a_clear_answer(argv):
    code, out, err = run(argv)
    assert code in (0, 1, 2), (argv, code)
    assert "Traceback" not in out + err, argv
    assert "internal error" not in out + err, (argv, out, err)
    assert len(err.strip().splitlines()) <= 1, (argv, err)
    if code == 2:
        assert err.startswith("backprop-companion: error: ") or '"error"' in out, (argv, out, err)
    wants_json = "--json" in argv and not {"-h", "--help", "--version"} & set(argv)
    if wants_json and argv and argv[0] in ("walkthrough", "train", "check", "gradcheck", "derive"):
        json.loads(out)  # valid JSON, whatever happened


@settings(max_examples=EXAMPLES)
@given(st.lists(st.text(max_size=12), max_size=5))
def test_any_words_at_all(argv):
    assume(not argv or argv[0] not in SLOW_OR_WRITING)
    code, out, err = run(argv)
    assert code in (0, 1, 2), (argv, code)
    assert "Traceback" not in out + err and "internal error" not in err, (argv, err)
