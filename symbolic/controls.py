r"""Negative controls: plausible wrong versions of BP1-BP4 that the verifier must refute.

A verifier that cannot say "no" proves nothing. Each control replaces the right-hand side of one
equation by a classic mistake and runs it through the *same* :func:`symbolic.sweep.check` as the
sweep, at every position of a network. It passes when the verifier refutes it somewhere, with a
witness (a concrete :math:`\sigma`, :math:`C` and rational point where the two sides differ). Some
mistakes agree with the truth at some positions (swapping :math:`j` and :math:`k` changes nothing
when :math:`j = k`); those positions are proven, as they should be, and counted apart.

:data:`REGULARISED_CONTROLS` are the classic mistakes of L2 regularisation
(:mod:`symbolic.regularisation`), run through :func:`symbolic.sweep.check` in the same
way; they are kept apart from :data:`CONTROLS` so that each list is reported on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from sympy import Add, Expr

from symbolic.equations import Delta, RightSide, positions
from symbolic.network import SymbolicNetwork
from symbolic.regularisation import REGULARISED_KINDS, regularised_positions, weight_decay
from symbolic.sweep import Outcome, check

SHAPE = (2, 2, 2)
"""The tutorial's shape: square layers, so that w and wᵀ, j and k, a^l and a^{l-1} can be swapped."""


def _no_prime_bp1(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    return net.nabla_a(j)


def _no_prime_bp2(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    return Add(*(net.w(l + 1, q, j) * delta(l + 1, q) for q in range(1, net.sizes[l + 1] + 1)))


def _untransposed_bp2(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    terms = (net.w(l + 1, j, q) * delta(l + 1, q) for q in range(1, net.sizes[l + 1] + 1))
    return Add(*terms) * net.sigma_prime(l, j)


def _other_neuron_bp3(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    return delta(l, j % net.sizes[l] + 1)


def _swapped_bp4(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    return net.a(l - 1, j) * delta(l, k)


def _extra_factor_bp4(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    return net.a(l - 1, k) * delta(l, j) * net.sigma_prime(l, j)


def _wrong_layer_bp4(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    return net.a(l, k) * delta(l, j)


def _bias_decayed_bp3(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    return delta(l, j) + weight_decay(net.b(l, j))


def _penalty_forgotten_bp4(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    return net.a(l - 1, k) * delta(l, j)


def _half_decay_bp4(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    return net.a(l - 1, k) * delta(l, j) + weight_decay(net.w(l, j, k)) / 2


def _squared_decay_bp4(net: SymbolicNetwork, delta: Delta, l: int, j: int, k: int = 0) -> Expr:
    return net.a(l - 1, k) * delta(l, j) + weight_decay(net.w(l, j, k) ** 2)


@dataclass(frozen=True)
class Control:
    """A named mistake in one equation, with its wrong formula as text."""

    name: str
    kind: str
    wrong: str
    right_side: RightSide


CONTROLS: tuple[Control, ...] = (
    Control("σ′ dropped", "BP1", "δ^L_j = ∂C/∂a^L_j", _no_prime_bp1),
    Control("σ′ dropped", "BP2", "δ^l_j = Σ_k w^{l+1}_{kj} δ^{l+1}_k", _no_prime_bp2),
    Control("w instead of wᵀ", "BP2", "δ^l_j = Σ_k w^{l+1}_{jk} δ^{l+1}_k · σ′(z^l_j)", _untransposed_bp2),
    Control("wrong neuron index", "BP3", "∂C/∂b^l_j = δ^l_{j+1} (cyclically)", _other_neuron_bp3),
    Control("j and k swapped", "BP4", "∂C/∂w^l_{jk} = a^{l-1}_j δ^l_k", _swapped_bp4),
    Control("an extra factor", "BP4", "∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j · σ′(z^l_j)", _extra_factor_bp4),
    Control("wrong layer", "BP4", "∂C/∂w^l_{jk} = a^l_k δ^l_j", _wrong_layer_bp4),
)
"""The deliberate mistakes in BP1-BP4 that the exact check must refute, each with a witness."""


REGULARISED_CONTROLS: tuple[Control, ...] = (
    Control("bias regularised", "BP3λ", "∂C/∂b^l_j = δ^l_j + (λ/m) b^l_j", _bias_decayed_bp3),
    Control("penalty forgotten", "BP4λ", "∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j", _penalty_forgotten_bp4),
    Control("λ/2m for λ/m", "BP4λ", "∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j + (λ/2m) w^l_{jk}", _half_decay_bp4),
    Control(
        "(λ/m) w² for (λ/m) w",
        "BP4λ",
        "∂C/∂w^l_{jk} = a^{l-1}_k δ^l_j + (λ/m) (w^l_{jk})²",
        _squared_decay_bp4,
    ),
)
"""Mistakes in the regularised gradient; the first is the one Ng's bias column warns against."""


@dataclass(frozen=True)
class ControlResult:
    """Every position of one control: refuted, proven (the mistake is harmless there) or neither."""

    control: Control
    sizes: tuple[int, ...]
    outcomes: tuple[Outcome, ...]

    @property
    def refuted(self) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.verdict == "refuted")

    @property
    def coincide(self) -> tuple[Outcome, ...]:
        """Positions where the mistake happens to equal the truth (and is proven, correctly)."""
        return tuple(o for o in self.outcomes if o.verdict == "proven")

    @property
    def passed(self) -> bool:
        """The verifier refuted the mistake at some position, with a witness."""
        return len(self.refuted) > 0


def run_control(control: Control, sizes: tuple[int, ...] = SHAPE) -> ControlResult:
    """Check ``control`` at every position of a network of ``sizes``, by the sweep's own check."""
    net = SymbolicNetwork(sizes)
    regularised = control.kind in REGULARISED_KINDS
    where = (regularised_positions if regularised else positions)(net, control.kind)
    outcomes = tuple(check(net, control.kind, l, j, k, control.right_side) for l, j, k in where)
    return ControlResult(control, net.sizes, outcomes)


def run_controls(sizes: tuple[int, ...] = SHAPE) -> list[ControlResult]:
    """Every control of :data:`CONTROLS` on one network."""
    return [run_control(c, sizes) for c in CONTROLS]


def run_regularised_controls(sizes: tuple[int, ...] = SHAPE) -> list[ControlResult]:
    """Every control of :data:`REGULARISED_CONTROLS` on one network."""
    return [run_control(c, sizes) for c in REGULARISED_CONTROLS]
