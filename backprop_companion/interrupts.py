"""Ctrl-C, as the companion handles it: at once with one line while nothing can be half-done
(start-up, exit), as ``KeyboardInterrupt`` while a command runs. Imports nothing but :mod:`os` and
:mod:`signal`, so that :mod:`backprop_companion.launch` can set the handler before anything else."""

from __future__ import annotations

import os
import signal

TYPE_CHECKING = False  # typing's own would import typing, milliseconds before the handler is set
if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType

EXIT_INTERRUPTED = 130
"""128 + SIGINT, what a shell reports for a program ended by Ctrl-C."""


def interrupted_now(signum: int, frame: FrameType | None) -> None:
    """The SIGINT handler while nothing can be left half-done (start-up, exit): one line, exit 130."""
    try:  # noqa: SIM105 - contextlib would be one more import before the handler is set
        os.write(2, b"backprop-companion: error: interrupted\n")
    except OSError:  # stderr is gone: silence
        pass
    os._exit(EXIT_INTERRUPTED)


interrupted = False
"""Whether Ctrl-C came while a command ran: a library may turn the ``KeyboardInterrupt`` into
another error (numpy's import makes it an ``ImportError``), which is then still an interrupt."""


def raise_interrupt(signum: int, frame: FrameType | None) -> None:
    """The SIGINT handler while a command runs: remember it, and raise ``KeyboardInterrupt``."""
    global interrupted
    interrupted = True
    raise KeyboardInterrupt


def handle(handler: Callable[[int, FrameType | None], None]) -> None:
    """Make ``handler`` Ctrl-C's handler, unless Ctrl-C is ignored: a script's background job (``cmd &``)
    starts with it ignored so that Ctrl-C meant for the foreground spares it, and it stays ignored,
    as Python itself leaves it."""
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, handler)
