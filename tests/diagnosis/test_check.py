"""Checking a reader's numbers: every mistake recognised wherever it shows, and the ``check`` command.

A "typed" value below is a computed value written out at the post's digits for that key (9 for a
quantity the post never prints), as a reader who copies the post's precision would type it.
"""

from __future__ import annotations

import json

import pytest

from backprop_companion.cli import main
from tests.expected import ETA_1_W5_NEW, OUTPUT_FIRST_W1_NEW, PRINTED, W5_NEW_AT_9_DECIMALS
from worked.core import InvalidInput
from worked.diagnosis import notation, quantities, runs
from worked.diagnosis.edits import EDITS, FAMILIES
from worked.diagnosis.mistakes import (
    MAIN_KEYS,
    MISTAKES,
    STATED_RULE,
    common_mistakes,
    enters_at,
    get_mistake,
)
from worked.diagnosis.notation import similar_names
from worked.diagnosis.reader import AS_PRINTED, IMPRECISE, MISTAKE, diagnose, diagnose_all
from worked.diagnosis.runs import TRAINING_KEYS
from worked.diagnosis.typed import parse
from worked.diagnosis.variant import STATED
from worked.mazur.printed import rounded

ISSUE_IDENTIFIERS = (
    "output-first",
    "no-output-derivative",
    "no-hidden-derivative",
    "sign-flip",
    "one-path",
    "net-for-out",
    "eta-1",
    "no-half",
    "w2-w3-swapped",
    "rounded-intermediates",
    "biases-updated",
)

# Where two mistakes give the same number at the post's digits. η = 1 and a cost without the ½ both
# take a step of 2·0.5·∂E/∂w: the same new weights (doubling is exact in binary, so bit for bit), the
# same training run and so the same final outputs. They part at the gradients (no-half doubles them)
# and at every error value (no-half's cost is twice the other's).
DOUBLED_STEP = frozenset({"eta-1", "no-half"})
COINCIDENCES: dict[tuple[str, str], frozenset[str]] = {
    (key, mistake): DOUBLED_STEP
    for key in (
        "w5_new",
        "w6_new",
        "w7_new",
        "w8_new",
        "w1_new",
        "w2_new",
        "w3_new",
        "w4_new",
        "out_o1_after_10000",
        "out_o2_after_10000",
    )
    for mistake in DOUBLED_STEP
}

# The first quantity, in the order of the computation, where each mistake shows at the post's digits.
FIRST_SHOWS = {
    "output-first": "dnet_o1_dout_h1",  # w5_new taken for w5 on the way back
    "no-output-derivative": "dout_o1_dnet_o1",
    "no-hidden-derivative": "dout_h1_dnet_h1",
    "sign-flip": "dEtotal_dout_o1",
    "one-path": "dEtotal_dout_h1",
    "net-for-out": "dnet_o1_dw5",
    "eta-1": "w5_new",
    "no-half": "E_o1",
    "w2-w3-swapped": "net_h1",
    "rounded-intermediates": "E_o1",  # ½(0.01 − 0.75136507)² rounds to ...084, not ...083
    "biases-updated": "b2_new",
}


def typed(value: float, key: str) -> str:
    return rounded(value, quantities.shown_decimals(key))


def values(identifier: str) -> dict[str, float]:
    return dict(runs.values(STATED if identifier == STATED_RULE else get_mistake(identifier).variant))


@pytest.fixture(scope="module")
def observed() -> dict[tuple[str, str], frozenset[str]]:
    """For every key and mistake that changes the key at the post's digits: the named mistakes diagnosed."""
    stated = values(STATED_RULE)
    found = {}
    for mistake in MISTAKES:
        mine = values(mistake.identifier)
        for key in quantities.names():
            if key in mine and typed(mine[key], key) != typed(stated[key], key):
                d = diagnose(key, typed(mine[key], key), min_figures=1)  # the post prints w5 as 0.40
                if not d.judged:  # a zero at the post's digits (no-output-derivative's final error)
                    assert d.status == IMPRECISE and d.typed.figures == 0
                    continue
                assert not d.matches_stated_rule, (key, mistake.identifier)
                # The named mistakes among what the search found (it finds the per-neuron edits too).
                named = {c.identifier for c in d.candidates} & set(ISSUE_IDENTIFIERS)
                found[key, mistake.identifier] = frozenset(named)
    return found


