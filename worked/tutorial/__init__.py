"""Mazur's post recomputed by the general code: its network and example, each printed number read off a
run of the network (the keys), the alternative computations behind the numbers the stated rule does not
give (the errata), and the walkthrough that compares and judges every one."""

from worked.tutorial.errata import ALTERNATIVES, Alternative
from worked.tutorial.example import network, x, y
from worked.tutorial.keys import GROUPS, KEY_NAMES, KEYS, Key, Run, run
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
    "Run",
    "UnknownKey",
    "Walkthrough",
    "network",
    "run",
    "walkthrough",
    "x",
    "y",
]
