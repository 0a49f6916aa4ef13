"""``docs/own-code.md``: checking a reader's own backprop, one run per convention on the companion's
fixtures (``tests/gradcheck/fixtures``, loaded by path as ``gradcheck --impl`` loads a reader's file),
and the example test file a reader can copy (``tests/testing/example_test_my_backprop.py``)."""

from __future__ import annotations

from pathlib import Path

from backprop_companion.docs.templates import fill

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path("tests", "gradcheck", "fixtures")
EXAMPLE = Path("tests", "testing", "example_test_my_backprop.py")

RUNS = (
    ("nielsen", "nielsen_style.py", "NoSigmaPrime"),
    ("nielsen_right", "nielsen_style.py", "Network"),
    ("ng", "ng_style.py", "regularises_bias"),
    ("mazur", "mazur_style.py", "OutputFirst"),
    ("function", "function_style.py", "gradient"),
)
"""Each placeholder of the template, with the fixture file and the name in it that it runs."""


def _run(file: str, name: str) -> str:
    """What ``gradcheck --impl tests/gradcheck/fixtures/FILE:NAME`` prints."""
    from backprop_companion.gradcheck_result import OwnCodeResult
    from backprop_companion.reader_code import load
    from worked.gradcheck import check_own, conventions_for, detect

    shown = FIXTURES / file
    module = load(ROOT / shown)
    obj = getattr(module, name)
    convention = detect(obj)
    assert convention is not None
    reports = tuple(check_own(c) for c in conventions_for(obj, convention, vars(module)))
    text = OwnCodeResult(f"{shown.as_posix()}:{name}", True, reports, None, None).as_text()
    command = f"$ backprop-companion gradcheck --impl {shown.as_posix()}:{name}"
    return f"```\n{command}\n{text}\n```"


def pages() -> dict[str, str]:
    parts = {key: _run(file, name) for key, file, name in RUNS}
    example = (ROOT / EXAMPLE).read_text(encoding="utf-8")
    return {"own-code.md": fill("own-code.md", example=f"```python\n{example.rstrip()}\n```", **parts)}
