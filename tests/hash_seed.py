"""One run under another hash seed, for every test that checks output does not depend on it.

Python salts ``str`` hashes per process (``PYTHONHASHSEED``), so iterating a set of names can change
order from run to run; generated docs and ``derive`` output must not. Regenerating the docs costs
tens of seconds, so a single child process, started once per test session under a seed other than
this process's, computes everything those tests compare: the docs' digests and ``derive`` in every
style. It runs while this process does its own work (two cores, two processes). Under pytest-xdist
one child serves every worker of the run (:mod:`tests.once`).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

from tests import once

ROOT = Path(__file__).resolve().parents[1]

DERIVE_ARGVS = (
    ["derive"],
    ["derive", "--latex"],
    ["derive", "--mathml"],
    ["derive", "--json"],
    ["derive", "--verify", "--max-width", "2", "--max-depth", "2", "--json", "--no-timings"],
)
"""``derive`` in every style, and the verification report without timings (timings differ per run)."""


def digests(pages: dict[str, str]) -> dict[str, str]:
    return {path: hashlib.sha256(text.encode()).hexdigest() for path, text in pages.items()}


def derive_outputs() -> list[dict[str, Any]]:
    """Each of :data:`DERIVE_ARGVS` run through the command line's ``main``: its exit code and stdout."""
    from backprop_companion.cli import main

    outputs = []
    for argv in DERIVE_ARGVS:
        buffer = io.StringIO()
        with contextlib.redirect_stdout(buffer):
            code = main(list(argv))
        outputs.append({"argv": list(argv), "code": code, "out": buffer.getvalue()})
    return outputs


def other_seed() -> str:
    """A fixed seed that differs from this process's, if this process has a fixed one at all."""
    return "4242" if os.environ.get("PYTHONHASHSEED") != "4242" else "1"


def run_child(out: str) -> None:
    """What the child does: ``{"value": {"pages": digests, "derive": outputs}}`` written to ``out`` as
    JSON (or ``{"failed": traceback}``), for :func:`tests.once.wait_for` in any worker of the run."""
    try:
        from backprop_companion.cli import main
        from backprop_companion.docs import pages

        found: dict[str, Any] = {"value": {"pages": digests(pages(main)), "derive": derive_outputs()}}
    except BaseException:  # noqa: BLE001 -- whatever it is, the waiting workers must hear of it
        found = {"failed": traceback.format_exc()[-4000:]}
    once.write(Path(out), found)


def start(out: Path) -> subprocess.Popen[bytes]:
    """The child process, under another hash seed; it leaves its result at ``out`` (see :func:`run_child`)."""
    code = f"from tests import hash_seed; hash_seed.run_child({str(out)!r})"
    env = {**os.environ, "PYTHONHASHSEED": other_seed()}
    return subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=ROOT,
        env=env,
    )
