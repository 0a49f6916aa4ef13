"""``walkthrough --set``: the reader's own values give the reader's own table, and every number of it
agrees with an independent computation of Mazur's network in plain Python floats (no numpy, no package
code), for random overrides.

TOLERANCE = 1e-12 (absolute): a quantity of the first step is a few dozen float64 operations on numbers
of order one, each off by at most 2^-53 ≈ 1.1e-16 relative; the package (numpy's matrix products, the
cost's own gradient) and the scalar formulas here group the operations differently, so they may differ by
a few ulps each. The 10,000-step run carries those differences through every step, but within these
bounds gradient descent damps them: on 40 random overrides the largest difference measured was 1.1e-16,
first step and trained alike. 1e-12 leaves a wide margin, and a slip in any formula moves a value by far
more.
"""

from __future__ import annotations

import contextlib
import io
import json
import math

import pytest
from hypothesis import example, given, settings

from backprop_companion.cli import main
from tests.strategies import tutorial_overrides
from worked import mazur

TOLERANCE = 1e-12


def sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def forward(v: dict[str, float]) -> dict[str, float]:
    f = {}
    f["net_h1"] = v["w1"] * v["i1"] + v["w2"] * v["i2"] + v["b1"]
    f["net_h2"] = v["w3"] * v["i1"] + v["w4"] * v["i2"] + v["b1"]
    f["out_h1"], f["out_h2"] = sigmoid(f["net_h1"]), sigmoid(f["net_h2"])
    f["net_o1"] = v["w5"] * f["out_h1"] + v["w6"] * f["out_h2"] + v["b2"]
    f["net_o2"] = v["w7"] * f["out_h1"] + v["w8"] * f["out_h2"] + v["b2"]
    f["out_o1"], f["out_o2"] = sigmoid(f["net_o1"]), sigmoid(f["net_o2"])
    f["E_o1"] = 0.5 * (v["target_o1"] - f["out_o1"]) ** 2
    f["E_o2"] = 0.5 * (v["target_o2"] - f["out_o2"]) ** 2
    f["E_total"] = f["E_o1"] + f["E_o2"]
    return f


def first_step(v: dict[str, float]) -> dict[str, float]:
    """Every quantity the post prints for the first step, by the chain rule written out."""
    f = forward(v)
    delta = {}
    for o in ("o1", "o2"):
        f[f"dEtotal_dout_{o}"] = -(v[f"target_{o}"] - f[f"out_{o}"])
        f[f"dout_{o}_dnet_{o}"] = f[f"out_{o}"] * (1 - f[f"out_{o}"])
        delta[o] = f[f"dEtotal_dout_{o}"] * f[f"dout_{o}_dnet_{o}"]
    f["delta_o1"] = delta["o1"]
    f["dnet_o1_dw5"] = f["out_h1"]
    gradient = {}
    for w, (o, h) in {"w5": ("o1", "h1"), "w6": ("o1", "h2"), "w7": ("o2", "h1"), "w8": ("o2", "h2")}.items():
        gradient[w] = delta[o] * f[f"out_{h}"]
    f["dEtotal_dw5"] = gradient["w5"]
    f["dnet_o1_dout_h1"] = v["w5"]
    f["dEo1_dout_h1"] = delta["o1"] * v["w5"]
    f["dEo2_dout_h1"] = delta["o2"] * v["w7"]
    into = {"h1": f["dEo1_dout_h1"] + f["dEo2_dout_h1"], "h2": delta["o1"] * v["w6"] + delta["o2"] * v["w8"]}
    f["dEtotal_dout_h1"] = into["h1"]
    f["out_h1_operand"] = f["out_h1"]
    f["dout_h1_dnet_h1"] = f["out_h1"] * (1 - f["out_h1"])
    f["dnet_h1_dw1"] = v["i1"]
    for w, (h, i) in {"w1": ("h1", "i1"), "w2": ("h1", "i2"), "w3": ("h2", "i1"), "w4": ("h2", "i2")}.items():
        gradient[w] = into[h] * f[f"out_{h}"] * (1 - f[f"out_{h}"]) * v[i]
    f["dEtotal_dw1"] = gradient["w1"]
    for w, g in gradient.items():
        f[f"{w}_new"] = v[w] - v["eta"] * g
    return f


def trained(v: dict[str, float], steps: int) -> dict[str, float]:
    """E_total after 1 and ``steps`` steps, and the outputs after ``steps`` (biases never updated)."""
    errors = []
    for _ in range(steps):
        f = first_step(v)
        errors.append(f["E_total"])
        v = {**v, **{w: f[f"{w}_new"] for w in mazur.WEIGHTS}}
    last = forward(v)
    errors.append(last["E_total"])
    return {
        "E_total_after_1": errors[1],
        f"E_total_after_{steps}": errors[steps],
        f"E_total_after_{steps}_2017": errors[steps],
        f"out_o1_after_{steps}": last["out_o1"],
        f"out_o2_after_{steps}": last["out_o2"],
    }


def walkthrough_with(overrides: dict[str, float]) -> dict[str, float]:
    words = [word for name, value in overrides.items() for word in ("--set", f"{name}={value!r}")]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["walkthrough", *words, "--json"]) == 0
    document = json.loads(out.getvalue())
    assert all(v["given"] is None and v["status"] == "computed" for v in document["values"])
    return {v["key"]: v["expected"]["value"] for v in document["values"]}


@settings(max_examples=6)
@given(overrides=tutorial_overrides())
@example(overrides={"w1": 0.1, "eta": 1.0})
def test_walkthrough_set_agrees_with_plain_floats(overrides):
    values = {**mazur.INITIAL, **mazur.INPUTS, **{f"target_{o}": t for o, t in mazur.TARGETS.items()}}
    values = {**values, "eta": mazur.ETA, **overrides}
    computed = walkthrough_with(overrides)
    expected = {**first_step(values), **trained(values, mazur.STEPS)}
    assert set(computed) <= set(expected) and len(computed) == len(mazur.PRINTED)
    for key, value in computed.items():
        assert value == pytest.approx(expected[key], abs=TOLERANCE, rel=0), key


def test_the_own_table_leaves_the_printed_column_empty(capsys):
    assert main(["walkthrough", "--set", "w1=0.1"]) == 0
    text = capsys.readouterr().out
    words = " ".join(text.split())  # the header wraps at the terminal's width
    assert "computed with your values: w1 = 0.1." in words and "printed column is empty" in words
    net_h1 = text.split("Forward pass")[1].split("\n")[2].split()
    assert net_h1[0] == "net_h1" and net_h1[-1] == "0.3750"  # 0.1·0.05 + 0.2·0.1 + 0.35, nothing printed