def test_the_catalogue_has_every_mistake_the_issue_names():
    assert tuple(m.identifier for m in MISTAKES) == ISSUE_IDENTIFIERS
    assert all(m.description for m in MISTAKES)


@pytest.mark.parametrize("identifier", ISSUE_IDENTIFIERS)
def test_a_mistake_is_named_at_every_key_it_changes(observed, identifier):
    changed = {key: found for (key, m), found in observed.items() if m == identifier}
    assert changed, f"{identifier} changes no key"
    for key, found in changed.items():
        assert found == COINCIDENCES.get((key, identifier), {identifier}), key


def test_the_coincidence_table_is_exactly_what_is_observed(observed):
    assert {pair: found for pair, found in observed.items() if len(found) > 1} == COINCIDENCES


@pytest.mark.parametrize("identifier", ISSUE_IDENTIFIERS)
def test_where_each_mistake_first_shows(identifier):
    assert enters_at(get_mistake(identifier)) == FIRST_SHOWS[identifier]


@pytest.mark.parametrize("key", quantities.names())
def test_the_stated_rule_s_value_is_diagnosed_correct(key):
    d = diagnose(key, typed(values(STATED_RULE)[key], key), min_figures=1)
    assert (
        d.passed
        and d.matches_stated_rule
        and d.candidates == ()
        and d.closest == ()
        and d.check_first is None
    )


# -- the acceptance examples of the issue --------------------------------------------------------


def test_w1_new_of_the_first_script_names_output_first():
    d = diagnose("w1_new", OUTPUT_FIRST_W1_NEW.value)
    assert not d.matches_stated_rule
    assert [c.identifier for c in d.candidates] == ["output-first"]
    assert d.expected_rounded == PRINTED["w1_new"].value and d.formula == "w1 − η·∂E_total/∂w1"


def test_a_doubled_step_names_both_eta_1_and_no_half():
    assert {c.identifier for c in diagnose("w5_new", ETA_1_W5_NEW.value).candidates} == DOUBLED_STEP


# -- precision ---------------------------------------------------------------------------------------


def test_a_value_is_compared_at_the_decimals_typed():
    d = diagnose("out_h1", "0.5933")  # out_h1 = 0.593269992...
    assert d.precision == 4 and d.matches_stated_rule and d.expected_rounded == "0.5933"
    assert not diagnose("out_h1", "0.5932").matches_stated_rule  # truncated, not rounded
    assert not diagnose("out_h1", "0.59330").matches_stated_rule  # 5 decimals: 0.59327
    assert {c.identifier for c in diagnose("w5_new", "0.3178").candidates} == DOUBLED_STEP


@pytest.mark.parametrize(
    ("text", "precision"), [("0.40", 2), ("1", 0), ("-0.019049118", 9), ("3.51019e-05", 10), (" .5 ", 1)]
)
def test_parse_counts_the_decimals_of_the_number_as_written(text, precision):
    assert parse(text).decimals == precision


@pytest.mark.parametrize("text", ["abc", "nan", "inf", "0.1.2", ""])
def test_parse_refuses_what_is_not_a_finite_number(text):
    with pytest.raises(InvalidInput, match="not a"):
        parse(text)


# -- when nothing in the catalogue reproduces a value ----------------------------------------------


def test_a_small_slip_points_at_the_last_step_s_inputs():
    d = diagnose("w5_new", "0.35891658")  # one unit off in the 7th decimal
    assert not d.identified and d.closest and d.check_first == "dEtotal_dw5"
    assert d.pair_search is not None and d.pair_search.found == ()


def test_a_value_near_a_mistake_is_not_steered_by_it():
    # Between the stated rule and no-hidden-derivative, nearer the latter: the nearest is shown, but
    # a near miss is no evidence, so what to check first follows the chain (the last step's input).
    stated, mistake = values(STATED_RULE)["w1_new"], values("no-hidden-derivative")["w1_new"]
    d = diagnose("w1_new", rounded(0.1 * stated + 0.9 * mistake, 9))
    assert not d.identified and d.closest[0].identifier == "no-hidden-derivative"
    assert d.check_first == "dEtotal_dw1"


def test_a_wrong_value_given_earlier_in_the_chain_is_checked_first():
    out_o1 = diagnose_all([("w5_new", "0.35891658"), ("out_o1", "0.75136517")])
    assert out_o1[0].check_first == "out_o1"


