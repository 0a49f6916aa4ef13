"""A reader's script, type-checked with ``mypy --strict`` against the package as installed.

The package is laid out as a wheel lays it out: setuptools' ``build_py`` (the step of building a wheel
that copies each package and its package data) run on a copy of the sources, so ``py.typed`` is there
only if ``pyproject.toml`` ships it. That tree is put on the reader's path the way an installed
package is found, outside this repository, where mypy applies PEP 561: without ``py.typed`` it
refuses to read the package's types at all. (An editable install is invisible to mypy, whose import
hook it cannot follow.) Two negative controls show the check has power: a script with a type error
fails, and the same tree without ``py.typed`` fails.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("mypy", reason="mypy is in the test extra: pip install -e '.[test]'")
pytest.importorskip("setuptools", reason="laying the package out as a wheel does needs setuptools's build_py")

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ("worked", "symbolic", "backprop_companion", "pyproject.toml", "README.md")

READER = '''\
"""A reader's script: the documented API, with the types a reader would write."""

import numpy as np

from worked import tutorial
from worked.core import Network, Trajectory, step, train
from worked.diagnosis import Diagnosis, diagnose
from worked.gradcheck import Report, gradcheck
from worked.tutorial import Entry, Walkthrough

net: Network = tutorial.network()
after: Network = step(net, tutorial.x(), tutorial.y(), 0.5)
run: Trajectory = train(net, tutorial.x(), tutorial.y(), 0.5, 10)
last: float = float(run.errors[-1])
walk: Walkthrough = tutorial.walkthrough()
entry: Entry = walk["out_o1"]
value: float = walk.value("out_o1")
keys: list[str] = list(walk)
rng = np.random.default_rng(0)
random: Network = Network.random([3, 4, 2], rng, activation="tanh")
report: Report = gradcheck(random, rng.standard_normal((5, 3)), rng.standard_normal((5, 2)))
verdict: str = report.verdict
mine: Diagnosis = diagnose("w5_new", "0.35891648")
agrees: bool = mine.matches_stated_rule
'''


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package as a wheel would install it, under a fresh folder; returns that folder."""
    source, built = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("site")
    for name in SHIPPED:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, source / name)
    setup = [sys.executable, "-c", "import setuptools; setuptools.setup()", "-q", "build_py"]
    subprocess.run([*setup, "--build-lib", str(built)], cwd=source, check=True, capture_output=True)
    return built


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One mypy cache for the module's runs: the package is analysed once, not per script."""
    return tmp_path_factory.mktemp("mypy-cache")


def mypy(script: str, site: Path, where: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on ``script``, run in ``where`` (no project config), with ``site`` on the path."""
    (where / "reader.py").write_text(script, encoding="utf-8")
    (where / "mypy.ini").write_text("[mypy]\n", encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(site)}
    options = ["--strict", "--config-file", "mypy.ini", "--cache-dir", str(cache)]
    command = [sys.executable, "-m", "mypy", *options, "reader.py"]
    return subprocess.run(command, cwd=where, env=environment, capture_output=True, text=True)


def test_a_reader_s_script_passes_mypy_strict_against_the_installed_package(installed, cache, tmp_path):
    assert (installed / "worked" / "py.typed").is_file()  # shipped by pyproject's package data
    checked = mypy(READER, installed, tmp_path, cache)
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_type_error_in_the_reader_s_script_is_caught(installed, cache, tmp_path):
    checked = mypy(READER + 'wrong: str = walk.value("out_o1")\n', installed, tmp_path, cache)
    assert checked.returncode == 1
    assert 'expression has type "float", variable has type "str"' in checked.stdout


def test_without_py_typed_mypy_will_not_read_the_package(installed, cache, tmp_path):
    bare = tmp_path / "site"
    shutil.copytree(installed, bare)
    for marker in bare.glob("*/py.typed"):
        marker.unlink()
    checked = mypy(READER, bare, tmp_path, cache)
    assert checked.returncode == 1 and "missing library stubs or py.typed marker" in checked.stdout
