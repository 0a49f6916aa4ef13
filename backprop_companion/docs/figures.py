"""The figures of the docs, drawn from values computed in the same run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backprop_companion.output.charts import Axis, Series, line_chart
from backprop_companion.output.svg import Canvas

if TYPE_CHECKING:
    from worked.tutorial import Model

SAMPLE_STEPS = sorted({*range(1, 100), *(round(10 ** (2 + i / 100)) for i in range(201))})
"""Steps 1..99, then 100 points a decade up to 10,000: even spacing on the log axis."""


COLUMN = {1: 110, 2: 380, 3: 650}
"""Where each layer is drawn: the books' layers, the input being layer 1."""
ROW = {1: 130, 2: 340}
SHOWN = 4
"""Decimals of the values and weights written on the network figures; gradients and δ get 3 or 4
significant figures instead, being small (the tables give every digit)."""


def _shown(x: float) -> str:
    """A value or weight on a network figure, at :data:`SHOWN` decimals."""
    return f"{x:.{SHOWN}f}"


def _network(
    title: str,
    neuron_notes: dict[str, list[str]],
    edge_labels: dict[str, tuple[str, str]],
    bias_labels: dict[str, str],
) -> str:
    """The 2-2-2 network: each weight's label along its own edge, notes above the upper neurons and
    below the lower ones, the shared biases as their own nodes."""
    from worked import mazur

    canvas = Canvas(760, 490, title)
    canvas.text(380, 24, title, 14, "middle", weight="bold")
    for name in mazur.WEIGHTS:
        n = mazur.NAMES[name]
        start, end = (COLUMN[n.layer - 1], ROW[n.k]), (COLUMN[n.layer], ROW[n.j])
        canvas.line(*start, *end, stroke="#555")
        # The crossing edges are labelled near their source, where they are apart; the others midway.
        canvas.along(start, end, 0.27 if n.j != n.k else 0.5, *edge_labels[name])
    for layer in (2, 3):
        bias = mazur.BIAS[mazur.NEURONS[layer - 1][0]]
        bx, by = COLUMN[layer] - 150, 450
        for j in (1, 2):
            canvas.line(bx, by, COLUMN[layer], ROW[j], stroke="#aaa", dash="4 3")
        canvas.circle(bx, by, 16, fill="#f3f3f3", stroke="#888")
        canvas.text(bx, by + 4, bias, 11, "middle")
        canvas.text(bx + 22, by + 4, bias_labels[bias], 11, "start", "#555")
    for layer, names in enumerate(mazur.NEURONS, start=1):
        for j, name in enumerate(names, start=1):
            x, y = COLUMN[layer], ROW[j]
            canvas.circle(x, y, 24, fill="#e8f1fa" if layer > 1 else "#fff")
            canvas.text(x, y + 4, name, 13, "middle", weight="bold")
            notes = neuron_notes[name]
            first = y - 34 - 14 * (len(notes) - 1) if j == 1 else y + 42
            for i, note in enumerate(notes):
                canvas.text(x, first + 14 * i, note, 11, "middle")
    return canvas.render()


def tutorial_network(stated: Model) -> str:
    """The forward pass: the initial weights and shared biases, each neuron's net and out."""
    from worked import mazur

    notes = {name: [f"{name} = {mazur.INPUTS[name]:.2f}"] for name in mazur.NEURONS[0]}
    for name in (*mazur.NEURONS[1], *mazur.NEURONS[2]):
        notes[name] = [f"net {_shown(stated.z(name))}", f"out {_shown(stated.a(name))}"]
    for name in mazur.NEURONS[2]:
        notes[name].append(f"target {mazur.TARGETS[name]:.2f}")
    weights = {name: (f"{name} = {mazur.INITIAL[name]:.2f}", "") for name in mazur.WEIGHTS}
    biases = {bias: f"{bias} = {mazur.INITIAL[bias]:.2f}" for bias in mazur.BIAS.values()}
    return _network("The forward pass: initial weights, each neuron's net and out", notes, weights, biases)


def tutorial_backward(stated: Model) -> str:
    """The backward pass: δ on each neuron, each weight's gradient and its value after one update."""
    from worked import mazur

    notes: dict[str, list[str]] = {name: [] for name in mazur.NEURONS[0]}
    for name in (*mazur.NEURONS[1], *mazur.NEURONS[2]):
        notes[name] = [f"δ = {stated.delta(name):.4g}"]
    weights = {
        name: (
            f"∂E/∂{name} = {stated.value(f'dEtotal_d{name}'):.3g}",
            f"{name}: {mazur.INITIAL[name]:.2f} → {_shown(stated.w(name, stated.after_one))}",
        )
        for name in mazur.WEIGHTS
    }
    biases = {bias: f"{bias} = {mazur.INITIAL[bias]:.2f}, not updated" for bias in mazur.BIAS.values()}
    title = f"The backward pass: δ, each weight's gradient, and one update (η = {mazur.ETA})"
    return _network(title, notes, weights, biases)


def error_curves(stated: Model, output_first: Model) -> str:
    """E_total over the training run, for both update orders, on a log scale."""
    return line_chart(
        "E_total over 10,000 steps, both update orders",
        Axis("step (log scale)", log=True),
        Axis("E_total (log scale)", log=True),
        [
            Series("simultaneous (stated rule)", SAMPLE_STEPS, [stated.error_after(t) for t in SAMPLE_STEPS]),
            Series(
                "output-first (first script)",
                SAMPLE_STEPS,
                [output_first.error_after(t) for t in SAMPLE_STEPS],
                dash="6 4",
            ),
        ],
    )


def error_gap(stated: Model, output_first: Model) -> str:
    """How far apart the two update orders are, relative to the error, step by step."""
    steps = SAMPLE_STEPS
    gap = [abs(output_first.error_after(t) - stated.error_after(t)) / stated.error_after(t) for t in steps]
    return line_chart(
        "Where the two update orders part",
        Axis("step (log scale)", log=True),
        Axis("relative difference of E_total (log scale)", log=True),
        [Series("|E_output-first − E_simult.| / E_simult.", steps, gap)],
    )
