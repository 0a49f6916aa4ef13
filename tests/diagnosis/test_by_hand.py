"""The hand computation (``worked.diagnosis.by_hand``) against the general network; its chain of quantities.

The two implementations share no arithmetic: ``worked.tutorial.keys`` reads the printed numbers off numpy
matrices and BP1-BP4, ``worked.diagnosis.by_hand`` works them neuron by neuron with Python floats. Where the
general network has the same choice as a knob (update order, η, trained biases), the two must agree
under that choice too, so those knobs of the hand computation are checked against an independent side.
"""

from __future__ import annotations

import math
from typing import Any

import pytest

from tests.expected import PRINTED
from worked import mazur, tutorial
from worked.core.training import train
from worked.diagnosis import by_hand, quantities, runs
from worked.diagnosis.runs import TRAINING_KEYS
from worked.diagnosis.variant import STATED, Variant
from worked.mazur.printed import rounded, rounds_to
from worked.tutorial import walkthrough
from worked.tutorial.keys import KEY_NAMES, KEYS, run

FIRST_STEP_RTOL = 1e-14
"""One step is a few dozen float64 operations on numbers of order 0.01-1, done in a different
order by the two sides: a few units of round-off (ε ≈ 1.1e-16 each), far below 1e-14."""

TRAINING_RTOL = 1e-9
"""10,000 steps, each adding a few ulps to the weights; gradient descent here is contracting, so the
gap does not grow beyond ~1e4·ε ≈ 1e-12 in the weights. E_total ≈ 3.5e-5 is ½(out − target)² with
|out − target| ≈ 6e-3, so a weight-level error of 1e-12 becomes ~1e-10 relative in E: below 1e-9."""


def rtol(key: str) -> float:
    return TRAINING_RTOL if key in TRAINING_KEYS else FIRST_STEP_RTOL


@pytest.fixture(scope="module")
def general():
    return {e.key: e.computed for e in walkthrough().entries}


@pytest.mark.parametrize("key", KEY_NAMES)
def test_stated_rule_by_hand_agrees_with_the_general_network(general, key):
    assert runs.values(STATED)[key] == pytest.approx(general[key], rel=rtol(key), abs=0)


@pytest.fixture(scope="module")
def output_first_run():
    return run("output-first")


# The model reads the intermediates off the plain backward pass; the order shows in what it reads off the
# step and the training run: the updated weights and the training keys.
ORDERED_KEYS = [k for k in KEYS if k.key.endswith("_new") or k.key in TRAINING_KEYS]


@pytest.mark.parametrize("spec", ORDERED_KEYS, ids=lambda k: k.key)
def test_output_first_by_hand_agrees_with_the_general_network(output_first_run, spec):
    mine = runs.values(Variant(order="output-first"))[spec.key]
    assert mine == pytest.approx(spec.value(output_first_run), rel=rtol(spec.key), abs=0)


@pytest.mark.parametrize(
    ("variant", "eta", "train_biases"),
    [(Variant(eta=1.0), 1.0, False), (Variant(train_biases=True), mazur.ETA, True)],
    ids=["eta-1", "biases-updated"],
)
def test_knobs_the_general_network_also_has_agree_with_it(variant, eta, train_biases):
    trajectory = train(
        tutorial.network(),
        tutorial.x(),
        tutorial.y(),
        eta,
        mazur.STEPS,
        train_biases=train_biases,
        shared_biases=True,
    )
    mine = runs.train(variant)
    assert mine.errors[1] == pytest.approx(trajectory.errors[1], rel=FIRST_STEP_RTOL, abs=0)
    assert mine.errors[-1] == pytest.approx(trajectory.errors[-1], rel=TRAINING_RTOL, abs=0)


def test_the_hand_computation_gives_every_key_and_the_post_s_digits_where_the_rule_does():
    values = runs.values(STATED)
    assert set(KEY_NAMES) <= set(values)
    errata = {e.key for e in walkthrough().entries if not e.matches}
    for key in KEY_NAMES:
        if key not in errata:
            assert rounds_to(values[key], PRINTED[key].value), key


def test_no_half_doubles_every_gradient_exactly():
    # Doubling is exact in binary floating point, so the factor 2 of the derivative shows bit for bit.
    stated, no_half = (
        runs.values(STATED, training=False),
        runs.values(Variant(half=False), training=False),
    )
    for name in ("E_o1", "E_total", "dEtotal_dout_o1", "dEtotal_dw5", "dEtotal_dw1"):
        assert no_half[name] == 2 * stated[name], name


def test_rounding_rounds_every_recorded_quantity_to_the_post_s_digits():
    rounded_values = runs.values(Variant(rounding=True), training=False)
    assert set(rounded_values) == set(runs.values(STATED, training=False))
    for name, value in rounded_values.items():
        # Exact: the recorded float is the double nearest the decimal it was rounded to.
        assert value == float(rounded(value, quantities.shown_decimals(name))), name


def test_rounding_reproduces_the_post_s_double_rounded_figure():
    # The post's dEo2_dout_h1 (an erratum of the stated rule) is what rounding its factors first gives.
    value = runs.values(Variant(rounding=True), training=False)["dEo2_dout_h1"]
    assert rounded(value, 9) == PRINTED["dEo2_dout_h1"].value


