"""The errors a command reports as one line, each with its exit code."""

from __future__ import annotations

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
"""A bug, not the user's doing: reported in one line, with the way to see the traceback."""


class CommandError(Exception):
    """A failure to report as one line on stderr (or as ``{"error": ...}`` under ``--json``)."""

    exit_code = EXIT_CHECK_FAILED


class UsageError(CommandError):
    """The command line asked for something that cannot be done (exit 2)."""

    exit_code = EXIT_USAGE
