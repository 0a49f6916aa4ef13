"""``docs/bad-input.md``: the catalogue of bad input, run, with the message each case gets."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from backprop_companion.bad_inputs import COMMAND_LINES, PYTHON_CALLS, run_command_line, run_python
from backprop_companion.docs.templates import fill
from backprop_companion.output.tables import code, markdown_table


def _message(text: str) -> str:
    """The one line a case printed, without the program's name, as code: program output, and read
    literally on a code-hosting site (``net_<neuron>`` would be an HTML tag there, ``_`` emphasis)."""
    return code(text.strip().removeprefix("backprop-companion: error: "))


def pages(run_cli: Callable[[Sequence[str]], int]) -> dict[str, str]:
    """The page, from running every case; ``run_cli`` is the command line (``cli.main``)."""
    lines = []
    for line, what, _ in COMMAND_LINES:
        outcome = run_command_line(run_cli, line)
        lines.append(
            [
                code(f"backprop-companion {line}"),
                what,
                outcome.exit,
                _message(outcome.stderr or outcome.stdout),
            ]
        )
    calls = []
    for expression in PYTHON_CALLS:
        outcome = run_python(expression)
        calls.append([code(expression), f"`{outcome.exit}`", _message(outcome.stderr)])
    return {
        "bad-input.md": fill(
            "bad-input.md",
            command_lines=markdown_table(["command", "what is wrong", "exit", "what it says"], lines),
            python_calls=markdown_table(["call", "raises", "message"], calls),
        )
    }
