"""The shell's own imports: no circle among its modules, and the benchmark and the docs builder apart.

Every import of a shell module is read from the source (``ast``), module level and inside functions
alike, since a lazy import still runs; imports under ``if TYPE_CHECKING:`` are left out, since they
never run. ``cli`` imports each command's module by the name the parser's registry gives, so those
edges are added from the registry.
"""

from __future__ import annotations

import ast
from pathlib import Path

from backprop_companion.options import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
SHELL = "backprop_companion"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def shell_modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted((ROOT / SHELL).rglob("*.py"))}


def _run_time_nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node except those under ``if TYPE_CHECKING:``."""
    found: list[ast.AST] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for branch in node.orelse:
                visit(branch)
            return
        found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def imports_of(path: Path, known: set[str]) -> set[str]:
    """The shell modules that ``path`` imports: ``from a import b`` means ``a.b`` when that is a module."""
    edges = set()
    for node in _run_time_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            edges |= {alias.name for alias in node.names if alias.name in known}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                edges.add(submodule if submodule in known else node.module)
    return {name for name in edges if name in known}


def import_graph() -> dict[str, set[str]]:
    modules = shell_modules()
    graph = {name: imports_of(path, set(modules)) for name, path in modules.items()}
    graph[f"{SHELL}.cli"] |= {command.module for command in COMMANDS}  # imported by name when run
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import circle as the list of its modules (first repeated at the end), or ``None``."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = "open"
        path.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                return [*path[path.index(nxt) :], nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        state[node] = "done"
        path.pop()
        return None

    for start in sorted(graph):
        if start not in state and (cycle := visit(start)):
            return cycle
    return None


def test_the_cycle_finder_finds_a_circle_and_only_a_circle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_graph_sees_lazy_imports_and_the_registry():
    graph = import_graph()
    assert f"{SHELL}.cmd_docs" in graph[f"{SHELL}.cli"]  # from the registry
    assert f"{SHELL}.docs" in graph[f"{SHELL}.cmd_docs"]  # inside a function: lazy imports count


def test_the_shell_has_no_import_circle():
    cycle = find_cycle(import_graph())
    assert cycle is None, "import circle: " + " -> ".join(cycle or [])


def test_the_benchmark_and_the_docs_builder_do_not_import_each_other():
    def part(name: str) -> str | None:
        for package in ("bench", "docs"):
            if name == f"{SHELL}.{package}" or name.startswith(f"{SHELL}.{package}."):
                return package
        return None

    crossings = [
        (source, target)
        for source, targets in import_graph().items()
        for target in targets
        if {part(source), part(target)} == {"bench", "docs"}
    ]
    assert crossings == []


def test_the_output_helpers_are_a_leaf():
    leaf = f"{SHELL}.output"
    outside = {
        (source, target)
        for source, targets in import_graph().items()
        if source.startswith(leaf)
        for target in targets
        if not target.startswith(leaf)
    }
    assert outside == set()
