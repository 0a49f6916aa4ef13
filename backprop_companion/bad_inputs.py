"""A catalogue of bad input, run for real: each case with the exit code or exception it must get.

The tests run every case and check the outcome (one line, the right exit code, no traceback); the
docs builder runs the same cases and tabulates the message each one gets, so the table in the docs
is what the program says today. Python cases are expressions evaluated with :mod:`worked`'s names
in scope (the text shown is the text run).
"""

from __future__ import annotations

import contextlib
import io
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass

COMMAND_LINES: tuple[tuple[str, str, int], ...] = (
    # (command line after `backprop-companion`, what is wrong with it, the exit code it must get)
    ("bogus", "a command that does not exist", 2),
    ("walkthrough extra", "an argument the command does not take", 2),
    ("train --steps many", "text where a number belongs", 2),
    ("train --steps -5", "a negative step count", 2),
    ("train --steps 99999999999", "a step count beyond the bound", 2),
    ("train --eta 0", "a learning rate of zero", 2),
    ("train --eta nan", "a learning rate that is not a number", 2),
    ("train --eta -inf", "a negative infinite learning rate (a value that looks like an option)", 2),
    ("train --eta 1e400", "a learning rate that overflows to infinity", 2),
    ("train --order sideways", "an update order that does not exist", 2),
    ("train --l2 -0.1", "a negative regularisation parameter", 2),
    ("train --steps 10 --order sideways --json", "the same, under --json: the error comes as JSON", 2),
    ("walkthrough --example nonesuch", "a worked example that is not shipped and no file", 2),
    ("walkthrough --set w9=0.1", "an initial value the example does not have", 2),
    ("walkthrough --set w1", "--set without a value", 2),
    ("walkthrough --set eta=0", "your own learning rate of zero", 2),
    ("train --example single-neuron --set w5=0.1", "a name of another example", 2),
    ("check", "nothing to check", 2),
    ("check out_h1", "a key without a value", 2),
    ("check out_h1=0.6o", "a value that is not a number", 2),
    ("check out_h1=inf", "a value that is not finite", 2),
    ("check out_hl=0.59", "a key that does not exist (close names are suggested)", 2),
    ("gradcheck --sizes 3", "a network with one layer of neurons only", 2),
    ("gradcheck --sizes 3,0,2", "a layer of width zero", 2),
    ("gradcheck --sizes 3,five,2", "a width that is not a number", 2),
    ("gradcheck --sizes -1,2", "a negative width (a value that looks like an option)", 2),
    ("gradcheck --sizes 100000,100000", "a network too large to check", 2),
    ("gradcheck --sizes 3,5,2 --activation sigmod", "a misspelt activation", 2),
    ("gradcheck --sizes 3,5,2 --activation tanh,tanh,tanh", "one activation too many", 2),
    ("gradcheck --sizes 3,5,2 --activation ''", "an empty activation", 2),
    (
        "gradcheck --sizes 3,5,2 --cost cross-entropy --activation tanh",
        "cross-entropy without sigmoid outputs",
        2,
    ),
    ("gradcheck --sizes 3,5,2 --batch 0", "an empty batch", 2),
    ("gradcheck --sizes 3,5,2 --batch 20000", "a batch beyond the bound", 2),
    ("gradcheck --mode directional --directions 0", "no directions", 2),
    ("gradcheck --seed -1", "a negative seed", 2),
    ("gradcheck --seed 9223372036854775808", "a seed beyond 63 bits", 2),
    ("gradcheck --bug off-by-two", "a bug not in the catalogue", 2),
    ("gradcheck --sizes 3,5,2 --bug transposed-weight", "a bug that cannot run on this shape", 2),
    ("gradcheck --float32", "float32 without --allow-float32", 2),
    ("gradcheck --l2 -1", "a negative regularisation parameter", 2),
    ("gradcheck --l2 nan", "a regularisation parameter that is not a number", 2),
    ("gradcheck --l2 inf", "an infinite regularisation parameter", 2),
    (
        "gradcheck --sizes 1000,1000 --mode directional --directions 1000 --batch 10000",
        "a check whose estimated memory is over the budget (--max-memory raises it)",
        2,
    ),
    ("gradcheck --sizes 600,600,1", "a check estimated to take over an hour (--force runs it)", 2),
    ("gradcheck --max-memory 4X", "a memory budget that is not a size", 2),
    ("train --steps 10000000 --max-memory 1K", "a budget too small for the run", 2),
    ("derive --max-width 4", "a sweep option without --verify", 2),
    ("derive --verify --max-width 9", "a sweep too wide to finish", 2),
    ("derive --verify --latex", "two outputs at once", 2),
    ("derive --verify --max-width 5 --max-depth 5", "a sweep estimated at over an hour (--force runs it)", 2),
    ("ex4 --data /nonexistent/ex4", "a folder without the exercise's data files", 2),
    ("docs --out /nonexistent/folder/docs", "a docs folder whose parent does not exist", 2),
    ("docs --out ''", "no docs folder named", 2),
    ("bench --plot /dev/null", "a figure onto a device (only regular files are replaced)", 2),
    ("bench --seed x", "a seed that is not a number", 2),
)

