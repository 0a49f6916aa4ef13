"""The figures of the docs, drawn from values computed in the same run."""

from __future__ import annotations

from typing import TYPE_CHECKING

from backprop_companion.output.svg import Axis, Canvas, Series, line_chart

if TYPE_CHECKING:
    from worked.tutorial.keys import Run

SAMPLE_STEPS = sorted({*range(1, 100), *(round(10 ** (2 + i / 100)) for i in range(201))})
"""Steps 1..99, then 100 points a decade up to 10,000: even spacing on the log axis."""


def tutorial_network() -> str:
    """The 2-2-2 network with its initial weights and shared biases."""
    from worked import mazur

    canvas = Canvas(640, 380, "The tutorial's network and its initial weights")
    canvas.text(
        320,
        24,
        "The tutorial's network (initial weights; one shared bias per layer)",
        14,
        "middle",
        weight="bold",
    )
    column = {1: 90, 2: 320, 3: 550}  # the books' layers: the input is layer 1
    row = {1: 110, 2: 250}
    labels = {(1, 1): "i1", (1, 2): "i2", (2, 1): "h1", (2, 2): "h2", (3, 1): "o1", (3, 2): "o2"}
    for name in mazur.WEIGHTS:
        n = mazur.NAMES[name]
        (x1, y1), (x2, y2) = (column[n.layer - 1], row[n.k]), (column[n.layer], row[n.j])
        canvas.line(x1, y1, x2, y2, stroke="#555")
        # label a third of the way along the edge, nudged above the line it names
        lx, ly = x1 + (x2 - x1) * 0.33, y1 + (y2 - y1) * 0.33 - 6
        canvas.text(lx, ly, f"{name} = {mazur.INITIAL[name]:.2f}", 11, "middle", color="#1f4e79")
    for layer, bias in ((2, "b1"), (3, "b2")):
        bx, by = column[layer] - 115, 335
        for j in (1, 2):
            canvas.line(bx, by, column[layer], row[j], stroke="#aaa", dash="4 3")
        canvas.circle(bx, by, 16, fill="#f3f3f3", stroke="#888")
        canvas.text(bx, by + 4, bias, 11, "middle")
        canvas.text(bx + 22, by + 26, f"{bias} = {mazur.INITIAL[bias]:.2f}", 11, "start", "#555")
    for (layer, j), label in labels.items():
        canvas.circle(column[layer], row[j], 24, fill="#e8f1fa" if layer > 1 else "#fff")
        canvas.text(column[layer], row[j] + 4, label, 13, "middle", weight="bold")
    for name, (layer, j) in (("i1", (1, 1)), ("i2", (1, 2))):
        canvas.text(column[layer] - 30, row[j] + 42, f"{name} = {mazur.INPUTS[name]:.2f}", 11)
    for name, (layer, j) in (("o1", (3, 1)), ("o2", (3, 2))):
        canvas.text(column[layer] - 30, row[j] + 42, f"target {mazur.TARGETS[name]:.2f}", 11)
    return canvas.render()


def error_curves(stated: Run, output_first: Run) -> str:
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


def error_gap(stated: Run, output_first: Run) -> str:
    """How far apart the two update orders are, relative to the error, step by step."""
    steps = SAMPLE_STEPS
    gap = [abs(output_first.error_after(t) - stated.error_after(t)) / stated.error_after(t) for t in steps]
    return line_chart(
        "Where the two update orders part",
        Axis("step (log scale)", log=True),
        Axis("relative difference of E_total (log scale)", log=True),
        [Series("|E_output-first − E_simult.| / E_simult.", steps, gap)],
    )
