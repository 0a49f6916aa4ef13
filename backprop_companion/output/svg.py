"""A small, deterministic SVG writer of plain shapes, for the drawings of a network (charts are
:mod:`~backprop_companion.output.charts`, by matplotlib).

Numbers are printed with a fixed number of decimals; nothing depends on dict order, time or hash
seeds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e")
FONT = "font-family='DejaVu Sans, Helvetica, Arial, sans-serif'"


def num(x: float) -> str:
    """A coordinate with two decimals, no trailing zeros, no negative zero."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class Canvas:
    """An SVG document built element by element."""

    def __init__(self, width: int, height: int, title: str) -> None:
        self.width, self.height = width, height
        self.parts = [
            f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
            f"viewBox='0 0 {width} {height}' role='img' aria-label='{escape(title)}'>",
            f"<title>{escape(title)}</title>",
            f"<rect width='{width}' height='{height}' fill='white'/>",
        ]

    def line(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        stroke: str = "#000",
        width: float = 1,
        dash: str = "",
    ) -> None:
        extra = f" stroke-dasharray='{dash}'" if dash else ""
        self.parts.append(
            f"<line x1='{num(x1)}' y1='{num(y1)}' x2='{num(x2)}' y2='{num(y2)}' "
            f"stroke='{stroke}' stroke-width='{num(width)}'{extra}/>"
        )

    def text(
        self,
        x: float,
        y: float,
        content: str,
        size: int = 12,
        anchor: str = "start",
        color: str = "#000",
        weight: str = "normal",
    ) -> None:
        self.parts.append(
            f"<text x='{num(x)}' y='{num(y)}' font-size='{size}' text-anchor='{anchor}' "
            f"fill='{color}' font-weight='{weight}' {FONT}>{escape(content)}</text>"
        )

    def along(
        self, start: tuple[float, float], end: tuple[float, float], at: float, above: str, below: str = ""
    ) -> None:
        """Labels written along the line from ``start`` to ``end``, centred a fraction ``at`` of the way,
        one just above it and one just below, on a white halo: labels that cannot be read as another
        line's."""
        (x1, y1), (x2, y2) = start, end
        angle = math.degrees(math.atan2(y2 - y1, x2 - x1))
        x, y = x1 + (x2 - x1) * at, y1 + (y2 - y1) * at
        for content, dy in ((above, -4), (below, 12)):
            if content:
                self.parts.append(
                    f"<text transform='translate({num(x)} {num(y)}) rotate({num(angle)})' dy='{dy}' "
                    f"font-size='11' text-anchor='middle' fill='#1f4e79' stroke='#fff' stroke-width='3' "
                    f"paint-order='stroke' {FONT}>{escape(content)}</text>"
                )

    def circle(self, x: float, y: float, r: float, fill: str = "#fff", stroke: str = "#000") -> None:
        self.parts.append(
            f"<circle cx='{num(x)}' cy='{num(y)}' r='{num(r)}' fill='{fill}' stroke='{stroke}'/>"
        )

    def polyline(
        self, points: Sequence[tuple[float, float]], stroke: str, width: float = 1.5, dash: str = ""
    ) -> None:
        extra = f" stroke-dasharray='{dash}'" if dash else ""
        path = " ".join(f"{num(x)},{num(y)}" for x, y in points)
        self.parts.append(
            f"<polyline points='{path}' fill='none' stroke='{stroke}' stroke-width='{num(width)}'{extra}/>"
        )

    def render(self) -> str:
        return "\n".join([*self.parts, "</svg>"]) + "\n"
