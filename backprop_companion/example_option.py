"""``--example NAME|FILE`` and ``--set KEY=VALUE``, shared by walkthrough, train and check: the worked
example the command computes, with the reader's own values in place of the text's."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from backprop_companion.errors import UsageError

if TYPE_CHECKING:
    from worked.tutorial import Model

DEFAULT = "mazur"
"""The example when ``--example`` is not given: Mazur's post."""


def overrides(pairs: list[str]) -> dict[str, float]:
    """``--set`` words as ``{name: value}``; a word that is not ``KEY=NUMBER``, or a key given twice, is
    exit 2 (whether the key is one of the example's names is the example's to say)."""
    values: dict[str, float] = {}
    for pair in pairs:
        name, sep, text = pair.partition("=")
        name = name.strip()
        if not sep or not name:
            raise UsageError(f"--set {pair[:40]!r}: expected KEY=VALUE, e.g. --set w1=0.1")
        try:
            values[name] = float(text)
        except ValueError:
            raise UsageError(f"--set {name}: expected a number, got {text[:40]!r}") from None
        if [p.partition("=")[0].strip() for p in pairs].count(name) > 1:
            raise UsageError(f"--set {name} is given twice; give each value once")
    return values


def model(args: argparse.Namespace) -> Model:
    """The example ``--example`` names (Mazur's by default), with ``--set``'s values; an unknown example,
    a bad file or an unknown name is exit 2, naming the file and the key."""
    from worked import tutorial

    values = overrides(args.set)
    loaded = tutorial.load(args.example or DEFAULT)
    return loaded.with_values(values) if values else loaded


def is_the_post(found: Model) -> bool:
    """Whether ``found`` is Mazur's post with its own values: the post's own presentation applies."""
    return found.example.file == f"{DEFAULT}.toml" and not found.overridden
