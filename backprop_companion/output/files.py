"""Files written whole or not at all, and only where a file belongs.

- A symlink is followed: its target is what gets written, and the link stays a link.
- Anything that is not a regular file (a device, a FIFO, a folder) is refused, never replaced.
- A new file gets the permissions the umask gives (as ``open`` would); a replaced one keeps its own.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class NotAFile(OSError):
    """``target`` exists and is not a regular file (a device, a FIFO, a folder): it is left alone."""

    def __init__(self, target: Path, kind: str) -> None:
        super().__init__(f"{target} is {kind}, not a regular file; it was left alone")
        self.strerror = f"it is {kind}, not a regular file"


KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
)


def writable_target(target: Path) -> Path:
    """The path to write for ``target``: a symlink's final target; raise :class:`NotAFile` if what is
    there is not a regular file. A path with nothing there yet is returned as it is."""
    real = Path(os.path.realpath(target))
    try:
        mode = real.stat().st_mode
    except (FileNotFoundError, NotADirectoryError):  # nothing there (or a file where a folder belongs)
        return real
    if not stat.S_ISREG(mode):
        kind = next((name for is_kind, name in KINDS if is_kind(mode)), "not a regular file")
        raise NotAFile(target, kind)
    return real


def umask() -> int:
    """The process's umask (the permission bits a new file or folder does not get)."""
    mask = os.umask(0o022)  # read by setting: the only portable way; set straight back
    os.umask(mask)
    return mask


def write_atomically(target: Path, text: str) -> None:
    """Write ``text`` to a temporary file beside ``target``, then rename it over ``target``: a
    reader sees the old file or the new one, never half of one, and a failure leaves no debris."""
    real = writable_target(target)
    try:
        mode = stat.S_IMODE(real.stat().st_mode)
    except FileNotFoundError:
        mode = 0o666 & ~umask()
    fd, temporary = tempfile.mkstemp(prefix=f".{real.name}.", suffix=".tmp", dir=real.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(temporary, real)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
