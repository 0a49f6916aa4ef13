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

    def update(self, done: int, fraction: float | None = None) -> None:
        """Show ``done`` of ``total``, and the time left if ``fraction`` (of the work, when the steps
        differ in size; by default ``done / total``) has been done at the pace so far."""
        now = time.monotonic()
        if not self.enabled or now - self.start < DELAY_S or now - self.last < 0.2:
            return
        self.last, self.shown = now, True
        if fraction is None:
            fraction = done / self.total if self.total else 1.0
        left = _duration((now - self.start) * (1 - fraction) / fraction) if fraction > 0 else "?"
        sys.stderr.write(
            f"\r\033[K{self.label}: {done:,}/{self.total:,} ({100 * fraction:.0f}%), about {left} left"
        )
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
    """``7 s``, ``3 min 20 s``, ``2.5 h``: rounded to what a reader waiting on it can use."""
    if seconds >= 3600:
        return f"{seconds / 3600:.2g} h"
    if seconds < 60:
        return f"{max(1, round(seconds))} s"
    minutes, rest = divmod(round(seconds / 10) * 10, 60)
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"
