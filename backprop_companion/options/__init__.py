"""The command line's grammar: the commands, their options and help texts. Imports neither numpy,
sympy nor any command's module."""

from backprop_companion.options.parser import (
    COMMANDS,
    DEFAULT_COMMAND,
    PROG,
    Command,
    build_parser,
    subparsers,
)

__all__ = ["COMMANDS", "DEFAULT_COMMAND", "PROG", "Command", "build_parser", "subparsers"]
