r"""sympy expressions as notation trees, and from there as unicode, LaTeX or presentation MathML.

Symbol and ``IndexedBase`` names follow a small convention, ``base^sup_sub`` with braces around
longer scripts (``w^{l+1}``, ``n_{l-1}``, ``x_{1}``), and indices join the subscript:
``w^{l+1}[q, j]`` is written :math:`w^{l+1}_{qj}`. A product keeps the order of its arguments,
so an unevaluated ``Mul(a, b, evaluate=False)`` shows the textbook's order and an evaluated one
sympy's canonical (sorted, hash-independent) order. The Kronecker delta is written as an Iverson
bracket :math:`[j = q]`, so that :math:`\delta` keeps meaning the error.
"""

from __future__ import annotations

import re
from typing import Any

from sympy import (
    Add,
    And,
    Derivative,
    Expr,
    GreaterThan,
    Indexed,
    IndexedBase,
    KroneckerDelta,
    LessThan,
    Mul,
    Piecewise,
    Pow,
    Rational,
    Sum,
    Symbol,
    true,
)

from symbolic.functions import CostPartial, Named
from symbolic.notation import (
    BigSum,
    Cases,
    Fenced,
    Frac,
    Ident,
    Node,
    Num,
    Op,
    Product,
    Row,
    Script,
    to_unicode,
    tokens,
)
from symbolic.typeset import mathml_document, to_latex

_NAME = re.compile(r"^(?P<base>[^\^_]+)(?:\^(?P<sup>\{[^}]*\}|[^_]))?(?:_(?P<sub>\{[^}]*\}|.+))?$")
_GREEK = {"delta": "δ", "sigma": "σ", "zeta": "ζ", "alpha": "α", "Delta": "Δ"}


def _strip(text: str) -> str:
    return text[1:-1] if text.startswith("{") and text.endswith("}") else text


def name_node(name: str, indices: tuple[Node, ...] = ()) -> Node:
    """``w^{l+1}`` with indices ``(q, j)`` → :math:`w^{l+1}_{qj}`."""
    match = _NAME.match(name)
    if match is None:
        raise ValueError(f"cannot read the symbol name {name!r}")
    base = match["base"]
    base_node = Ident(_GREEK.get(base, base))
    sup = tokens(_strip(match["sup"])) if match["sup"] else None
    subs: list[Node] = [tokens(_strip(match["sub"]))] if match["sub"] else []
    subs += indices
    sub: Node | None = None
    if subs:
        plain = all(isinstance(s, Ident) for s in subs)
        sub = subs[0] if len(subs) == 1 else Row(tuple(_join(subs, None if plain else Op(","))))
    return base_node if sup is None and sub is None else Script(base_node, sub, sup)


def _join(items: list[Node], separator: Node | None) -> list[Node]:
    out: list[Node] = []
    for i, item in enumerate(items):
        if i and separator is not None:
            out.append(separator)
        out.append(item)
    return out


def _fence_sum(node: Node, expr: Expr) -> Node:
    return Fenced(node) if isinstance(expr, Add) else node


def to_node(expr: Any) -> Node:
    """The notation tree of a sympy expression (the forms this package produces; others raise)."""
    if isinstance(expr, Node):
        return expr
    if isinstance(expr, Rational):
        if expr.q == 1:
            return Num(str(expr.p)) if expr >= 0 else Row((Op("−"), Num(str(-expr.p))))
        return Frac(Num(str(abs(expr.p))), Num(str(expr.q))) if expr > 0 else Row((Op("−"), to_node(-expr)))
    if isinstance(expr, Symbol):
        return name_node(expr.name)
    if isinstance(expr, IndexedBase):
        return name_node(expr.label.name)
    if isinstance(expr, Indexed):
        return name_node(expr.base.label.name, tuple(to_node(i) for i in expr.indices))
    if isinstance(expr, Add):
        return _sum_node(expr)
    if isinstance(expr, Mul):
        return _product_node(expr)
    if isinstance(expr, Pow):
        return _power_node(expr)
    if isinstance(expr, CostPartial):
        j, *args = expr.args
        return Row((Script(Ident("∂"), sub=to_node(j)), Ident("C"), Fenced(_arguments(args))))
    if isinstance(expr, Named):
        return Row((Ident(expr.display), Fenced(_arguments(expr.args))))
    if isinstance(expr, Derivative):
        return _derivative_node(expr)
    if isinstance(expr, Sum):
        (index, lower, upper), *rest = expr.limits
        body = to_node(expr.function if not rest else Sum(expr.function, *rest))
        return BigSum(to_node(index), to_node(lower), to_node(upper), _fence_sum(body, expr.function))
    if isinstance(expr, KroneckerDelta):
        i, j = expr.args
        return Fenced(Row((to_node(i), Op("="), to_node(j))), "[", "]")
    if isinstance(expr, Piecewise):
        rows = tuple((to_node(e), None if c == true else condition(c)) for e, c in expr.args)
        return Cases(rows)
    raise TypeError(f"cannot write {type(expr).__name__} in the notation")


