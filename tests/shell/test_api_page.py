"""``docs/api.md``, the API reference made from the docstrings: current, complete, and free of what
changes between runs. (The whole tree's drift check, in ``test_docs.py``, covers it too, slowly.)"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from backprop_companion.docs import COMMAND, api_pages
from backprop_companion.output import generated_header

ROOT = Path(__file__).resolve().parents[2]


def test_the_committed_api_page_is_what_the_docstrings_make_now():
    made = generated_header("api.md") + api_pages.pages()["api.md"]
    on_disk = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert on_disk == made, f"docs/api.md is stale; run `{COMMAND}` and commit the result"


def test_every_public_name_has_its_section_and_nothing_else_does():
    page = api_pages.pages()["api.md"]
    headings = re.findall(r"^### `([\w.]+)`$", page, flags=re.MULTILINE)
    wanted = [
        f"{package}.{name}"
        for package in api_pages.PACKAGES
        for name in importlib.import_module(package).__all__
    ]
    assert headings == wanted


def test_the_page_shows_no_address_and_no_sphinx_role():
    page = api_pages.pages()["api.md"]
    assert " at 0x" not in page  # a default shown by its repr would change on every run
    assert not re.search(r":(func|class|math|data|mod|meth|attr):`", page)  # GitHub shows them raw


def test_a_docstring_becomes_markdown_a_code_hosting_site_renders():
    doc = "Implements BP1 :math:`\\delta^L` with :func:`~worked.core.train` and ``x``.\n    indented"
    assert api_pages.markdown(doc) == "Implements BP1 $\\delta^L$ with `train` and `x`.\nindented"
