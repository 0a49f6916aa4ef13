"""Values made once per test run, even when pytest-xdist (``-n auto``) runs the tests in several workers.

Each worker is a process with its own session fixtures, so a fixture that costs tens of seconds (the
docs, the run under another hash seed) would be made once per worker. Here the first worker to ask
claims the value (a file created with ``O_EXCL``, which only one process can create), makes it and
leaves it as JSON in the folder all workers of the run share; the others wait for that file. A
failure is left there too, so a waiting worker reports it instead of waiting out the timeout.
Without xdist the value is simply made.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

WAIT_S = 900.0
"""How long a worker waits for another's value: the docs take about a minute on a loaded machine."""
POLL_S = 0.1


def shared_folder(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """The folder every xdist worker of this run shares (the parent of each worker's own), or None
    when there are no workers."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return None
    return tmp_path_factory.getbasetemp().parent


def claim(folder: Path, name: str) -> bool:
    """True for the one process of the run that is first to claim ``name``."""
    try:
        os.close(os.open(folder / f"{name}.claim", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:
        return False
    return True


def write(path: Path, value: Any) -> None:
    """``value`` as JSON at ``path``, whole or not at all (written aside, then renamed)."""
    aside = path.with_name(path.name + f".{os.getpid()}.part")
    aside.write_text(json.dumps(value), encoding="utf-8")
    os.replace(aside, path)


def wait_for(path: Path, alive: Callable[[], bool] = lambda: True) -> Any:
    """The value at ``path`` once it is there; a failure left there is raised here. ``alive`` says
    whether whoever makes it may still write it (when not, waiting on would be in vain)."""
    deadline = time.monotonic() + WAIT_S
    while not path.exists():
        if not alive():
            time.sleep(POLL_S)  # it may have written the file just before it ended
            if not path.exists():
                raise RuntimeError(f"{path.name} was never written: its maker ended without it")
        if time.monotonic() > deadline:
            raise RuntimeError(f"{path.name} was not written within {WAIT_S:.0f} s")
        time.sleep(POLL_S)
    found = json.loads(path.read_text(encoding="utf-8"))
    if "failed" in found:
        raise RuntimeError(f"making {path.stem} failed:\n{found['failed']}")
    return found["value"]


def once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[], Any]) -> Any:
    """``make()`` (JSON-able), made by one worker of the run and read by the others."""
    folder = shared_folder(tmp_path_factory)
    if folder is None:
        return make()
    path = folder / f"{name}.json"
    if not claim(folder, name):
        return wait_for(path)
    try:
        value = make()
    except BaseException as error:
        write(path, {"failed": f"{type(error).__name__}: {error}"})
        raise
    write(path, {"value": value})
    return value
