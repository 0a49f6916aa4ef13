r"""Statements that mix words and formulas, as sympy's side writes them, marked up as Markdown math.

The premises, lemmas and negative controls are written once, for the terminal, in a Unicode TeX-like
notation: ``C = Σ_q δ^{l+1}_q z^{l+1}_q near the point, δ^{l+1}_q = ∂C/∂z^{l+1}_q held fixed``. On a
page the formulas must be typeset, so :func:`marked` puts each formula between ``$`` signs and leaves
the words as words. A word is a run of three or more letters (or one of the short English words
below) that is not a function's name; whatever lies between two words is a formula when it holds
anything but spaces and punctuation and is not a bare number. An opening parenthesis that a formula
leaves unclosed before a word belongs to the words.
"""

from __future__ import annotations

import re

FUNCTIONS = frozenset({"tanh", "max", "exp", "sin", "cos"})
"""Names of functions inside formulas: typeset as math, not read as words."""

SHORT_WORDS = frozenset({"of", "in", "at", "is", "by", "on", "to", "as", "an", "or", "ch"})
"""English words (and abbreviations) of two letters: no formula here has them as a product."""

_WORD = re.compile(r"(?<![\\_^{A-Za-z])[A-Za-z]+(?![A-Za-z])")
_PUNCTUATION = " ,;:.()"


def _is_word(token: str) -> bool:
    return token.lower() in SHORT_WORDS or (len(token) >= 3 and token not in FUNCTIONS)


def _between(segment: str) -> str:
    """What lies between two words: clauses (split at ``;`` and ``: ``, which no formula holds)
    each with its formula marked."""
    return "".join(_formula(part) for part in re.split(r"(;|: )", segment))


def _formula(segment: str) -> str:
    """``segment`` with its formula (if any) between ``$`` signs, spaces and punctuation left outside;
    a bare number stays text."""
    core = segment.strip(_PUNCTUATION)
    if not core or core.isdigit():
        return segment
    start = segment.index(core)
    end = start + len(core)
    # Keep the formula's own closing brackets: extend over ")" while that balances it.
    while (
        end < len(segment)
        and segment[end] == ")"
        and segment[start:end].count("(") > segment[start:end].count(")")
    ):
        end += 1
    while (
        start > 0
        and segment[start - 1] == "("
        and segment[start:end].count(")") > segment[start:end].count("(")
    ):
        start -= 1
    return f"{segment[:start]}${segment[start:end]}${segment[end:]}"


def marked(text: str) -> str:
    """``text`` with every formula in it between ``$`` signs, for Markdown (and the HTML page)."""
    out, last = [], 0
    for match in _WORD.finditer(text):
        if not _is_word(match.group()):
            continue
        out.append(_between(text[last : match.start()]))
        out.append(match.group())
        last = match.end()
    out.append(_between(text[last:]))
    return "".join(out)
