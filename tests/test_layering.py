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
