"""Hypothesis profiles for the property tests, chosen with the environment variable ``HYPOTHESIS_PROFILE``.

``dev`` (the default)
    25 examples per property: the whole property suite in a few seconds, for every edit.
``ci``
    200 examples per property, derandomized (the same examples on every run, so a red build is
    reproducible), with no example database and the reproduction blob printed on failure.
``thorough``
    1,000 examples per property, for before a release or after touching the checker:
    ``HYPOTHESIS_PROFILE=thorough python -m pytest tests/core/test_gradient_properties.py``
    (a few minutes).

The numerical-gradient helper's own tests (``test_numerical.py``) run first: every other check
stands on them, so when they fail, that failure is the one to read.

The quick tier, for the inner loop: ``python -m pytest -m quick`` (about 10 s) runs the numerical
helper and the checker, the network and its properties, training, BP1-BP4 proved on a sample with
their negative controls, and the command line (walkthrough, train, check, gradcheck, derive), with
the layering. :data:`QUICK` marks it by path and test name (less :data:`NOT_QUICK`), so no test
file changes for it; the plain command still runs everything (the docs, the benchmark report, the
hash-seed runs, the fuzzer).

No profile has a deadline: an exhaustive check of a four-layer network takes milliseconds, but a
loaded machine must not turn that into a flaky failure. An unknown profile name is an error.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from tests import hash_seed, once

settings.register_profile("dev", max_examples=25, deadline=None)
settings.register_profile(
    "ci", max_examples=200, deadline=None, derandomize=True, database=None, print_blob=True
)
settings.register_profile(
    "thorough", max_examples=1_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


QUICK = (
    ("tests/gradcheck/", ""),  # the numerical-gradient helper, then the checker, its modes and bugs
    ("tests/core/", ""),  # the network: BP1-BP4 against differences, properties, training
    ("tests/symbolic/test_bp.py", ""),  # BP1-BP4 at generic width, on a sample of the sweep
    ("tests/symbolic/test_controls.py", ""),  # the deliberate mistakes, each refuted
    ("tests/shell/test_cli.py", ""),  # the walkthrough and train, text and JSON; bad usage
    ("tests/shell/test_cmd_gradcheck.py", ""),
    ("tests/shell/test_cmd_derive.py", "test_derive"),  # derive in every style; --verify is the full run's
    ("tests/shell/test_cmd_derive.py", "test_bad_usage"),
    ("tests/diagnosis/test_check.py", "test_check_"),  # the check command, end to end
    ("tests/test_layering.py", ""),
    ("tests/testing/", ""),  # worked.testing, readers' assertion, on right and buggy fixtures
)
"""The quick tier, ``pytest -m quick``: (path, test-name prefix) pairs marked ``quick`` at collection."""

NOT_QUICK = (
    "test_training_reports_progress",  # 2 s of training that test_ten_thousand_steps already does
    "test_symbolic_definitions_agree_with_worked_backprop[sizes1",  # the larger case; sizes0 stays
    "test_concrete_sweeps_prove_everything[tanh",  # a second concrete sweep; sigmoid's stays
    "test_train_json_ends_at_the_expected_outputs[output-first",  # the other order; core has both
    "test_ten_thousand_steps[output-first",  # the errata's run; the stated rule's 10,000 steps stay
    "test_importing_",  # layering in fresh interpreters (about 1 s); the import rules themselves stay
    "test_train_plot_",  # 10,000 steps drawn by matplotlib (1.5 s); the figure writer has its own tests
    "test_train_prints_e_total_in_fixed",  # 10,000 steps again; test_ten_thousand_steps has the numbers
    "test_train_every_as_csv",  # 10,000 steps again, as CSV
)
"""Tests of the quick tier's files left to the full run: each repeats a quicker neighbour, slowly."""


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """Under ``-m quick``, files that hold no quick test are not even collected (importing and
    parametrizing them would cost seconds of the tier's budget); otherwise pytest decides."""
    if config.getoption("markexpr") != "quick" or collection_path.suffix != ".py":
        return None
    relative = collection_path.relative_to(config.rootpath).as_posix()
    if not relative.startswith("tests/") or not collection_path.name.startswith("test_"):
        return None
    return not any(relative.startswith(path) for path, _ in QUICK)


LONGEST_FIRST = (
    "tests/shell/test_terminal.py",  # fresh interpreters under hostile streams and signals
    "tests/shell/test_docs.py",  # the docs generated (and again under another hash seed)
    "tests/shell/test_bench.py",  # bench --quick
    "tests/shell/test_cmd_derive.py",  # derive --verify, and its controls
    "tests/shell/test_fuzz_cli.py",
    "tests/shell/test_docs_in_browser.py",  # Chromium
    "tests/shell/test_budget.py",
    "tests/diagnosis/test_check.py",  # the mistakes' 10,000-step trainings
    "tests/shell/test_docs_interrupts.py",
    "tests/test_reader_types.py",  # mypy
)
"""The files that take longest (seconds of a run each, or tens), longest first. Under pytest-xdist a
file is one unit of work (``--dist loadfile``) handed to the next free worker in collection order, so
the long ones go first and the many short ones fill in behind them; last, one would run alone at the end.
A file missing here only runs later; the order changes no result."""


def _order(item: pytest.Item) -> tuple[bool, int]:
    """The helper's tests first (every other check stands on them), then :data:`LONGEST_FIRST`."""
    path = item.nodeid.split("::")[0]
    rank = LONGEST_FIRST.index(path) if path in LONGEST_FIRST else len(LONGEST_FIRST)
    return item.path.name != "test_numerical.py", rank


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the quick tier; then order the files (:func:`_order`), the rest in their order (the sort
    is stable)."""
    for item in items:
        chosen = any(item.nodeid.startswith(path) and item.name.startswith(name) for path, name in QUICK)
        if chosen and not item.name.startswith(NOT_QUICK):
            item.add_marker(pytest.mark.quick)
    items.sort(key=_order)


@pytest.fixture(scope="session")
def _hash_seed_result(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Any]]:
    """Where the run under another hash seed leaves its result, and the child if this process started
    it (one child per run: under pytest-xdist, the first worker to need it starts it)."""
    folder = once.shared_folder(tmp_path_factory) or tmp_path_factory.mktemp("hash-seed")
    result = folder / "hash-seed.json"
    child = hash_seed.start(result) if once.claim(folder, "hash-seed") else None
    yield result, child
    if child is not None and child.poll() is None:
        if once.shared_folder(tmp_path_factory) is not None:
            child.wait(timeout=once.WAIT_S)  # another worker may still be waiting for its result
        else:  # a run that never asked for the result: stop it
            child.kill()
            child.wait()


@pytest.fixture(scope="session")
def under_another_hash_seed(_hash_seed_result: tuple[Path, Any]) -> dict[str, Any]:
    """The docs' digests and ``derive``'s outputs, computed once per run under another hash seed."""
    result, child = _hash_seed_result
    found: dict[str, Any] = once.wait_for(result, lambda: child is None or child.poll() is None)
    return found


@pytest.fixture(scope="session")
def generated(
    _hash_seed_result: tuple[Path, Any], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """The docs as the generator writes them now, made once per run (tens of seconds); the run under
    another hash seed goes on meanwhile, on the other core."""
    from backprop_companion.cli import main
    from backprop_companion.docs import pages

    made: dict[str, str] = once.once(tmp_path_factory, "generated", lambda: pages(main))
    return made
