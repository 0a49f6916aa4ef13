r"""What a gradient check reports, and the tolerance it judges by.

Every compared number is an :class:`Comparison`: the *analytic* value (from backpropagation) beside the
*numerical* one (from central differences), labelled as such, with its absolute and relative error
and the tolerance it was held to. Parameters are named twice, in Nielsen's notation
(:math:`w^l_{jk}`, :math:`b^l_j`) and in Ng's (:math:`\Theta^{(l-1)}_{jk}`, bias in column 0), both
counting the input as layer 1 (:mod:`worked.gradcheck.names`).

The tolerance (:class:`Tolerance`) follows the error model of :mod:`worked.gradcheck.numerical`: with the step
:math:`h = \epsilon^{1/3}\max(1,|\theta|)`, truncation and round-off are both about
:math:`\epsilon^{2/3}` times the problem's scale, so

.. math:: |\text{analytic} - \text{numerical}| \le r\,\max(|\text{analytic}|, |\text{numerical}|) + a\,N,

with :math:`r = 10^4\epsilon^{2/3}`, :math:`a = 10^2\epsilon^{2/3}` and :math:`N` the size of the
cost's own rounding error in units of :math:`\epsilon` (see :func:`worked.gradcheck.checkpoint.noise_scale`).
A textbook bug is wrong by a relative O(1), orders of magnitude above either term.

That absolute term :math:`aN` is the cost's scale, the same for every parameter. A layer whose
gradients vanish (entries of 1e-12 behind saturated sigmoids) sits wholly inside it, and a bug
confined to that layer would pass. So each *parameter group* (one layer's weights, one layer's
biases) is also judged at its own scale (:meth:`Tolerance.group`): when :math:`aN` exceeds
:data:`WEAK_FRACTION` of the group's largest entry, the group's differences are taken a second time
with twice the step, and the absolute term becomes the finite differences' own error estimate
(:func:`own_error`: the spread :math:`|D(h) - D(2h)|`, the largest in the layer, plus the last
rounding of the two costs) times :data:`SPREAD_FACTOR`, whenever that is the smaller of the two.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from worked.core import Array
from worked.gradcheck.numerical import machine_epsilon
from worked.gradcheck.taylor import Taylor

RTOL_FACTOR = 1e4
"""r = RTOL_FACTOR·ε^(2/3) (3.7e-7 in float64): room for truncation h²|C'''|/6 up to 10⁴ times ε^(2/3)|C'|."""

ATOL_FACTOR = 1e2
"""a = ATOL_FACTOR·ε^(2/3) (3.7e-9 in float64): round-off ε·N/h is ε^(2/3)·N; 100× covers sums in the pass."""


WEAK_FRACTION = 1e-3
"""A parameter group is *vanishing* when the rounding allowance a·N exceeds this fraction of its
largest entry: a bug of that group's own size could then pass, so its differences are refined."""

SPREAD_FACTOR = 10.0
"""A refined group's differences are trusted to 10 times their own error estimate
(:func:`own_error`). D(2h) − D(h) is 3 times D(h)'s truncation error; rounding errors at h and 2h
can agree (the same operations on nearly the same numbers round alike), but not below the last
rounding of the two costs, which the estimate adds. On 128 refined layers of saturated sigmoid
networks (sizes [2,3,1,2,1,2] ×4.4, [2,3,3,3,3,3,1] ×6, deeper), the true error reached 0.65 of the
estimate: 10 leaves a margin of 15."""


def own_error(spread: float, noise: float, step: float, precision: str = "float64") -> float:
    r"""The finite differences' own error estimate in a refined layer: the largest spread
    :math:`|D(h) - D(2h)|` plus the last rounding of the two costs, :math:`(\epsilon N + t) / 2h`, with
    ``noise`` the cost's scale :math:`N` *without* the floor of 1 (a cost of 1e-3 rounds at
    1e-3·ε) and ``step`` the layer's smallest :math:`h`. :math:`t` is the smallest normal number
    (2.2e-308 in float64): a cost below it has lost its relative precision to underflow, and one of
    2e-321 differenced at h = 6e-6 reads 0 where the gradient is 1.5e-321, which is right."""
    tiny = float(np.finfo(np.dtype(precision)).tiny)
    return spread + (machine_epsilon(precision) * noise + tiny) / (2.0 * step)


@dataclass(frozen=True)
class Tolerance:
    """The tolerance of a check in a given precision, and the reason for it in words."""

    precision: str = "float64"

    @property
    def rtol(self) -> float:
        return float(RTOL_FACTOR * machine_epsilon(self.precision) ** (2.0 / 3.0))

    @property
    def atol(self) -> float:
        """Multiplies N, the cost's rounding error in units of ε."""
        return float(ATOL_FACTOR * machine_epsilon(self.precision) ** (2.0 / 3.0))

    def __call__(self, analytic: float, numerical: float, noise: float) -> float:
        return float(self.of(np.asarray(analytic), np.asarray(numerical), np.asarray(noise)))

    def of(self, analytic: Array, numerical: Array, noise: Array | float) -> Array:
        """The tolerance of many comparisons at once (elementwise, broadcast); a side that is NaN
        is left out of the max, so the tolerance stays a number and the NaN fails on its error."""
        both = np.fmax(np.abs(analytic), np.abs(numerical))
        tolerance: Array = self.rtol * both + self.atol * noise
        return tolerance

    def vanishing(self, analytic: Array, numerical: Array, noise: Array | float) -> bool:
        """Is this parameter group's largest entry within 1/:data:`WEAK_FRACTION` of the allowance a·N?"""
        scale = float(np.max(np.fmax(np.abs(analytic), np.abs(numerical)), initial=0.0))
        return bool(np.any(self.atol * np.asarray(noise) > WEAK_FRACTION * scale))

    def group(self, analytic: Array, numerical: Array, noise: Array | float, spread: float | None) -> Array:
        r"""The tolerances of one parameter group, judged at the group's own scale.

        ``spread`` is the differences' own error in the group's layer (:func:`own_error`;
        ``None``: not refined, and the tolerance is :meth:`of`). The absolute term is then the
        smaller of :math:`aN` and :data:`SPREAD_FACTOR` times that, plus :math:`r` times the
        group's largest entry (backprop's own rounding, at the group's scale).
        """
        if spread is None:
            return self.of(analytic, numerical, noise)
        both = np.fmax(np.abs(analytic), np.abs(numerical))
        own = SPREAD_FACTOR * spread + self.rtol * float(np.max(both, initial=0.0))
        tolerance: Array = self.rtol * both + np.minimum(self.atol * np.asarray(noise), own)
        return tolerance

    def explain(self) -> str:
        eps = machine_epsilon(self.precision)
        return (
            f"|analytic − numerical| ≤ {self.rtol:.1e}·max(|analytic|, |numerical|) + {self.atol:.1e}·N, "
            f"where N = max(1, |C|, Σ_j |a^L_j ∂C/∂a^L_j|) is the cost's rounding error in units of "
            f"ε = {eps:.1e} ({self.precision}). Why: central differences err by about ε^(2/3) = "
            f"{eps ** (2 / 3):.1e} times the problem's scale (truncation h²|C'''|/6 plus round-off ε·N/h); "
            f"the factors {RTOL_FACTOR:.0e} and {ATOL_FACTOR:.0e} leave room for a steep C''' and for "
            "rounding in the forward pass, while a textbook bug is wrong by a relative O(1). A parameter "
            f"group (one layer's weights or biases) whose largest entry is within {1 / WEAK_FRACTION:.0f}·"
            f"{self.atol:.1e}·N is differenced again with step 2h, and {self.atol:.1e}·N is replaced by "
            f"{SPREAD_FACTOR:g}·(max|D(h) − D(2h)| over its layer + (ε·N + t)/2h) when smaller, where D(h) "
            "is the central difference with step h (so D(h) − D(2h) is the differences' own error; N here "
            "without its floor of 1; t the smallest normal number, below which a cost has lost its "
            "precision to underflow)."
        )


