"""The reader's file for ``gradcheck --impl PATH[:NAME]``: found, imported, given a time limit, and its
tracebacks shown in the reader's own lines.

The file is imported under a name of its own (never put on ``sys.path``), so nothing of the companion
is shadowed; its code is only called. What goes wrong in it is the reader's answer (exit 1, with the
traceback cut to the frames of that file); a path or a name that is not there is bad input (exit 2).
"""

from __future__ import annotations

import importlib.util
import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TypeVar

from backprop_companion.errors import UsageError

T = TypeVar("T")

DEFAULT_NAMES = {"Network": "nielsen", "nnCostFunction": "ng", "NeuralNetwork": "mazur"}
"""The names looked for when ``--impl`` names none: the books' own."""


class OutOfTime(BaseException):
    """Raised inside the reader's code when ``--timeout`` runs out (a BaseException, so that the
    reader's own ``except Exception`` cannot swallow it)."""


@dataclass(frozen=True)
class Crash:
    """The reader's code raised: the exception in one line, and the traceback in the reader's lines."""

    summary: str
    traceback: str


def split(spec: str) -> tuple[Path, str | None]:
    """``PATH[:NAME]`` as a path and a name (``None``: look for the books' names)."""
    path, colon, name = spec.rpartition(":")
    if colon and name.isidentifier() and path:
        return Path(path), name
    return Path(spec), None


def load(path: Path) -> ModuleType:
    """Import the file at ``path``; raises :class:`UsageError` when it is not a readable Python file
    (and lets an exception of the reader's module itself through, to be shown as a :class:`Crash`)."""
    if not path.is_file():
        raise UsageError(f"--impl: no such file: {path} (expected a Python file, PATH or PATH:NAME)")
    spec = importlib.util.spec_from_file_location(f"readers_code_{abs(hash(path.resolve()))}", path)
    if spec is None or spec.loader is None:
        raise UsageError(f"--impl: cannot import {path}: expected a Python file ending in .py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # as an import would: dataclasses and pickling look themselves up here
    try:
        spec.loader.exec_module(module)
    except SyntaxError as error:  # not Python yet: bad input, where the file cannot even be read as code
        where = f" at line {error.lineno}" if error.lineno else ""
        raise UsageError(f"--impl: {path} is not valid Python{where}: {error.msg}") from None
    except Exception as error:  # the reader's module failed as it ran: the reader's answer
        from worked.gradcheck.conventions import ReaderFailure

        raise ReaderFailure(error) from error
    return module


def find(module: ModuleType, name: str | None, path: Path) -> object:
    """The object named ``name`` in the reader's module, or the first of the books' names it defines."""
    if name is not None:
        if not hasattr(module, name):
            raise UsageError(f"--impl: {path} defines no {name!r}")
        return getattr(module, name)
    for default in DEFAULT_NAMES:
        if hasattr(module, default):
            return getattr(module, default)
    raise UsageError(
        f"--impl: {path} defines none of {', '.join(DEFAULT_NAMES)}; name the class or function as "
        "PATH:NAME (a class Network(sizes) with backprop, nnCostFunction, NeuralNetwork with train, or "
        "f(weights, biases, x, y))"
    )


def crash(error: BaseException, path: Path) -> Crash:
    """The exception with its traceback cut to the frames in the reader's file (all of it if none is)."""
    frames = traceback.extract_tb(error.__traceback__)
    mine = [f for f in frames if Path(f.filename).resolve() == path.resolve()]
    lines = traceback.format_list(mine or frames)
    last = "".join(traceback.format_exception_only(type(error), error)).rstrip()
    text = "Traceback (most recent call last), in your file:\n" + "".join(lines) + last
    return Crash(last.splitlines()[-1], text)


@contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`OutOfTime` in whatever runs when ``seconds`` have passed (``None``: no limit)."""
    if seconds is None:
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise OutOfTime

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(work: Callable[[], T], seconds: float | None) -> T:
    """``work()`` within the time limit."""
    with time_limit(seconds):
        return work()
