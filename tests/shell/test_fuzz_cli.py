"""The command line, fuzzed: whatever the argument list, an exit code of 0, 1 or 2, never a traceback.

Argument lists come from :func:`tests.strategies.command_lines`: each command with a random mix of
its own options, values that are sometimes valid and sometimes not, and junk words (empty strings,
unicode, NUL, overflowing and negative numbers). Runs are in-process and in a scratch folder, so
nothing can be written where a user keeps files, and under a memory cap of the budget's default
(2 GiB of address space beyond what the test process has mapped), so a line that the budget lets
through but that needs more ends in exit 3 and fails. The ``thorough`` profile runs 2,000 command lines.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import resource
import tempfile
from collections.abc import Iterator

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from backprop_companion import budget
from backprop_companion.cli import main
from tests.strategies import command_lines

SLOW_OR_WRITING = {"bench", "docs"}
"""Commands that, run with valid arguments, take minutes or write files: fuzzed by the grammar only."""

EXAMPLES = 2 * settings().max_examples
"""Twice the profile's count: 50 in dev, 400 in ci, 2,000 in thorough."""


ESTIMATE = "backprop-companion: estimate: "
"""The line a long run starts with on stderr (not an error): left out of the one-line rule."""


def _address_space() -> int:
    """Bytes of address space this process has mapped now (VmSize)."""
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmSize:"))


@contextlib.contextmanager
def _memory_capped() -> Iterator[None]:
    """Cap the address space at what is mapped now plus the budget's default (the soft limit, put
    back after): a command line that needs more than the budget ends in ``MemoryError``, which the
    command line reports as an internal error (exit 3), which every test here refuses."""
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = _address_space() + budget.DEFAULT_MAX_MEMORY
    resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


def run(argv: list[str]) -> tuple[int, str, str]:
    """Run ``argv`` in a scratch folder, under the memory cap: (exit code, stdout, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as scratch, contextlib.chdir(scratch), _memory_capped():
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


# -- budgets: hostile sizes, batches and directions ----------------------------------------------------

WIDTHS = st.sampled_from([1, 2, 3, 30, 1_000, 4_000, 100_000, 1_000_000])
"""From the tutorial's widths to the issue's 1,000,000: most products are far over any budget."""


@st.composite
def gradcheck_budget_lines(draw: st.DrawFn) -> list[str]:
    """A gradient check of any size, batch, directions, mode and bug, with or without a budget flag."""
    sizes = ",".join(str(draw(WIDTHS)) for _ in range(draw(st.integers(2, 3))))
    argv = ["gradcheck", "--sizes", sizes, "--batch", draw(st.sampled_from(["1", "4", "300", "10000"]))]
    argv += ["--mode", draw(st.sampled_from(["exhaustive", "directional", "equations", "taylor"]))]
    if argv[-1] == "directional":
        argv += ["--directions", draw(st.sampled_from(["1", "3", "1000"]))]
    if draw(st.booleans()):
        argv += [draw(st.sampled_from(["--quiet", "--json", "--max-memory", "--force"]))]
        if argv[-1] == "--max-memory":
            argv.append(draw(st.sampled_from(["1K", "64M", "2G", "1T", "0", "x"])))
    return argv


QUICK_RUN_S = 0.5
"""Lines the budget lets through are run only when estimated this fast: the rest are checked by
their estimate (which the budget tests bound) rather than by minutes of fuzzing."""


@settings(max_examples=EXAMPLES)
@given(gradcheck_budget_lines())
def test_whatever_the_sizes_a_check_is_refused_at_once_or_runs_within_its_estimate(argv):
    import time
    import tracemalloc

    from backprop_companion.options import build_parser

    try:
        args = build_parser().parse_args(argv)
    except Exception:  # noqa: BLE001 - a malformed --max-memory: the command line refuses it
        code, _, err = run(argv)
        assert code == 2 and err.count("\n") == 1, (argv, err)
        return
    estimate = budget.ESTIMATES["gradcheck"](args)
    assert estimate is not None
    limit = args.max_memory or budget.DEFAULT_MAX_MEMORY
    over = estimate.memory > limit or (estimate.seconds > budget.CEILING_S and not args.force)
    if over or estimate.seconds < QUICK_RUN_S:
        tracemalloc.start()
        started = time.monotonic()
        try:
            code, out, err = run(argv)
        finally:
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        assert code in (0, 1, 2) and "Traceback" not in out + err, (argv, err)
        if over:
            assert code == 2 and time.monotonic() - started < 2, (argv, code)
        else:
            assert peak <= estimate.memory, (argv, peak, estimate)


CAPPED_LINES = (
    "gradcheck --sizes 1000,1000 --mode directional --directions 1000 --batch 10000",
    "gradcheck --sizes 3,3,3 --mode directional --directions 1000 --batch 10000",
    "gradcheck --sizes 3,3,3 --bug all --directions 1000 --batch 10000",
    "gradcheck --sizes 3000,3000,2000 --mode equations",
    "gradcheck --sizes 1000000,10 --batch 10000 --mode taylor",
    "gradcheck --sizes 100,100,10 --batch 300 --mode directional --directions 3",
    "train --steps 100000 --quiet",
    "walkthrough --json",
)
"""The issue's cases, and runs that the budget lets through, under the cap."""

ADDRESS_SPACE_SLACK = 2**30
"""Address space beyond the memory budget: the interpreter, numpy and OpenBLAS map about 190 MB
(VmPeak after a small check), and a budgeted run's arrays come on top; 1 GiB leaves room for both."""


def test_under_a_memory_cap_of_the_budget_no_line_runs_out_of_memory():
    """In a fresh interpreter whose address space is capped at the budget (plus the interpreter's
    own), the issue's cases are refused and budgeted runs finish: none ends in MemoryError (exit 3)."""
    import subprocess
    import sys

    program = (
        "import resource, shlex, contextlib, io, sys\n"
        f"cap = {budget.DEFAULT_MAX_MEMORY + ADDRESS_SPACE_SLACK}\n"
        "resource.setrlimit(resource.RLIMIT_AS, (cap, cap))\n"
        "from backprop_companion.cli import main\n"
        "codes = []\n"
        f"for line in {list(CAPPED_LINES)!r}:\n"
        "    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "        codes.append(main(shlex.split(line)))\n"
        "print(codes)\n"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[2, 2, 2, 2, 2, 0, 0, 0]", done.stdout


def test_the_memory_cap_of_the_fuzzing_bites():
    """The control: under the cap, an allocation of more than the budget fails; after it, it succeeds."""
    import numpy as np
    import pytest

    with _memory_capped(), pytest.raises(MemoryError):
        np.ones(budget.DEFAULT_MAX_MEMORY + 2**28, dtype=np.uint8)
    assert np.ones(2**20, dtype=np.uint8).sum() == 2**20
