"""``backprop-companion``: the command line.

Exit codes: 0 done, 1 a check failed (or training diverged), 2 bad usage or input, 3 an internal
error (a bug: please report it). The grammar (commands, options, help) is :mod:`backprop_companion.options`;
each command runs in a module of its own (``cmd_*.py``), imported only when it runs, whose
``run(args)`` returns a :class:`~backprop_companion.result.CommandResult`; this module prints it
once, as text or JSON. Errors never print a traceback: bad usage is one line and exit 2, a failed
check exit 1; under ``--json`` the same message comes as ``{"error": ...}`` on stdout. Set
``BACKPROP_COMPANION_DEBUG=1`` to see the traceback of an unexpected error.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import re
import sys
from collections.abc import Callable, Sequence

from backprop_companion import interrupts
from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_INTERNAL, EXIT_USAGE, CommandError
from backprop_companion.interrupts import EXIT_INTERRUPTED
from backprop_companion.options import COMMANDS, DEFAULT_COMMAND, PROG, build_parser, subparsers
from backprop_companion.result import CommandResult

RUNS = {command.name: command.module for command in COMMANDS}
"""Each command's module, imported only when the command runs (``--help`` needs none of them)."""


LONGEST_WORD = 200
"""Characters of one word (a run without spaces) shown whole: what a user typed is quoted in messages,
and a 100,000-character argument is shown by its start and end. A message's own words, and a path
of usual length, are shorter, so the explanation around a quote is never cut."""

LONGEST_MESSAGE = 2_000
"""Characters of a message shown (about twenty lines of a terminal), a last guard for input of very
many short words (``check a a a ...``): beyond it, the message keeps its start and end."""


def _cut(text: str, keep: int) -> str:
    """``text`` with its middle left out, ``keep`` characters kept at each end."""
    return f"{text[:keep]}[... {len(text) - 2 * keep:,} characters left out ...]{text[-keep:]}"


def one_line(message: str) -> str:
    """The message with every unprintable character escaped (``\\n``, ``\\x85``): what a user typed
    is quoted in messages, and a line break in it must not break the message's one line. A word longer
    than :data:`LONGEST_WORD` keeps its start and end; so does a message longer than
    :data:`LONGEST_MESSAGE`."""
    line = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in message)
    line = re.sub(rf"\S{{{LONGEST_WORD + 1},}}", lambda word: _cut(word[0], LONGEST_WORD // 2 - 20), line)
    return line if len(line) <= LONGEST_MESSAGE else _cut(line, LONGEST_MESSAGE // 2)


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


def _values_attached(parser: argparse.ArgumentParser, words: list[str]) -> list[str]:
    """``--eta -inf`` as ``--eta=-inf``: argparse takes a value that starts with ``-`` (and is not a
    plain negative number) for an option, and says "expected one argument"; the value is then judged
    for what it is. A word that is itself an option of the companion is left alone."""
    actions = [a for sub in subparsers(parser).values() for a in sub._actions if a.option_strings]
    options = {flag for action in actions for flag in action.option_strings}
    takes_value = {flag for action in actions if action.nargs != 0 for flag in action.option_strings}
    joined: list[str] = []
    for word in words:
        if joined and joined[-1] in takes_value and word.startswith("-") and word not in options:
            joined[-1] = f"{joined[-1]}={word}"
        else:
            joined.append(word)
    return joined


def _parse(args_list: list[str]) -> argparse.Namespace:
    """The command line, with the default command put in when none is named."""
    parser = build_parser()
    args_list[:] = _values_attached(parser, args_list)
    if not args_list or (args_list[0].startswith("-") and args_list[0] not in ("-h", "--help", "--version")):
        args_list.insert(0, DEFAULT_COMMAND)
    args = parser.parse_args(args_list)
    return parser.parse_args([DEFAULT_COMMAND]) if args.command is None else args


def _run(args: argparse.Namespace) -> CommandResult:
    """Import the command's module, now that it runs, and let it compute its result."""
    from backprop_companion import budget

    estimate = budget.enforce(args)  # before the command's module (numpy, sympy) is even imported
    announcement = budget.announce(args, estimate)
    try:
        run: Callable[[argparse.Namespace], CommandResult] = importlib.import_module(RUNS[args.command]).run
        args.cli = main  # the docs run command lines (the bad-input page): handed down, never imported
        return run(args)
    finally:
        if announcement is not None:
            announcement.cancel()


def _print(result: CommandResult, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result.as_json(), indent=2, allow_nan=result.json_allows_nan))
    else:
        print(result.as_text())


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (0 done, 1 a check failed, 2 bad usage, 3 a bug).

    With no ``argv``, this is the real process: its standard streams and Ctrl-C are made safe for any
    terminal first (:mod:`backprop_companion.terminal`), and a lost output is exit 1."""
    if argv is not None:
        return _main(list(argv))
    from backprop_companion import terminal

    out, err = terminal.install()
    try:
        code = _main(sys.argv[1:])
    except SystemExit as exit:  # --help and --version end through argparse
        code = exit.code if isinstance(exit.code, int) else EXIT_USAGE
    except KeyboardInterrupt:  # in the instant before _main's own handler
        code = _report("interrupted", EXIT_INTERRUPTED, as_json=False)
    return terminal.finish(out, err, code)


def _main(args_list: list[str]) -> int:
    as_json = "--json" in args_list
    if as_json and set(args_list) == {"--version", "--json"}:  # argparse's --version prints text only
        from backprop_companion import __version__

        print(json.dumps({"version": __version__}))
        return 0
    try:
        args = _parse(args_list)
        result = _run(args)
        _print(result, bool(getattr(args, "json", False)))
        if result.failure is not None:  # the result, JSON included, says it: the one line goes to stderr
            return _report(result.failure, result.exit_status, as_json=False)
        return result.exit_status
    except KeyboardInterrupt:
        return _report("interrupted", EXIT_INTERRUPTED, as_json)
    except Exception as error:
        # A KeyboardInterrupt that became another error is still an interrupt: a library may turn it
        # into one (numpy's import makes it an ImportError), and a write it cut short can fail after (EBADF,
        # which docs then reports as a write it could not make).
        if interrupts.interrupted:
            return _report("interrupted", EXIT_INTERRUPTED, as_json)
        if isinstance(error, CommandError):
            return _report(str(error), error.exit_code, as_json)
        if isinstance(error, FloatingPointError):
            return _report(str(error), EXIT_CHECK_FAILED, as_json)
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
