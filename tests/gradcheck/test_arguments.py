"""The checker's own arguments are validated by the core's validators, whoever calls it."""

from __future__ import annotations

import pytest

from tests.strategies import TUTORIAL
from worked.core import InvalidInput
from worked.gradcheck import catch_table, gradcheck


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        ({"mode": "directional", "directions": 0}, "number of directions must be between 1 and"),
        ({"mode": "directional", "directions": 10**6}, "number of directions must be between 1 and"),
        ({"seed": -1}, "a seed must be a whole number"),
        ({"mode": "fast"}, "unknown mode 'fast'"),
    ],
)
def test_gradcheck_refuses_what_the_validators_refuse(arguments, words):
    with pytest.raises(InvalidInput, match=words):
        gradcheck(*TUTORIAL, **arguments)


@pytest.mark.parametrize(
    ("arguments", "words"), [({"directions": 0}, "number of directions"), ({"seed": -3}, "a seed")]
)
def test_the_catch_table_refuses_them_before_running_any_bug(arguments, words):
    with pytest.raises(InvalidInput, match=words):
        catch_table(*TUTORIAL, **arguments)