PYTHON_CALLS: tuple[str, ...] = (
    "Network([[[1.0, 2.0]]], [[0.0]], activation='sigmod')",
    "Network([[[1.0, float('nan')]]], [[0.0]])",
    "Network([[[1.0, 2.0]]], [[0.0, 0.0]])",
    "Network([[[1.0, 2.0]]], [])",
    "Network('weights', 'biases')",
    "Network(None, None)",
    "Network([[[1.0, 2.0]]], [[0.0]], activation=3)",
    "Network([[[1.0 + 2j, 2.0]]], [[0.0]])",
    "Network([numpy.ones((0, 2))], [numpy.zeros(0)])",
    "Network([numpy.full((1, 2), 1e308)], [[0.0]], activation='relu').backprop([1.0, 1.0], [0.0])",
    "Network([numpy.full((1, 2), 1e300)], [[0.0]], activation='tanh').backprop([1.0, 1.0], [0.0])",
    "tutorial.network().cost(None, [0.01, 0.99])",
    "tutorial.network().cost([True, False], [0.01, 0.99])",
    "Network([[[1.0, 2.0]]], [[0.0]], cost='cross-entropy').cost([0.5, 0.5], [1.5])",
    "Network.random([3], numpy.random.default_rng(0))",
    "Network.random([3, -2], numpy.random.default_rng(0))",
    "Network.random([3, 2], 42)",
    "tutorial.network({'w1': 0.1})",
    "tutorial.load('nonesuch')",
    "tutorial.load('mazur').with_values({'w1': 0.1, 'w9': 0.2})",
    "tutorial.load('mazur').value('dEtotal_dw9')",
    "tutorial.network().backprop([0.05, 0.10, 0.2], [0.01, 0.99])",
    "tutorial.network().backprop([[0.05, 0.10]], [[0.01, 0.99], [0.5, 0.5]])",
    "tutorial.network().cost(['a', 'b'], [0.01, 0.99])",
    "tutorial.network().cost([0.05, float('inf')], [0.01, 0.99])",
    "train(tutorial.network(), tutorial.x(), tutorial.y(), -0.5, 10)",
    "train(tutorial.network(), tutorial.x(), tutorial.y(), 0.5, 2.5)",
    "train(tutorial.network(), tutorial.x(), tutorial.y(), 0.5, 10, order='backwards')",
    "gradcheck(tutorial.network(), tutorial.x(), tutorial.y(), mode='fast')",
)


@dataclass(frozen=True)
class Outcome:
    """What a case got: the exit code (or exception name), and everything it printed."""

    case: str
    exit: str
    stdout: str
    stderr: str


def run_command_line(run_cli: Callable[[Sequence[str]], int], line: str) -> Outcome:
    """Run ``line`` through ``run_cli`` (``cli.main``, handed in so that this catalogue, which the docs
    read, does not import the command line that runs the docs)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run_cli(shlex.split(line))
    return Outcome(line, str(code), out.getvalue(), err.getvalue())


def run_python(expression: str) -> Outcome:
    import numpy

    from worked import core, diagnosis, gradcheck, tutorial

    wings = (core, gradcheck, tutorial, diagnosis)
    scope = {
        "numpy": numpy,
        "tutorial": tutorial,
        **{name: getattr(wing, name) for wing in wings for name in wing.__all__},
    }
    try:
        eval(expression, scope)
    except Exception as error:  # noqa: BLE001 - reporting which exception, whatever it is, is the point
        return Outcome(expression, type(error).__name__, "", str(error))
    return Outcome(expression, "no error", "", "")
