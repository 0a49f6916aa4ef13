"""The real process's standard streams and Ctrl-C, made safe for any terminal.

:func:`install` wraps ``sys.stdout`` and ``sys.stderr`` in :class:`Stream`, which

- spells in ASCII what the stream's encoding cannot hold (:mod:`backprop_companion.output.encoding`);
- goes quiet when the reader leaves (``| head``): the command still ends with its own exit code;
- remembers a failed write (a full disk, ``>/dev/full``, a closed stdout) instead of raising, so the
  command ends, and :func:`finish` reports it as one line on stderr and exit 1;
- discards what cannot be written to stderr (nowhere is left to say it): silence, never a traceback.

Ctrl-C: :mod:`backprop_companion.launch` ends the process at once with one line while it starts;
:func:`install` then makes it a ``KeyboardInterrupt``, which the command's own ``except`` reports
(exit 130), and atomic writes clean up after themselves.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import Any, TextIO

from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK
from backprop_companion.interrupts import handle, interrupted_now, raise_interrupt
from backprop_companion.output.encoding import spell


class Stream:
    """A standard stream that never raises: see the module's docstring. ``lost`` is the reason the
    output could not be written, if it could not (stdout only)."""

    def __init__(self, stream: TextIO | None, is_stdout: bool) -> None:
        self.stream, self.is_stdout = stream, is_stdout
        self.lost: str | None = None if stream is not None or not is_stdout else "stdout is closed"
        self.quiet = stream is None

    def write(self, text: str) -> int:
        """Write ``text``, spelt for the stream's encoding; never raises (see the class)."""
        if not self.quiet and self.stream is not None:
            try:
                self.stream.write(spell(text, self.stream.encoding))
            except OSError as error:
                self._fail(error)
        return len(text)

    def flush(self) -> None:
        """Flush the stream; a failure is remembered, not raised."""
        if not self.quiet and self.stream is not None:
            try:
                self.stream.flush()
            except OSError as error:
                self._fail(error)

    def isatty(self) -> bool:
        """Whether the stream is a terminal that still takes output (progress is drawn only there)."""
        return self.stream is not None and not self.quiet and self.stream.isatty()

    def _fail(self, error: OSError) -> None:
        """Stop writing; a reader that left (a broken pipe) is no failure, anything else is."""
        self.quiet = True
        if self.is_stdout and not isinstance(error, BrokenPipeError) and self.lost is None:
            self.lost = error.strerror or str(error)
        with contextlib.suppress(OSError, ValueError, AttributeError):  # what Python flushes at exit
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, self.stream.fileno())  # type: ignore[union-attr]
            os.close(null)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def install() -> tuple[Stream, Stream]:
    """Wrap the standard streams of the real process and let Ctrl-C raise ``KeyboardInterrupt``."""
    if sys.stdout is None:  # closed (`>&-`): keep fd 1 taken, so no file the command opens becomes stdout
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    out, err = Stream(sys.stdout, is_stdout=True), Stream(sys.stderr, is_stdout=False)
    sys.stdout, sys.stderr = out, err
    handle(raise_interrupt)
    return out, err


def finish(out: Stream, err: Stream, code: int) -> int:
    """Flush stdout and return the exit code: ``code``, or 1 with one line on stderr if the output
    was lost. While it flushes, Ctrl-C ends the process at once (exit 130, one line: nothing is
    half-done). Once the output is out, the command is complete and Ctrl-C is ignored: in the
    interpreter's last moments Python runs no handler, and Ctrl-C would kill the process silently
    (exit -2, which a shell shows as an interrupt), where the command's own exit code is the truth."""
    handle(interrupted_now)
    out.flush()
    if out.lost is not None:
        err.write(f"backprop-companion: error: could not write the output: {out.lost}\n")
        err.flush()
        code = EXIT_CHECK_FAILED if code == EXIT_OK else code
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    return code
