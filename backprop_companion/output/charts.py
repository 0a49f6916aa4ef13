"""Line charts as SVG, drawn by matplotlib (the ``docs`` extra), the same bytes on every run.

matplotlib replaced a hand-written chart writer. Measured on the docs' charts: both give the same
bytes on every run and under any hash seed (matplotlib with a fixed ``svg.hashsalt`` and no date in
the metadata), and both pass the browser measurement (no label outside its figure at 1280 and
400 px); matplotlib places ticks, labels and the legend itself (the hand-written legend had run out
of its figure), so no layout arithmetic is kept here. Text stays text (``svg.fonttype = none``), so
a figure is searchable and its labels can be measured. The version is pinned in the extra: another
matplotlib may draw other bytes, and the docs drift check compares bytes.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

SETTINGS: dict[Any, Any] = {
    "svg.hashsalt": "backprop-companion",
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
}
"""matplotlib's settings for deterministic, measurable SVG (DejaVu Sans ships with matplotlib)."""


@dataclass(frozen=True)
class Series:
    """One line of a chart: its legend label, its points, and a dash pattern (e.g. ``"6 4"``)."""

    label: str
    xs: Sequence[float]
    ys: Sequence[float]
    dash: str = ""


@dataclass(frozen=True)
class Axis:
    """One axis: its label, and whether it is logarithmic."""

    label: str
    log: bool = False


def line_chart(
    title: str,
    x: Axis,
    y: Axis,
    series: Sequence[Series],
    width: int = 640,
    height: int = 360,
) -> str:
    """A chart of one or more series, ``width`` × ``height`` px, the legend where it hides the
    fewest points (matplotlib's ``best``); on a log axis, points ≤ 0 are left out."""
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    with rc_context(SETTINGS):
        # matplotlib writes SVG in points, 72 an inch; a CSS pixel is 1/96 inch.
        figure = Figure(figsize=(width / 96, height / 96), layout="constrained")
        axes = figure.add_subplot()
        for s in series:
            points = [(a, b) for a, b in zip(s.xs, s.ys, strict=True) if not y.log or b > 0]
            dashes = [float(d) for d in s.dash.replace(",", " ").split()]
            line = axes.plot([a for a, _ in points], [b for _, b in points], label=s.label, linewidth=1.5)[0]
            if dashes:
                line.set_dashes(dashes)
        axes.set_xscale("log" if x.log else "linear")
        axes.set_yscale("log" if y.log else "linear")
        axes.set_title(title, fontsize=12, fontweight="bold")
        axes.set_xlabel(x.label)
        axes.set_ylabel(y.label)
        axes.grid(True, which="major", color="#e4e4e4", linewidth=0.8)
        axes.legend(loc="best", fontsize=9, framealpha=0.9)
        out = io.StringIO()
        figure.savefig(out, format="svg", metadata={"Date": None})
    svg = out.getvalue()
    svg = svg[svg.index("<svg") :]  # without the XML declaration and doctype: a file or inline figure
    opened = svg.index(">") + 1  # the <svg ...> tag: named for screen readers, and titled
    label = escape(title, quote=True)
    return f'{svg[: opened - 1]} role="img" aria-label="{label}">\n <title>{label}</title>{svg[opened:]}'
