r"""Differentiation of a network's cost by one variable, with sympy's own rules, each sub-expression once.

``sympy.diff`` of the full cost is the definition the sweep checks BP1-BP4 against, and it was
nine tenths of the sweep's time. Not the arithmetic: sympy wraps every step of the recursion in a
``Derivative`` that asks whether the partial result is zero (a search through its assumptions,
afresh for every new product) and then walks the whole partial result, the forward pass beneath
it included, to put any unevaluated derivative in canonical form. A cost of depth :math:`L`
is walked again at every level above, and the forward pass shares its sub-expressions
(:math:`\sigma(z^1_r)` sits under every :math:`z^2_q`) that ``diff`` takes apart again each time.

:class:`Differentiator` applies the same rules that ``diff`` dispatches to, as sympy writes them:
the sum rule of ``Add._eval_derivative``, the product rule of ``Mul._eval_derivative_n_times``
(once), the power rule of ``Pow._eval_derivative``, and the chain rule of
``Function._eval_derivative`` through each function's own ``fdiff`` (:math:`\sigma \to \sigma'`,
:math:`C \to \partial_j C`, ``log``, ``exp``). It takes each sub-expression once per variable and
skips those the variable does not occur in; any other kind of node is handed to ``diff`` itself.
The expressions it returns are the very ones ``sympy.diff`` returns, term for term: a test
compares them on every parameter of every small network, with every activation and cost.
"""

from __future__ import annotations

from collections.abc import Callable

from sympy import Add, Expr, Function, Mul, Pow, S, Symbol, log
from sympy.core.function import ArgumentIndexError

Put = Callable[[Expr], Expr]
"""What becomes of a part of the differentiated expression that the derivative contains as it is."""


def _unchanged(part: Expr) -> Expr:
    return part


class Differentiator:
    r"""``sympy.diff`` of sub-expressions of one network, each taken once per variable.

    Which symbols each sub-expression holds is remembered across variables (a network's
    gradients differentiate the same cost by each of its parameters in turn); the derivatives are
    remembered only while one variable is being differentiated by.
    """

    def __init__(self) -> None:
        self._symbols: dict[Expr, frozenset[Symbol]] = {}

    def symbols(self, expr: Expr) -> frozenset[Symbol]:
        """The free symbols of ``expr`` (those inside function applications too)."""
        found = self._symbols.get(expr)
        if found is None:
            if expr.is_Symbol:
                found = frozenset((expr,))
            elif expr.args:
                found = frozenset().union(*(self.symbols(a) for a in expr.args))
            else:
                found = frozenset(expr.free_symbols)
            self._symbols[expr] = found
        return found

    def __call__(self, expr: Expr, variable: Symbol) -> Expr:
        r""":math:`\partial\, \mathrm{expr} / \partial\, \mathrm{variable}`, as ``expr.diff(variable)``."""
        return self._diff(expr, variable, {}, _unchanged)

    def at(self, expr: Expr, variable: Symbol, replacements: dict[Symbol, Expr]) -> Expr:
        """``self(expr, variable).xreplace(replacements)`` in one walk: each part of the derivative that
        is a part of ``expr`` is substituted as it is put in, rather than the derivative rebuilt after."""
        substituted: dict[Expr, Expr] = {}
        return self._diff(expr, variable, {}, lambda part: self._substitute(part, replacements, substituted))

    def _diff(self, expr: Expr, variable: Symbol, done: dict[Expr, Expr], put: Put) -> Expr:
        if variable not in self.symbols(expr):
            return S.Zero
        if expr.is_Symbol:  # the variable itself: any other symbol was answered above
            return S.One
        if expr in done:
            return done[expr]
        kind = type(expr)
        if kind is Add:  # the terms without the variable differentiate to 0, which Add leaves out
            result = Add(
                *(self._diff(a, variable, done, put) for a in expr.args if variable in self.symbols(a))
            )
        elif kind is Mul:
            args = tuple(put(a) for a in expr.args)
            result = Add(
                *(
                    Mul(*args[:i], self._diff(a, variable, done, put), *args[i + 1 :])
                    for i, a in enumerate(expr.args)
                    if variable in self.symbols(a)
                )
            )
        elif kind is Pow:
            base, exponent = expr.args
            dbase, dexp = self._diff(base, variable, done, put), self._diff(exponent, variable, done, put)
            result = put(expr) * (dexp * log(put(base)) + dbase * put(exponent) / put(base))
        elif isinstance(expr, Function) and kind._eval_derivative is Function._eval_derivative:
            result = Add(*self._chain(expr, variable, done, put))
        else:  # a node with a rule of its own (Abs, Max, Piecewise, ...): sympy's diff applies it
            result = put(expr.diff(variable))
        done[expr] = result
        return result

    def _substitute(self, expr: Expr, replacements: dict[Symbol, Expr], done: dict[Expr, Expr]) -> Expr:
        """``expr.xreplace(replacements)``, each sub-expression rebuilt once however often it occurs."""
        if expr in replacements:
            return replacements[expr]
        if not expr.args or replacements.keys().isdisjoint(self.symbols(expr)):
            return expr
        if expr not in done:
            args = tuple(self._substitute(a, replacements, done) for a in expr.args)
            done[expr] = expr.func(*args) if args != expr.args else expr
        return done[expr]

    def _chain(self, application: Function, variable: Symbol, done: dict[Expr, Expr], put: Put) -> list[Expr]:
        """The chain rule's terms, as ``Function._eval_derivative`` makes them."""
        terms = []
        for i, argument in enumerate(application.args, start=1):
            inner = self._diff(argument, variable, done, put)
            if inner == 0:  # diff asks is_zero: no node here is zero unless it is written 0
                continue
            try:
                outer = application.fdiff(i)
            except ArgumentIndexError:
                outer = Function.fdiff(application, i)
            terms.append(Mul(put(outer), inner))  # outer * inner, without the operator's sympify
        return terms
