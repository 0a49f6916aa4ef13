"""``docs/`` replaced as a set: the new files are written into a staging folder beside ``docs/``, which
then takes its place, so an interrupt leaves either the old set or the new one, never a mix.

The swap is two renames (``docs`` aside, the staging folder in), with Ctrl-C held back between them;
a run killed outright between the two (``kill -9``) leaves the old set aside, and the next run puts
it back before anything else. Every run first removes what an interrupted run left: staging folders,
old sets aside, and the temporary files of single-file writes (``.name.XXXX.tmp``).

Files ``docs/`` holds that the generator does not make (a recorded benchmark page, a PNG, a file
nobody may read) are carried into the new set as hard links, never read, and stay where they were
until the swap; only when a link cannot be made (another file system) are they copied.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

from backprop_companion.output.files import umask, write_atomically

DEBRIS = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")
"""A temporary file of :func:`~backprop_companion.output.files.write_atomically` (``mkstemp``'s eight
random characters): a run interrupted before its rename leaves one."""


def _aside(root: Path, what: str) -> str:
    return f".{root.name}.{what}-"


def files_under(root: Path) -> list[str]:
    """Every regular file under ``root``, as a path relative to it with ``/`` between folders."""
    if not root.is_dir():
        return []
    return sorted(
        str(p.relative_to(root)).replace(os.sep, "/")
        for p in root.rglob("*")
        if p.is_file() and not p.is_symlink()
    )


def tidy(root: Path) -> None:
    """Undo what an interrupted run left: put an old set aside back if ``root`` is gone, then remove
    staging folders, old sets and temporary files."""
    parent = root.parent
    old_sets = sorted(parent.glob(_aside(root, "old") + "*"))
    kept = [aside / root.name for aside in old_sets if (aside / root.name).is_dir()]
    if not root.exists() and kept:
        os.rename(kept[-1], root)
    for leftover in (*parent.glob(_aside(root, "staging") + "*"), *parent.glob(_aside(root, "old") + "*")):
        shutil.rmtree(leftover, ignore_errors=True)
    if root.is_dir():
        for path in root.rglob(".*.tmp"):
            if DEBRIS.match(path.name) and path.is_file():
                path.unlink(missing_ok=True)


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C held back for the span of the block and delivered after it (from the main thread)."""
    held: list[int] = []
    try:
        previous = signal.signal(signal.SIGINT, lambda signum, frame: held.append(signum))
    except ValueError:  # not the main thread: no handler can be set, nor can Ctrl-C arrive here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if held:
            signal.raise_signal(signal.SIGINT)


def _carry(root: Path, staging: Path, path: str) -> None:
    source, target = root / path, staging / path
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def replace_set(root: Path, wanted: dict[str, str]) -> None:
    """Make ``root`` hold exactly ``wanted`` plus the files it holds that ``wanted`` does not name."""
    tidy(root)
    staging = Path(tempfile.mkdtemp(prefix=_aside(root, "staging"), dir=root.parent))
    try:
        for path, text in wanted.items():
            (staging / path).parent.mkdir(parents=True, exist_ok=True)
            write_atomically(staging / path, text)
            if (root / path).is_file():  # a replaced file keeps its permissions
                os.chmod(staging / path, stat.S_IMODE((root / path).stat().st_mode))
        for path in files_under(root):
            if path not in wanted and not DEBRIS.match(Path(path).name):
                _carry(root, staging, path)
        _keep_modes(root, staging)
        aside = Path(tempfile.mkdtemp(prefix=_aside(root, "old"), dir=root.parent))
        with _interrupts_held():
            if root.exists():
                os.rename(root, aside / root.name)
            os.rename(staging, root)
        shutil.rmtree(aside, ignore_errors=True)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _keep_modes(root: Path, staging: Path) -> None:
    """The new folders get the old folders' permissions (``mkdtemp`` makes them private), or, for a
    folder new to the set, what the umask gives."""
    mask = umask()
    for folder in [staging, *(p for p in staging.rglob("*") if p.is_dir())]:
        old = root / folder.relative_to(staging)
        mode = stat.S_IMODE(old.stat().st_mode) if old.is_dir() else 0o777 & ~mask
        os.chmod(folder, mode)
