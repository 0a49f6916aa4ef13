"""``--plot FILE``, shared by the commands that draw a figure: checked before any work starts."""

from __future__ import annotations

import os
from pathlib import Path

from backprop_companion.errors import UsageError


def plot_target(value: str | None, example: str) -> Path | None:
    """The path ``--plot`` names (``example``: a name to suggest), refused before any work starts
    when it cannot be written: matplotlib missing, not a file's name, not a regular file, a name not
    ending in ``.svg``, no folder or an unwritable one."""
    if value is None:
        return None
    from backprop_companion.output.extras import missing

    if needs := missing("--plot", "matplotlib"):
        raise UsageError(needs)
    from backprop_companion.output.files import NotAFile, writable_target

    target = Path(value)
    if value == "" or target.is_dir():
        raise UsageError(f"--plot {value!r} is not a file name (e.g. --plot {example})")
    try:
        writable_target(target)
    except NotAFile as error:
        raise UsageError(f"--plot {value}: {error.strerror}; it was left alone") from None
    if target.suffix.lower() != ".svg":
        raise UsageError(
            f"--plot {value!r}: the figure is SVG; give a file name ending in .svg (e.g. {example})"
        )
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"--plot {value}: there is no directory {str(folder)!r} to write it in")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UsageError(f"--plot {value}: the directory {str(folder)!r} is not writable")
    return target
