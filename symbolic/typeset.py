r"""The notation tree of :mod:`symbolic.notation` as LaTeX and as presentation MathML.

LaTeX: ``\frac`` for ∂ fractions, ``\odot`` for the Hadamard product, scripts written
``x^{sup}_{sub}`` as in the book, and nothing but ASCII outside ``\text{...}`` (which
:func:`latex_text` escapes). MathML: presentation markup only, ``<mi>`` for identifiers (upright
for names of several letters), invisible times between factors.
"""

from __future__ import annotations

import re
from html import escape

from symbolic.notation import BigSum, Cases, Fenced, Frac, Ident, Node, Num, Op, Product, Row, Script, Text

_LATEX = {
    "σ": r"\sigma",
    "σ′": r"\sigma'",
    "δ": r"\delta",
    "ζ": r"\zeta",
    "α": r"\alpha",
    "∇": r"\nabla",
    "∂": r"\partial",
    "⊙": r"\odot",
    "·": r"\cdot",
    "≤": r"\le",
    "−": "-",
    "ᵀ": "T",
    "Δ": r"\Delta",
}


def _concat(parts: list[str], separator: str = "") -> str:
    """Join LaTeX pieces, with a space wherever a command word would run into a letter."""
    out = ""
    for part in parts:
        if out and not separator and re.search(r"\\[A-Za-z]+$", out) and part[:1].isalpha():
            out += " "
        out += (separator if out else "") + part
    return out


def to_latex(node: Node) -> str:
    """LaTeX math (no surrounding ``$``): ``\\frac`` for ∂ fractions, ``\\odot`` for ⊙."""
    if isinstance(node, Ident):
        if node.text in _LATEX:
            return _LATEX[node.text]
        return node.text if len(node.text) == 1 else rf"\operatorname{{{node.text}}}"
    if isinstance(node, Num):
        return node.text
    if isinstance(node, Op):
        return _LATEX.get(node.text, node.text)
    if isinstance(node, Text):
        return rf"\text{{{node.text}}}"
    if isinstance(node, Row):
        return _concat([to_latex(i) for i in node.items])
    if isinstance(node, Product):
        return _concat([to_latex(f) for f in node.factors], " ")
    if isinstance(node, Script):
        base = to_latex(node.base)
        bare = len(base) == 1 or re.fullmatch(r"\\[A-Za-z]+", base) is not None
        out = base if bare else "{" + base + "}"
        if node.sup is not None:
            out += "^{" + to_latex(node.sup) + "}"
        if node.sub is not None:
            out += "_{" + to_latex(node.sub) + "}"
        return out
    if isinstance(node, Frac):
        return rf"\frac{{{to_latex(node.num)}}}{{{to_latex(node.den)}}}"
    if isinstance(node, Fenced):
        left = {"{": r"\{", "[": "[", "(": "("}[node.left]
        right = {"}": r"\}", "]": "]", ")": ")"}[node.right]
        return rf"\left{left}{to_latex(node.inner)}\right{right}"
    if isinstance(node, BigSum):
        return (
            rf"\sum_{{{to_latex(node.index)}={to_latex(node.lower)}}}^{{{to_latex(node.upper)}}} "
            + to_latex(node.body)
        )
    if isinstance(node, Cases):
        rows = [
            f"{to_latex(v)} & " + (rf"\text{{if }} {to_latex(c)}" if c is not None else r"\text{otherwise}")
            for v, c in node.rows
        ]
        return r"\begin{cases} " + r" \\ ".join(rows) + r" \end{cases}"
    raise TypeError(f"cannot write {type(node).__name__} as LaTeX")


_TEXT_MATH = {
    "σ": r"\sigma",
    "δ": r"\delta",
    "Σ": r"\Sigma",
    "∂": r"\partial",
    "≤": r"\le",
    "′": "'",
    "·": r"\cdot",
    "⊙": r"\odot",
    "∇": r"\nabla",
}


