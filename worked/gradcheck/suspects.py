r"""Suspects: what each catalogued bug gives, in every layer at once and in one layer at a time.

A reader's gradient that is wrong is compared with each suspect's gradient at the same network and
batch (:mod:`worked.gradcheck.own_code`); one that equals it to rounding names the bug, its equation
and its layer. Each suspect is computed by the companion's own backward pass with one entry of its
table of BP1-BP4 replaced (:mod:`worked.gradcheck.bugs`), restricted to one layer where the equation
has one (BP2 computes :math:`\delta^l` from :math:`w^{l+1}`; BP4 takes the index of its layer), or
by the regularised gradient written the student's way. Layers are the books' (the input is layer 1).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from worked.core import BACKPROP, Array, Equations, Network, regularisation
from worked.gradcheck.bugs import BUGS, Bug

Gradient = tuple[list[Array], list[Array] | None]
"""``(nabla_w, nabla_b)`` in the companion's layout (``Network.weights``, ``Network.biases``);
``nabla_b`` is ``None`` where the biases' gradient is not known (a convention that does not give it)."""


@dataclass(frozen=True)
class Suspect:
    """One way to get the gradient wrong: the bug's name, its equation, what was written instead of
    what, the layers it touches (the books' numbering; empty: every layer it can), and its gradient."""

    name: str
    equation: str
    wrote: str
    right: str
    layers: tuple[int, ...]
    gradient: Callable[[Network, Array, Array, float], Gradient]

    @property
    def where(self) -> str:
        if not self.layers:
            return "in every hidden layer" if self.equation == "BP2" else "in every layer"
        return f"in layer {self.layers[0]}" if len(self.layers) == 1 else f"in layers {self.layers}"


def _with(equations: Equations) -> Callable[[Network, Array, Array, float], Gradient]:
    def gradient(network: Network, xs: Array, ys: Array, l2: float) -> Gradient:
        zs, activations = network.forward_rows(xs)
        _, nabla_w, nabla_b = network.backward(zs, activations, ys, equations=equations, l2=l2)
        return nabla_w, nabla_b

    return gradient


def _bp2_only_through(bug: Bug, l: int) -> Callable[[Network, Array, Array, float], Gradient]:
    """The bug's BP2 only where δ is carried back through ``weights[l]`` (so for layer l + 1)."""

    def gradient(network: Network, xs: Array, ys: Array, l2: float) -> Gradient:
        target = network.weights[l]

        def bp2(w: Array, delta: Array, sigma: object, z: Array, a: Array) -> Array:
            chosen = bug.equations.bp2 if w is target else BACKPROP.bp2
            return chosen(w, delta, sigma, z, a)  # type: ignore[arg-type]

        return _with(replace(BACKPROP, bp2=bp2))(network, xs, ys, l2)

    return gradient


def _bp4_only_at(bug: Bug, l: int) -> Callable[[Network, Array, Array, float], Gradient]:
    def bp4(delta: Array, activations: Sequence[Array], i: int) -> Array:
        return (bug.equations.bp4 if i == l else BACKPROP.bp4)(delta, activations, i)

    return _with(replace(BACKPROP, bp4=bp4))


def _regularised(weights_term: float, bias_term: bool) -> Callable[[Network, Array, Array, float], Gradient]:
    """The unregularised gradient plus ``weights_term``·(λ/m)·w, and (λ/m)·b when ``bias_term``."""

    def gradient(network: Network, xs: Array, ys: Array, l2: float) -> Gradient:
        zs, activations = network.forward_rows(xs)
        _, nabla_w, nabla_b = network.backward(zs, activations, ys)
        m = len(ys)
        nabla_w = [
            nw + weights_term * regularisation.penalty_gradient(w, l2, m)
            for nw, w in zip(nabla_w, network.weights, strict=True)
        ]
        if bias_term:
            nabla_b = [
                nb + regularisation.penalty_gradient(b, l2, m)
                for nb, b in zip(nabla_b, network.biases, strict=True)
            ]
        return nabla_w, nabla_b

    return gradient


REGULARISED = "(λ/m) w added to each weight's gradient, none to the biases'"


def suspects(network: Network, m: int, l2: float) -> list[Suspect]:
    """Every suspect that can run on ``network`` and show with ``m`` examples and this λ."""
    found = []
    L = len(network.weights)
    for bug in BUGS.values():
        if not bug.runs_on(network) or bug.visible(network, m) is not None:
            continue
        if bug.equation == "BP2":  # each hidden layer on its own first: the more precise name
            found += [
                Suspect(bug.name, "BP2", bug.wrote, bug.right, (l + 1,), _bp2_only_through(bug, l))
                for l in range(1, L)
            ]
        found.append(Suspect(bug.name, bug.equation, bug.wrote, bug.right, (), _with(bug.equations)))
        if bug.equation == "BP4" and L > 1:
            found += [
                Suspect(bug.name, "BP4", bug.wrote, bug.right, (l + 2,), _bp4_only_at(bug, l))
                for l in range(L)
            ]
    if l2:
        m_lambda = f"λ/m = {l2:g}/{m}"
        found += [
            Suspect(
                "regularised-biases",
                "BP3",
                "(λ/m) b added to each bias's gradient (Ng: the bias column Θ(:,1) regularised too)",
                REGULARISED,
                (),
                _regularised(1.0, True),
            ),
            Suspect("penalty-forgotten", "BP4", "no (λ/m) w term", REGULARISED, (), _regularised(0.0, False)),
        ]
        if m > 1:
            found.append(
                Suspect(
                    "missing-λ/m",
                    "BP4",
                    f"λ w added (not {m_lambda})",
                    REGULARISED,
                    (),
                    _regularised(float(m), False),
                )
            )
    return found
