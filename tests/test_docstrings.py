"""Every public name has a docstring: each wing's ``__all__`` (and ``symbolic``'s) is walked, and each
name must say what it is where a reader looks for it.

A module, class or function carries its own ``__doc__`` (a dataclass's generated signature does not
count: it says nothing the signature does not). A constant cannot carry one, so it needs the string
that follows its assignment in the module that defines it (an attribute docstring, which the API
reference page shows, as Sphinx's autodoc would).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import itertools
import types
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

PACKAGES = (
    "worked.core",
    "worked.gradcheck",
    "worked.mazur",
    "worked.tutorial",
    "worked.diagnosis",
    "worked.ex4",
    "symbolic",
)
"""Every package whose ``__init__`` is a public surface."""


def public_names() -> list[tuple[str, str]]:
    return [(package, name) for package in PACKAGES for name in importlib.import_module(package).__all__]


@cache
def _tree(path: str) -> ast.Module:
    return ast.parse(Path(path).read_text(encoding="utf-8"))


def defining_module(package: str, name: str) -> str:
    """The module a package's ``__init__`` imports ``name`` from (the package itself if it defines it)."""
    init = importlib.import_module(package)
    for node in _tree(str(init.__file__)).body:
        if isinstance(node, ast.ImportFrom) and any(alias.name == name for alias in node.names):
            return str(node.module)
    return package


def attribute_docstring(module: str, name: str) -> str | None:
    """The string literal right after ``name = ...`` (or ``name: T = ...``) at a module's top level."""
    body = _tree(str(importlib.import_module(module).__file__)).body
    for node, after in itertools.pairwise(body):
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        names = [e for t in targets for e in (t.elts if isinstance(t, ast.Tuple) else [t])]
        if any(isinstance(t, ast.Name) and t.id == name for t in names):
            if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
                return str(after.value.value)
            return None
    return None


def docstring(package: str, name: str) -> str | None:
    value = getattr(importlib.import_module(package), name)
    if isinstance(value, (types.ModuleType, types.FunctionType, type)) or callable(value):
        doc = value.__doc__ if isinstance(value, (types.ModuleType, type)) else inspect.getdoc(value)
        if isinstance(value, type) and doc and doc.startswith(f"{value.__name__}("):
            return None  # the dataclass's generated signature
        if isinstance(value, type) and doc == getattr(value.__mro__[1], "__doc__", None):
            return None  # inherited, not its own
        return doc
    return attribute_docstring(defining_module(package, name), name)


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
    # its generated signature, a class whose __doc__ is its base's; and a documented constant.
    here = "tests.test_docstrings"
    assert [docstring(here, name) for name in ("_UNDOCUMENTED", "_Bare", "_Inherits")] == [None] * 3
    assert docstring(here, "PACKAGES") == "Every package whose ``__init__`` is a public surface."
