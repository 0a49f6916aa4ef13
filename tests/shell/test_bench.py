"""``backprop-companion bench``: every ratio of issue 6 is reported with its target and a verdict.

Nothing here asserts a timing: timings differ per machine and per run. The end-to-end test runs the
whole ``--quick`` suite in-process, with smaller measured cases (two sweep sizes, each command
started once, the smallest sympy sweep), and checks what the report says, not how fast anything was.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from backprop_companion.bench import cases, sweep, timing
from backprop_companion.bench.timing import Result
from backprop_companion.cli import main
from backprop_companion.errors import EXIT_USAGE


def _no_nan(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


WIDTHS = (2, 7)
"""The sweep's networks here: two sizes, the fewest that give a growth exponent (``--quick`` has 4)."""

STARTUP_REPEATS = 1
"""Each command started once (``--quick`` takes the median of 3): what is checked is the report."""

DERIVE_SWEEP = ["--max-width", "1", "--max-depth", "1"]
"""The smallest sympy sweep: the row is the same, its run takes seconds instead of tens."""

TIMING_EFFORT = {"REPEATS": 3, "ROUNDS": 3, "MIN_TIME_S": 0.002}
"""Medians of 3 short batches instead of 7 (or 9 rounds) of 20 ms: the same rows, a third of the time."""


@pytest.fixture(scope="module")
def quick(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[dict[str, Any], Path]]:
    """``bench --quick`` with smaller measured cases and fewer timings of each: these tests check
    what the report says, and every row, target and verdict is there whatever the sizes measured."""
    figure = tmp_path_factory.mktemp("bench") / "fd-cost.svg"
    docs = tmp_path_factory.mktemp("recorded") / "docs"
    (docs / "figures").mkdir(parents=True)
    startup = cases.startup
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(sweep, "QUICK_WIDTHS", WIDTHS)
        patch.setattr(cases, "startup", lambda repeats: startup(STARTUP_REPEATS))
        patch.setattr(cases, "DERIVE_VERIFY", [*cases.DERIVE_VERIFY, *DERIVE_SWEEP])
        for name, effort in TIMING_EFFORT.items():
            patch.setattr(timing, name, effort)
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = main(["bench", "--quick", "--json", "--plot", str(figure), "--record", str(docs)])
    assert code == 0
    yield json.loads(out.getvalue(), parse_constant=_no_nan), figure


def _widths_to_p(widths: tuple[int, ...]) -> list[int]:
    return [2 * n * n + 2 * n for n in widths]


JUDGED = {
    "gradient / forward, [784, 30, 10] batch 100": 2.3,
    "gradient / forward, [512, 512, 512, 10] batch 64": 3.0,
    "per-example loop / vectorised batch, [784, 30, 10] mini-batch 10": 10.0,
    "the tutorial's 10,000 steps through train": 200.0,
    "the tutorial's 10,000 steps through train / a plain-float loop": 1.5,
    "backprop-companion --help": 60.0,
    "backprop-companion (the walkthrough)": 0.6,
    **{f"directional check (k = 3) / gradient, P = {p:,}": 3.0 for p in _widths_to_p(WIDTHS)},
    **{f"exhaustive check / 2P forward passes, P = {p:,}": 1.2 for p in _widths_to_p(WIDTHS)},
}
"""Every ratio of the issue, with its target, as the quick run must report it."""


def test_every_ratio_of_the_issue_is_reported_with_its_target_and_a_verdict(quick):
    report, _ = quick
    results = {r["case"]: r for r in report["results"]}
    for case, target in JUDGED.items():
        r = results[case]
        assert r["target"] == target, case
        assert isinstance(r["value"], float) and math.isfinite(r["value"]), case
        assert r["passed"] in (True, False), case
        assert (r["miss"] == "") == r["passed"], case  # a miss says by how much
        assert r["skipped"] == "", case


def test_derive_verify_is_timed_against_its_target_or_skipped_with_the_reason(quick):
    report, _ = quick
    (r,) = [r for r in report["results"] if r["case"].startswith("backprop-companion derive --verify")]
    assert r["target"] == cases.DERIVE_TARGET_S
    if r["skipped"]:
        assert r["passed"] is None and r["value"] is None and "exit 2" in r["skipped"]
    else:
        assert r["passed"] in (True, False)


@pytest.mark.parametrize("name", ["torch", "jax"])
def test_frameworks_are_measured_when_importable_and_skipped_otherwise(quick, name):
    report, _ = quick
    (r,) = [r for r in report["results"] if r["case"].startswith(f"gradient / forward through {name}")]
    if importlib.util.find_spec(name) is None:
        assert r["value"] is None and r["passed"] is None
        assert r["skipped"] == f"{name} is not installed here"
    else:
        assert r["skipped"] == "" and r["failed"] == ""
        assert "agrees with BP1-BP4" in r["detail"]


TORCH_GOALS = {
    "gradient: Network.backprop / torch autograd, [784, 30, 10] batch 10": 0.5,
    "gradient: Network.backprop / torch autograd, [784, 30, 10] batch 100": 0.8,
    "gradient: Network.backprop / torch autograd, [512, 512, 512, 10] batch 64": 1.0,
}
"""The issue's ceilings against torch: judged where torch is installed, reported as skipped elsewhere."""


def test_each_ratio_to_torch_is_reported_with_its_goal_measured_or_not_installed(quick):
    report, _ = quick
    results = {r["case"]: r for r in report["results"]}
    for case, goal in TORCH_GOALS.items():
        r = results[case]
        assert r["target"] == goal, case
        if importlib.util.find_spec("torch") is None:
            assert (r["value"], r["passed"], r["skipped"]) == (None, None, "torch is not installed here")
        else:
            assert r["passed"] in (True, False) and r["failed"] == "", case


