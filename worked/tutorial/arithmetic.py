"""Each quantity's last step of arithmetic, as a text writes it out: its operands by name, the formula
that combines them, and the line with the numbers filled in.

``∂E_total/∂w5 = 0.74136507 × 0.186815602 × 0.593269992 = 0.082167041``: the operands are the model's
computed values (shown at the digits the text prints for each), and the result is computed from them
by the line's own formula. :func:`lines` gives every way the grammar knows to write a quantity (a
gradient as three factors, or as δ times the input); the first is the one shown, and the others let an
erratum find the route a text took by hand (:mod:`worked.tutorial.judged`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from worked.examples import Example, Node, known, parse
from worked.mazur import rounded
from worked.tutorial.model import Model
from worked.tutorial.written import ACTIVATION_TEXT, COST_TEXT, GRADIENT_TEXT, PRIME_TEXT, Number, activate


@dataclass(frozen=True)
class Line:
    """One way of writing ``key``: ``template`` with ``{0}``, ``{1}``, ... for the ``operands`` (names
    of quantities or of initial values), and ``combine``, which computes the result from them."""

    key: str
    operands: tuple[str, ...]
    template: str
    combine: Callable[[Sequence[Number]], Number]

    def formula(self, example: Example) -> str:
        """The line with each operand's symbol (``∂E_total/∂out_o1 × ...``)."""
        return self.template.format(*(symbol(name, example) for name in self.operands))

    def filled(self, model: Model) -> str:
        """``symbol = operands filled in = result``, the operands at the digits the text prints, or more
        where the arithmetic written out would not otherwise give the result shown (a text that prints
        4 decimals: ½ × (1.0 − 0.4502)² is 0.1511, where the unrounded output gives 0.1512): every line
        shown is true as written."""
        values = [operand(model, name) for name in self.operands]
        result = rounded(float(self.combine(values)), model.decimals(self.key))
        for extra in range(MAX_EXTRA_DIGITS + 1):
            shown = [
                shown_value(model, name, v, extra) for name, v in zip(self.operands, values, strict=True)
            ]
            as_shown = [float(text.strip("()")) for text in shown]
            if rounded(float(self.combine(as_shown)), model.decimals(self.key)) == result:
                break
        if self.template == "{0}":  # a copy: name what is copied
            return f"{symbol(self.key, model.example)} = {symbol(self.operands[0], model.example)} = {result}"
        return f"{symbol(self.key, model.example)} = {self.template.format(*shown)} = {result}"


def operand(model: Model, name: str) -> float:
    """An operand's value: an initial value (``target_o1``, ``eta``) or a quantity of the grammar."""
    return model.initial[name] if name in model.initial else model.value(name)


MAX_EXTRA_DIGITS = 6
"""Digits an operand may gain beyond the text's so that its line is true as written: six past a
4-decimal text reaches float64's ten-digit agreement with the unrounded values."""


def shown_value(model: Model, name: str, value: float, extra: int = 0) -> str:
    """An operand as a line shows it: a given value as given, a computed one at the text's digits
    (and ``extra`` more)."""
    text = repr(value) if name in model.initial else rounded(value, model.decimals(name) + extra)
    return f"({text})" if text.startswith("-") else text


def symbol(name: str, example: Example) -> str:
    """A name in the texts' notation: ``dEtotal_dw5`` → ``∂E_total/∂w5``, ``delta_o1`` → ``δ_o1``,
    ``w5_new`` → ``w5⁺``, ``eta`` → ``η``; any other name as it is."""
    if name == "eta":
        return "η"
    if not known(name, example):
        return name
    q = parse(name, example)
    if q.kind == "derivative" and q.by is not None:
        return f"∂{q.of.symbol}/∂{q.by.symbol}"
    if q.kind == "delta":
        return f"δ_{q.of.name}"
    return f"{q.of.symbol}⁺" if q.kind == "new" else name


def lines(model: Model, key: str) -> tuple[Line, ...]:
    """Every way the grammar writes ``key`` as one step from other quantities (none for a given value,
    a constant, or a quantity after training)."""
    ex = model.example
    q = parse(ex.extras.get(key, key), ex)
    if q.kind == "value":
        return _value(ex, key, q.of)
    if q.kind == "delta":
        return _delta(key, q.of.name)
    if q.kind == "new":
        if q.of.kind == "bias" and not ex.train_biases:
            return ()
        name = q.of.name
        return (
            Line(key, (name, "eta", f"dEtotal_d{name}"), "{0} − {1} × {2}", lambda v: v[0] - v[1] * v[2]),
        )
    if q.kind == "derivative" and q.by is not None:
        return _derivative(ex, key, q.of, q.by)
    return ()


def _product(v: Sequence[Number]) -> Number:
    result = v[0]
    for x in v[1:]:
        result = result * x
    return result


def _plus(count: int) -> str:
    return " + ".join(f"{{{i}}}" for i in range(count))


def _sum_of_products(v: Sequence[Number]) -> Number:
    return _sum([v[i] * v[i + 1] for i in range(0, len(v), 2)])


def _sum(v: Sequence[Number]) -> Number:
    result = v[0]
    for x in v[1:]:
        result = result + x
    return result


