r"""The activations and costs of the symbolic network, each carrying its derivative rule.

The sweep's point is that *one* run covers every activation and every cost, so its default
activation :math:`\sigma` and cost :math:`C` are undefined functions. Their derivatives are named
functions of their own, returned by ``fdiff``: :math:`\frac{d}{dz}\sigma(z) = \sigma'(z)` and
:math:`\partial C / \partial a_j = \partial_j C(a, y)`. sympy's default for an undefined function
is a ``Derivative``/``Subs`` pair with a fresh dummy variable; that is 2.5-3.5 times slower to
differentiate and compare, and its dummies are numbered in hash order, so printed output would
change between runs.

The concrete activations (logistic, tanh, softplus, ReLU) are unevaluated functions too, whose
``fdiff`` gives the textbook closed form (:math:`\sigma' = \sigma(1 - \sigma)`,
:math:`1 - \tanh^2`, ...). Every closed form is proved against sympy's derivative of the explicit
definition in :mod:`symbolic.lemmas`, so nothing here is taken on trust.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar

from sympy import Add, Basic, Dummy, Expr, Function, Integer, Max, Rational, exp, log
from sympy.core.assumptions import _assume_defined  # sympy's list of the facts it tracks

UNKNOWN_FACTS = {f"is_{fact}": None for fact in _assume_defined if fact != "commutative"}
"""Every assumption sympy knows, as unknown (``None``), except that the values commute."""


class Named(Function):
    """An unevaluated function application that knows how the renderers should write it.

    It also remembers its free symbols. sympy recomputes ``free_symbols`` by walking the whole tree
    at every level of a derivative (``Derivative`` asks for them before each step), and below an
    application of a deep network lies the whole forward pass beneath it, so the walks cost the
    square of the expression's size. An application never changes, so its set is computed once;
    each caller gets its own copy, since sympy's callers may add to the set they are given.
    """

    display: ClassVar[str] = "f"
    # Nothing is known about the value of an application (σ(z) may be zero, negative, anything),
    # and sympy, asked whether a product of them is zero, would otherwise work that out afresh for
    # every new expression, through every related fact: a third of a sweep's time. Declared
    # unknown here, each such question is answered at once, with the same answer.
    vars().update(UNKNOWN_FACTS)

    @property
    def free_symbols(self) -> set[Basic]:
        known: set[Basic] | None = self.__dict__.get("_free_symbols")
        if known is None:
            known = self.__dict__["_free_symbols"] = super().free_symbols
        return set(known)


class SigmaPrime(Named):
    r""":math:`\sigma'`, the derivative of the undefined activation, as a function of its own."""

    nargs = 1
    display = "σ′"


class Sigma(Named):
    r"""The undefined activation :math:`\sigma`; its derivative is :class:`SigmaPrime`."""

    nargs = 1
    display = "σ"

    def fdiff(self, argindex: int = 1) -> Expr:
        return SigmaPrime(self.args[0])


class CostPartial(Named):
    r""":math:`\partial_j C(a, y) = \partial C / \partial a_j`: first argument ``j``, then C's arguments."""

    display = "∂C"


class Cost(Named):
    r"""The undefined cost :math:`C(a_1, \dots, a_n, y_1, \dots, y_n)` of one example.

    Not a sum over output neurons, not separable, nothing: any differentiable function of the
    output activations (and targets). Its partial derivatives are :class:`CostPartial`.
    """

    display = "C"

    def fdiff(self, argindex: int = 1) -> Expr:
        return CostPartial(Integer(argindex), *self.args)


def logistic(z: Expr) -> Expr:
    r"""The logistic sigmoid written out, :math:`1/(1+e^{-z})`: its one definition in :mod:`symbolic`."""
    return 1 / (1 + exp(-z))


class Logistic(Named):
    r"""The logistic sigmoid (:func:`logistic`), unevaluated, with :math:`\sigma' = \sigma(1-\sigma)`."""

    nargs = 1
    display = "sigmoid"

    def fdiff(self, argindex: int = 1) -> Expr:
        return self * (1 - self)


class Tanh(Named):
    r""":math:`\tanh z`, with :math:`\tanh' = 1 - \tanh^2` (unevaluated, unlike sympy's ``tanh``)."""

    nargs = 1
    display = "tanh"

    def fdiff(self, argindex: int = 1) -> Expr:
        return 1 - self**2


