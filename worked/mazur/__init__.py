"""Mazur's post as data: its inputs, weights and targets, the one table from its names to Nielsen's
indices, every number it prints (as the exact string), and rounding to printed digits. Pure Python, no
numpy: :mod:`symbolic` reads this wing and nothing else of ``worked``."""

from worked.mazur.data import (
    ETA,
    INITIAL,
    INPUTS,
    NAMES,
    PRINTED,
    STATED_RULE,
    STEPS,
    TARGETS,
    WEIGHTS,
    Name,
    neuron,
    weight_index,
)
from worked.mazur.printed import IN_WORDS, decimals, rounded, rounds_to

__all__ = [
    "ETA",
    "INITIAL",
    "INPUTS",
    "IN_WORDS",
    "NAMES",
    "PRINTED",
    "STATED_RULE",
    "STEPS",
    "TARGETS",
    "WEIGHTS",
    "Name",
    "decimals",
    "neuron",
    "rounded",
    "rounds_to",
    "weight_index",
]
