"""``docs/api.md``: the Python API, generated from each public surface's ``__all__`` and docstrings.

Every name a wing's ``__init__`` exports is shown with its signature and its docstring; a constant,
which cannot carry a ``__doc__``, with the string that follows its assignment in the module that
defines it (an attribute docstring). :func:`docstring` is the one reading of both, which the test of
every public name's docstring uses too. Docstrings are written for Sphinx-style roles
(``:func:`train```, ``:math:`\\delta```); :func:`markdown` turns them into what a code-hosting site
renders: code spans and ``$...$`` math.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import itertools
import re
import sys
import types
from functools import cache, cached_property
from pathlib import Path

from backprop_companion.docs.templates import fill

PACKAGES = (
    "worked.core",
    "worked.gradcheck",
    "worked.testing",
    "worked.examples",
    "worked.mazur",
    "worked.tutorial",
    "worked.diagnosis",
    "worked.ex4",
    "symbolic",
)
"""Every package whose ``__init__`` is a public surface, in the order the page shows them."""

SHORT_VALUE = 70
"""A constant's value is shown when its repr is at most this long (longer ones are tables)."""

ATTRIBUTES = (property, cached_property)
"""Members read as attributes (no parentheses on the page)."""
ROLE = re.compile(r":(?:func|class|data|mod|meth|attr|exc|obj):`~?([^`]+)`")
DISPLAY = re.compile(r"^\s*\.\. math::\s*(.+)$", re.MULTILINE)
MATH = re.compile(r":math:`([^`]+)`")
LITERAL = re.compile(r"``(.+?)``")


@cache
def _tree(path: str) -> ast.Module:
    return ast.parse(Path(path).read_text(encoding="utf-8"))


def _defining_module(package: str, name: str) -> str:
    """The module a package's ``__init__`` imports ``name`` from (the package itself if it defines it)."""
    for node in _tree(str(importlib.import_module(package).__file__)).body:
        if isinstance(node, ast.ImportFrom) and any(alias.name == name for alias in node.names):
            return str(node.module)
    return package


def attribute_docstring(module: str, name: str) -> str | None:
    """The string literal right after ``name = ...`` (``name: T = ...``, or ``a, name = ...``) at a
    module's top level, followed through the module's own imports of ``name``; or ``None``."""
    body = _tree(str(importlib.import_module(module).__file__)).body
    for node in body:
        if isinstance(node, ast.ImportFrom) and any(alias.name == name for alias in node.names):
            return attribute_docstring(str(node.module), name)
    for node, after in itertools.pairwise(body):
        targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
        names = [e for t in targets for e in (t.elts if isinstance(t, ast.Tuple) else [t])]
        if any(isinstance(t, ast.Name) and t.id == name for t in names):
            if isinstance(after, ast.Expr) and isinstance(after.value, ast.Constant):
                return inspect.cleandoc(str(after.value.value))
            return None
    return None


def docstring(package: str, name: str) -> str | None:
    """The docstring of ``package.name`` as a reader would look it up, or ``None`` if it has none.

    A class's ``__doc__`` counts only if it is its own: not a dataclass's generated signature, not
    the one it inherits from its base."""
    value = inspect.unwrap(getattr(importlib.import_module(package), name))  # through functools.cache
    if isinstance(value, type):
        doc = value.__doc__
        if not doc or doc.startswith(f"{value.__name__}(") or doc == value.__mro__[1].__doc__:
            return None
        return inspect.cleandoc(doc)
    if isinstance(value, (types.ModuleType, types.FunctionType)):
        return inspect.getdoc(value)
    return attribute_docstring(_defining_module(package, name), name)


