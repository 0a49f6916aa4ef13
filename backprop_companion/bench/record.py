"""``docs/performance.md``: one recorded bench run, with the machine it ran on and how to run it again.

Timings differ from run to run and machine to machine, so this page is *recorded*, not generated:
the docs' drift check asks only that it carries its header (see :mod:`backprop_companion.output.headers`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from backprop_companion.output.headers import RECORDED_FIGURE, RECORDED_PAGE

if TYPE_CHECKING:
    from backprop_companion.bench.suite import BenchRun

PAGE = RECORDED_PAGE
FIGURE = RECORDED_FIGURE


def page(run: BenchRun, text: str, command: str) -> str:
    env = run.environment
    machine = [
        f"- processor: {env.processor}, {env.cpus} CPUs; {env.system}",
        f"- Python {env.python}, numpy {env.numpy}, {env.blas} "
        f"(run-time kernel {env.openblas_kernel}), BLAS threads {run.blas_threads}",
    ]
    return "\n".join(
        [
            "# How fast is backpropagation? One recorded run",
            "",
            "Nielsen's chapter 2 ends by asking in what sense backpropagation is a fast algorithm: it",
            "computes all P partial derivatives for about the cost of two forward passes, where finite",
            "differences need 2P. `backprop-companion bench` measures that claim, and the companion's own",
            "code against it, as ratios of timings taken in one run (the machines here are noisy, so only",
            "ratios measured together mean anything). Run it yourself:",
            "",
            "```sh",
            "backprop-companion bench --quick      # under a minute",
            "backprop-companion bench --json       # the same facts as JSON",
            "backprop-companion bench --plot fd.svg   # the figure below, for your machine",
            "```",
            "",
            "The rows against torch and jax are measured where either is installed (neither is a",
            "dependency). torch's CPU build is enough, and spares the GPU libraries (several GB) of its",
            "default: `pip install torch --index-url https://download.pytorch.org/whl/cpu`.",
            "",
            f"This page was recorded with `{command}` on:",
            "",
            *machine,
            "",
            "```text",
            text,
            "```",
            "",
            f"![The cost of a gradient check against the number of parameters]({FIGURE})",
            "",
        ]
    )
