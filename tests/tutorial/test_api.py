"""The Python API's defaults: the tutorial's network trains by the stated rule with no extra arguments,
and a wrong set of Mazur's names is refused with the names, not a bare ``KeyError``.

"Gives the stated rule's numbers" means: rounds to the digits ``tests/expected.py`` records for the stated
rule (half a unit in the last printed place, :func:`worked.mazur.rounds_to`).
"""

from __future__ import annotations

import numpy as np
import pytest

from tests import expected
from worked import mazur, tutorial
from worked.core import InvalidInput, InvalidType, Network, step, train
from worked.mazur import rounds_to

AFTER_ONE = expected.STATED_RULE["E_total_after_1"].value
AFTER_ALL = expected.STATED_RULE["E_total_after_10000"].value


def test_the_tutorial_network_with_no_extra_arguments_trains_by_the_stated_rule():
    trajectory = train(tutorial.network(), tutorial.x(), tutorial.y(), mazur.ETA, mazur.STEPS)
    assert rounds_to(float(trajectory.errors[1]), AFTER_ONE), trajectory.errors[1]
    assert rounds_to(float(trajectory.errors[-1]), AFTER_ALL), trajectory.errors[-1]


def test_one_step_with_no_extra_arguments_moves_the_weights_and_leaves_the_biases():
    net = tutorial.network()
    after = step(net, tutorial.x(), tutorial.y(), mazur.ETA)
    assert rounds_to(after.weights[1][0, 0], expected.PRINTED["w5_new"].value)
    for old, new in zip(net.biases, after.biases, strict=True):
        assert np.array_equal(old, new)  # exact: frozen biases are not touched at all
    assert (after.shared_biases, after.frozen_biases) == (True, True)  # a step keeps what the model is


def test_the_same_numbers_without_the_declaration_train_per_neuron_biases_as_nielsen_does():
    # The negative control: the tutorial's parameters in a network that declares nothing train every
    # bias, and end elsewhere (about 2.45e-06), so the declaration is what gives the stated rule.
    net = tutorial.network()
    plain = Network(net.weights, net.biases, "sigmoid", "quadratic")
    trajectory = train(plain, tutorial.x(), tutorial.y(), mazur.ETA, mazur.STEPS)
    assert not rounds_to(float(trajectory.errors[-1]), AFTER_ALL)
    assert not np.array_equal(trajectory.network.biases[0], net.biases[0])


def test_a_trajectory_reads_as_a_sentence():
    trajectory = train(tutorial.network(), tutorial.x(), tutorial.y(), mazur.ETA, 1)
    first = expected.PRINTED["E_total"].value  # 0.298371109: the cost before the step, 9 digits
    assert repr(trajectory) == (
        f"<Trajectory of 1 step: cost {first} → {AFTER_ONE}, Network(sizes=[2, 2, 2], "
        "activation=sigmoid,sigmoid, cost=quadratic)>"
    )


def test_an_explicit_choice_overrides_what_the_network_declares():
    net = tutorial.network()
    trained = step(net, tutorial.x(), tutorial.y(), mazur.ETA, train_biases=True)
    assert trained.biases[0][0] != net.biases[0][0]
    assert trained.biases[0][0] == trained.biases[0][1]  # exact: the shared bias gets one update


def test_biases_declared_shared_must_be_one_value_per_layer():
    with pytest.raises(InvalidInput, match=r"biases\[0\] holds different values"):
        Network([np.ones((2, 2))], [np.array([0.1, 0.2])], shared_biases=True)


def test_a_reader_s_own_values_fill_the_matrices_by_mazur_s_names():
    net = tutorial.network({**mazur.INITIAL, "w5": 0.5, "b2": 0.7})
    assert net.weights[1][0, 0] == 0.5  # w5 = w^3_11, placed, not computed
    assert np.array_equal(net.biases[1], [0.7, 0.7])