def step_rule(precision: str = "float64") -> str:
    third = machine_epsilon(precision) ** (1.0 / 3.0)
    return (
        f"h = ε^(1/3)·max(1, |θ|) = {third:.2e}·max(1, |θ|), rounded so that θ + h is exact: "
        "it balances truncation (∝ h²) against round-off (∝ ε/h)"
    )


@dataclass(frozen=True)
class Comparison:
    """One compared number: backprop's value (analytic) beside central differences' (numerical).

    ``name``/``ng`` name it in Nielsen's and Ng's notation; ``equation`` is BP1..BP4 in the
    per-equation mode (else empty); ``layer`` counts the input as layer 1, as the books do; ``example`` is the
    row of the batch for a per-example quantity (δ), counted from 1. ``kink`` marks a comparison
    whose central difference crossed a ReLU kink: it is reported, never failed.
    """

    name: str
    ng: str
    analytic: float
    numerical: float
    step: float
    tolerance: float
    kink: bool = False
    equation: str = ""
    layer: int = 0
    example: int | None = None

    @property
    def abs_error(self) -> float:
        return abs(self.analytic - self.numerical)

    @property
    def rel_error(self) -> float:
        """CS231n's |a − n| / max(|a|, |n|), 0 when both are 0."""
        scale = max(abs(self.analytic), abs(self.numerical))
        return self.abs_error / scale if scale > 0 else 0.0

    @property
    def ratio(self) -> float:
        """How many tolerances off: the comparisons are ranked by this."""
        if self.tolerance > 0 and np.isfinite(self.abs_error):
            return self.abs_error / self.tolerance
        return 0.0 if self.abs_error == 0 else float("inf")

    @property
    def passed(self) -> bool:
        return self.kink or self.ratio <= 1.0

    @property
    def label(self) -> str:
        where = f" (example {self.example})" if self.example is not None else ""
        return f"{self.name}{where}"


