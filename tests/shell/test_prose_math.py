"""Statements mixing words and formulas get their formulas marked as math, and nothing else."""

from __future__ import annotations

import pytest

from backprop_companion.docs.mathml import to_mathml
from backprop_companion.docs.prose_math import marked


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("δ^l_q = ∂C/∂z^l_q held fixed", "$δ^l_q = ∂C/∂z^l_q$ held fixed"),
        ("d/dz max(z, 0) = 1 = H(z) for z > 0", "$d/dz max(z, 0) = 1 = H(z)$ for $z > 0$"),
        ("d/dz tanh z = 1 − tanh² z", "$d/dz tanh z = 1 − tanh² z$"),
        ("z real", "$z$ real"),
        (
            "C + (the rest, free of w^l and b^l); C_0 = x",
            "$C +$ (the rest, free of $w^l$ and $b^l$); $C_0 = x$",
        ),
        ("δ = a − y (Nielsen, ch. 3: σ′ cancels)", "$δ = a − y$ (Nielsen, ch. 3: $σ′$ cancels)"),
        ("any differentiable σ", "any differentiable $σ$"),
    ],
)
def test_formulas_are_marked_and_words_are_not(text, expected):
    assert marked(text) == expected


def test_every_marked_formula_is_one_the_converter_reads():
    for part in marked("C = Σ_q δ^{l+1}_q z^{l+1}_q near the point, (λ/2m) Σ_r (w^l_{qr})²").split("$")[1::2]:
        to_mathml(part)
