"""Every expected number the tests compare against, typed once, each with where it comes from.

These are oracles, so none of them is imported from the code under test: the post's numbers are typed
from the post, independently of ``worked.mazur.PRINTED`` (a test checks that the two records agree),
and the others are quoted from the issue or worked out by hand from the post's own figures, as each
entry's ``source`` says. Each value is the exact string its source writes (trailing zeros and mixed
precision included): a test compares at the decimals the string shows, half a unit in its last place.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Expected:
    """A number exactly as its source writes it, and the source."""

    value: str
    source: str


_POST = 'Mazur, "A Step by Step Backpropagation Example" (2015-03-17)'
_FORWARD = f"{_POST}, The Forward Pass"
_TOTAL_ERROR = f"{_POST}, Calculating the Total Error"
_OUTPUT = f"{_POST}, The Backwards Pass: Output Layer"
_HIDDEN = f"{_POST}, The Backwards Pass: Hidden Layer"
_CLOSING = f"{_POST}, the closing paragraph of the hidden-layer section"
_CLOSING_2017 = f"{_POST} as it read until 2017, the same closing paragraph"
_ISSUE = "the issue the walkthrough answers, which quotes it"


def _from(source: str, **values: str) -> dict[str, Expected]:
    return {key: Expected(value, source) for key, value in values.items()}


PRINTED: dict[str, Expected] = {
    **_from(
        _FORWARD,
        net_h1="0.3775",
        out_h1="0.593269992",
        out_h2="0.596884378",
        net_o1="1.105905967",
        out_o1="0.75136507",
        out_o2="0.772928465",
    ),
    **_from(_TOTAL_ERROR, E_o1="0.274811083", E_o2="0.023560026", E_total="0.298371109"),
    **_from(
        _OUTPUT,
        dEtotal_dout_o1="0.74136507",
        dout_o1_dnet_o1="0.186815602",
        dnet_o1_dw5="0.593269992",
        dEtotal_dw5="0.082167041",
        w5_new="0.35891648",
        w6_new="0.408666186",
        w7_new="0.511301270",
        w8_new="0.561370121",
    ),
    **_from(
        _HIDDEN,
        delta_o1="0.138498562",
        dnet_o1_dout_h1="0.40",
        dEo1_dout_h1="0.055399425",
        dEo2_dout_h1="-0.019049119",
        dEtotal_dout_h1="0.036350306",
        out_h1_operand="0.59326999",
        dout_h1_dnet_h1="0.241300709",
        dnet_h1_dw1="0.05",
        dEtotal_dw1="0.000438568",
        w1_new="0.149780716",
        w2_new="0.19956143",
        w3_new="0.24975114",
        w4_new="0.29950229",
    ),
    **_from(_CLOSING, E_total_after_1="0.291027924", E_total_after_10000="0.0000351085"),
    **_from(_CLOSING_2017, E_total_after_10000_2017="0.000035085"),
    **_from(_CLOSING, out_o1_after_10000="0.015912196", out_o2_after_10000="0.984065734"),
}
"""Every number the post prints, in the post's order, keyed as the walkthrough keys them. The closing
outputs are also what the output-first order (the tutorial script's first version, 2015-03-14) gives
after 10,000 steps: the errata explain why."""

STATED_RULE: dict[str, Expected] = _from(
    f"the stated rule, computed, at the printed decimals: {_ISSUE}",
    dEo2_dout_h1="-0.019049118",
    E_total_after_1="0.291027774",
    E_total_after_10000="0.0000351019",
    out_o1_after_10000="0.015913620",
    out_o2_after_10000="0.984064274",
)
"""What the rule the post states gives where the post prints something else (its errata)."""

OUTPUT_FIRST_W1_NEW = Expected(
    "0.149817639",
    f"w1 after one step in the output-first order (the tutorial script's first version): {_ISSUE}",
)

FIRST_SCRIPT_PRINTED_AFTER_1 = Expected(
    "0.145513962",
    "issue 16, from the tutorial script's history: its first version printed total_error / len(outputs), "
    "half of the output-first E_total after one step (0.291027924 / 2)",
)

DOUBLE_ROUNDED_PATH = Expected(
    "-0.0190491185",
    "by hand: ∂E_o2/∂net_o2 = −0.0380982365… rounded to the post's 9 decimals, −0.038098237, times "
    "w7 = 0.50, exactly; a tie at the 9th decimal that half-to-even rounds to the stated rule's "
    "…118 and rounding away from zero to the post's …119",
)

ETA_1_W5_NEW = Expected(
    "0.317832959",
    "by hand from the post: w5 − 1·∂E_total/∂w5 = 0.40 − 0.082167041, a whole step instead of a half "
    "(η = 1, or the cost without its ½)",
)

W5_NEW_AT_9_DECIMALS = Expected(
    "0.358916480",
    "the post's w5_new (0.35891648, 8 decimals) at 9: 0.40 − ½·0.0821670405… = 0.35891647970…",
)


_EX4 = "Ng, Machine Learning (Coursera), exercise 4: the value ex4.m prints as the one to expect"

EX4_SIGMOID_GRADIENT: tuple[Expected, ...] = tuple(
    Expected(value, f"{_EX4} (part 5, sigmoidGradient at [-1 -0.5 0 0.5 1])")
    for value in ("0.196612", "0.235004", "0.250000", "0.235004", "0.196612")
)
EX4_RELATIVE_DIFFERENCE_BELOW = Expected(
    "0.000000001", f"{_EX4} (checkNNGradients: 'should be less than 1e-9')"
)
EX4_COSTS: dict[float, Expected] = {
    0.0: Expected("0.287629", f"{_EX4} (part 3, cost at the given weights, λ = 0)"),
    1.0: Expected("0.383770", f"{_EX4} (part 4, regularised cost at the given weights, λ = 1)"),
    3.0: Expected("0.576051", f"{_EX4} (part 6, 'cost at (fixed) debugging parameters', λ = 3)"),
}
