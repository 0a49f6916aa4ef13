"""Budgets: each command's estimate bounds the memory it really takes, and what is over budget is
refused at once (exit 2, one line naming the estimate and the flag), before any work."""

from __future__ import annotations

import contextlib
import io
import time
import tracemalloc

import pytest

from backprop_companion import budget
from backprop_companion.cli import main
from backprop_companion.options import build_parser
from backprop_companion.options.budget import DEFAULT_MAX_MEMORY
from backprop_companion.options.types import memory_size


def measured_peak(argv: list[str]) -> tuple[int, int]:
    """The exit code and the peak of memory allocated while ``argv`` ran (tracemalloc sees numpy's
    arrays as well as Python's objects)."""
    with contextlib.redirect_stdout(io.StringIO()):
        main(["gradcheck", "--json"])  # numpy and the wings imported before measuring
    tracemalloc.start()
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            code = main(argv)
        return code, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def estimate(argv: list[str]) -> budget.Estimate:
    found = budget.ESTIMATES[argv[0]](build_parser().parse_args(argv))
    assert found is not None
    return found


GRADCHECKS = [
    ["gradcheck", "--sizes", sizes, "--batch", batch, "--mode", mode, *extra]
    for sizes, batch in (("3,5,2", "300"), ("30,30", "1"), ("30,30", "300"), ("60,60,5", "1"))
    for mode, extra in (
        ("exhaustive", []),
        ("directional", ["--directions", "40"]),
        ("equations", []),
        ("taylor", []),
    )
] + [["gradcheck", "--bug", "all", "--directions", "40"], ["gradcheck"]]
"""Every mode, at sizes and batches where each term of the estimate (parameters, activations,
directions) is the largest one somewhere."""


@pytest.mark.parametrize("argv", GRADCHECKS, ids=" ".join)
def test_the_gradcheck_estimate_bounds_the_measured_peak(argv):
    code, peak = measured_peak([*argv, "--json"])
    assert code in (0, 1)
    assert peak <= estimate(argv).memory - budget.BASE_BYTES  # the interpreter's base is not traced


def test_the_train_estimate_bounds_the_measured_peak():
    argv = ["train", "--steps", "20000", "--quiet"]
    code, peak = measured_peak(argv)
    assert code == 0 and peak <= estimate(argv).memory - budget.BASE_BYTES


def run_only_with_slow(request: pytest.FixtureRequest) -> None:
    if "slow" not in (request.config.getoption("-m") or ""):
        pytest.skip("minutes of work: run with -m slow")


@pytest.mark.slow
def test_the_derive_estimate_bounds_the_measured_peak(request):
    run_only_with_slow(request)
    argv = ["derive", "--verify", "--max-width", "2", "--max-depth", "2", "--no-timings"]
    code, peak = measured_peak(argv)
    assert code == 0 and peak <= estimate(argv).memory


@pytest.mark.slow
def test_the_bench_estimate_bounds_the_measured_peak(request):
    run_only_with_slow(request)
    argv = ["bench", "--quick", "--quiet"]
    code, peak = measured_peak(argv)
    assert code in (0, 1) and peak <= estimate(argv).memory


OVER_BUDGET = (
    ("gradcheck --sizes 1000,1000 --mode directional --directions 1000 --batch 10000", "--max-memory"),
    ("gradcheck --sizes 3,3,3 --mode directional --directions 1000 --batch 10000", "--max-memory"),
    ("gradcheck --sizes 3,3,3 --bug all --directions 1000 --batch 10000", "--max-memory"),
    ("gradcheck --sizes 3000,3000,2000 --mode equations", "--max-memory"),
    ("gradcheck --sizes 1000000,10 --batch 10000 --mode taylor", "--max-memory"),
    ("gradcheck --sizes 4000,4000,1 --max-memory 64G", "--force"),
    ("gradcheck --sizes 600,600,1", "--force"),
    ("derive --verify --max-width 5 --max-depth 5", "--force"),
    ("train --steps 10000000 --json --max-memory 1K", "--max-memory"),
)
"""The issue's cases, each refused by memory or by time, with the flag that would let it run."""


@pytest.mark.parametrize(("line", "flag"), OVER_BUDGET, ids=[c[0] for c in OVER_BUDGET])
def test_what_is_over_budget_is_refused_at_once_naming_the_flag(line, flag, capsys):
    started = time.monotonic()
    code = main(line.split())
    out, err = capsys.readouterr()
    assert code == 2 and time.monotonic() - started < 2
    message = out if "--json" in line else err
    assert message.count("\n") == 1 and flag in message and ("GiB" in message or "ceiling" in message)


def test_a_long_run_says_how_long_on_stderr_even_under_json_unless_quiet():
    for argv, said in ((["--json"], True), (["--json", "--quiet"], False), (["--steps", "10"], False)):
        args = build_parser().parse_args(["train", "--steps", "1000000", *argv])
        with contextlib.redirect_stderr(err := io.StringIO()):
            timer = budget.announce(args, budget.enforce(args))
            if timer is not None:
                timer.join()
        assert err.getvalue().startswith("backprop-companion: estimate: train will take up to ") == said
        assert err.getvalue().count("\n") == said


def test_a_refusal_after_the_estimate_is_still_one_line(capsys):
    """The announcement waits a second: a command refusing its arguments says only its refusal."""
    assert main(["derive", "--verify", "--latex"]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_memory_sizes_and_the_documented_default():
    assert memory_size(DEFAULT_MAX_MEMORY) == budget.DEFAULT_MAX_MEMORY
    assert memory_size("500M") == 500 * 2**20 and memory_size("1.5GiB") == 3 * 2**29
    assert memory_size("4096") == 4096
    for bad in ("", "4X", "-1G", "1e9", "9" * 40):
        with pytest.raises(Exception, match="expected a size"):
            memory_size(bad)


def test_the_taylor_passes_the_budget_counts_are_the_taylor_tests_own() -> None:
    from worked.gradcheck.taylor import TAYLOR_STEPS

    assert 2 * len(TAYLOR_STEPS) == budget.TAYLOR_PASSES_PER_GROUP  # each step at +h and -h
