"""A small, deterministic SVG writer: line charts on linear or log axes, and plain shapes.

Written here rather than taken from a plotting library so that the committed figures are the same
bytes on every machine and the drift check needs nothing beyond the runtime dependencies. Numbers
are printed with a fixed number of decimals; nothing depends on dict order, time or hash seeds.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
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


@dataclass(frozen=True)
class Series:
    label: str
    xs: Sequence[float]
    ys: Sequence[float]
    dash: str = ""


@dataclass
class Axis:
    """One axis: its label, whether it is logarithmic, and its range (found from the data if None)."""

    label: str
    log: bool = False
    lo: float | None = None
    hi: float | None = None
    ticks: list[float] = field(default_factory=list)

    def fit(self, values: Sequence[float]) -> None:
        finite = [v for v in values if math.isfinite(v) and (v > 0 or not self.log)]
        lo = min(finite) if self.lo is None else self.lo
        hi = max(finite) if self.hi is None else self.hi
        if self.log:
            lo, hi = 10.0 ** math.floor(math.log10(lo)), 10.0 ** math.ceil(math.log10(hi))
            self.ticks = self.ticks or [
                10.0**e for e in range(round(math.log10(lo)), round(math.log10(hi)) + 1)
            ]
        elif not self.ticks:
            step = _nice_step((hi - lo) / 5)
            lo, hi = step * math.floor(lo / step), step * math.ceil(hi / step)
            count = round((hi - lo) / step)
            self.ticks = [lo + i * step for i in range(count + 1)]
        self.lo, self.hi = lo, hi

    def fraction(self, v: float) -> float:
        assert self.lo is not None and self.hi is not None
        if self.log:
            return (math.log10(v) - math.log10(self.lo)) / (math.log10(self.hi) - math.log10(self.lo))
        return (v - self.lo) / (self.hi - self.lo)

    def tick_label(self, v: float) -> str:
        if self.log:
            return f"{v:,.0f}" if 1 <= v <= 1e6 else f"1e{round(math.log10(v))}"
        return f"{v:,.0f}" if abs(v) >= 10 or v == int(v) else f"{v:g}"


def _nice_step(raw: float) -> float:
    magnitude = 10.0 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * magnitude:
            return multiple * magnitude
    return 10 * magnitude


def line_chart(
    title: str,
    x: Axis,
    y: Axis,
    series: Sequence[Series],
    width: int = 640,
    height: int = 360,
    legend_left: bool = False,
) -> str:
    """A chart of one or more series with ticks, grid lines, axis labels and a legend.

    The legend sits in the top right corner, or the top left with ``legend_left`` (for data that
    climbs to the right)."""
    left, right, top, bottom = 70, 20, 40, 50
    x.fit([v for s in series for v in s.xs])
    y.fit([v for s in series for v in s.ys])
    canvas = Canvas(width, height, title)
    plot_w, plot_h = width - left - right, height - top - bottom

    def px(v: float) -> float:
        return left + plot_w * x.fraction(v)

    def py(v: float) -> float:
        return top + plot_h * (1 - y.fraction(v))

    canvas.text(width / 2, 22, title, size=14, anchor="middle", weight="bold")
    for t in y.ticks:
        canvas.line(left, py(t), left + plot_w, py(t), stroke="#ddd")
        canvas.text(left - 6, py(t) + 4, y.tick_label(t), size=11, anchor="end")
    for t in x.ticks:
        canvas.line(px(t), top, px(t), top + plot_h, stroke="#eee")
        canvas.text(px(t), top + plot_h + 16, x.tick_label(t), size=11, anchor="middle")
    canvas.line(left, top + plot_h, left + plot_w, top + plot_h)
    canvas.line(left, top, left, top + plot_h)
    canvas.text(left + plot_w / 2, height - 12, x.label, size=12, anchor="middle")
    canvas.parts.append(
        f"<text transform='translate(16 {num(top + plot_h / 2)}) rotate(-90)' font-size='12' "
        f"text-anchor='middle' {FONT}>{escape(y.label)}</text>"
    )
    for i, s in enumerate(series):
        color = COLORS[i % len(COLORS)]
        points = [(px(a), py(b)) for a, b in zip(s.xs, s.ys, strict=True) if not y.log or b > 0]
        canvas.polyline(points, color, dash=s.dash)
        ly = top + 14 + 18 * i
        if legend_left:  # the sample line, then the label
            canvas.line(left + 12, ly - 4, left + 37, ly - 4, stroke=color, width=2, dash=s.dash)
            canvas.text(left + 42, ly, s.label, size=11)
        else:  # the label ends before the sample line, so a long one grows leftwards, inside the plot
            canvas.text(left + plot_w - 42, ly, s.label, size=11, anchor="end")
            canvas.line(
                left + plot_w - 37, ly - 4, left + plot_w - 12, ly - 4, stroke=color, width=2, dash=s.dash
            )
    return canvas.render()
