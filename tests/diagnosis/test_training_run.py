"""The hand computation's training run is its public step repeated, to the bit.

``worked.diagnosis.runs.train`` steps through ``by_hand.steps``, which works out a variant's lines once
and starts each step from the last one's updated parameters; this holds it to the plain reading of the
run: :func:`by_hand.step`, called again and again on the parameters the step before recorded
(``runs.parameters_after``). Bits, not a tolerance: the two must do the same float operations in the
same order, so any difference is a change in the arithmetic, however small.
"""

from __future__ import annotations

import math
from itertools import islice

import pytest

from worked.diagnosis import by_hand, runs
from worked.diagnosis.mistakes import MISTAKES, STATED_RULE
from worked.diagnosis.variant import STATED, Variant

STEPS = 200
"""Steps compared per variant: enough for each quantity to pass through many steps' values (a few
hundredths of a second for all twelve computations, both ways)."""

NAMED = [(STATED_RULE, STATED), *((m.identifier, m.variant) for m in MISTAKES)]


def bits(record: dict[str, float]) -> list[tuple[str, str]]:
    """Every recorded quantity in the order computed, as its name and the exact bits of its value."""
    return [(name, value.hex()) for name, value in record.items()]


def stepped(variant: Variant, steps: int, nudged_at: int | None = None) -> list[dict[str, float]]:
    """``steps`` records of public ``step`` calls, each from the one before's updated parameters;
    at step ``nudged_at`` (a negative control), w5_new is moved by one unit in the last place."""
    records = [by_hand.step(variant)]
    while len(records) < steps:
        record = by_hand.step(variant, runs.parameters_after(records[-1]))
        if len(records) == nudged_at:
            nudged = {"w5_new": math.nextafter(record["w5_new"], math.inf)}
            record = by_hand.step(variant, runs.parameters_after(records[-1]), nudged)
        records.append(record)
    return records


@pytest.mark.parametrize(("identifier", "variant"), NAMED, ids=[i for i, _ in NAMED])
def test_the_training_run_is_the_step_repeated_bit_for_bit(identifier, variant):
    expected = stepped(variant, STEPS)
    assert [bits(r) for r in islice(by_hand.steps(variant), STEPS)] == [bits(r) for r in expected]
    run = runs.train.__wrapped__(variant, STEPS - 1)  # not the cache: the run made now
    assert [e.hex() for e in run.errors] == [r["E_total"].hex() for r in expected]
    assert [o.hex() for o in run.outputs] == [expected[-1]["out_o1"].hex(), expected[-1]["out_o2"].hex()]


def test_one_weight_one_ulp_off_at_one_step_is_told_apart():
    # The negative control: the comparison above sees a single step's arithmetic moved by the least
    # amount, in the records and in the errors that follow (under the stated rule: ``rounding`` would
    # round the ulp away at the next step, which is that variant's arithmetic, not a blind spot).
    nudged = stepped(STATED, STEPS, nudged_at=STEPS // 2)
    assert [bits(r) for r in islice(by_hand.steps(STATED), STEPS)] != [bits(r) for r in nudged]
    run = runs.train.__wrapped__(STATED, STEPS - 1)
    assert [e.hex() for e in run.errors] != [r["E_total"].hex() for r in nudged]
