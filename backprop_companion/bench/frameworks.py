"""The same gradient through torch or jax, when either happens to be installed (never a dependency).

Each framework gets the network's own weights and batch, computes the same cost (sigmoid layers,
quadratic cost, mean over the batch) in float64 on one thread, and is timed like the core: its
gradient against its own forward pass. Its gradient is also compared with BP1-BP4's, entry for
entry, so the row doubles as a check against an implementation written by other people.
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
from collections.abc import Callable
from types import ModuleType
from typing import Any

import numpy as np

from backprop_companion.bench.cases import ideal_gradient_ratio
from backprop_companion.bench.timing import Result, median_seconds, paired_ratio
from worked.core.activations import Array
from worked.core.network import Network

SIZES = (784, 30, 10)
BATCH = 100


def _case(name: str) -> str:
    return f"gradient / forward through {name}, {list(SIZES)} batch {BATCH}"


def _agreement(theirs: list[Array], ours: list[Array]) -> float:
    """The largest difference of any entry, relative to the largest entry of that layer's gradient."""
    return max(
        float(np.max(np.abs(t - o))) / max(float(np.max(np.abs(o))), 1e-300)
        for t, o in zip(theirs, ours, strict=True)
    )


def _torch_calls(
    torch: ModuleType, network: Network, xs: Array, ys: Array
) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """``(forward, gradient)``: torch's cost of the network (sigmoid layers, quadratic, the batch's mean)
    without autograd, and its gradient by autograd."""
    torch.set_num_threads(1)
    params = [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in network.weights]
    params += [torch.tensor(p, dtype=torch.float64, requires_grad=True) for p in network.biases]
    x, y = torch.tensor(xs, dtype=torch.float64), torch.tensor(ys, dtype=torch.float64)
    L = len(network.weights)

    def cost() -> Any:
        a = x
        for w, b in zip(params[:L], params[L:], strict=True):
            a = torch.sigmoid(a @ w.T + b)
        return 0.5 * ((a - y) ** 2).sum() / x.shape[0]

    def forward() -> Any:
        with torch.no_grad():
            return cost()

    def gradient() -> Any:
        return torch.autograd.grad(cost(), params)

    return forward, gradient


def _torch(torch: ModuleType, network: Network, xs: Array, ys: Array) -> tuple[float, float, list[Array]]:
    forward, gradient = _torch_calls(torch, network, xs, ys)
    grads = [g.numpy() for g in gradient()]
    return median_seconds(forward), median_seconds(gradient), grads


def _jax(jax: ModuleType, network: Network, xs: Array, ys: Array) -> tuple[float, float, list[Array]]:
    jax.config.update("jax_enable_x64", True)
    jnp = importlib.import_module("jax.numpy")
    params = [jnp.asarray(p) for p in (*network.weights, *network.biases)]
    x, y = jnp.asarray(xs), jnp.asarray(ys)
    L = len(network.weights)

    def cost(params: list[Any]) -> Any:
        a = x
        for w, b in zip(params[:L], params[L:], strict=True):
            a = jax.nn.sigmoid(a @ w.T + b)
        return 0.5 * ((a - y) ** 2).sum() / x.shape[0]

    value, grad = jax.jit(cost), jax.jit(jax.grad(cost))
    grads = [np.asarray(g) for g in grad(params)]
    return (
        median_seconds(lambda: value(params).block_until_ready()),
        median_seconds(lambda: jax.block_until_ready(grad(params))),
        grads,
    )


FRAMEWORKS: dict[str, Callable[[ModuleType, Network, Array, Array], tuple[float, float, list[Array]]]] = {
    "torch": _torch,
    "jax": _jax,
}


def framework_gradients(rng: np.random.Generator) -> list[Result]:
    """One row per framework: measured when importable, skipped with the reason otherwise."""
    network = Network.random(list(SIZES), rng)
    xs, ys = rng.standard_normal((BATCH, SIZES[0])), rng.uniform(0, 1, (BATCH, SIZES[-1]))
    _, nabla_w, nabla_b = network.backward(*network.forward_rows(xs), ys)
    rows = []
    for name, measure in FRAMEWORKS.items():
        if importlib.util.find_spec(name) is None:
            rows.append(Result(_case(name), None, "×", None, skipped=f"{name} is not installed here"))
            continue
        try:
            module = importlib.import_module(name)
        except ImportError as error:
            rows.append(Result(_case(name), None, "×", None, skipped=f"{name} does not import: {error}"))
            continue
        try:
            forward, gradient, grads = measure(module, network, xs, ys)
        except Exception as error:  # noqa: BLE001 (someone else's library: report it, finish the bench)
            rows.append(Result(_case(name), None, "×", None, failed=f"{type(error).__name__}: {error}"))
            continue
        agree = _agreement(grads, [*nabla_w, *nabla_b])
        rows.append(
            Result(
                _case(name),
                gradient / forward,
                "×",
                None,
                ideal=ideal_gradient_ratio(SIZES),
                detail=f"{name} {getattr(module, '__version__', '?')}, float64, one thread: forward "
                f"{forward * 1e6:.0f} µs, gradient {gradient * 1e6:.0f} µs; its gradient agrees with "
                f"BP1-BP4 to {agree:.1e} of each layer's largest entry",
            )
        )
    return rows


TORCH_GOALS: dict[tuple[tuple[int, ...], int], float] = {
    ((784, 30, 10), 10): 0.5,
    ((784, 30, 10), 100): 0.8,
    ((512, 512, 512, 10), 64): 1.0,
}
"""The issue's ceilings on the public ``Network.backprop`` over torch's CPU autograd, per shape and batch."""


def _torch_case(sizes: tuple[int, ...], batch: int) -> str:
    return f"gradient: Network.backprop / torch autograd, {list(sizes)} batch {batch}"


def torch_ratios(rng: np.random.Generator) -> list[Result]:
    """The companion's gradient over torch's, each against its goal; without torch, skipped with why."""
    if importlib.util.find_spec("torch") is None:
        return [
            Result(_torch_case(s, m), None, "×", goal, skipped="torch is not installed here")
            for (s, m), goal in TORCH_GOALS.items()
        ]
    torch = importlib.import_module("torch")
    rows = []
    for (sizes, batch), goal in TORCH_GOALS.items():
        network = Network.random(list(sizes), rng)
        xs, ys = rng.standard_normal((batch, sizes[0])), rng.uniform(0, 1, (batch, sizes[-1]))
        try:
            _, gradient = _torch_calls(torch, network, xs, ys)
            ratio, ours, theirs = paired_ratio(functools.partial(network.backprop, xs, ys), gradient)
        except Exception as error:  # noqa: BLE001 (someone else's library: report it, finish the bench)
            rows.append(
                Result(_torch_case(sizes, batch), None, "×", goal, failed=f"{type(error).__name__}: {error}")
            )
            continue
        rows.append(
            Result(
                _torch_case(sizes, batch),
                ratio,
                "×",
                goal,
                detail=f"torch {torch.__version__}, float64, one thread: {theirs * 1e6:.0f} µs; "
                f"Network.backprop {ours * 1e6:.0f} µs",
            )
        )
    return rows
