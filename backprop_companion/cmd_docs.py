"""``backprop-companion docs``: regenerate everything under ``docs/``, or check that it is current."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from backprop_companion.errors import CommandError, UsageError

NAME = "docs"
HELP = "regenerate the documents and figures under docs/ (or, with --check, show how they have drifted)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 with a unified diff if docs/ differs from what would be generated",
    )
    parser.add_argument("--out", default="docs", help="the docs folder (default: ./docs)")


def run(args: argparse.Namespace) -> int:
    from backprop_companion.docs import drift, pages, write

    root = Path(args.out)
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} is not a folder")
    if not root.parent.is_dir():
        raise UsageError(f"cannot write {root}: the folder {root.parent} does not exist")
    from backprop_companion.progress import Progress

    progress = Progress(0, "docs")
    wanted = pages(progress.stage)
    progress.close()
    if args.check:
        diff = drift(root, wanted)
        if diff:
            sys.stdout.write(diff)
            raise CommandError(f"{root} is out of date: run 'backprop-companion docs' to regenerate it")
        print(f"{root}: all {len(wanted)} generated files are current")
        return 0
    try:
        changed = write(root, wanted)
    except OSError as error:
        raise CommandError(f"could not write {root}: {error.strerror or error}") from None
    print(
        f"{root}: {len(changed)} of {len(wanted)} files rewritten"
        + (": " + ", ".join(changed) if changed else "")
    )
    extra = drift(root, wanted)
    if extra:
        print(f"note: {root} holds files the generator does not make; 'docs --check' fails until they go:")
        print(extra, end="")
    return 0