@dataclass(frozen=True)
class Report:
    """The outcome of one gradient check: every comparison, the rules it used, the verdict.

    ``evaluations`` counts the forward passes the mode spent on differences (the one forward and
    backward pass that give the analytic gradient come on top). ``taylor`` is set by the Taylor
    mode (and by callers that add the Taylor test to another mode).
    """

    mode: str
    network: str
    precision: str
    comparisons: tuple[Comparison, ...]
    evaluations: int
    step_rule: str
    tolerance_rule: str
    taylor: Taylor | None = None
    warnings: tuple[str, ...] = ()

    @property
    def failures(self) -> tuple[Comparison, ...]:
        return tuple(e for e in self.comparisons if not e.passed)

    @property
    def kinks(self) -> tuple[Comparison, ...]:
        return tuple(e for e in self.comparisons if e.kink)

    @property
    def passed(self) -> bool:
        return not self.failures and (self.taylor is None or self.taylor.passed)

    @property
    def worst(self) -> Comparison | None:
        """The entry farthest outside (or least inside) its tolerance, kinks left aside."""
        judged = [e for e in self.comparisons if not e.kink]
        return max(judged, key=lambda e: e.ratio) if judged else None

    def ranked(self) -> list[Comparison]:
        """Entries from the worst down (kinks last)."""
        return sorted(self.comparisons, key=lambda e: (not e.kink, e.ratio), reverse=True)

    @property
    def findings(self) -> tuple[str, ...]:
        """Per-equation mode: one line per failing equation and layer, in the order backprop
        computes them; the first is the likely cause, the later ones may inherit its error."""
        lines: dict[tuple[str, int], str] = {}
        for e in self.failures:
            if e.equation and (e.equation, e.layer) not in lines:
                where = f"neuron {e.name.split('_')[-1]}" if e.equation != "BP4" else f"weight {e.name}"
                lines[(e.equation, e.layer)] = f"{e.equation} fails at layer {e.layer}, {where}"
        return tuple(lines.values())

    @property
    def verdict(self) -> str:
        judged = len(self.comparisons) - len(self.kinks)
        parts = []
        if self.comparisons:
            within = judged - len(self.failures)
            parts.append(f"{within} of {judged} within tolerance")
            if self.kinks:
                parts.append(f"{len(self.kinks)} across a ReLU kink (reported, not judged)")
        if self.taylor is not None:
            parts.append(f"Taylor slope {'—' if self.taylor.slope is None else f'{self.taylor.slope:.2f}'}")
        head = "the gradient checks out" if self.passed else "the gradient is WRONG"
        return f"{head} ({', '.join(parts)})"

    def _repr_html_(self) -> str:
        """What a notebook shows: the verdict, then the comparisons from the worst down (at most ten)."""
        from html import escape

        cells = ("quantity", "analytic", "numerical", "|difference|", "tolerance", "")
        rows = [f"<tr>{''.join(f'<th>{c}</th>' for c in cells)}</tr>"]
        for e in self.ranked()[:10]:
            mark = "kink" if e.kink else "✓" if e.passed else "✗"
            numbers = (e.analytic, e.numerical, e.abs_error, e.tolerance)
            row = [escape(e.label), *(f"{v:.6e}" for v in numbers), mark]
            rows.append(f"<tr>{''.join(f'<td>{c}</td>' for c in row)}</tr>")
        return f"<p><b>{escape(self.verdict)}</b> ({escape(self.network)})</p><table>{''.join(rows)}</table>"