def test_the_plain_float_loop_computes_what_train_does():
    from backprop_companion.bench import tiny
    from worked import mazur, tutorial
    from worked.core.training import train

    net = tutorial.network()
    general = train(net, tutorial.x(), tutorial.y(), mazur.ETA, 100, train_biases=False).errors[-1]
    plain = tiny.plain_loop(
        [w.tolist() for w in net.weights], [0.35, 0.6], tutorial.x().tolist(), tutorial.y().tolist(), 100
    )
    assert plain == pytest.approx(general, rel=tiny.AGREEMENT)


def test_growth_exponents_and_the_sweep_are_reported(quick):
    report, _ = quick
    exponents = [r for r in report["results"] if r["case"].startswith("growth exponent")]
    assert [r["case"].split(": ")[1] for r in exponents] == [
        "backprop gradient",
        "exhaustive check",
        "directional check (k = 3)",
    ]
    assert all(isinstance(r["value"], float) for r in exponents)
    sizes = report["million_and_one"]
    assert [s["parameters"] for s in sizes] == _widths_to_p(WIDTHS)
    assert all(s["checks_pass"] for s in sizes)
    assert any("drawing the 3 directions" in note for note in report["notes"])


def test_the_figure_is_written(quick):
    report, figure = quick
    assert report["plot"] == str(figure)
    svg = figure.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and svg.endswith("</svg>\n")
    for label in ("exhaustive check", "2P forward passes", "directional check, k = 3", "backprop gradient"):
        assert label in svg
    assert [p.name for p in figure.parent.iterdir()] == [figure.name]  # no temporary left behind


def test_the_run_is_recorded_as_a_page_the_drift_check_accepts(quick):
    from xml.etree import ElementTree

    from backprop_companion.bench import record
    from backprop_companion.docs import drift
    from backprop_companion.output import recorded_header

    report, _ = quick
    page, figure = (Path(p) for p in report["recorded"])
    assert page.read_text(encoding="utf-8").startswith(recorded_header(record.PAGE))
    assert figure.read_text(encoding="utf-8").startswith(recorded_header(record.FIGURE))
    ElementTree.parse(figure)  # a well-formed SVG, header comment included
    assert drift(page.parent, {}) == ""  # recorded files are not drift; nothing else is there


@pytest.mark.parametrize("where", ["no-such-directory/fd.svg", "."])
def test_a_figure_that_cannot_be_written_is_one_line_before_anything_runs(capsys, tmp_path, where):
    code = main(["bench", "--quick", "--plot", str(tmp_path / where)])
    out, err = capsys.readouterr()
    assert code == EXIT_USAGE and out == ""
    assert err.startswith("backprop-companion: error: --plot") and err.count("\n") == 1


def test_a_command_this_build_lacks_is_skipped_with_what_argparse_said(monkeypatch):
    monkeypatch.setattr(cases, "DERIVE_VERIFY", ["no-such-command", "--json"])
    r = cases.derive_verify()
    assert r.passed is None and r.value is None
    assert r.skipped.startswith("not in this build (exit 2:") and "invalid choice" in r.skipped


def test_a_result_says_met_missed_by_how_much_skipped_or_failed():
    assert Result("a", 1.0, "×", 2.0).passed is True
    assert Result("a", 3.0, "×", 2.0).miss == "missed by 50%"
    assert Result("a", 1.25, "×", 1.2).miss == "missed by 4.2%"  # a near miss keeps a decimal
    assert Result("a", 5.0, "×", 10.0, at_least=True).miss == "missed by 100%"
    skipped = Result("a", None, "×", 2.0, skipped="not here")
    assert skipped.passed is None and skipped.miss == ""
    failed = Result("a", 1.0, "s", 2.0, failed="exit 1")
    assert failed.passed is False and failed.miss == "failed: exit 1"
    assert Result("a", math.nan, "", None).as_dict()["value"] is None  # JSON has no NaN


def test_growth_exponent_of_a_power_law_is_its_power():
    ps = [10.0, 100.0, 1000.0, 10000.0]
    assert sweep.exponent(ps, [3e-6 * p**1.5 for p in ps]) == pytest.approx(1.5, rel=1e-12)
    assert math.isnan(sweep.exponent([10.0], [1.0]))


def test_the_ratios_are_the_quotients_the_issue_names():
    # Made-up seconds: each ratio must be the quotient its name says, whatever the machine.
    t = sweep.Timings((7, 7, 7), 112, 1e-5, 2e-5, 2.4e-3, 3e-4, 5e-5, 1e-5, True)
    rows = {r.case.split(",")[0]: r for r in sweep.results([t])}
    assert rows["directional check (k = 3) / gradient"].value == pytest.approx(2.5)
    assert rows["exhaustive check / 2P forward passes"].value == pytest.approx(2.4e-3 / (2 * 112 * 1e-5))
    assert "naming the 112 parameters" in rows["exhaustive check / 2P forward passes"].detail


@pytest.mark.parametrize("argv", [["--plot", "fd-cost.svg"], ["--record", "docs"]])
def test_a_figure_without_matplotlib_says_how_to_get_it(capsys, monkeypatch, argv):
    from backprop_companion.output import extras

    monkeypatch.setattr(extras, "find_spec", lambda name: None)
    assert main(["bench", *argv]) == 2
    assert (
        capsys.readouterr().err.strip().endswith("needs matplotlib: pip install 'backprop-companion[docs]'")
    )
