"""Ctrl-C at random moments of a real ``docs`` process leaves the folder holding the old set or the new
one, never a mix, and ``docs --check`` clean.

Each run is a fresh interpreter started as the console script starts (``launch.main``, the real signal
handling and streams, the real ``docs`` command) with one thing replaced: the pages come ready-made
(the generator's own output, made once per session), so a run takes about a second instead of one to
two minutes, and the interrupts fall where a mix could arise, in the write and the swap.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from backprop_companion.docs import drift, write

DRIVER = """
import json, sys
import backprop_companion.docs
from backprop_companion.launch import main

pages = json.loads(open(sys.argv[1], encoding="utf-8").read())
backprop_companion.docs.pages = lambda cli, stage=None: pages
sys.argv = ["backprop-companion", "docs", *sys.argv[2:]]
sys.exit(main())
"""
"""The ``docs`` command with its pages handed in (see the module's docstring)."""

INTERRUPTS = 20
"""The acceptance's count."""

PNG = b"\x89PNG\r\n\x1a\n\xff\xfe not text"
"""A file docs/ holds that the generator does not make: carried into every set, never read."""


def _docs(pages: Path, *argv: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-c", DRIVER, str(pages), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=_ctrl_c_as_at_a_terminal,
    )


def _ctrl_c_as_at_a_terminal() -> None:
    """SIGINT's default, even when the tests run as a background job (which ignores it, and so would
    the companion: see ``test_ctrl_c_ignored_by_the_caller_stays_ignored``)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _on_disk(root: Path) -> dict[str, bytes]:
    """Every file under ``root``, hidden ones (a temporary file left behind) included."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _staging(parent: Path) -> bool:
    return any(p.name.startswith(".docs.staging-") for p in parent.iterdir())


def _staging_seen(parent: Path, process: subprocess.Popen[bytes]) -> bool:
    """Wait until the run starts writing (its staging folder appears beside docs/); False if it ended."""
    while process.poll() is None:
        if _staging(parent):
            return True
        time.sleep(0.0005)
    return False


def _staging_gone(parent: Path) -> float:
    """Seconds until the staging folder is swapped in: the span where a mix could arise."""
    started = time.monotonic()
    while _staging(parent):
        time.sleep(0.0005)
    return time.monotonic() - started


@pytest.mark.filterwarnings("ignore::ResourceWarning")  # Popen objects of the timed runs
def test_interrupts_of_a_real_docs_process_leave_the_old_set_or_the_new_one(generated, tmp_path: Path):
    root = tmp_path / "docs"
    new = dict(generated)
    old = {path: text + "an older version\n" for path, text in new.items()}
    pages = tmp_path / "pages.json"
    pages.write_text(json.dumps(new), encoding="utf-8")
    write(root, old)
    (root / "photo.png").write_bytes(PNG)
    old_bytes, new_bytes = _on_disk(root), {**{p: t.encode() for p, t in new.items()}, "photo.png": PNG}

    writes = []  # from the staging folder's appearance to its swap, uninterrupted
    for _ in range(2):
        write(root, old)
        process = _docs(pages, "--out", str(root))
        assert _staging_seen(tmp_path, process)
        writes.append(_staging_gone(tmp_path))
        assert process.wait(timeout=120) == 0, process.communicate()
        assert _on_disk(root) == new_bytes
    rng, interrupted = random.Random(18), 0
    for _ in range(INTERRUPTS):
        write(root, old)
        process = _docs(pages, "--out", str(root))
        if _staging_seen(tmp_path, process):
            time.sleep(rng.uniform(0, max(writes)))
            process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=120)
        if process.returncode == 130:
            interrupted += 1
            assert err == b"backprop-companion: error: interrupted\n"
        else:
            assert (process.returncode, err) == (0, b""), err
        held = _on_disk(root)
        assert held in (old_bytes, new_bytes)  # never a mix, no temporary file left inside
        assert drift(root, new if held == new_bytes else old).splitlines() == [
            "docs/photo.png: not made by the generator (docs/ holds generated files only)"
        ]  # what docs --check says: nothing but the file put there on purpose
    assert interrupted >= INTERRUPTS // 4  # the moments fell inside the write, as meant
    os.remove(root / "photo.png")
    process = _docs(pages, "--out", str(root))  # the next run tidies what the others left
    assert process.wait(timeout=120) == 0
    check = _docs(pages, "--out", str(root), "--check")
    _, err = check.communicate(timeout=120)
    assert (check.returncode, err) == (0, b""), err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "pages.json"]
