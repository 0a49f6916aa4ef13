"""The examples shipped with the package, found by name, and :func:`load` for a name or a path."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from worked.examples.schema import Example, InvalidExample, read

FILES = Path(__file__).parent / "files"
SHIPPED = tuple(sorted(p.stem for p in FILES.glob("*.toml")))
"""The shipped examples' names (``mazur``, ...): what :func:`load` takes besides a path."""


def load(source: str | Path) -> Example:
    """The example shipped under the name ``source`` (one of :data:`SHIPPED`), or the TOML file at the
    path ``source``; raises :class:`InvalidExample` naming the file and the key of any problem."""
    if isinstance(source, str) and source in SHIPPED:
        return _shipped(source)
    if not isinstance(source, (str, Path)) or (isinstance(source, str) and not source.strip()):
        raise InvalidExample(f"an example is a name ({', '.join(SHIPPED)}) or a path, got {source!r}")
    path = Path(source)
    if path.suffix != ".toml" and not path.exists():
        raise InvalidExample(f"{source}: no such example; the shipped ones are {', '.join(SHIPPED)}")
    return read(path)


@cache
def _shipped(name: str) -> Example:
    return read(FILES / f"{name}.toml", f"{name}.toml")


def describe(example: Example) -> str:
    """One line naming the text an example comes from (its ``[source]``), or its file."""
    s = example.source
    if "title" not in s:
        return example.file
    who = f"{s['author']}, " if "author" in s else ""
    return f'{who}"{s["title"]}"' + (f" ({s['year']})" if "year" in s else "")
