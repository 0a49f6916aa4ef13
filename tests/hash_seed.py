"""One run under another hash seed, for every test that checks output does not depend on it.

Python salts ``str`` hashes per process (``PYTHONHASHSEED``), so iterating a set of names can change
order from run to run; generated docs and ``derive`` output must not. Regenerating the docs costs
tens of seconds, so a single child process, started once per test session under a seed other than
this process's, computes everything those tests compare: the docs' digests and ``derive`` in every
style. It runs while this process does its own work (two cores, two processes).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def start() -> subprocess.Popen[str]:
    """The child process: it prints one JSON document, ``{"pages": digests, "derive": outputs}``."""
    code = (
        "import json; from backprop_companion.docs import pages; from backprop_companion.cli import main; "
        "from tests import hash_seed; "
        "print(json.dumps({'pages': hash_seed.digests(pages(main)), 'derive': hash_seed.derive_outputs()}))"
    )
    env = {**os.environ, "PYTHONHASHSEED": other_seed()}
    return subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )


def finish(child: subprocess.Popen[str]) -> dict[str, Any]:
    out, err = child.communicate(timeout=600)
    if child.returncode != 0:
        raise RuntimeError(f"the run under PYTHONHASHSEED={other_seed()} failed:\n{err[-4000:]}")
    found: dict[str, Any] = json.loads(out)
    return found