def _sum_node(expr: Add) -> Node:
    """Terms joined by + and −, a negative term written with its sign pulled out."""
    items: list[Node] = []
    for i, term in enumerate(expr.args):
        negative = term.could_extract_minus_sign()
        if i or negative:
            items.append(Op("−" if negative else "+"))
        items.append(to_node(-term if negative else term))
    return Row(tuple(items))


def _product_node(expr: Mul) -> Node:
    """Factors side by side, a sum among them fenced; a leading −1 written as a sign."""
    if expr.args and expr.args[0] == -1:
        return Row((Op("−"), to_node(Mul(*expr.args[1:], evaluate=False))))
    if len(expr.args) == 1:
        return to_node(expr.args[0])
    return Product(tuple(_fence_sum(to_node(f), f) for f in expr.args))


def _power_node(expr: Pow) -> Node:
    """A negative whole exponent as a fraction, any other as a superscript."""
    if expr.exp.is_Integer and expr.exp < 0:
        return Frac(Num("1"), to_node(expr.base ** (-expr.exp)))
    base = to_node(expr.base)
    fenced = Fenced(base) if isinstance(expr.base, (Add, Mul)) else base
    return Script(fenced, sup=to_node(expr.exp))


def _derivative_node(expr: Derivative) -> Node:
    """∂f/∂x for a first derivative by one variable (the only kind the derivations write)."""
    (var, count), *rest = expr.variable_count
    if rest or count != 1:
        raise TypeError("only first derivatives by one variable are written")
    den = Row((Ident("∂"), to_node(var)))
    if isinstance(expr.expr, (Symbol, IndexedBase)):
        return Frac(Row((Ident("∂"), to_node(expr.expr))), den)
    return Row((Frac(Ident("∂"), den), Fenced(to_node(expr.expr))))


def _arguments(args: Any) -> Node:
    return Row(tuple(_join([to_node(a) for a in args], Op(","))))


def condition(expr: Any) -> Node:
    """``(j >= 1) & (j <= n)`` as :math:`1 \\le j \\le n`: inequalities chained where they meet."""
    parts = list(expr.args) if isinstance(expr, And) else [expr]
    chains: list[list[Any]] = []
    for part in parts:
        if isinstance(part, GreaterThan):
            chains.append([part.rhs, part.lhs])
        elif isinstance(part, LessThan):
            chains.append([part.lhs, part.rhs])
        else:
            raise TypeError(f"cannot write the condition {part}")
    merged = True
    while merged:
        merged = False
        for a, b in ((a, b) for a in chains for b in chains if a is not b):
            if a[-1] == b[0]:
                a.extend(b[1:])
                chains.remove(b)
                merged = True
                break
    rows: list[Node] = [Row(tuple(_join([to_node(x) for x in chain], Op("≤")))) for chain in chains]
    return rows[0] if len(rows) == 1 else Row(tuple(_join(rows, Op(","))))


def unicode(expr: Any) -> str:
    """One line of unicode text."""
    return to_unicode(to_node(expr))


def latex(expr: Any) -> str:
    """LaTeX math, without the surrounding ``$``."""
    return to_latex(to_node(expr))


def mathml(expr: Any, display: bool = True) -> str:
    """A presentation-MathML ``<math>`` element."""
    return mathml_document(to_node(expr), display)
