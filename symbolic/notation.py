r"""A small tree of mathematical notation, written out as unicode text, LaTeX or presentation MathML.

sympy's printers reorder factors into its canonical order and invent their own names for
dummies; the docs need the textbook's order (:math:`a^{l-1}_k \delta^l_j`, ``⊙`` for the Hadamard
product) and the same bytes on every run. So formulas are first put into this tree (by hand for
the headline equations, by :mod:`symbolic.render` for sympy's results) and each writer walks the
tree in order. Nothing here looks at hashes, sets or the clock. This module holds the tree and the
unicode writer; :mod:`symbolic.typeset` writes LaTeX and MathML.
"""

from __future__ import annotations

from dataclasses import dataclass


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
