"""The argument parser: every command with its options and help, the one source of ``--help`` and of
the README's command table (``backprop-companion docs`` writes the table from it).

It names each command's module as text and imports none of them: ``cli`` imports a command's module
only when that command runs, so ``--help`` loads neither numpy nor sympy.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NoReturn

from backprop_companion import __version__
from backprop_companion.errors import UsageError
from backprop_companion.options.budget import BUDGETED, add_budget_arguments
from backprop_companion.options.derive import DERIVE_HELP, add_derive_arguments
from backprop_companion.options.ex4 import EX4_HELP, add_ex4_arguments
from backprop_companion.options.gradcheck import GRADCHECK_HELP, add_gradcheck_arguments
from backprop_companion.options.tools import BENCH_HELP, DOCS_HELP, add_bench_arguments, add_docs_arguments
from backprop_companion.options.tutorial import (
    CHECK_HELP,
    TRAIN_HELP,
    WALKTHROUGH_HELP,
    add_check_arguments,
    add_train_arguments,
    add_walkthrough_arguments,
)
from backprop_companion.options.worksheet import WORKSHEET_HELP, add_worksheet_arguments

PROG = "backprop-companion"


@dataclass(frozen=True)
class Command:
    """One subcommand: its name, what it does, its options, and the module whose ``run`` runs it."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    module: str


COMMANDS = (
    Command("walkthrough", WALKTHROUGH_HELP, add_walkthrough_arguments, "backprop_companion.cmd_walkthrough"),
    Command("check", CHECK_HELP, add_check_arguments, "backprop_companion.cmd_check"),
    Command("train", TRAIN_HELP, add_train_arguments, "backprop_companion.cmd_train"),
    Command("worksheet", WORKSHEET_HELP, add_worksheet_arguments, "backprop_companion.cmd_worksheet"),
    Command("gradcheck", GRADCHECK_HELP, add_gradcheck_arguments, "backprop_companion.cmd_gradcheck"),
    Command("derive", DERIVE_HELP, add_derive_arguments, "backprop_companion.cmd_derive"),
    Command("ex4", EX4_HELP, add_ex4_arguments, "backprop_companion.cmd_ex4"),
    Command("docs", DOCS_HELP, add_docs_arguments, "backprop_companion.cmd_docs"),
    Command("bench", BENCH_HELP, add_bench_arguments, "backprop_companion.cmd_bench"),
)
DEFAULT_COMMAND = COMMANDS[0].name


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line and leave the exit code to ``cli.main``."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see '{self.prog} --help')")

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        # Python 3.11's argparse takes `--steps --` as a value of [] (it drops the "--" and skips
        # the type), which reached the commands as a list where a word was expected.
        if action.option_strings and action.nargs is None and arg_strings == ["--"]:
            raise argparse.ArgumentError(action, "expected one argument, got '--'")
        return super()._get_values(action, arg_strings)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="A verified companion to backpropagation: Mazur's worked example recomputed "
        "digit for digit, with its errata explained.",
        epilog=f"With no command, runs '{DEFAULT_COMMAND}'.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        command_parser = sub.add_parser(command.name, help=command.help, description=command.help)
        command.add_arguments(command_parser)
        if command.name in BUDGETED:
            add_budget_arguments(command_parser)
    return parser


def subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """Each command's own parser, by name, in the order of :data:`COMMANDS`."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise ValueError("the parser has no commands")
