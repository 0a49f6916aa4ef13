"""Every public name has a docstring: each wing's ``__all__`` (and ``symbolic``'s) is walked, and each
name must say what it is where a reader looks for it.

A module, class or function carries its own ``__doc__`` (a dataclass's generated signature does not
count: it says nothing the signature does not; nor does a docstring inherited from a base class). A
constant cannot carry one, so it needs the string that follows its assignment in the module that
defines it (an attribute docstring). The reading is the API page's own
(:func:`backprop_companion.docs.api_pages.docstring`), so what is tested is what the page shows.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass

import pytest

from backprop_companion.docs.api_pages import PACKAGES, docstring


def public_names() -> list[tuple[str, str]]:
    return [(package, name) for package in PACKAGES for name in importlib.import_module(package).__all__]


@pytest.mark.parametrize(("package", "name"), public_names())
def test_every_public_name_has_a_docstring(package, name):
    doc = docstring(package, name)
    assert doc and doc.strip(), f"{package}.{name} has no docstring"


_UNDOCUMENTED = 1


@dataclass(frozen=True)
class _Bare:
    x: int


class _Inherits(ValueError):
    pass


def test_the_walk_sees_a_missing_docstring():
    # The negative controls: a constant with no string after it, a dataclass whose only __doc__ is
    # its generated signature, a class whose __doc__ is its base's; and a documented constant, found
    # through the import that re-exports it.
    here = "tests.test_docstrings"
    assert [docstring(here, name) for name in ("_UNDOCUMENTED", "_Bare", "_Inherits")] == [None] * 3
    assert docstring(here, "PACKAGES") == (
        "Every package whose ``__init__`` is a public surface, in the order the page shows them."
    )


def test_every_wing_with_a_public_surface_is_walked():
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "worked"
    wings = {f"worked.{p.parent.name}" for p in root.glob("*/__init__.py")}
    assert wings <= set(PACKAGES), f"a wing the walk misses: {sorted(wings - set(PACKAGES))}"
