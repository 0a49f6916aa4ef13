"""The search over single edits (and pairs): each slip of issue 15 named, at 9 decimals and at the
decimals a class types, ranked first by its family; pairs when no single edit fits, bounded."""

from __future__ import annotations

import time

import pytest

from worked.diagnosis import edits, runs, search
from worked.diagnosis.edits import EDITS, FAMILIES, combined
from worked.diagnosis.reader import MISTAKE, NOT_REPRODUCED, diagnose
from worked.diagnosis.variant import Variant
from worked.mazur import rounded

# (key, the slip's edit, its value at 9 decimals as the issue gives it, at the decimals a class types)
SLIPS = [
    ("dout_h1_dnet_h1", "sigma-prime-of-net@h1", "0.234993750", "0.2350"),  # 0.3775 × 0.6225
    ("net_h1", "bias-forgotten@h1", "0.027500000", "0.0275"),  # 0.15·0.05 + 0.20·0.10
    ("dEo2_dout_h1", "w6-for-w7@backward", "-0.017144206", "-0.0171"),
    ("net_o1", "sigmoid-skipped@hidden", "0.927625000", "0.9276"),  # 0.40·0.3775 + 0.45·0.3925 + 0.60
    ("E_total", "round-3-half-up", "0.299000000", "0.299"),  # the rule's is 0.298371109
    ("dEtotal_dout_h1", "round-4-half-up", "0.036300000", "0.0363"),  # the rule's is 0.036350306
]


@pytest.mark.parametrize(("key", "slip", "nine", "class_"), SLIPS)
def test_each_slip_of_the_issue_is_named_at_nine_decimals_and_at_class_decimals(key, slip, nine, class_):
    by_id = {e.identifier: e for e in EDITS}
    assert rounded(runs.values(by_id[slip].variant, training=False)[key], 9) == nine  # computed, not typed
    for typed in (nine, class_):
        d = diagnose(key, typed)
        found = [c.identifier for c in d.candidates]
        assert d.status == MISTAKE and slip in found, (typed, found)
        assert by_id[found[0]].family == by_id[slip].family  # the most common family ranks first
    assert diagnose(key, rounded(runs.values(training=False)[key], 9)).candidates == ()  # the control


def test_the_issue_s_spelled_out_values_are_what_the_edits_compute():
    values = runs.values(Variant(sigma_prime_of_net=frozenset({"h1"})), training=False)
    assert values["dout_h1_dnet_h1"] == pytest.approx(0.3775 * 0.6225, abs=1e-15)  # float round-off only


def test_every_edit_changes_the_computation():
    # Two edits may still agree everywhere by arithmetic (0.25·0.05 + 0.20·0.10 = 0.15·0.05 + 0.25·0.10:
    # w3 read for w1 or for w2), or because rounding meets no tie: the search then names both.
    stated = runs.values(training=False)
    for edit in EDITS:
        assert runs.values(edit.variant, training=False) != stated, edit.identifier


def test_every_family_has_edits_and_the_list_shows_them():
    assert [f for f, _, members in edits.families() if not members] == []
    assert list(FAMILIES)[:2] == ["rounding", "sigma-prime-of-net"]


def test_two_edits_of_one_knob_do_not_combine_and_others_do():
    by_id = {e.identifier: e for e in EDITS}
    assert combined(by_id["round-3-half-up"], by_id["round-4-half-up"]) is None
    assert combined(by_id["bias-forgotten@h1"], by_id["bias-forgotten@hidden"]) is None  # h1 twice
    pair = combined(by_id["bias-forgotten@h1"], by_id["w6-for-w7@backward"])
    assert pair is not None and dict(pair.changes)["no_bias"] == frozenset({"h1"})


def test_a_value_two_slips_make_is_found_as_a_pair():
    by_id = {e.identifier: e for e in EDITS}
    pair = combined(by_id["bias-forgotten@h1"], by_id["sigma-prime-of-net@h1"])
    assert pair is not None
    typed = rounded(runs.values(pair.variant, training=False)["delta_h1"], 9)
    d = diagnose("delta_h1", typed)
    assert d.pair_search is not None and d.status == MISTAKE
    assert pair.variant in [c.variant for c in d.candidates]


def test_the_pair_search_is_bounded_and_says_when_it_stopped():
    found = search.pairs("w1_new", lambda v: False, limit=10)
    assert found.tried == 10 and found.total > 10 and found.stopped
    d = diagnose("w5_new", "0.35891658")  # one unit off in the 7th decimal: nothing fits
    assert d.status == NOT_REPRODUCED and d.pair_search is not None
    assert d.pair_search.tried == min(search.MAX_PAIRS, d.pair_search.total)


STEP_BUDGET = 100_000
"""The issue's 2 s for a 60-key sheet, counted in plain steps of the hand computation (17-20 µs each
on an idle core) so that a loaded machine, which slows both alike, does not fail it. It is the issue's
bound, not today's speed: the search, from cold caches, measures about a third of it."""


def test_a_sixty_key_sheet_with_the_pair_search_costs_less_than_the_budget_in_steps():
    from worked.diagnosis import mistakes, plan
    from worked.diagnosis.by_hand import step
    from worked.diagnosis.sheet import judge

    stated = runs.values(training=False)
    keys = list(stated)[:60]
    # Each value off in its 7th significant figure: nothing explains it, so every key searches pairs.
    pairs = [(key, rounded(stated[key] * (1 + 3e-7), 9)) for key in keys]
    for cached in (runs._first_step, mistakes.first_shows, mistakes.departs, plan.plan_for, plan._paths):
        cached.cache_clear()  # a cold start

    def per_step() -> float:
        start = time.perf_counter()
        for _ in range(200):
            step()
        return (time.perf_counter() - start) / 200

    before = per_step()  # measured on both sides, so that a change of load in between evens out
    start = time.perf_counter()
    sheet = judge(pairs)
    spent = time.perf_counter() - start
    steps = spent / ((before + per_step()) / 2)
    assert len(keys) == 60 and sum(d.pair_search is not None for d in sheet.diagnoses) >= 50
    assert steps < STEP_BUDGET
