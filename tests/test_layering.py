"""The dependency direction: shell → symbolic → worked (data only), every import pointing down."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def imported_modules(package: str) -> dict[str, set[str]]:
    """For each module file of ``package``, the top-level names of what it imports."""
    found = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


@pytest.mark.parametrize("package", ["worked", "symbolic"])
def test_no_module_imports_the_shell(package):
    offenders = [p for p, names in imported_modules(package).items() if "backprop_companion" in names]
    assert offenders == []


def test_worked_imports_neither_sympy_nor_symbolic():
    offenders = [p for p, names in imported_modules("worked").items() if names & {"sympy", "symbolic"}]
    assert offenders == []


WINGS_BELOW = {
    "core": set(),
    "mazur": set(),
    "gradcheck": {"core"},
    "tutorial": {"core", "mazur"},
    "diagnosis": {"core", "mazur", "tutorial"},
}
"""The wings of ``worked`` each may import: diagnosis -> tutorial -> core, and both -> mazur (data)."""


def wing_imports() -> dict[str, set[str]]:
    """For each module of ``worked``, the dotted names it imports from ``worked`` (``worked.core``...)."""
    found = {}
    for path in sorted((ROOT / "worked").rglob("*.py")):
        names = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                modules = [node.module]
                if node.module == "worked":
                    modules = [f"worked.{alias.name}" for alias in node.names]
                names |= {m for m in modules if m.startswith("worked.")}
            elif isinstance(node, ast.Import):
                names |= {a.name for a in node.names if a.name.startswith("worked.")}
        found[str(path.relative_to(ROOT))] = names
    return found


def test_each_wing_imports_only_the_wings_below_it_and_only_through_their_init():
    assert set(WINGS_BELOW) == {p.name for p in (ROOT / "worked").iterdir() if (p / "__init__.py").exists()}
    offenders = []
    for path, modules in wing_imports().items():
        wing = Path(path).parts[1]
        for module in modules:
            other = module.split(".")[1]
            if other != wing and (other not in WINGS_BELOW[wing] or module != f"worked.{other}"):
                offenders.append((path, module))
    assert offenders == []


def run_python(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout.strip()


def test_importing_worked_leaves_sympy_out():
    assert run_python("import sys, worked; print('sympy' in sys.modules)") == "False"


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
