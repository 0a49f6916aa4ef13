"""The console script's entry point: Ctrl-C while the companion starts ends it with one line.

Importing the command line (argparse, the grammar, then numpy or sympy for the command) takes a
noticeable fraction of a second; an interrupt in that time would otherwise print Python's
``KeyboardInterrupt`` traceback. Only :mod:`backprop_companion.interrupts` (:mod:`os`, :mod:`signal`) is
imported before the handler is set; :func:`backprop_companion.terminal.install` then makes Ctrl-C a
``KeyboardInterrupt``, which the command line reports and atomic writes clean up after.
"""

from __future__ import annotations

from backprop_companion.interrupts import EXIT_INTERRUPTED, handle, interrupted_now


def main() -> int:
    """Run the command line with Ctrl-C handled from the first moment (the console script)."""
    handle(interrupted_now)
    from backprop_companion.cli import main as run_command_line

    code = run_command_line()
    if code == EXIT_INTERRUPTED:
        # CPython notes a KeyboardInterrupt that escapes code run from a string (dataclasses and
        # namedtuple build their methods so; exec of a string too) in a global that only the next such
        # run clears, and at exit kills itself with SIGINT if it is still set (exit -2), though the
        # interrupt was handled and reported: one more run from a string clears it.
        exec("pass")
    return code