def test_the_post_s_own_erratum_is_recognised_as_the_post_s():
    d = diagnose("E_total_after_10000", PRINTED["E_total_after_10000"].value)
    assert not d.matches_stated_rule and d.identified and d.closest == ()
    assert d.printed == PRINTED["E_total_after_10000"].value
    assert d.erratum is not None and d.erratum.name == "off by one step" and d.status == AS_PRINTED
    d = diagnose("dEo2_dout_h1", PRINTED["dEo2_dout_h1"].value)
    # Rounding every intermediate to the post's digits, or to 9 decimals either way, gives the figure.
    assert [c.identifier for c in d.candidates][:1] == ["rounded-intermediates"]
    assert {c.identifier for c in d.candidates} == {
        "rounded-intermediates",
        "round-9-half-even",
        "round-9-half-up",
    }
    assert d.erratum is not None and d.erratum.name == "double rounding" and d.status == AS_PRINTED
    assert not d.passed


def test_an_unknown_key_is_refused_naming_it():
    with pytest.raises(InvalidInput, match="unknown key 'bogus'"):
        diagnose("bogus", "1")
    with pytest.raises(InvalidInput, match="unknown key 'w9_new'; did you mean"):
        diagnose("w9_new", "0.1")


# -- the table for the docs -------------------------------------------------------------------------


def test_common_mistakes_gives_each_mistake_s_values_for_the_main_keys():
    rows = common_mistakes()
    assert [r.identifier for r in rows] == [STATED_RULE, *ISSUE_IDENTIFIERS]
    for row in rows:
        assert tuple(row.values) == MAIN_KEYS
        for key, value in row.values.items():
            assert value == values(row.identifier)[key]  # exact: the same cached run
    by_id = {r.identifier: r for r in rows}
    assert rounded(by_id["eta-1"].values["w5_new"], 9) == ETA_1_W5_NEW.value
    assert by_id[STATED_RULE].enters_at is None and by_id["one-path"].enters_at == "dEtotal_dout_h1"
    with pytest.raises(ValueError, match="unknown keys"):
        common_mistakes(("w9_new",))


def test_get_mistake_lists_the_identifiers_when_it_fails():
    with pytest.raises(ValueError, match="choose one of: output-first"):
        get_mistake("eta-2")


# -- the command -------------------------------------------------------------------------------------


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_names_output_first(capsys):
    code, out, _ = run(capsys, "check", f"w1_new={OUTPUT_FIRST_W1_NEW.value}")
    assert code == 1 and "output-first" in out and PRINTED["w1_new"].value in out


def test_check_names_both_doubled_step_mistakes(capsys):
    code, out, _ = run(capsys, "check", f"w5_new={ETA_1_W5_NEW.value}")
    assert code == 1 and "eta-1" in out and "no-half" in out


def test_check_of_correct_values_exits_0(capsys):
    typed = (f"{key}={PRINTED[key].value}" for key in ("out_o1", "E_total"))
    code, out, _ = run(capsys, "check", *typed)
    assert code == 0 and "2 of 2 values match" in out


def test_check_shows_the_nearest_and_what_to_check_first(capsys):
    code, out, _ = run(capsys, "check", "w5_new=0.35891658")
    assert code == 1 and "nearest" in out and "check first: dEtotal_dw5" in out


def test_check_json_has_the_facts_per_value(capsys):
    code, out, _ = run(capsys, "check", f"w5_new={ETA_1_W5_NEW.value}", "out_h1=0.5933", "--json")
    document = json.loads(out)
    assert code == 1 and document["all_match"] is False and document["schema"] == 1
    first, second = document["values"]
    given = first["given"]
    assert (first["key"], given["text"], given["decimals"], given["figures"]) == (
        "w5_new",
        ETA_1_W5_NEW.value,
        9,
        9,
    )
    assert given["value"] == float(ETA_1_W5_NEW.value)  # a number beside the digits as typed
    assert first["status"] == MISTAKE and {c["identifier"] for c in first["reproduced_by"]} >= DOUBLED_STEP
    assert (
        first["expected"]["rounded"] == W5_NEW_AT_9_DECIMALS.value
        and first["formula"] == "w5 − η·∂E_total/∂w5"
    )
    assert first["explanation"].startswith("reproduced by ")
    assert second["status"] == "stated rule" and second["expected"]["rounded"] == "0.5933"
    assert second["explanation"] is None


