"""``backprop-companion docs``: regenerate everything under ``docs/`` and the README's table of
commands, or check that they are current."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from pathlib import Path

from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK, CommandError, UsageError
from backprop_companion.output.progress import Progress
from backprop_companion.result import CommandResult

REGENERATE = "run 'backprop-companion docs' to regenerate it"


def _readme(root: Path) -> Path | None:
    """README.md beside the docs folder, if it has the command table's markers: the companion's own
    README has them (a test says so); another project's README beside a docs folder is left alone."""
    from backprop_companion.docs.readme import START

    readme = root.parent / "README.md"
    return readme if readme.is_file() and START in readme.read_text(encoding="utf-8") else None


def docs_folder(out: str, writing: bool) -> Path:
    """The docs folder ``--out`` names (a symlink's target), refused before any generation when it
    cannot be one: no name, a name that is not a folder's, a parent that does not exist, or (when
    writing) a folder or parent that cannot be written (the new set is staged beside the folder)."""
    if Path(out).name in ("", ".", ".."):
        raise UsageError(f"--out {out!r}: expected the name of a docs folder (e.g. --out docs)")
    root = Path(os.path.realpath(out))
    try:
        if root.exists() and not root.is_dir():
            raise UsageError(f"{out} is not a folder")
        if not root.parent.is_dir():
            raise UsageError(f"cannot write {out}: the folder {root.parent} does not exist")
    except OSError as error:  # a name too long, a folder that cannot be searched
        raise UsageError(f"--out: {error.strerror or error}") from None
    for folder in (root.parent, root) if writing else ():
        if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
            raise UsageError(f"cannot write {out}: the folder {folder} is not writable")
    return root


def run(args: argparse.Namespace) -> DocsCheck | DocsWritten:
    from backprop_companion.docs import drift, pages
    from backprop_companion.output.extras import missing

    if needs := missing("making the docs", "latex2mathml", "matplotlib"):
        raise UsageError(needs)
    root = docs_folder(args.out, writing=not args.check)
    progress = Progress(0, "docs")
    try:
        wanted = pages(args.cli, progress.stage)
    finally:
        progress.close()
    shown = Path(args.out)  # as typed, in what is printed
    if args.check:
        return DocsCheck(shown, len(wanted), drift(root, wanted), _readme_drift(_readme(root)))
    return _write(root, wanted, shown)


def _readme_drift(readme: Path | None) -> str:
    from backprop_companion.docs.readme import readme_drift
    from backprop_companion.options import build_parser

    return "" if readme is None else readme_drift(readme, build_parser())


def _write(root: Path, wanted: dict[str, str], shown: Path) -> DocsWritten:
    from backprop_companion.docs import drift, write
    from backprop_companion.docs.readme import command_table, with_table
    from backprop_companion.options import build_parser
    from backprop_companion.output.files import write_atomically

    readme, readme_changed = _readme(root), False
    try:
        changed = write(root, wanted)
        if readme is not None:
            old = readme.read_text(encoding="utf-8")
            new = with_table(old, command_table(build_parser()))
            readme_changed = new != old
            if readme_changed:
                write_atomically(readme, new)
    except OSError as error:
        raise CommandError(f"could not write {shown}: {error.strerror or error}") from None
    except ValueError as error:  # README.md with a start marker but no end marker
        raise CommandError(str(error)) from None
    return DocsWritten(shown, len(wanted), tuple(changed), readme_changed, drift(root, wanted))


@dataclass(frozen=True)
class DocsCheck(CommandResult):
    """``docs --check``: the diff from what is there to what the generator makes now (none if current)."""

    root: Path
    files: int
    docs_diff: str
    readme_diff: str

    @property
    def exit_status(self) -> int:
        return EXIT_CHECK_FAILED if self.docs_diff or self.readme_diff else EXIT_OK

    @property
    def failure(self) -> str | None:
        stale = [str(self.root)] * bool(self.docs_diff) + ["README.md's command table"] * bool(
            self.readme_diff
        )
        return (
            f"{' and '.join(stale)} {'is' if len(stale) == 1 else 'are'} out of date: {REGENERATE}"
            if stale
            else None
        )

    def as_json(self) -> dict[str, object]:
        return {"folder": str(self.root), "files": self.files, "diff": self.docs_diff + self.readme_diff}

    def as_text(self) -> str:
        diff = self.docs_diff + self.readme_diff
        if diff:
            return diff.removesuffix("\n")
        return f"{self.root}: all {self.files} generated files are current"


@dataclass(frozen=True)
class DocsWritten(CommandResult):
    """``docs``: which files were rewritten, and what the folder holds that the generator does not make."""

    root: Path
    files: int
    changed: tuple[str, ...]
    readme_changed: bool
    extra: str

    def as_json(self) -> dict[str, object]:
        return {"folder": str(self.root), "files": self.files, "rewritten": list(self.changed)}

    def as_text(self) -> str:
        rewritten = ": " + ", ".join(self.changed) if self.changed else ""
        out = [f"{self.root}: {len(self.changed)} of {self.files} files rewritten{rewritten}"]
        if self.readme_changed:
            out.append("README.md: the command table rewritten from the argument parser")
        if self.extra:
            note = "holds files the generator does not make; 'docs --check' fails until they go:"
            out.append(f"note: {self.root} {note}")
            out.append(self.extra.removesuffix("\n"))
        return "\n".join(out)
