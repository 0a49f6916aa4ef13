"""``docs/worksheets.md``: worksheets for a class, with the draw's ranges read from
:data:`worked.examples.RANGES`, and the sheet and a graded sheet as the commands print them."""

from __future__ import annotations

import contextlib
import io
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

from backprop_companion.docs.templates import fill
from backprop_companion.output.tables import markdown_table

WHY = {
    "input": "the post's are 0.05 and 0.10; never 0, which would leave its weights nothing to do",
    "target": "inside (0, 1), where a sigmoid output can reach; the post's are 0.01 and 0.99",
    "weight": "the post's are 0.15 to 0.55; positive, as in the genre",
    "bias": "the post's are 0.35 and 0.60",
}
"""Why each role's range is what it is."""


def _printed(run_cli: Callable[[Sequence[str]], int], argv: Sequence[str]) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        run_cli(list(argv))
    return out.getvalue().rstrip("\n")


def pages(run_cli: Callable[[Sequence[str]], int]) -> dict[str, str]:
    from worked.examples import RANGES

    ranges = markdown_table(
        ["role", "range", "why"],
        [[role, f"{low / 100:.2f} ... {high / 100:.2f}", WHY[role]] for role, (low, high) in RANGES.items()],
    )
    blank = _printed(run_cli, ["worksheet", "--seed", "7"]).split("\n")
    sheet = "\n".join(blank[: blank.index("## Your answers") + 8])
    answers = _printed(run_cli, ["worksheet", "--seed", "7", "--answers", "--format", "csv"])
    with tempfile.TemporaryDirectory() as folder:
        filled = Path(folder, "7.csv")
        wrong = answers.replace("w5_new,0.66712826", "w5_new,0.66712827")
        assert wrong != answers, "the answer key no longer has w5_new = 0.66712826"
        filled.write_text(wrong + "\n", encoding="utf-8")
        graded = _printed(run_cli, ["check", "--from", str(filled)])
    return {
        "worksheets.md": fill(
            "worksheets.md",
            ranges=ranges,
            sheet=f"```markdown\n{sheet}\n...\n```",
            graded=f"```\n$ backprop-companion check --from 7.csv\n{graded}\n```",
        )
    }