def test_check_list_shows_the_catalogue_and_the_keys(capsys):
    code, out, _ = run(capsys, "check", "--list")
    assert code == 0
    for family in FAMILIES:
        assert f"  {family} " in out
    code, out, _ = run(capsys, "check", "--list", "--json")
    listing = json.loads(out)
    listed = [e["identifier"] for f in listing["families"] for e in f["edits"]]
    assert sorted(listed) == sorted(e.identifier for e in EDITS) and set(ISSUE_IDENTIFIERS) <= set(listed)
    assert [m["identifier"] for m in listing["mistakes"]] == list(ISSUE_IDENTIFIERS)
    assert [m["shows_first_at"] for m in listing["mistakes"]] == [FIRST_SHOWS[i] for i in ISSUE_IDENTIFIERS]
    assert listing["keys"] == list(quantities.names())


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check"], "at least one KEY=VALUE"),
        (["check", "w5new=0.3"], "did you mean w5_new"),
        (["check", "zzz=0.3"], "'check --list' shows every key"),
        (["check", "w5_new=abc"], "not a number"),
        (["check", "w5_new=nan"], "not a finite number"),
        (["check", "w5_new"], "expected KEY=VALUE"),
        (["check", "w5_new="], "expected KEY=VALUE"),
        (["check", "--list", "w5_new=0.3"], "--list takes no KEY=VALUE"),
    ],
)
def test_check_bad_usage_is_one_line_and_exit_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and message in err
    assert len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, *argv, "--json")
    assert code == 2 and err == "" and message in json.loads(out)["error"]


def test_training_keys_need_the_training_runs_and_only_they():
    # The first-step keys are answered from one step per mistake; a training key from the full runs.
    assert set(TRAINING_KEYS) <= set(quantities.names())
    assert not set(TRAINING_KEYS) & set(runs.values(STATED, training=False))


def test_a_value_with_too_few_digits_to_tell_the_rule_from_a_mistake_says_so():
    # w1_new is 0.149780716 by the stated rule and 0.149817639 output-first: both are 0.1498 at 4
    # decimals, so 0.1498 is right but does not show the reader avoided the output-first mistake.
    d = diagnose("w1_new", "0.1498")
    assert d.matches_stated_rule
    assert "output-first" in {c.identifier for c in d.candidates}
    assert diagnose("w1_new", PRINTED["w1_new"].value).candidates == ()


def test_a_value_of_another_quantity_is_named_as_such():
    # 0.408666186 is w6_new by the stated rule: typed as w5_new it is a mixed-up key, not a mistake.
    d = diagnose("w5_new", PRINTED["w6_new"].value)
    assert not d.matches_stated_rule and "w6_new" in d.same_as
    assert diagnose("w5_new", "0.4087").same_as == ("w6_new",)
    assert diagnose("w5_new", "0.41").same_as == ()  # two decimals: too few to call it a clue


@pytest.mark.parametrize(
    ("typed", "meant"), [("out_hl", "out_h1"), ("E_TOTAL", "E_total"), ("wl_new", "w1_new")]
)
def test_a_key_typed_with_lookalike_letters_suggests_the_key_first(typed, meant):
    assert similar_names(typed)[0] == meant


# -- issue 15: digits that decide nothing, the post's figures, the reader's notation -----------------


@pytest.mark.parametrize(
    "argv",
    [
        ("w5_new=0", "E_total=0", "dEtotal_dw1=0.000"),  # passed as "3 of 3 values match"
        ("out_o1=1",),  # passed "compared at 0 decimals"
        ("out_o1=0.75",),  # two figures: the rule's 0.75136507 and a slip near 0.7520 agree
        ("w5_new=1e-30",),
    ],
)
def test_check_of_too_few_figures_is_never_a_pass(capsys, argv):
    code, out, _ = run(capsys, "check", *argv)
    assert (
        code == 1
        and "too imprecise to judge" in out
        and f"0 of {len(argv)} values" in out.replace("value match", "values match")
    )
    code, out, _ = run(capsys, "check", *argv, "--json")
    assert code == 1 and {v["status"] for v in json.loads(out)["values"]} == {IMPRECISE}


