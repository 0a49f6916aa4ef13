r"""A concrete network of given widths, as sympy expressions, in Nielsen's notation.

Layer 0 is the input :math:`x = a^0`, layer :math:`L` the output: here every layer number is one
below the books', which call the input layer 1, so what a reader is shown (positions) is numbered
one higher (:func:`symbolic.equations.position_text`); ``w^1`` here is the numeric ``weights[0]``;
:math:`z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j` and :math:`a^l_j = \sigma(z^l_j)`; the cost of
the one example is :math:`C(a^L, y)`. Indices count from 1, as in the book.

Two quantities are *defined* here, never derived from BP1-BP4, so that the equations can be
checked against them:

- the gradient, :math:`\partial C / \partial w^l_{jk}` and :math:`\partial C / \partial b^l_j`, by
  ``sympy.diff`` of the full cost;
- the error :math:`\delta^l_j := \partial C / \partial z^l_j`, by *cutting* the network at layer
  :math:`l`: the layers above are rebuilt on fresh symbols :math:`\zeta^l_j` in place of
  :math:`z^l_j`, the cost is differentiated by :math:`\zeta^l_j`, and :math:`z^l` is put back.

Parameter names must be collision-free: written without a separator, :math:`w^1_{1,11}` and
:math:`w^1_{11,1}` would both be ``w1111`` and sympy would silently treat them as one symbol.
The names carry commas, and the constructor checks that all of them differ.

Both derivatives are sympy's, taken by :class:`symbolic.differentiate.Differentiator`: sympy's own
rules applied node by node, each shared sub-expression once, returning the expression
``sympy.diff`` returns (tests compare the two term for term) in a twentieth of the time.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cached_property

from sympy import Add, Expr, Symbol

from symbolic.differentiate import Differentiator
from symbolic.functions import GENERIC_ACTIVATION, GENERIC_COST, SymbolicActivation, SymbolicCost


class SymbolicNetwork:
    """One example through a fully connected network with the given ``sizes`` ``[n_0, ..., n_L]``.

    Networks built with the same sizes share their weight and bias symbols; ``example = i`` gives
    the input and target their own symbols :math:`x^{(i)}`, :math:`y^{(i)}`, as for a batch.
    """

    def __init__(
        self,
        sizes: Sequence[int],
        activation: SymbolicActivation = GENERIC_ACTIVATION,
        cost: SymbolicCost = GENERIC_COST,
        example: int | None = None,
    ) -> None:
        if len(sizes) < 2 or any(isinstance(n, bool) or not isinstance(n, int) or n < 1 for n in sizes):
            raise ValueError(f"sizes must be at least two positive integers, got {list(sizes)}")
        self.sizes: tuple[int, ...] = tuple(sizes)
        self.activation, self.cost_function = activation, cost
        self.L = len(sizes) - 1
        tag = "" if example is None else f"^{{({example})}}"
        self.x = tuple(Symbol(f"x{tag}_{{{k}}}") for k in range(1, sizes[0] + 1))
        self.y = tuple(Symbol(f"y{tag}_{{{j}}}") for j in range(1, sizes[-1] + 1))
        self.weights: dict[int, tuple[tuple[Symbol, ...], ...]] = {}
        self.biases: dict[int, tuple[Symbol, ...]] = {}
        for l in range(1, self.L + 1):
            rows, columns = sizes[l], sizes[l - 1]
            self.weights[l] = tuple(
                tuple(Symbol(f"w^{l}_{{{j},{k}}}") for k in range(1, columns + 1)) for j in range(1, rows + 1)
            )
            self.biases[l] = tuple(Symbol(f"b^{l}_{{{j}}}") for j in range(1, rows + 1))
        self._delta_cache: dict[int, tuple[Expr, ...]] = {}
        self._gradient_cache: dict[Symbol, Expr] = {}
        self.diff = Differentiator()
        """``diff(expr, p)``: sympy's derivative of an expression in these symbols, each part taken once."""
        names = [s.name for s in self.symbols]
        if len(set(names)) != len(names):
            raise RuntimeError(f"symbol names collide in a network of sizes {list(sizes)}")

    def __repr__(self) -> str:
        return f"SymbolicNetwork({list(self.sizes)}, {self.activation.name}, {self.cost_function.name})"

    @property
    def symbols(self) -> list[Symbol]:
        """Inputs, targets, then every weight and bias, layer by layer."""
        out = [*self.x, *self.y]
        for l in range(1, self.L + 1):
            out += [w for row in self.weights[l] for w in row]
            out += list(self.biases[l])
        return out

    def w(self, l: int, j: int, k: int) -> Symbol:
        r""":math:`w^l_{jk}`."""
        return self.weights[l][j - 1][k - 1]

    def b(self, l: int, j: int) -> Symbol:
        r""":math:`b^l_j`."""
        return self.biases[l][j - 1]

    # -- the forward pass ----------------------------------------------------------------------------
    def _above(self, l: int, a: Sequence[Expr]) -> tuple[list[list[Expr]], Expr]:
        """Weighted inputs of layers ``l+1..L`` and the cost, given the activations of layer ``l``."""
        zs = []
        for layer in range(l + 1, self.L + 1):
            z = [
                Add(*(w * ak for w, ak in zip(row, a, strict=True)), bias)
                for row, bias in zip(self.weights[layer], self.biases[layer], strict=True)
            ]
            zs.append(z)
            a = [self.activation.apply(zj) for zj in z]
        return zs, self.cost_function.build(a, self.y)

    @cached_property
    def _forward(self) -> tuple[list[list[Expr]], Expr]:
        return self._above(0, self.x)

    def z(self, l: int, j: int) -> Expr:
        r""":math:`z^l_j = \sum_k w^l_{jk} a^{l-1}_k + b^l_j`."""
        return self._forward[0][l - 1][j - 1]

    def a(self, l: int, j: int) -> Expr:
        r""":math:`a^l_j = \sigma(z^l_j)`; :math:`a^0 = x`."""
        return self.x[j - 1] if l == 0 else self.activation.apply(self.z(l, j))

    def sigma_prime(self, l: int, j: int) -> Expr:
        r""":math:`\sigma'(z^l_j)`."""
        return self.activation.prime(self.z(l, j))

    @property
    def cost(self) -> Expr:
        """:math:`C(a^L, y)`, the full cost as a function of every symbol."""
        return self._forward[1]

    # -- what the equations are checked against ----------------------------------------------------
    def gradient(self, parameter: Symbol) -> Expr:
        r""":math:`\partial C / \partial p` for a weight or bias ``p``, by ``sympy.diff`` of the full cost.

        Kept, so that a statement about the regularised cost (:mod:`symbolic.regularisation`)
        reuses the derivative of :math:`C` rather than taking it a second time.
        """
        if parameter not in self._gradient_cache:
            self._gradient_cache[parameter] = self.diff(self.cost, parameter)
        return self._gradient_cache[parameter]

    def gradient_w(self, l: int, j: int, k: int) -> Expr:
        r""":math:`\partial C / \partial w^l_{jk}`, by ``sympy.diff`` of the full cost."""
        return self.gradient(self.w(l, j, k))

    def gradient_b(self, l: int, j: int) -> Expr:
        r""":math:`\partial C / \partial b^l_j`, by ``sympy.diff`` of the full cost."""
        return self.gradient(self.b(l, j))

    def nabla_a(self, j: int) -> Expr:
        r""":math:`(\nabla_a C)_j = \partial C / \partial a^L_j`, differentiating C by a fresh output."""
        alpha = [Symbol(f"α_{{{i}}}") for i in range(1, self.sizes[-1] + 1)]
        derivative = self.cost_function.build(alpha, self.y).diff(alpha[j - 1])
        return derivative.xreplace({s: self.a(self.L, i) for i, s in enumerate(alpha, start=1)})

    def delta(self, l: int, j: int) -> Expr:
        r""":math:`\delta^l_j := \partial C / \partial z^l_j`, by cutting the network at layer ``l``."""
        return self._deltas(l)[j - 1]

    def _deltas(self, l: int) -> tuple[Expr, ...]:
        cache = self._delta_cache
        if l not in cache:
            zeta = [Symbol(f"ζ^{l}_{{{j}}}") for j in range(1, self.sizes[l] + 1)]
            _, cost = self._above(l, [self.activation.apply(t) for t in zeta])
            back = {t: self.z(l, j) for j, t in enumerate(zeta, start=1)}
            cache[l] = tuple(self.diff.at(cost, t, back) for t in zeta)
        return cache[l]