def latex_text(text: str) -> str:
    """Plain words for ``\\text{...}``: TeX's special characters escaped, math symbols in ``$...$``."""
    runs: list[tuple[bool, str]] = []
    for ch in text:
        math = ch in _TEXT_MATH
        piece = _TEXT_MATH[ch] if math else _escape_text(ch)
        if runs and runs[-1][0] == math:
            runs[-1] = (math, runs[-1][1] + piece)
        else:
            runs.append((math, piece))
    return "".join(f"${piece}$" if math else piece for math, piece in runs)


def _escape_text(ch: str) -> str:
    if ch in "_^":
        return rf"\{ch}{{}}"
    if ch in "&%#{}$":
        return rf"\{ch}"
    return "-" if ch == "−" else ch


# -- presentation MathML ---------------------------------------------------------------------------
def _mrow(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else "<mrow>" + "".join(parts) + "</mrow>"


def to_mathml(node: Node) -> str:
    """Presentation MathML for ``node`` (without the ``<math>`` element; see :func:`mathml_document`)."""
    if isinstance(node, Ident):
        text = "T" if node.text == "ᵀ" else node.text
        upright = (len(text) > 1 and text != "σ′") or node.text == "ᵀ"
        variant = ' mathvariant="normal"' if upright else ""
        return f"<mi{variant}>{escape(text)}</mi>"
    if isinstance(node, Num):
        return f"<mn>{escape(node.text)}</mn>"
    if isinstance(node, Op):
        return f"<mo>{escape(node.text)}</mo>"
    if isinstance(node, Text):
        return f"<mtext>{escape(node.text)}</mtext>"
    if isinstance(node, Row):
        return _mrow([to_mathml(i) for i in node.items])
    if isinstance(node, Product):
        parts = []
        for i, factor in enumerate(node.factors):
            if i:
                parts.append("<mo>&#x2062;</mo>")  # invisible times
            parts.append(to_mathml(factor))
        return _mrow(parts)
    if isinstance(node, Script):
        return _script_mathml(node)
    if isinstance(node, Frac):
        return f"<mfrac>{to_mathml(node.num)}{to_mathml(node.den)}</mfrac>"
    if isinstance(node, Fenced):
        return _mrow(
            [f"<mo>{escape(node.left)}</mo>", to_mathml(node.inner), f"<mo>{escape(node.right)}</mo>"]
        )
    if isinstance(node, BigSum):
        lower = _mrow([to_mathml(node.index), "<mo>=</mo>", to_mathml(node.lower)])
        return _mrow(
            [f"<munderover><mo>∑</mo>{lower}{to_mathml(node.upper)}</munderover>", to_mathml(node.body)]
        )
    if isinstance(node, Cases):
        return _cases_mathml(node)
    raise TypeError(f"cannot write {type(node).__name__} as MathML")


def _script_mathml(node: Script) -> str:
    base = to_mathml(node.base)
    if node.sub is not None and node.sup is not None:
        return f"<msubsup>{base}{to_mathml(node.sub)}{to_mathml(node.sup)}</msubsup>"
    if node.sub is not None:
        return f"<msub>{base}{to_mathml(node.sub)}</msub>"
    if node.sup is not None:
        return f"<msup>{base}{to_mathml(node.sup)}</msup>"
    return base


def _cases_mathml(node: Cases) -> str:
    """A brace and a table: one row a case, its value and its condition ("otherwise" for the last)."""
    rows = []
    for value, condition in node.rows:
        when = (
            "<mtext>otherwise</mtext>"
            if condition is None
            else _mrow(["<mtext>if&#xA0;</mtext>", to_mathml(condition)])
        )
        rows.append(f"<mtr><mtd>{to_mathml(value)}</mtd><mtd>{when}</mtd></mtr>")
    return _mrow(["<mo>{</mo>", "<mtable>" + "".join(rows) + "</mtable>"])


def mathml_document(node: Node, display: bool = True) -> str:
    """``node`` inside a ``<math>`` element."""
    mode = "block" if display else "inline"
    return f'<math xmlns="http://www.w3.org/1998/Math/MathML" display="{mode}">{to_mathml(node)}</math>'