def test_check_min_figures_sets_how_many_figures_are_needed(capsys):
    assert run(capsys, "check", "out_o1=0.75")[0] == 1
    assert run(capsys, "check", "out_o1=0.75", "--min-figures", "2")[0] == 0  # the control: judged, right
    code, out, _ = run(capsys, "check", "out_o1=0.7514", "--min-figures", "5")
    assert code == 1 and "4 significant figures typed, at least 5 needed" in out
    code, _, err = run(capsys, "check", "out_o1=0.7514", "--min-figures", "0")
    assert code == 2 and "--min-figures must be at least 1" in err


def test_the_post_s_erratum_typed_in_check_says_as_printed_with_its_number(
    capsys,
):  # not quick: training runs
    code, out, _ = run(capsys, "check", f"dEo2_dout_h1={PRINTED['dEo2_dout_h1'].value}")
    assert code == 1 and "as printed in the post (erratum 1)" in out and "double rounding" in out
    assert "stated rule: dEo2_dout_h1 = ∂E_o2/∂net_o2 · w7 = -0.019049118" in out
    code, out, _ = run(
        capsys, "check", f"E_total_after_10000={PRINTED['E_total_after_10000'].value}", "--json"
    )
    (value,) = json.loads(out)["values"]
    assert code == 1 and value["status"] == AS_PRINTED and value["erratum"]["name"] == "off by one step"
    assert value["erratum"]["number"] == 3
    _, walkthrough, _ = run(capsys, "walkthrough")
    assert "[3]  E_total_after_10000" in walkthrough  # the walkthrough's number for the same erratum
    # The control: one unit off the printed figure is not the post's.
    code, out, _ = run(capsys, "check", "dEo2_dout_h1=-0.019049117")
    assert code == 1 and "as printed" not in out


@pytest.mark.parametrize(
    ("typed", "key"),
    [
        ("w5+", "w5_new"),
        ("w_5^+", "w5_new"),
        ("w₅⁺", "w5_new"),
        ("∂E_total/∂w5", "dEtotal_dw5"),
        ("dE_total/dw5", "dEtotal_dw5"),
        ("∂E_{total}/∂w_{5}", "dEtotal_dw5"),
        ("δ_o1", "delta_o1"),
        ("delta_o1", "delta_o1"),
        ("δo1", "delta_o1"),
        ("out(h1)", "out_h1"),
        ("∂out(o1)/∂net(o1)", "dout_o1_dnet_o1"),
        ("∂E_o2/∂out_h1", "dEo2_dout_h1"),
        ("b1+", "b1_new"),
    ],
)
def test_check_reads_the_post_s_and_the_books_notation(typed, key):
    assert notation.key(typed) == key


def test_check_accepts_the_issue_s_spellings(capsys):
    code, out, _ = run(capsys, "check", "w5+=0.35891648", "∂E_total/∂w5=0.082167041")
    assert code == 0 and "w5_new = 0.35891648  ✓" in out and "dEtotal_dw5 = 0.082167041  ✓" in out


@pytest.mark.parametrize(("typed", "first"), [("δ_o3", "delta_o"), ("w9+", "w"), ("out(h3)", "out_h")])
def test_a_near_miss_in_the_post_s_notation_suggests_the_key_it_means_first(typed, first):
    assert similar_names(typed)[0].startswith(first)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["w5_new=1e999999999"], "too large: a typed value must be below 10^15"),
        (["w5_new=1e-999"], "has 999 decimals; a value is compared at most at 50"),
        ([f"w5_new={'1' * 100_000}"], "at most 64 characters; got '1111"),
        ([f"{'w' * 100_000}=1"], "(100,000 characters)"),
        ([f"{'w' * 100_000}"], "(100,000 characters)"),
    ],
)
def test_check_bounds_every_typed_number_and_quotes_little(capsys, argv, message):
    code, out, err = run(capsys, "check", *argv)
    assert code == 2 and out == "" and message in err and len(err) < 200


@pytest.mark.parametrize("decimals", [28, 30, 36, 50])
def test_check_compares_at_every_accepted_number_of_decimals(capsys, decimals):
    exact = rounded(values(STATED_RULE)["w5_new"], decimals)
    assert run(capsys, "check", f"w5_new={exact}")[0] == 0
    off = exact[:-1] + ("1" if exact[-1] != "1" else "2")  # the control: the last decimal changed
    assert run(capsys, "check", f"w5_new={off}")[0] == 1
