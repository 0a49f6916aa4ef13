"""The dependency direction: shell → symbolic → worked's data, and inside worked, wings on the core.

Every import of every module is read (with ``ast``, so nothing is executed) and judged by the rules of
the layout; each rule is also shown a module that breaks it, so that the rule can fail.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

WINGS: dict[str, set[str]] = {
    # wing: the wings it may import (through their __init__ only)
    "core": set(),
    "examples": set(),
    "mazur": {"examples"},
    "gradcheck": {"core"},
    "tutorial": {"core", "mazur", "examples"},
    "diagnosis": {"core", "mazur", "tutorial", "examples"},
    "ex4": {"core"},
    "testing": {"core", "gradcheck"},
}
"""worked's wings and the direction between them: the core is the floor, the post's data stands alone."""

STANDARD_LIBRARY = sys.stdlib_module_names


def imports(source: str) -> list[str]:
    """The absolute module names ``source`` imports (``from a.b import c`` gives ``a.b``; ``from worked
    import mazur`` gives ``worked.mazur``, since worked itself exports nothing but its wings)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module == "worked" and node.level == 0:
            found += [f"worked.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
    return found


def violations(path: str, source: str) -> list[str]:
    """Every import of the module at ``path`` (relative to the root) that the layout forbids."""
    parts = Path(path).with_suffix("").parts
    package = parts[0]
    wrong = []
    for name in imports(source):
        top, *rest = name.split(".")
        if package in ("worked", "symbolic") and top == "backprop_companion":
            wrong.append(f"{path}: imports the shell ({name})")
        if package == "worked" and top in ("sympy", "symbolic"):
            wrong.append(f"{path}: worked imports {name}")
        if package == "symbolic" and top == "worked" and rest[:1] != ["mazur"]:
            wrong.append(f"{path}: symbolic may read worked.mazur only, not {name}")
        if package == "worked" and len(parts) > 2:
            wrong += _wing_violations(path, parts[1], top, rest, name)
    return wrong


def _wing_violations(path: str, wing: str, top: str, rest: list[str], name: str) -> list[str]:
    if wing in ("mazur", "examples") and top not in STANDARD_LIBRARY and top != "worked":
        return [f"{path}: the post's data needs nothing but Python, not {name}"]
    if top != "worked" or not rest or rest[0] == wing:
        return []
    if rest[0] not in WINGS[wing]:
        return [f"{path}: the {wing} wing may not import the {rest[0]} wing ({name})"]
    if len(rest) > 1:
        return [f"{path}: another wing is reached through its __init__ only: {name}"]
    return []


def public_names(wing: str) -> set[str]:
    """The names a wing's ``__init__`` lists in ``__all__`` (read, not imported)."""
    tree = ast.parse((ROOT / "worked" / wing / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return {ast.literal_eval(e) for e in node.value.elts}  # type: ignore[attr-defined]
    return set()


def private_reaches(path: str, source: str) -> list[str]:
    """``from worked.<other wing> import name`` where ``name`` is not that wing's public surface (a
    submodule imported through the package is a reach past its ``__init__`` all the same)."""
    own = Path(path).parts[1]
    wrong = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.count(".") == 1:
            top, wing = node.module.split(".")
            if top == "worked" and wing != own and wing in WINGS:
                hidden = [a.name for a in node.names if a.name not in public_names(wing)]
                wrong += [f"{path}: {name} is not in worked.{wing}.__all__" for name in hidden]
    return wrong


def tree_violations() -> list[str]:
    wrong = []
    for package in ("worked", "symbolic"):
        for path in sorted((ROOT / package).rglob("*.py")):
            relative, source = str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")
            wrong += violations(relative, source)
            if package == "worked" and len(path.relative_to(ROOT).parts) > 2:
                wrong += private_reaches(relative, source)
    return wrong


def test_every_wing_of_worked_is_a_subpackage_named_in_the_rules():
    found = {p.parent.name for p in (ROOT / "worked").glob("*/__init__.py")}
    assert found == set(WINGS)
    assert [p.name for p in (ROOT / "worked").glob("*.py")] == ["__init__.py"]


def test_the_tree_keeps_every_rule():
    assert tree_violations() == []


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("worked/core/network.py", "from worked.gradcheck import gradcheck"),
        ("worked/core/network.py", "from worked import tutorial"),
        ("worked/core/network.py", "import backprop_companion.cli"),
        ("worked/gradcheck/check.py", "from worked.core.network import Network"),
        ("worked/gradcheck/check.py", "import worked.tutorial"),
        ("worked/tutorial/keys.py", "from worked.diagnosis import quantities"),
        ("worked/mazur/data.py", "import numpy as np"),
        ("worked/mazur/data.py", "from worked.core import Network"),
        ("worked/diagnosis/reader.py", "import sympy"),
        ("symbolic/tutorial.py", "from worked.core import Network"),
        ("symbolic/tutorial.py", "from backprop_companion import cli"),
    ],
)
def test_an_import_that_crosses_the_layout_is_caught(path, source):
    assert len(violations(path, source)) == 1


def test_a_submodule_reached_through_another_wings_package_is_caught():
    assert private_reaches("worked/diagnosis/reader.py", "from worked.tutorial import keys") == [
        "worked/diagnosis/reader.py: keys is not in worked.tutorial.__all__"
    ]
    assert private_reaches("worked/diagnosis/reader.py", "from worked.tutorial import walkthrough") == []


@pytest.mark.parametrize(
    ("path", "source"),
    [
        ("worked/core/network.py", "from worked.core.costs import Cost"),
        ("worked/gradcheck/check.py", "from worked.core import Network"),
        ("worked/diagnosis/reader.py", "from worked.tutorial import walkthrough"),
        ("worked/diagnosis/by_hand.py", "from worked import mazur"),
        (
            "worked/mazur/data.py",
            "from dataclasses import dataclass\nfrom worked.mazur.printed import rounded",
        ),
        ("symbolic/tutorial.py", "from worked.mazur import NAMES"),
    ],
)
def test_an_import_along_the_layout_is_allowed(path, source):
    assert violations(path, source) == []


def run_python(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()


def test_importing_worked_leaves_sympy_out():
    modules = "worked.core, worked.gradcheck, worked.tutorial, worked.diagnosis"
    assert run_python(f"import sys, {modules}; print('sympy' in sys.modules)") == "False"


def test_importing_symbolic_leaves_the_numeric_core_out():
    code = (
        "import importlib, pkgutil, sys, symbolic\n"
        "for module in pkgutil.iter_modules(symbolic.__path__):\n"
        "    importlib.import_module(f'symbolic.{module.name}')\n"
        "print(sorted(m for m in sys.modules if m.startswith('worked')))"
    )
    loaded = ast.literal_eval(run_python(code))  # all that symbolic drags in of worked
    assert "worked.core.network" not in loaded and "worked.mazur.data" in loaded
    # the post's data, and the pure-Python reader of example files it is read with
    assert all(m == "worked" or m.startswith(("worked.mazur", "worked.examples")) for m in loaded), loaded


def test_the_posts_data_needs_no_numpy():
    assert run_python("import sys, worked.mazur; print('numpy' in sys.modules)") == "False"


def test_help_starts_without_numpy_or_sympy():
    code = (
        "import sys, contextlib, io\n"
        "from backprop_companion.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try:\n"
        "        main(['--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(sorted(m for m in ('numpy', 'sympy') if m in sys.modules))"
    )
    assert run_python(code) == "[]"
