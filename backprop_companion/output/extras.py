"""What the optional ``docs`` extra brings, and the one-line instruction when it is missing."""

from __future__ import annotations

from importlib.util import find_spec

EXTRA = "pip install 'backprop-companion[docs]'"
"""How a reader gets latex2mathml and matplotlib, for the docs and for ``--plot``."""


def missing(what: str, *modules: str) -> str | None:
    """A one-line instruction when any of ``modules``, needed for ``what``, is not installed; else None."""
    absent = [name for name in modules if find_spec(name) is None]
    return f"{what} needs {' and '.join(absent)}: {EXTRA}" if absent else None
