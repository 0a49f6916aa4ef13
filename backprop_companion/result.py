"""What every command returns: a typed result that knows its exit status, its JSON and its text.

A command computes one of these and returns it; ``cli.main`` prints it once (as JSON only at that
edge) and exits with its status. Nothing passes JSON-shaped dictionaries between the shell's modules.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar

from backprop_companion.errors import EXIT_OK


class CommandResult(ABC):
    """The findings of one command run (each command defines a frozen dataclass of its own)."""

    json_allows_nan: ClassVar[bool] = True
    """Whether the JSON may carry NaN or infinity (which strict JSON has no words for)."""

    @property
    def exit_status(self) -> int:
        """0 done, 1 a check failed (see :mod:`backprop_companion.errors`)."""
        return EXIT_OK

    @property
    def failure(self) -> str | None:
        """A one-line error to report after the output (exit status non-zero), or ``None``."""
        return None

    @abstractmethod
    def as_json(self) -> object:
        """The findings as JSON-able data (lists, dicts, strings, numbers, booleans, ``None``)."""

    @abstractmethod
    def as_text(self) -> str:
        """The findings as a reader sees them on a terminal (no final line break)."""
