"""The console script's entry point: Ctrl-C while the companion starts ends it with one line.

Importing the command line (argparse, the grammar, then numpy or sympy for the command) takes a
noticeable fraction of a second; an interrupt in that time would otherwise print Python's
``KeyboardInterrupt`` traceback. Only :mod:`backprop_companion.interrupts` (:mod:`os`, :mod:`signal`) is
imported before the handler is set; :func:`backprop_companion.terminal.install` then makes Ctrl-C a
``KeyboardInterrupt``, which the command line reports and atomic writes clean up after.
"""

from __future__ import annotations

from backprop_companion.interrupts import handle, interrupted_now


def main() -> int:
    """Run the command line with Ctrl-C handled from the first moment (the console script)."""
    handle(interrupted_now)
    from backprop_companion.cli import main as run_command_line

    return run_command_line()
