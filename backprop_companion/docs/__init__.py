"""The docs builder: every file under ``docs/`` is generated here, from code that computes it."""

from backprop_companion.docs.builder import COMMAND, drift, pages, write

__all__ = ["COMMAND", "drift", "pages", "write"]