def markdown(doc: str) -> str:
    """A docstring as GitHub Markdown: roles become code spans, ``:math:`` becomes ``$...$``, and the
    indentation of definition lists is dropped (indented text would render as code)."""
    text = DISPLAY.sub(lambda m: f"$${m.group(1).strip()}$$", doc)
    text = MATH.sub(lambda m: f"${m.group(1).strip()}$", text)
    text = ROLE.sub(lambda m: f"`{m.group(1).rsplit('.', 1)[-1] if '~' in m.group(0) else m.group(1)}`", text)
    text = LITERAL.sub(lambda m: f"`{m.group(1)}`", text)
    return "\n".join(line.strip() for line in text.splitlines())


class _Written(str):
    """An annotation as the source writes it, or a default function by its name: ``inspect`` shows
    its repr, which is the text itself (never an address, which changes from run to run)."""

    def __repr__(self) -> str:
        return str(self)


def _default(value: object, owner: types.ModuleType) -> str:
    """A default as a reader would write it: its repr if short and free of addresses, else the name
    the defining module binds it to, else its type."""
    text = repr(value)
    if isinstance(value, types.FunctionType):
        return value.__name__
    if len(text) <= SHORT_VALUE and " at 0x" not in text:
        return text
    named = [name for name, bound in vars(owner).items() if bound is value and not name.startswith("__")]
    return named[0] if named else f"{type(value).__name__}(...)"


def _parameter(p: inspect.Parameter, owner: types.ModuleType) -> inspect.Parameter:
    if p.annotation is not p.empty:
        p = p.replace(annotation=_Written(p.annotation))
    if p.default is not p.empty:
        p = p.replace(default=_Written(_default(p.default, owner)))
    return p


def _signature(value: object) -> str | None:
    """``name(parameters) -> result`` as written in the source, or ``None`` for what is not called."""
    if not isinstance(value, (type, types.FunctionType)) or (
        isinstance(value, type) and issubclass(value, BaseException)
    ):
        return None  # an exception takes its message
    signature = inspect.signature(value)
    written = signature.replace(
        parameters=[_parameter(p, sys.modules[value.__module__]) for p in signature.parameters.values()],
        return_annotation=(
            signature.empty
            if isinstance(value, type) or signature.return_annotation is signature.empty
            else _Written(signature.return_annotation)
        ),
    )
    return f"{value.__name__}{written}"


def _members(cls: type) -> list[str]:
    """The public methods and properties a class defines itself, each with its docstring's first line."""
    lines = []
    for name, member in vars(cls).items():
        if name.startswith("_") or not isinstance(member, (types.FunctionType, *ATTRIBUTES, classmethod)):
            continue
        doc = inspect.getdoc(member.__func__ if isinstance(member, classmethod) else member)
        first = markdown(doc).split("\n\n")[0].replace("\n", " ") if doc else ""
        call = "" if isinstance(member, ATTRIBUTES) else "()"
        lines.append(f"- `.{name}{call}`" + (f": {first}" if first else ""))
    return lines


def entry(package: str, name: str) -> str:
    """One name's section: its heading, its signature or value, its docstring, its members."""
    value = inspect.unwrap(getattr(importlib.import_module(package), name))
    parts = [f"### `{package}.{name}`"]
    signature = _signature(value)
    if signature is not None:
        parts.append(f"```python\n{signature}\n```")
    elif not isinstance(value, (type, types.ModuleType)) and len(shown := repr(value)) <= SHORT_VALUE:
        parts.append(f"`{name} = {shown}`")
    parts.append(markdown(docstring(package, name) or "(no docstring)"))
    if isinstance(value, type) and (members := _members(value)):
        parts.append("\n".join(members))
    return "\n\n".join(parts)


def pages() -> dict[str, str]:
    """``api.md``: a contents list, then per package its docstring and one section per exported name."""
    sections = []
    for package in PACKAGES:
        module = importlib.import_module(package)
        head = f"## `{package}`\n\n{markdown(inspect.getdoc(module) or '')}"
        sections.append("\n\n".join([head, *(entry(package, name) for name in module.__all__)]))
    contents = "\n".join(f"- [`{p}`](#{p.replace('.', '')})" for p in PACKAGES)
    return {"api.md": fill("api.md", contents=contents, reference="\n\n".join(sections))}