def test_the_swapped_labelling_feeds_h1_from_w1_and_w3():
    values = runs.values(Variant(swap_w2_w3=True), training=False)
    i1, i2 = mazur.INPUTS["i1"], mazur.INPUTS["i2"]
    w = mazur.INITIAL
    assert values["net_h1"] == pytest.approx(w["w1"] * i1 + w["w3"] * i2 + w["b1"], rel=FIRST_STEP_RTOL)
    assert values["net_h2"] == pytest.approx(w["w2"] * i1 + w["w4"] * i2 + w["b1"], rel=FIRST_STEP_RTOL)


def test_sigma_does_not_overflow():
    assert by_hand.sigma(-1000.0) == 0.0 and by_hand.sigma(1000.0) == 1.0
    # the same formula in two float64 evaluations: a few ulps apart at most (rel 1e-15 is ~5 ulps)
    assert by_hand.sigma(0.3775) == pytest.approx(1 / (1 + math.exp(-0.3775)), rel=1e-15)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"order": "backwards"}, "update order"),
        ({"eta": 0.0}, "learning rate"),
        ({"error_sign": 2}, "error_sign"),
        ({"paths": ("o3",)}, "paths"),
        ({"paths": ()}, "paths"),
        ({"layer_input": "z"}, "layer_input"),
    ],
)
def test_a_variant_refuses_settings_that_mean_nothing(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Variant(**kwargs)


def test_train_refuses_a_negative_step_count():
    with pytest.raises(ValueError, match="steps"):
        runs.train(STATED, -1)


# -- the chain: found by perturbing the computation, checked here against the post's own formulas --


def test_every_key_is_a_quantity_with_a_formula():
    names = quantities.names()
    assert set(KEY_NAMES) <= set(names)
    assert len(set(names)) == len(names)
    for name in names:
        assert quantities.formula(name)


@pytest.mark.parametrize(
    ("name", "inputs"),
    [
        # Each row is the post's own formula for the key (worked.tutorial.keys), read as "computed from".
        ("net_h1", ()),
        ("out_h1", ("net_h1",)),
        ("net_o1", ("out_h1", "out_h2")),
        ("E_total", ("E_o1", "E_o2")),
        ("dEtotal_dw5", ("dEtotal_dout_o1", "dout_o1_dnet_o1", "dnet_o1_dw5")),
        ("w5_new", ("dEtotal_dw5",)),
        ("dEo2_dout_h1", ("delta_o2", "dnet_o2_dout_h1")),
        ("dEtotal_dout_h1", ("dEo1_dout_h1", "dEo2_dout_h1")),
        ("dout_h1_dnet_h1", ("out_h1_operand",)),
        ("dEtotal_dw1", ("dEtotal_dout_h1", "dout_h1_dnet_h1", "dnet_h1_dw1")),
        ("w1_new", ("dEtotal_dw1",)),
    ],
)
def test_the_chain_found_by_perturbation_is_the_post_s(name, inputs):
    assert quantities.inputs(name) == inputs


def test_upstream_is_in_the_order_of_the_computation_and_training_follows_the_updates():
    names = quantities.names()
    chain = quantities.upstream("w1_new")
    assert list(chain) == sorted(chain, key=names.index)
    assert {"net_h1", "out_o1", "delta_o1", "dEtotal_dout_h1"} <= set(chain)
    assert "E_total" not in chain  # the gradient never uses the error's value
    training = set(quantities.upstream("E_total_after_10000"))
    assert {f"{w}_new" for w in mazur.WEIGHTS} <= training and "E_o1" not in training


def test_unknown_names_are_refused():
    with pytest.raises(KeyError):
        quantities.upstream("w9_new")


def test_a_variant_given_sets_and_lists_is_the_variant_given_frozensets_and_tuples():
    """A variant is a value: the hand computation caches its plan per variant, so one made with a set
    or a list (as a reader might write it) must be hashable and equal to the frozen one."""
    as_written: dict[str, Any] = {
        "no_bias": {"h1"},
        "paths": ["o1"],
        "weight_for": [["forward", "w1", "w2"]],
        "round_to": [3, "half up"],
    }
    loose = Variant(**as_written)
    frozen = Variant(
        no_bias=frozenset({"h1"}),
        paths=("o1",),
        weight_for=(("forward", "w1", "w2"),),
        round_to=(3, "half up"),
    )
    assert loose == frozen and hash(loose) == hash(frozen)
    assert by_hand.step(loose) == by_hand.step(frozen)


def test_a_step_reads_the_numbers_of_the_variant_it_is_given_not_of_an_equal_one_seen_before():
    """The plan is cached per variant and shared by equal ones; η and the other numbers come from the
    variant of the call (here a Python float, after an equal variant with numpy's)."""
    import numpy as np

    by_hand.step(Variant(eta=np.float64(0.5), half=False))
    assert type(by_hand.step(Variant(eta=0.5, half=False))["w5_new"]) is float