class Softplus(Named):
    r""":math:`\ln(1 + e^z)`, whose derivative is the logistic sigmoid."""

    nargs = 1
    display = "softplus"

    def fdiff(self, argindex: int = 1) -> Expr:
        return Logistic(self.args[0])


class Heaviside(Named):
    r"""The Heaviside step :math:`H(z)`, the derivative of ReLU away from :math:`z = 0`."""

    nargs = 1
    display = "H"


class ReLU(Named):
    r""":math:`\max(z, 0)`, with derivative :math:`H(z)` for :math:`z \ne 0` (it has none at 0)."""

    nargs = 1
    display = "relu"

    def fdiff(self, argindex: int = 1) -> Expr:
        return Heaviside(self.args[0])


@dataclass(frozen=True)
class SymbolicActivation:
    r"""An activation for the symbolic network: how to apply it, and its explicit definition.

    ``definition`` is ``None`` for the undefined :math:`\sigma`; ``premise`` says where the lemma
    about its derivative holds.
    """

    name: str
    apply: Callable[[Expr], Expr]
    definition: Callable[[Expr], Expr] | None
    premise: str = ""

    def prime(self, z: Expr) -> Expr:
        r""":math:`\sigma'(z)`, obtained by differentiating the activation, never typed in."""
        t, derivative = self._derivative
        return derivative.xreplace({t: z})

    @cached_property
    def _derivative(self) -> tuple[Dummy, Expr]:
        """The activation differentiated once, at a dummy point, for :meth:`prime` to put ``z`` into."""
        t = Dummy("t")
        return t, self.apply(t).diff(t)


def _identity(z: Expr) -> Expr:
    return z


GENERIC_ACTIVATION = SymbolicActivation("generic", Sigma, None, "any differentiable σ")
ACTIVATIONS: dict[str, SymbolicActivation] = {
    a.name: a
    for a in (
        GENERIC_ACTIVATION,
        SymbolicActivation("sigmoid", Logistic, logistic),
        SymbolicActivation("tanh", Tanh, lambda z: (exp(z) - exp(-z)) / (exp(z) + exp(-z))),
        SymbolicActivation("softplus", Softplus, lambda z: log(1 + exp(z))),
        SymbolicActivation("relu", ReLU, lambda z: Max(z, 0), "z ≠ 0 (no derivative at 0)"),
        SymbolicActivation("identity", _identity, _identity),
    )
}
"""Every symbolic activation by name, a generic σ among them."""


@dataclass(frozen=True)
class SymbolicCost:
    r"""A cost of one example, :math:`C(a^L, y)`, built from output activations and targets."""

    name: str
    build: Callable[[Sequence[Expr], Sequence[Expr]], Expr]
    premise: str = ""


def _generic_cost(a: Sequence[Expr], y: Sequence[Expr]) -> Expr:
    return Cost(*a, *y)


def _quadratic(a: Sequence[Expr], y: Sequence[Expr]) -> Expr:
    r""":math:`C = \tfrac12 \lVert a - y \rVert^2`."""
    return Add(*(Rational(1, 2) * (aj - yj) ** 2 for aj, yj in zip(a, y, strict=True)))


def _cross_entropy(a: Sequence[Expr], y: Sequence[Expr]) -> Expr:
    r""":math:`C = -\sum_j [y_j \ln a_j + (1 - y_j) \ln(1 - a_j)]`."""
    return -Add(*(yj * log(aj) + (1 - yj) * log(1 - aj) for aj, yj in zip(a, y, strict=True)))


GENERIC_COST = SymbolicCost("generic", _generic_cost, "any differentiable C(a^L, y)")
COSTS: dict[str, SymbolicCost] = {
    c.name: c
    for c in (
        GENERIC_COST,
        SymbolicCost("quadratic", _quadratic),
        SymbolicCost("cross-entropy", _cross_entropy, "outputs in (0, 1)"),
    )
}
"""Every symbolic cost by name, a generic C(a, y) among them."""


def get_activation(name: str) -> SymbolicActivation:
    """Look a symbolic activation up by name."""
    try:
        return ACTIVATIONS[name]
    except KeyError:
        raise ValueError(f"unknown activation {name!r}; choose one of: {', '.join(ACTIVATIONS)}") from None


def get_cost(name: str) -> SymbolicCost:
    """Look a symbolic cost up by name."""
    try:
        return COSTS[name]
    except KeyError:
        raise ValueError(f"unknown cost {name!r}; choose one of: {', '.join(COSTS)}") from None
