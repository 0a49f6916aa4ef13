"""Worked examples recomputed by the general code: :func:`load` an example (Mazur's post, another
shipped one, or a TOML file of one's own) as a :class:`Model` and read any quantity by name
(``load("mazur").with_values({"w1": 0.1}).value("dEtotal_dw5")``); Mazur's network and example, each
printed number read off a run (the keys), the alternative computations behind the numbers the stated
rule does not give (the errata), and the walkthrough that compares and judges every one."""

from worked.tutorial.arithmetic import Line, lines, symbol
from worked.tutorial.errata import ALTERNATIVES, Alternative
from worked.tutorial.example import network, x, y
from worked.tutorial.judged import judge, stated_rule
from worked.tutorial.keys import GROUPS, KEY_NAMES, KEYS, Key, groups, run
from worked.tutorial.model import Model, load
from worked.tutorial.verdicts import Entry, Erratum, Extra, UnknownKey, Walkthrough, walkthrough

__all__ = [
    "ALTERNATIVES",
    "GROUPS",
    "KEYS",
    "KEY_NAMES",
    "Alternative",
    "Entry",
    "Erratum",
    "Extra",
    "Key",
    "Line",
    "Model",
    "UnknownKey",
    "Walkthrough",
    "groups",
    "judge",
    "lines",
    "load",
    "network",
    "run",
    "stated_rule",
    "symbol",
    "walkthrough",
    "x",
    "y",
]
