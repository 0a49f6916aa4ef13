r"""Presentation MathML for the formulas the docs write in LaTeX, by latex2mathml.

The Markdown pages carry math as ``$...$`` and ``$$...$$`` (which the code host renders); the
self-contained HTML page needs the same formulas as MathML, which browsers render with no script.
The derivation's formulas come with sympy's own MathML; every other formula is converted here.

latex2mathml (a ``docs`` extra) replaced a hand-written converter of the subset the docs used:
measured on the page's 390 formulas, both convert every one, both pass the browser measurement
(nothing overflows at 1280 and 400 px, no raw TeX, every formula rendered as MathML) and both give
the same bytes on every run; the library reads all of LaTeX, not a subset, so a new formula needs no
new code here (0.2 s for the page against 0.02 s: nothing beside the 60 s of the derivation).
"""

from __future__ import annotations


def to_mathml(latex: str, display: bool = False) -> str:
    """``latex`` as a ``<math>`` element: a block with ``display``, else inline."""
    from latex2mathml.converter import convert

    mathml: str = convert(latex, display="block" if display else "inline")
    return mathml
