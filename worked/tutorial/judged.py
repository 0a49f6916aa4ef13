"""Any worked example, number by number: computed by the stated rule, compared with the text's print,
and a mismatch explained by the hand arithmetic that reproduces it.

A printed number that the stated rule (the file's network, cost, η and update order) does not round to
is tried against the ways a text works by hand, in order, each run in full on exact decimals:

1. *hand arithmetic*: the quantity's last step (:mod:`worked.tutorial.arithmetic`, every way the
   grammar writes it) applied to its operands **as the text prints them** (one it does not print at the
   file's ``decimals``, else 9), rounded half away from zero;
2. *hand arithmetic, cut*: the same, cut (truncated) at the printed decimals instead of rounded;
3. *cut*: the stated rule's own value, cut at the printed decimals.

The first that reproduces the printed digits is the erratum; none leaves the number unexplained. Mazur's
post keeps its own alternatives (:mod:`worked.tutorial.errata`, :func:`~worked.tutorial.walkthrough`).
"""

from __future__ import annotations

from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal

from worked.examples import BIAS_IN_WORDS
from worked.mazur import IN_WORDS, rounded, rounds_to
from worked.tutorial.arithmetic import Line, lines, operand, symbol
from worked.tutorial.keys import groups
from worked.tutorial.model import Model
from worked.tutorial.verdicts import Entry, Erratum, Walkthrough


def judge(model: Model) -> Walkthrough:
    """Every printed number of ``model``'s example, computed by the stated rule and judged."""
    ex = model.example
    group = groups(ex)
    entries = []
    for key, printed in ex.printed.items():
        computed = model.value(key)
        erratum = None if rounds_to(computed, printed) else explain(model, key, printed)
        entries.append(Entry(key, group[key], formula(model, key), printed, computed, erratum))
    return Walkthrough(tuple(entries), ())


def formula(model: Model, key: str) -> str:
    """The key's formula: its first arithmetic line in symbols, or what it is in words."""
    found = lines(model, key)
    if found:
        return found[0].formula(model.example)
    name = model.example.extras.get(key, key)
    if "_after_" in name:
        what, steps = name.rsplit("_after_", 1)
        return f"{what} after {int(steps):,} steps"
    return symbol(name, model.example)


def explain(model: Model, key: str, printed: str) -> Erratum | None:
    """The first hand computation that reproduces ``printed`` (see the module), or None."""
    routes = lines(model, key)
    places = len(printed.partition(".")[2])
    stated = rounded(model.value(key), places)
    for rounding, name in ((ROUND_HALF_UP, "hand arithmetic"), (ROUND_DOWN, "hand arithmetic, cut")):
        for line in routes:
            value, shown = _by_hand(model, line)
            if rounds_to(value, printed, rounding):
                how = f"{symbol(key, model.example)} = {shown} = {value}, {IN_WORDS[rounding]}"
                why = (
                    "The text works on from the numbers it printed before, not from the unrounded values; "
                    f"the stated rule's value, {stated}, differs in the last printed place."
                )
                return Erratum(f"{name}: {symbol(key, model.example)}", why, how, value, rounding)
    exact = Decimal(model.value(key))
    if rounds_to(exact, printed, ROUND_DOWN):
        how = f"the stated rule's value, {exact:.{places + 3}f}…, cut (not rounded) at the printed decimals"
        return Erratum(
            "cut", "The text cuts its digits instead of rounding the last one.", how, exact, ROUND_DOWN
        )
    return None


def _by_hand(model: Model, line: Line) -> tuple[Decimal, str]:
    """``line`` computed on exact decimals from each operand as the text prints it (a given value as
    given, a computed one the text does not print at the text's decimals)."""
    ex = model.example
    values = []
    for name in line.operands:
        if name in ex.printed:
            values.append(Decimal(ex.printed[name]))
        elif name in model.initial:
            values.append(Decimal(repr(model.initial[name])))
        else:  # worked out by hand and carried at the text's decimals (9 when it does not say)
            values.append(Decimal(rounded(operand(model, name), model.decimals(name))))
    shown = line.template.format(*(f"({v})" if v < 0 else str(v) for v in values))
    return Decimal(line.combine(values)), shown


COST_IN_WORDS = {
    "quadratic": "Σ ½(target − out)²",
    "squared": "Σ (target − out)²",
    "cross-entropy": "−Σ [target ln out + (1 − target) ln(1 − out)]",
}
"""Each cost as the stated rule writes it."""
ORDER_IN_WORDS = {
    "simultaneous": "every update computed from the weights before the step",
    "output-first": "each layer's weights updated as soon as its gradient is known, from the output down",
}
"""Each update order as the stated rule writes it."""


def stated_rule(model: Model) -> str:
    """The rule the walkthrough computes by, in words (Mazur's gives :data:`worked.mazur.STATED_RULE`)."""
    ex = model.example
    moved = "" if ex.biases == "none" else ", updated" if ex.train_biases else ", never updated"
    return (
        f"gradient descent on E_total = {COST_IN_WORDS[ex.cost]}, η = {model.eta:g}, "
        f"{ORDER_IN_WORDS[model.order]}; {BIAS_IN_WORDS[ex.biases]}{moved}"
    )
