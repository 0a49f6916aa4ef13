"""The test suite's own machinery: a value made once per run, however many xdist workers ask for it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests import once

CLAIMANTS = 4


def test_of_several_processes_claiming_a_value_exactly_one_gets_it(tmp_path: Path) -> None:
    claim = f"once.claim(Path({str(tmp_path)!r}), 'x')"
    code = f"from pathlib import Path; from tests import once; print({claim})"
    root = Path(__file__).resolve().parents[1]
    children = [
        subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True, cwd=root)
        for _ in range(CLAIMANTS)
    ]
    said = sorted(child.communicate()[0].strip() for child in children)
    assert said == ["False"] * (CLAIMANTS - 1) + ["True"]


def test_a_waiting_worker_reads_the_value_or_hears_of_the_failure(tmp_path: Path) -> None:
    once.write(tmp_path / "made.json", {"value": {"a": 1}})
    assert once.wait_for(tmp_path / "made.json") == {"a": 1}
    once.write(tmp_path / "broken.json", {"failed": "ValueError: no"})
    with pytest.raises(RuntimeError, match="ValueError: no"):
        once.wait_for(tmp_path / "broken.json")
    with pytest.raises(RuntimeError, match="never written"):
        once.wait_for(tmp_path / "missing.json", alive=lambda: False)


def test_under_xdist_the_second_asker_reads_the_first_ones_value(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw9")
    folder = tmp_path_factory.mktemp("run")
    monkeypatch.setattr(once, "shared_folder", lambda factory: folder)
    made: list[int] = []

    def make() -> dict[str, int]:
        made.append(1)
        return {"n": len(made)}

    first, second = once.once(tmp_path_factory, "v", make), once.once(tmp_path_factory, "v", make)
    assert first == second == {"n": 1} and made == [1]
