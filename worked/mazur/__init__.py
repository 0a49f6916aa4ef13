"""Mazur's post as data: its inputs, weights and targets, the one table from its names to Nielsen's
indices (and the neurons, biases and wiring read from it), every number it prints (as the exact
string), each formula as text (:mod:`worked.mazur.formulas`), and rounding to printed digits. Pure
Python, no numpy: :mod:`symbolic` reads this wing and nothing else of ``worked``."""

from worked.mazur import formulas
from worked.mazur.data import (
    BIAS,
    ETA,
    FEEDS,
    HIDDEN_NEURONS,
    INITIAL,
    INPUT_NEURONS,
    INPUTS,
    NAMES,
    NEURONS,
    OUTPUT_NEURONS,
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
    "BIAS",
    "ETA",
    "FEEDS",
    "HIDDEN_NEURONS",
    "INITIAL",
    "INPUTS",
    "INPUT_NEURONS",
    "IN_WORDS",
    "NAMES",
    "NEURONS",
    "OUTPUT_NEURONS",
    "PRINTED",
    "STATED_RULE",
    "STEPS",
    "TARGETS",
    "WEIGHTS",
    "Name",
    "decimals",
    "formulas",
    "neuron",
    "rounded",
    "rounds_to",
    "weight_index",
]
