"""``backprop-companion``: the command line.

Exit codes: 0 done, 1 a check failed (or training diverged), 2 bad usage or input, 3 an internal
error (a bug: please report it). Each subcommand lives in a module of its own (``cmd_*.py``) with
``NAME``, ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``; those modules import numpy
or sympy only inside ``run``. Errors never print a traceback: bad usage is one line and exit 2, a failed check
exit 1; under ``--json`` the same message comes as ``{"error": ...}`` on stdout. Set
``BACKPROP_COMPANION_DEBUG=1`` to see the traceback of an unexpected error.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
from collections.abc import Sequence
from types import ModuleType
from typing import Any, NoReturn, TextIO

from backprop_companion import (
    __version__,
    cmd_bench,
    cmd_check,
    cmd_derive,
    cmd_docs,
    cmd_gradcheck,
    cmd_train,
    cmd_walkthrough,
)
from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_INTERNAL, EXIT_USAGE, CommandError, UsageError

PROG = "backprop-companion"
COMMANDS: tuple[ModuleType, ...] = (
    cmd_walkthrough,
    cmd_check,
    cmd_train,
    cmd_gradcheck,
    cmd_derive,
    cmd_docs,
    cmd_bench,
)
DEFAULT_COMMAND = cmd_walkthrough.NAME


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and leave the exit code to :func:`main`."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="A verified companion to backpropagation: Mazur's worked example recomputed "
        "digit for digit, with its errata explained.",
        epilog=f"With no command, runs '{DEFAULT_COMMAND}'.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for module in COMMANDS:
        command = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def one_line(message: str) -> str:
    """The message with every unprintable character escaped (``\\n``, ``\\x85``): what a user typed
    is quoted in messages, and a line break in it must not break the message's one line."""
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in message)


def _report(message: str, exit_code: int, as_json: bool) -> int:
    message = one_line(message)
    if as_json:
        print(json.dumps({"error": message, "exit_code": exit_code}))
    else:
        print(f"{PROG}: error: {message}", file=sys.stderr)
    return exit_code


def _is_bad_input(error: Exception) -> bool:
    """A refusal by the validating API (``worked.core.validation.InvalidInput``), as opposed to a bug.
    Looked up in ``sys.modules``: if ``worked`` was never imported, nothing of it was refused."""
    validation = sys.modules.get("worked.core.validation")
    return validation is not None and isinstance(error, validation.InvalidInput)


class _ReaderMayLeave:
    """stdout that goes quiet when its reader leaves (``| head``) instead of failing the command:
    the command still ends with its own exit code, and Python does not complain at exit."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.left = False

    def write(self, text: str) -> int:
        if not self.left:
            try:
                self.stream.write(text)
            except BrokenPipeError:
                self._leave()
        return len(text)

    def flush(self) -> None:
        if not self.left:
            try:
                self.stream.flush()
            except BrokenPipeError:
                self._leave()

    def _leave(self) -> None:
        self.left = True
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), self.stream.fileno())

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 done, 1 a check failed, 2 bad usage, 3 a bug)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if argv is None:  # the real process: stdout is a pipe or terminal that may close early
        sys.stdout = _ReaderMayLeave(sys.stdout)
    as_json = "--json" in args_list
    parser = build_parser()
    try:
        if not args_list or (
            args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version")
        ):
            args_list.insert(0, DEFAULT_COMMAND)
        args = parser.parse_args(args_list)
        if args.command is None:
            args = parser.parse_args([DEFAULT_COMMAND])
        return int(args.run(args))
    except CommandError as error:
        return _report(str(error), error.exit_code, as_json)
    except FloatingPointError as error:
        return _report(str(error), EXIT_CHECK_FAILED, as_json)
    except KeyboardInterrupt:
        return _report("interrupted", 130, as_json)
    except Exception as error:
        if _is_bad_input(error):
            return _report(str(error), EXIT_USAGE, as_json)
        if os.environ.get("BACKPROP_COMPANION_DEBUG"):
            raise
        return _report(
            f"internal error: {type(error).__name__}: {error} "
            "(set BACKPROP_COMPANION_DEBUG=1 for the traceback, and please report it)",
            EXIT_INTERNAL,
            as_json,
        )
