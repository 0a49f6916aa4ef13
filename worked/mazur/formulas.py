"""The post's formulas as text, in its own notation, each written once.

The walkthrough (:mod:`worked.tutorial`), ``check`` (:mod:`worked.diagnosis`) and the exact chain rule
(:mod:`symbolic.tutorial`) all show formulas, and all read them here. Each is built from the one name
table (:data:`NAMES`, through the neurons, biases and wiring derived from it), so the text names the
same weights and neurons as the code that computes the value. The formulas are those of the rule the
post states; pure Python, text only.
"""

from __future__ import annotations

from collections.abc import Iterable

from worked.mazur.data import (
    BIAS,
    FEEDS,
    HIDDEN_NEURONS,
    INPUT_NEURONS,
    NAMES,
    NEURONS,
    OUTPUT_NEURONS,
    STEPS,
    WEIGHTS,
)


def partial(of: str, by: str) -> str:
    """``∂of/∂by``."""
    return f"∂{of}/∂{by}"


def product(*factors: str) -> str:
    """Factors joined by the post's multiplication dot."""
    return " · ".join(factors)


def total(terms: Iterable[str]) -> str:
    """Terms joined by ``+``."""
    return " + ".join(terms)


def out(neuron: str) -> str:
    """What a neuron passes on: ``out_h1``, or the input's own name ``i1``."""
    return neuron if neuron in INPUT_NEURONS else f"out_{neuron}"


def net(neuron: str) -> str:
    """``w1·i1 + w2·i2 + b1·1``: the neuron's weighted inputs and its layer's shared bias."""
    inputs = (f"{w}·{out(source)}" for w, (to, source) in FEEDS.items() if to == neuron)
    return total(inputs) + f" + {BIAS[neuron]}·1"


def sigmoid(neuron: str) -> str:
    """``1/(1 + e^(−net_h1))``."""
    return f"1/(1 + e^(−net_{neuron}))"


def sigmoid_prime(output: str) -> str:
    """The logistic's derivative written in its output: ``out_h1(1 − out_h1)``."""
    return f"{output}(1 − {output})"


def error(o: str) -> str:
    """``½(target_o1 − out_o1)²``, one output's share of E_total."""
    return f"½(target_{o} − out_{o})²"


def delta(o: str) -> str:
    """``∂E_o1/∂out_o1 · ∂out_o1/∂net_o1``: the chain rule for one output's ∂E_o/∂net_o."""
    return product(partial(f"E_{o}", out(o)), partial(out(o), f"net_{o}"))


def path(o: str, h: str) -> str:
    """``∂E_o1/∂out_o1 · ∂out_o1/∂net_o1 · ∂net_o1/∂out_h1``: one path of the error back into ``h``."""
    return product(delta(o), partial(f"net_{o}", out(h)))


def error_into(neuron: str) -> str:
    """∂E_total/∂out: as one symbol for an output, as the sum of one path per output for a hidden one."""
    if neuron in OUTPUT_NEURONS:
        return partial("E_total", out(neuron))
    return total(partial(f"E_{o}", out(neuron)) for o in OUTPUT_NEURONS)


def gradient_of_net(neuron: str) -> str:
    """``∂E_total/∂out_h1 · ∂out_h1/∂net_h1``: the error at a neuron's net input, by the chain rule."""
    return product(partial("E_total", out(neuron)), partial(out(neuron), f"net_{neuron}"))


def fed_by(parameter: str) -> tuple[str, ...]:
    """The neurons whose net input holds ``parameter``: one for a weight, the whole layer for a bias."""
    n = NAMES[parameter]
    return NEURONS[n.layer - 1] if n.kind == "b" else (FEEDS[parameter][0],)


def gradient(parameter: str, paths: bool = False) -> str:
    """∂E_total/∂parameter by the chain rule, one product per neuron the parameter feeds; with ``paths``,
    ∂E_total/∂out of a hidden neuron is written as its sum of paths (:func:`error_into`)."""
    terms = []
    for n in fed_by(parameter):
        into = error_into(n) if paths else partial("E_total", out(n))
        into = f"({into})" if "+" in into else into
        terms.append(product(into, partial(out(n), f"net_{n}"), partial(f"net_{n}", parameter)))
    return total(terms)


def update(parameter: str) -> str:
    """``w5 − η·∂E_total/∂w5``, one step of gradient descent."""
    return f"{parameter} − η·{partial('E_total', parameter)}"


def _first_step() -> dict[str, str]:
    """Every quantity of the first step, in the post's notation, under the stated rule."""
    f: dict[str, str] = {}
    for n in HIDDEN_NEURONS + OUTPUT_NEURONS:
        f[f"net_{n}"] = net(n)
        f[f"out_{n}"] = sigmoid(n)
    for o in OUTPUT_NEURONS:
        f[f"E_{o}"] = error(o)
        f[f"dEtotal_dout_{o}"] = f"−(target_{o} − out_{o})"
        f[f"dout_{o}_dnet_{o}"] = sigmoid_prime(out(o))
        f[f"delta_{o}"] = f"{partial(f'E_{o}', f'net_{o}')} = {gradient_of_net(o)}"
        for h in HIDDEN_NEURONS:
            w = next(w for w, pair in FEEDS.items() if pair == (o, h))
            f[f"dnet_{o}_dout_{h}"] = w
            f[f"dE{o}_dout_{h}"] = product(partial(f"E_{o}", f"net_{o}"), w)
    f["E_total"] = total(f"E_{o}" for o in OUTPUT_NEURONS)
    for h in HIDDEN_NEURONS:
        f[f"dEtotal_dout_{h}"] = error_into(h)
        f[f"out_{h}_operand"] = f"{out(h)}, as written inside {partial(out(h), f'net_{h}')}"
        f[f"dout_{h}_dnet_{h}"] = sigmoid_prime(out(h))
        f[f"delta_{h}"] = f"{partial('E_total', f'net_{h}')} = {gradient_of_net(h)}"
    for w, (to, source) in FEEDS.items():
        f[f"dnet_{to}_d{w}"] = out(source)
        f[f"dEtotal_d{w}"] = gradient(w)
        f[f"{w}_new"] = update(w)
    for b in sorted(set(BIAS.values())):
        layer = (partial("E_total", f"net_{n}") for n in fed_by(b))
        f[f"dEtotal_d{b}"] = total(layer) + f" ({b} feeds both)"
        f[f"{b}_new"] = f"{b}, never updated ({update(b)} if the biases were trained)"
    return f


def _training() -> dict[str, str]:
    """The quantities read off the training run."""
    after = f"after {STEPS:,} updates"
    return {
        "E_total_after_1": f"E_total after one update of {WEIGHTS[0]}..{WEIGHTS[-1]}",
        f"E_total_after_{STEPS}": f"E_total {after} (current post)",
        f"E_total_after_{STEPS}_2017": f"E_total {after} (post until 2017)",
        **{f"out_{o}_after_{STEPS}": f"out_{o} {after}" for o in OUTPUT_NEURONS},
    }


FORMULAS: dict[str, str] = {**_first_step(), **_training()}
"""Every quantity's formula, by its key: the printed ones and those the post leaves out."""


def formula(key: str) -> str:
    """The quantity's formula in the post's notation (``KeyError`` for an unknown key)."""
    return FORMULAS[key]
