r"""A small tree of mathematical notation, written out as unicode text, LaTeX or presentation MathML.

sympy's printers reorder factors into its canonical order and invent their own names for
dummies; the docs need the textbook's order (:math:`a^{l-1}_k \delta^l_j`, ``⊙`` for the Hadamard
product) and the same bytes on every run. So formulas are first put into this tree (by hand for
the headline equations, by :mod:`symbolic.render` for sympy's results) and each writer walks the
tree in order. Nothing here looks at hashes, sets or the clock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Node:
    """Base class of the notation tree."""


@dataclass(frozen=True)
class Ident(Node):
    """An identifier: ``x``, ``σ``, ``∇``; several letters (``tanh``) are an upright name."""

    text: str


@dataclass(frozen=True)
class Num(Node):
    text: str


@dataclass(frozen=True)
class Op(Node):
    """An operator or relation: ``+ − = ⊙ ≤ ,``."""

    text: str


@dataclass(frozen=True)
class Text(Node):
    """Words inside a formula: ``if``, ``otherwise``."""

    text: str


@dataclass(frozen=True)
class Row(Node):
    """Items side by side, in the order given."""

    items: tuple[Node, ...]


@dataclass(frozen=True)
class Product(Node):
    """Factors multiplied by juxtaposition, in the order given (never reordered)."""

    factors: tuple[Node, ...]


@dataclass(frozen=True)
class Script(Node):
    base: Node
    sub: Node | None = None
    sup: Node | None = None


@dataclass(frozen=True)
class Frac(Node):
    num: Node
    den: Node


@dataclass(frozen=True)
class Fenced(Node):
    inner: Node
    left: str = "("
    right: str = ")"


@dataclass(frozen=True)
class BigSum(Node):
    """:math:`\\sum_{index=lower}^{upper} body`."""

    index: Node
    lower: Node
    upper: Node
    body: Node


@dataclass(frozen=True)
class Cases(Node):
    """Rows of (value, condition); a condition of ``None`` means "otherwise"."""

    rows: tuple[tuple[Node, Node | None], ...]


def tokens(text: str) -> Node:
    """A short plain string such as ``l+1`` or ``jk`` as identifiers, numbers and operators."""
    items: list[Node] = []
    for ch in text:
        if ch.isdigit() and items and isinstance(items[-1], Num):
            items[-1] = Num(items[-1].text + ch)
        elif ch.isdigit():
            items.append(Num(ch))
        elif ch in "+-−=,":
            items.append(Op("−" if ch == "-" else ch))
        else:
            items.append(Ident(ch))
    return items[0] if len(items) == 1 else Row(tuple(items))


# -- unicode ---------------------------------------------------------------------------------------
def _simple(node: Node) -> bool:
    return isinstance(node, (Ident, Num)) and len(node.text) == 1


def _wrap(text: str) -> str:
    return f"({text})" if " " in text else text


def to_unicode(node: Node) -> str:
    """One line of text, scripts written ``^`` and ``_`` with braces around more than one symbol."""
    if isinstance(node, (Ident, Num, Text)):
        return node.text
    if isinstance(node, Op):
        return ", " if node.text == "," else f" {node.text} "
    if isinstance(node, Row):
        return "".join(to_unicode(i) for i in node.items)
    if isinstance(node, Product):
        return " ".join(to_unicode(f) for f in node.factors)
    if isinstance(node, Script):
        out = to_unicode(node.base)
        for mark, part in (("^", node.sup), ("_", node.sub)):
            if part is not None and isinstance(part, Ident) and part.text == "ᵀ":
                out += "ᵀ"
            elif part is not None:
                text = to_unicode(part).replace(" ", "")
                out += mark + (text if _simple(part) else "{" + text + "}")
        return out
    if isinstance(node, Frac):
        num, den = (to_unicode(part) for part in (node.num, node.den))
        return f"{_wrap(num)}/{_wrap(den)}"
    if isinstance(node, Fenced):
        return f"{node.left}{to_unicode(node.inner)}{node.right}"
    if isinstance(node, BigSum):
        index = f"{to_unicode(node.index)}={to_unicode(node.lower)}".replace(" ", "")
        return f"Σ_{{{index}}}^{{{to_unicode(node.upper)}}} {to_unicode(node.body)}"
    if isinstance(node, Cases):
        rows = [
            f"{to_unicode(v)} if {to_unicode(c)}" if c is not None else f"{to_unicode(v)} otherwise"
            for v, c in node.rows
        ]
        return "{ " + "; ".join(rows) + " }"
    raise TypeError(f"cannot write {type(node).__name__} as text")


# -- LaTeX -----------------------------------------------------------------------------------------
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
        base = to_mathml(node.base)
        if node.sub is not None and node.sup is not None:
            return f"<msubsup>{base}{to_mathml(node.sub)}{to_mathml(node.sup)}</msubsup>"
        if node.sub is not None:
            return f"<msub>{base}{to_mathml(node.sub)}</msub>"
        if node.sup is not None:
            return f"<msup>{base}{to_mathml(node.sup)}</msup>"
        return base
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
        rows = []
        for value, condition in node.rows:
            when = (
                "<mtext>otherwise</mtext>"
                if condition is None
                else _mrow(["<mtext>if&#xA0;</mtext>", to_mathml(condition)])
            )
            rows.append(f"<mtr><mtd>{to_mathml(value)}</mtd><mtd>{when}</mtd></mtr>")
        return _mrow(["<mo>{</mo>", "<mtable>" + "".join(rows) + "</mtable>"])
    raise TypeError(f"cannot write {type(node).__name__} as MathML")


def mathml_document(node: Node, display: bool = True) -> str:
    """``node`` inside a ``<math>`` element."""
    mode = "block" if display else "inline"
    return f'<math xmlns="http://www.w3.org/1998/Math/MathML" display="{mode}">{to_mathml(node)}</math>'
