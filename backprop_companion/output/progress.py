"""Progress on stderr for long commands, with the time left: only on a terminal (stdout, JSON
included, is never touched); ``--quiet`` turns it off."""

from __future__ import annotations

import sys
import time

DELAY_S = 1.0
"""Nothing is shown for work that ends sooner than this."""


class Progress:
    """``update(done)`` redraws one line ``label: done/total (p%)`` at most a few times a second."""

    def __init__(self, total: int, label: str, enabled: bool = True) -> None:
        self.total, self.label = total, label
        self.enabled = enabled and sys.stderr.isatty()
        self.start = self.last = time.monotonic()
        self.shown = False

    def update(self, done: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.start < DELAY_S or now - self.last < 0.2:
            return
        self.last, self.shown = now, True
        percent = 100.0 * done / self.total if self.total else 100.0
        left = (now - self.start) * (self.total - done) / done if done else None
        remaining = "" if left is None else f", about {_duration(left)} left"
        sys.stderr.write(f"\r\033[K{self.label}: {done:,}/{self.total:,} ({percent:.0f}%{remaining})")
        sys.stderr.flush()

    def stage(self, text: str) -> None:
        """Say at once what is being done now (for work in a few long steps rather than many short ones)."""
        if self.enabled:
            self.shown = True
            sys.stderr.write(f"\r\033[K{self.label}: {text}")
            sys.stderr.flush()

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _duration(seconds: float) -> str:
    """``seconds`` as a reader says it: 42 s, 3 min, 2.5 h."""
    if seconds >= 3600:
        return f"{seconds / 3600:.2g} h"
    return f"{seconds / 60:.2g} min" if seconds >= 60 else f"{seconds:.0f} s"