@pytest.mark.parametrize(
    ("values", "error", "words"),
    [
        ({"w1": 0.1}, InvalidInput, "missing w2, w3, w4, w5, w6, w7, w8, b1, b2 ("),
        ({**mazur.INITIAL, "w9": 0.1}, InvalidInput, "unknown w9 ("),
        ({**mazur.INITIAL, "w0": 0.1, "w9": 0.1}, InvalidInput, "unknown w0, w9 ("),
        ({"w1": 0.1, "bias": 0.1}, InvalidInput, "missing w2, w3, w4, w5, w6, w7, w8, b1, b2; unknown bias"),
        ({**mazur.INITIAL, "w1": "0.1"}, InvalidType, "w1 must be a number, got '0.1'"),
        ({**mazur.INITIAL, "w1": float("nan")}, InvalidInput, "w1 must be finite"),
        ({**mazur.INITIAL, "w1": [0.1, 0.2]}, InvalidType, "w1 must be a number, got [0.1, 0.2]"),
        ([0.15] * 10, InvalidType, "must map Mazur's names"),
    ],
)
def test_a_wrong_set_of_names_is_refused_naming_them(values, error, words):
    with pytest.raises(error) as info:
        tutorial.network(values)
    assert words in str(info.value)
    assert not isinstance(info.value, KeyError)


def test_the_walkthrough_is_a_mapping_of_every_printed_key_to_its_entry():
    w = tutorial.walkthrough()
    assert list(w) == list(tutorial.KEY_NAMES) and len(w) == len(mazur.PRINTED)
    assert w["out_o1"].printed == expected.PRINTED["out_o1"].value
    assert rounds_to(w.value("E_total_after_1"), AFTER_ONE)  # the rule's value, not the post's
    assert w.value("dEtotal_db1") == w.extras[0].computed  # an extra: never printed, still read by key
    assert "bogus" not in w and w.get("bogus") is None  # the mapping protocol still works


def test_an_unknown_key_is_refused_naming_it_and_the_keys():
    for read in (tutorial.walkthrough().value, tutorial.walkthrough().__getitem__):
        with pytest.raises(InvalidInput) as info:
            read("bogus")
        assert str(info.value).startswith("unknown key 'bogus'; the keys are net_h1, out_h1,")
        assert isinstance(info.value, tutorial.UnknownKey) and isinstance(info.value, KeyError)


def test_the_walkthrough_and_its_entries_read_as_sentences():
    w = tutorial.walkthrough()
    assert repr(w) == (
        "<Walkthrough of 35 printed numbers: 29 given by the stated rule, 6 explained by errata, "
        "0 unexplained>"
    )
    assert repr(w["E_total_after_1"]) == (
        f"<Entry E_total_after_1: computed {AFTER_ONE}, printed 0.291027924, "
        "erratum: output-first update order>"
    )
    assert repr(w["net_h1"]) == "<Entry net_h1: computed 0.3775, printed 0.3775, ✓>"


def test_a_notebook_shows_the_walkthrough_as_a_well_formed_table_of_every_key():
    from xml.etree import ElementTree

    w = tutorial.walkthrough()
    table = ElementTree.fromstring(w._repr_html_())
    rows = [[td.text for td in tr] for tr in table.iter("tr")][1:]
    assert [r[0] for r in rows] == list(w)
    assert rows[0] == ["net_h1", w["net_h1"].formula, "0.3775", "0.3775", "✓"]


def test_a_notebook_shows_a_gradient_check_s_verdict_and_its_worst_comparisons():
    from xml.etree import ElementTree

    from worked.gradcheck import BUGS, gradcheck

    rng = np.random.default_rng(0)
    net = Network.random([3, 4, 2], rng)
    x, y = rng.standard_normal(3), rng.random(2)
    bug = BUGS["missing-sigma-prime"].backward
    for backward, verdict, mark in ((None, "checks out", "✓"), (bug, "WRONG", "✗")):
        report = gradcheck(net, x, y, backward=backward)
        page = ElementTree.fromstring(f"<div>{report._repr_html_()}</div>")
        assert verdict in "".join(page.itertext())
        marks = [tr[-1].text for tr in page.iter("tr")][1:]
        assert len(marks) == min(10, len(report.comparisons)) and marks[0] == mark


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: mazur.neuron("h3"), "'h3' is not a neuron; the neurons are i1, i2, h1, h2, o1, o2"),
        (lambda: mazur.neuron("w5"), "'w5' is not a neuron"),
        (lambda: mazur.weight_index("w9"), "'w9' is not a weight; the weights are w1, w2,"),
        (lambda: mazur.weight_index("b1"), "'b1' is not a weight"),
    ],
)
def test_mazur_s_name_readers_refuse_an_unknown_name_with_the_names(call, words):
    with pytest.raises(ValueError) as info:
        call()
    assert words in str(info.value) and not isinstance(info.value, KeyError)
