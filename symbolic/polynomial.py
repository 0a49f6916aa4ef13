r"""An expression multiplied out as a polynomial with exact coefficients: the ring step of deciding.

The variables (*generators*) are the symbols outside any function application, the outermost
applications (:math:`\sigma(z^2_1)`, :math:`\partial_1 C(\dots)`, taken as independent variables)
and the reciprocal of a symbol or application that appears to a negative power (``1/m``). A
polynomial is a dictionary from monomials to their nonzero coefficients (Python integers, or
fractions where one is not whole); a monomial is the tuple of its generators' numbers in ascending
order, a square holding its number twice. Two expressions are equal as polynomials exactly when
the dictionary of their difference is empty.

Why not sympy's ``PolyRing``: a decision names a few dozen generators, and ``PolyRing`` stores
every monomial as a tuple of all their exponents, so multiplying two monomials adds a few dozen
zeros; here it sorts the handful of generators the two monomials hold. The arithmetic is the
same, and exact either way.
"""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction

from sympy import Expr, Function

Monomial = tuple[int, ...]
Polynomial = dict[Monomial, int | Fraction]
"""Monomials with their nonzero coefficients; ``{}`` is the zero polynomial."""


def generators(expr: Expr, found: dict[Expr, None]) -> bool:
    """Add to ``found`` the variables ``expr`` is a polynomial in; ``False`` if it is not one.

    An identity for every value of the variables holds in particular at the values the
    applications take, and at ``1/m`` for the variable standing for ``1/m``. A sub-expression that
    occurs many times (a derivative shares them) is looked at once; ``found`` keeps the order of
    first sight.
    """
    stack, seen = [expr], set()
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        if node.is_Symbol or isinstance(node, Function):
            found[node] = None
        elif node.is_Add or node.is_Mul:
            stack.extend(node.args)
        elif node.is_Pow and node.exp.is_Integer and node.exp > 0:
            stack.append(node.base)
        elif node.is_Pow and node.exp.is_Integer and (node.base.is_Symbol or isinstance(node.base, Function)):
            found[1 / node.base] = None
        elif not node.is_Rational:
            return False
    return True


def plus(polynomials: Iterable[Polynomial]) -> Polynomial:
    """The sum, with cancelled terms left out."""
    total: Polynomial = {}
    for polynomial in polynomials:
        for monomial, coefficient in polynomial.items():
            value = total.get(monomial, 0) + coefficient
            if value:
                total[monomial] = value
            else:
                del total[monomial]
    return total


def times(left: Polynomial, right: Polynomial) -> Polynomial:
    """The product, multiplied out."""
    product: Polynomial = {}
    for m, a in left.items():
        for n, b in right.items():
            monomial = tuple(sorted(m + n)) if m and n else m or n
            value = product.get(monomial, 0) + a * b
            if value:
                product[monomial] = value
            else:
                del product[monomial]
    return product


def negated(polynomial: Polynomial) -> Polynomial:
    """``-polynomial``."""
    return {monomial: -coefficient for monomial, coefficient in polynomial.items()}


def multiplied_out(node: Expr, known: dict[Expr, Polynomial]) -> Polynomial:
    """``node`` as a polynomial in the generators that :func:`generators` found.

    ``known`` holds each generator's polynomial (itself) and every sub-expression already
    multiplied out: a derivative is a tree whose equal branches are one object, multiplied out once.
    """
    value = known.get(node)
    if value is not None:
        return value
    if node.is_Add:
        value = plus(multiplied_out(a, known) for a in node.args)
    elif node.is_Mul:
        value = {(): 1}
        for factor in node.args:
            value = times(value, multiplied_out(factor, known))
    elif node.is_Pow:
        exponent = int(node.exp)
        base = multiplied_out(node.base, known) if exponent > 0 else known[1 / node.base]
        value = {(): 1}
        for _ in range(abs(exponent)):
            value = times(value, base)
    elif node.is_Integer:
        value = {(): int(node)} if node else {}
    else:  # a rational number, as generators() made sure
        value = {(): Fraction(int(node.p), int(node.q))}
    known[node] = value
    return value


def polynomial_difference(lhs: Expr, rhs: Expr) -> Polynomial | None:
    """``lhs - rhs`` multiplied out, or ``None`` if either side is not a polynomial in the generators."""
    found: dict[Expr, None] = {}
    if not (generators(lhs, found) and generators(rhs, found)) or not found:
        return None
    known: dict[Expr, Polynomial] = {g: {(i,): 1} for i, g in enumerate(found)}
    return plus((multiplied_out(lhs, known), negated(multiplied_out(rhs, known))))
