"""docs/index.html as a reader sees it: measured in headless Chromium at a desktop and a phone width.

Skipped, with the reason, when no ``chromium`` is installed (.ci/run installs it)."""

from __future__ import annotations

import shutil
from typing import Any

import pytest

from tests.shell.browser import measure

pytestmark = pytest.mark.skipif(
    shutil.which("chromium") is None, reason="no chromium binary (apt-get install chromium)"
)

DESKTOP, PHONE = 1280, 400
"""A laptop's window and a phone's portrait width, in CSS pixels."""


@pytest.fixture(scope="module")
def layouts(generated: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, Any]]:
    workdir = tmp_path_factory.mktemp("browser")
    return {width: measure(generated["index.html"], width, workdir) for width in (DESKTOP, PHONE)}


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_nothing_overflows_the_viewport(layouts, width):
    layout = layouts[width]
    assert layout["width"] == width
    assert layout["scroll_width"] <= width, "the page scrolls sideways"


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_every_figure_label_is_inside_its_figure(layouts, width):
    assert layouts[width]["clipped"] == []


def test_no_raw_tex_in_the_visible_text(layouts):
    assert layouts[DESKTOP]["tex"] == []


def test_every_formula_is_rendered_as_mathml(layouts, generated):
    assert "<script" not in generated["index.html"], "the page itself needs no script"
    layout = layouts[DESKTOP]
    assert layout["maths"] == generated["index.html"].count("<math ") > 0
    assert layout["empty"] == layout["merror"] == layout["unrendered"] == 0
    assert layout["console"] == []


def test_the_probe_sees_an_overflow_and_a_clipped_label(tmp_path):
    """The measurement can fail: a too-wide block and a label past its figure's edge are seen."""
    page = (
        '<!DOCTYPE html><html><body><div style="width:900px">wide</div>'
        '<svg viewBox="0 0 100 20" width="100" height="20" aria-label="f"><text x="90" y="15">cut off</text>'
        "</svg><p>δ^{l+1}</p></body></html>"
    )
    layout = measure(page, PHONE, tmp_path)
    assert layout["scroll_width"] > PHONE
    assert layout["clipped"] == ["f: cut off"]
    assert layout["tex"] == ["δ^{l+1}"]


def test_the_figure_of_train_plot_is_measured_too(tmp_path):
    from backprop_companion.cli import main

    target = tmp_path / "training.svg"
    assert main(["train", "--quiet", "--plot", str(target)]) == 0
    style = "<style>svg { max-width: 100%; height: auto; }</style>"  # as the docs page shows a figure
    svg = target.read_text(encoding="utf-8")
    page = f"<!DOCTYPE html><html><head>{style}</head><body>{svg}</body></html>"
    for width in (DESKTOP, PHONE):
        layout = measure(page, width, tmp_path)
        assert layout["clipped"] == [] and layout["scroll_width"] <= width