def _value(ex: Example, key: str, n: Node) -> tuple[Line, ...]:
    if n.kind == "net":
        operands: list[str] = []
        for w, (to, source) in ex.weights.items():
            if to == n.name:
                operands += [w, source if source in ex.inputs else f"out_{source}"]
        terms = [f"{{{i}}} × {{{i + 1}}}" for i in range(0, len(operands), 2)]
        pairs = len(terms)
        operands += [b for b, fed in ex.bias_feeds.items() if n.name in fed]
        terms += [f"{{{2 * pairs}}}"] if len(operands) > 2 * pairs else []

        def net(v: Sequence[Number]) -> Number:
            return _sum([v[2 * i] * v[2 * i + 1] for i in range(pairs)] + list(v[2 * pairs :]))

        return (Line(key, tuple(operands), " + ".join(terms), net),)
    if n.kind == "out":
        activation = ex.activations[ex.index(n.name)[0] - 1]
        shape = ACTIVATION_TEXT.get(activation)
        if shape is None:
            return ()
        return (Line(key, (f"net_{n.name}",), shape, lambda v: activate(activation, v[0])),)
    if n.kind == "E" or (n.kind == "E_total" and len(ex.outputs) == 1):
        o = n.name or ex.outputs[0]
        return (Line(key, (f"target_{o}", f"out_{o}"), *COST_TEXT[ex.cost]),)
    if n.kind == "E_total":
        return (
            Line(
                key,
                tuple(f"E_{o}" for o in ex.outputs),
                " + ".join(f"{{{i}}}" for i in range(len(ex.outputs))),
                _sum,
            ),
        )
    return ()


def _delta(key: str, neuron: str) -> tuple[Line, ...]:
    operands = (f"dEtotal_dout_{neuron}", f"dout_{neuron}_dnet_{neuron}")
    return (Line(key, operands, "{0} × {1}", _product),)


def _derivative(ex: Example, key: str, of: Node, by: Node) -> tuple[Line, ...]:
    a = "Etotal" if of.kind == "E_total" else f"E{of.name}" if of.kind == "E" else of.symbol
    if of.kind in ("E", "E_total") and by.kind == "out" and by.name in ex.outputs:
        if of.kind == "E" and of.name != by.name:
            return ()
        return (Line(key, (f"target_{by.name}", f"out_{by.name}"), *GRADIENT_TEXT[ex.cost]),)
    if of.kind == "out" and by.kind == "net" and of.name == by.name:
        activation = ex.activations[ex.index(of.name)[0] - 1]
        if activation not in PRIME_TEXT:
            return ()
        return (Line(key, (of.symbol,), *PRIME_TEXT[activation]),)
    if of.kind == "net" and by.kind == "weight" and ex.weights[by.name][0] == of.name:
        source = ex.weights[by.name][1]
        return (Line(key, (source if source in ex.inputs else f"out_{source}",), "{0}", lambda v: v[0]),)
    if of.kind == "net" and by.kind in ("out", "input") and by.name in _sources(ex, of.name):
        w = next(w for w, pair in ex.weights.items() if pair == (of.name, by.name))
        return (Line(key, (w,), "{0}", lambda v: v[0]),)
    if of.kind == "E_total" and by.kind == "net":
        return _delta(key, by.name)
    if of.kind == "E_total" and by.kind in ("weight", "bias"):
        return _parameter_gradient(ex, key, by)
    if of.kind in ("E", "E_total") and by.kind in ("out", "input"):
        return _into(ex, key, a, by)
    return ()


def _sources(ex: Example, neuron: str) -> tuple[str, ...]:
    return tuple(source for to, source in ex.weights.values() if to == neuron)


def _parameter_gradient(ex: Example, key: str, by: Node) -> tuple[Line, ...]:
    if by.kind == "bias":
        fed = ex.bias_feeds[by.name]
        if len(fed) > 1:
            return (
                Line(
                    key,
                    tuple(f"delta_{n}" for n in fed),
                    " + ".join(f"{{{i}}}" for i in range(len(fed))),
                    _sum,
                ),
            )
        n = fed[0]
        return (
            Line(key, (f"dEtotal_dout_{n}", f"dout_{n}_dnet_{n}"), "{0} × {1}", _product),
            Line(key, (f"delta_{n}",), "{0}", lambda v: v[0]),
        )
    n = ex.weights[by.name][0]
    chain = (f"dEtotal_dout_{n}", f"dout_{n}_dnet_{n}", f"dnet_{n}_d{by.name}")
    return (
        Line(key, chain, "{0} × {1} × {2}", _product),
        Line(key, (f"delta_{n}", chain[2]), "{0} × {1}", _product),
    )


def _into(ex: Example, key: str, a: str, by: Node) -> tuple[Line, ...]:
    """∂A/∂out of a hidden neuron (or an input): through every neuron of the layer above it."""
    layer = ex.index(by.name)[0] + 1
    above = ex.layers[layer]
    if a == "Etotal" and layer == len(ex.layers) - 1 and len(above) > 1:
        paths = tuple(f"dE{o}_d{by.symbol}" for o in above)
        return (Line(key, paths, _plus(len(above)), _sum),)
    if a.startswith("E") and a != "Etotal" and layer == len(ex.layers) - 1:
        above = (a[1:],)
    factors: list[str] = []
    for n in above:
        w = next(w for w, pair in ex.weights.items() if pair == (n, by.name))
        factors += [f"d{a}_dnet_{n}", w]
    terms = " + ".join(f"{{{i}}} × {{{i + 1}}}" for i in range(0, len(factors), 2))
    return (Line(key, tuple(factors), terms, _sum_of_products),)
