"""Worked examples as data: Mazur's shipped file gives today's walkthrough byte for byte, and the Python
API loads an example, overrides its values by name and computes any quantity of the grammar.

The fixtures ``fixtures/walkthrough.txt`` and ``.json`` are `backprop-companion walkthrough` (at the
default width) and `walkthrough --json` as main printed them before the walkthrough read the file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from backprop_companion import cmd_walkthrough
from backprop_companion.output.tables import WIDTH
from worked import examples, mazur, tutorial
from worked.core import InvalidInput
from worked.tutorial import walkthrough

FIXTURES = Path(__file__).parent / "fixtures"


def test_the_shipped_file_gives_the_walkthrough_text_byte_for_byte():
    text = cmd_walkthrough.as_text(walkthrough(), WIDTH)
    assert text + "\n" == (FIXTURES / "walkthrough.txt").read_text(encoding="utf-8")


def test_the_shipped_file_gives_the_walkthrough_json_unchanged():
    printed = json.dumps(cmd_walkthrough.as_json(walkthrough()), ensure_ascii=False, indent=2)
    assert json.loads(printed) == json.loads((FIXTURES / "walkthrough.json").read_text(encoding="utf-8"))


def test_every_printed_key_of_the_file_is_the_walkthroughs_value_exactly():
    model = tutorial.load("mazur")
    # exact: the walkthrough reads the same model; a second computation path would show here
    assert model.values() == {e.key: e.computed for e in walkthrough().entries}


def test_the_posts_data_is_the_files():
    post = examples.load("mazur")
    assert post.printed == mazur.PRINTED and post.eta == mazur.ETA == 0.5
    assert {p: post.values[p] for p in post.parameters} == mazur.INITIAL
    assert post.values["i1"] == mazur.INPUTS["i1"] == 0.05


def test_an_override_changes_the_numbers_and_says_so():
    model = tutorial.load("mazur")
    mine = model.with_values({"w5": 0.1, "eta": 1.0})
    assert mine.overridden and not model.overridden
    assert mine.value("w5") == 0.1 and mine.eta == 1.0
    assert mine.value("w5_new") == pytest.approx(0.1 - 1.0 * mine.value("dEtotal_dw5"), abs=1e-15)
    assert mine.value("out_h1") == model.value("out_h1")  # w5 is above h1


@pytest.mark.parametrize(
    ("values", "complete", "names"),
    [
        ({"w1": 0.1}, True, "missing i1, i2, target_o1, target_o2, w2, w3"),
        ({"w9": 0.1}, False, "unknown w9"),
        ({"w1": 0.1, "bogus": 1}, True, "unknown bogus"),
        ({"w1": "0.1"}, False, "w1 must be a number"),
        ({"eta": 0}, False, "eta must be a finite positive number"),
    ],
)
def test_a_partial_or_unknown_set_of_values_is_refused_by_name(values, complete, names):
    with pytest.raises(InvalidInput, match=names):
        tutorial.load("mazur").with_values(values, complete=complete)


def test_the_tutorial_network_with_a_partial_dict_names_the_missing_names():
    with pytest.raises(InvalidInput, match="missing w2, w3"):
        tutorial.network({"w1": 0.1})


def test_a_name_outside_the_grammar_is_refused_with_the_grammar():
    with pytest.raises(InvalidInput, match="'dEtotal_dw9' is outside the grammar"):
        tutorial.load("mazur").value("dEtotal_dw9")


def test_an_unknown_example_names_the_shipped_ones():
    with pytest.raises(InvalidInput, match="mazur"):
        tutorial.load("nonesuch")


def test_numpy_s_real_numbers_are_numbers_and_its_bool_and_arrays_are_not():
    """A value read off a numpy array is a number (a review found float32 refused as "not a number")."""
    import numpy as np

    model = tutorial.load("mazur")
    for number in (np.float32(0.25), np.float64(0.25), np.int64(1)):
        assert model.with_values({"w1": number}).initial["w1"] == float(number)  # type: ignore[dict-item]
    for other in (np.True_, np.array(0.25), True):
        with pytest.raises(InvalidInput, match="w1 must be a number"):
            model.with_values({"w1": other})  # type: ignore[dict-item]
