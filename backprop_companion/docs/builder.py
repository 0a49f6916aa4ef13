"""Generate every file under ``docs/``, write them atomically, or show how the tree has drifted.

:func:`pages` computes the whole documentation in memory: a mapping from a path relative to
``docs/`` to its text. Nothing is written until every page has been made, and the set is then
replaced as a whole (:mod:`backprop_companion.docs.replace`), so a failed or interrupted run leaves
the previous docs as they were. :func:`drift` compares the mapping with a directory and returns a
unified diff; the test suite calls it, so stale docs fail the tests.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Sequence
from pathlib import Path

from backprop_companion.docs.replace import files_under, replace_set, tidy
from backprop_companion.output import (
    GENERATE_COMMAND,
    RECORD_COMMAND,
    RECORDED_FIGURE,
    RECORDED_PAGE,
    generated_header,
    recorded_header,
)

COMMAND = GENERATE_COMMAND
RECORDED = (RECORDED_PAGE, RECORDED_FIGURE)
"""Pages the benchmark records: the drift check asks only for their header line."""

DOCUMENTS = (
    ("walkthrough", "The tutorial, number by number"),
    ("errata", "Errata"),
    ("examples", "Worked examples as data"),
    ("worksheets", "Worksheets for a class"),
    ("derivation", "BP1-BP4, derived and proved"),
    ("gradient-checking", "Gradient checking"),
    ("own-code", "Check your own code"),
    ("ex4", "Ng's exercise 4"),
    ("bad-input", "Bad input"),
    ("json", "The JSON"),
)
"""The Markdown pages in reading order, as they appear on the one HTML page."""


def pages(
    run_cli: Callable[[Sequence[str]], int], stage: Callable[[str], None] | None = None
) -> dict[str, str]:
    """Every generated file, keyed by its path under ``docs/``, each starting with its header.

    ``run_cli`` is the command line itself (``cli.main``), which the bad-input page runs; it is
    handed in, not imported, so that nothing the command line imports imports it back. ``stage`` is
    told what is being made as each generator starts (the derivation's verification run takes most
    of the time), for a progress line."""
    from backprop_companion.docs import (
        api_pages,
        bad_input_pages,
        derivation_pages,
        ex4_pages,
        example_pages,
        gradcheck_pages,
        html,
        json_pages,
        own_code_pages,
        tutorial_pages,
        worksheet_pages,
    )

    made: dict[str, str] = {}
    mathml: dict[str, str] = {}

    def derivation() -> dict[str, str]:
        made_here, formulas = derivation_pages.pages()
        mathml.update(formulas)
        return made_here

    generators = (
        ("derivation.md: BP1-BP4 derived and verified in sympy", derivation),
        ("walkthrough.md, errata.md: the tutorial", tutorial_pages.pages),
        ("examples.md: worked examples as data", example_pages.pages),
        ("gradient-checking.md: the checker and its bug catalogue", gradcheck_pages.pages),
        ("own-code.md: checking a reader's own backprop", own_code_pages.pages),
        ("worksheets.md: worksheets for a class", lambda: worksheet_pages.pages(run_cli)),
        ("ex4.md: Ng's exercise 4, its prints recomputed", ex4_pages.pages),
        ("bad-input.md: the catalogue of bad input", lambda: bad_input_pages.pages(run_cli)),
        ("api.md: the Python API, from its docstrings", api_pages.pages),
        ("json.md: the JSON schema", json_pages.pages),
    )
    for what, generate in generators:
        if stage is not None:
            stage(what)
        for path, text in generate().items():
            if path in made:
                raise RuntimeError(f"two generators write docs/{path}")
            made[path] = generated_header(path) + text
    figures = {path: text for path, text in made.items() if path.endswith(".svg")}
    documents = [(name, title, made[f"{name}.md"]) for name, title in DOCUMENTS]
    made["index.html"] = generated_header("index.html") + html.page(
        "backprop-companion", documents, figures, mathml
    )
    return dict(sorted(made.items()))


def read_text(path: Path) -> str | None:
    """The text of a generated file as it is on disk, or ``None`` if it is not there; a file that is
    not UTF-8 text or cannot be read comes back as a one-line description, which differs from any page."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        return "(not UTF-8 text)\n"
    except OSError as error:
        return f"(cannot be read: {error.strerror or error})\n"


def _existing(root: Path, wanted: dict[str, str]) -> dict[str, str | None]:
    """What is on disk for every path ``wanted`` names, and for every other file under ``root``
    ``None`` (those are never read: a PNG or a file nobody may read is named, not opened)."""
    have: dict[str, str | None] = {path: None for path in files_under(root)}
    for path in wanted:
        text = read_text(root / path)
        if text is not None:
            have[path] = text
    return have


def drift(root: Path, wanted: dict[str, str]) -> str:
    """A unified diff from what is under ``root`` to ``wanted``, what the generator writes now
    ('' if none)."""
    have = _existing(root, wanted)
    chunks = []
    for path in sorted(set(wanted) | set(have)):
        old, new = have.get(path), wanted.get(path)
        if new is not None and old == new:
            continue
        if new is None:
            if path in RECORDED:
                if not (read_text(root / path) or "").startswith(recorded_header(path)):
                    chunks.append(
                        f"docs/{path}: a recorded page without its header; run `{RECORD_COMMAND}`\n"
                    )
                continue
            chunks.append(f"docs/{path}: not made by the generator (docs/ holds generated files only)\n")
            continue
        chunks.extend(
            difflib.unified_diff(
                (old or "").splitlines(keepends=True),
                new.splitlines(keepends=True),
                fromfile=f"docs/{path}" + ("" if old is not None else " (missing)"),
                tofile=f"docs/{path} (generated now)",
            )
        )
    return "".join(chunks)


def write(root: Path, wanted: dict[str, str]) -> list[str]:
    """Replace the set under ``root`` with ``wanted`` (see :mod:`backprop_companion.docs.replace`);
    return the paths that changed."""
    have = _existing(root, wanted)
    changed = [path for path, text in wanted.items() if have.get(path) != text]
    if changed:
        replace_set(root, wanted)
    else:
        tidy(root)
    return changed
