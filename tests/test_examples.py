"""Every example in the README and the docs runs, so a changed API cannot leave a stale one.

An example is a fenced code block (python or pycon) that starts with ``>>>``: a doctest session. The
sessions of one file run in order in one namespace, as a reader would type them into one interpreter,
and their output is compared exactly (doctest's default: every printed number in them is an
expectation). Blocks without ``>>>`` (shell commands, the API page's signatures) are not sessions.
"""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FENCE = re.compile(r"^```(?:python|pycon)\n(.*?)^```$", re.MULTILINE | re.DOTALL)
SOURCES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def sessions(text: str) -> list[str]:
    """The doctest sessions among a Markdown file's fenced blocks, in order."""
    return [block for block in FENCE.findall(text) if block.startswith(">>>")]


def run(text: str, name: str) -> tuple[doctest.TestResults, str]:
    """Run every session of a file in one namespace; return the results and doctest's report."""
    parser, report = doctest.DocTestParser(), list[str]()
    runner = doctest.DocTestRunner()
    namespace: dict[str, object] = {}
    for block in sessions(text):
        test = parser.get_doctest(block, namespace, name, name, 0)
        runner.run(test, out=report.append, clear_globs=False)
        namespace = test.globs
    return runner.summarize(verbose=False), "".join(report)


@pytest.mark.parametrize("path", [p for p in SOURCES if sessions(p.read_text(encoding="utf-8"))], ids=str)
def test_every_session_in_the_docs_runs_as_shown(path):
    results, report = run(path.read_text(encoding="utf-8"), path.name)
    assert results.attempted > 0
    assert results.failed == 0, report


def test_the_readme_has_its_python_session():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## From Python" in text and len(sessions(text)) >= 1


def test_a_stale_example_fails():
    # The negative control: the README's session with one printed digit changed must fail.
    text = (ROOT / "README.md").read_text(encoding="utf-8").replace("'0.35891648'", "'0.35891649'")
    results, report = run(text, "README.md")
    assert results.failed == 1 and "0.35891649" in report
