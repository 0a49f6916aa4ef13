"""The sweep on every core: each shape is checked in a pool of processes, the report merged in shape order.

Every shape is independent of the others (its own network, its own statements), so the shapes are
handed to worker processes, the costliest first so that no large shape is left running alone at
the end. Each worker returns its shape's :class:`~symbolic.sweep.ShapeTally`; they are merged in the
order of the shapes, whatever order they finished in, so the report (failures included) is the
one a single process makes. Only the seconds differ: each kind's seconds are summed over the
processes that decided its statements.

Other long checks can run in the same pool, *beside* the sweep: they are handed to the workers
before the shapes, so that they run while the shapes do rather than after them.

The activation and cost travel to the workers by name (:data:`symbolic.functions.ACTIVATIONS`,
:data:`~symbolic.functions.COSTS`), since sympy functions built from closures cannot be pickled.
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType
from typing import Any

from symbolic.functions import (
    ACTIVATIONS,
    COSTS,
    GENERIC_ACTIVATION,
    GENERIC_COST,
    SymbolicActivation,
    SymbolicCost,
)
from symbolic.sweep import ShapeTally, SweepReport, empty_report, merge, sweep_shape, work

Progress = Callable[[int, float], None]
"""Called with the number of shapes checked and the fraction of the (estimated) work done."""


def cores() -> int:
    """The processors this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _check_shape(sizes: tuple[int, ...], activation: str, cost: str) -> ShapeTally:
    return sweep_shape(sizes, ACTIVATIONS[activation], COSTS[cost])


def _context() -> multiprocessing.context.BaseContext:
    """``fork`` where there is one (no re-import of sympy per worker), the platform's default otherwise."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


class ParallelSweep:
    """A sweep running in ``workers`` processes while the caller does other work; :meth:`report` waits.

    Use it as a context manager: the pool is started on entry and shut down on exit. With one
    worker no pool is made, and :meth:`report` runs the sweep in this process. ``beside`` are
    functions of no arguments (picklable: defined at a module's top level) whose results
    :meth:`beside` returns.
    """

    def __init__(
        self,
        max_width: int = 3,
        max_depth: int = 3,
        activation: SymbolicActivation = GENERIC_ACTIVATION,
        cost: SymbolicCost = GENERIC_COST,
        workers: int | None = None,
        progress: Progress | None = None,
        only: Iterable[tuple[int, ...]] | None = None,
        beside: Sequence[Callable[[], Any]] = (),
    ) -> None:
        if ACTIVATIONS.get(activation.name) is not activation or COSTS.get(cost.name) is not cost:
            raise ValueError(f"only named activations and costs can be swept in processes, not {activation}")
        self.activation, self.cost = activation, cost
        self.workers = cores() if workers is None else workers
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, got {self.workers}")
        self.progress = progress
        self._report = empty_report(max_width, max_depth, activation, cost, only)
        self._weights = [work(s) for s in self._report.shapes]
        self._total, self._done, self._shapes_done = sum(self._weights), 0, 0
        self._pool: ProcessPoolExecutor | None = None
        self._futures: list[Future[ShapeTally]] = []
        self._beside, self._beside_futures = tuple(beside), list[Future[Any]]()

    @property
    def shapes(self) -> list[tuple[int, ...]]:
        """The shapes to check, in the order of the report."""
        return self._report.shapes

    def __enter__(self) -> ParallelSweep:
        if self.workers > 1:
            self._pool = ProcessPoolExecutor(self.workers, mp_context=_context())
            self._beside_futures = [self._pool.submit(function) for function in self._beside]
            shapes = self._report.shapes
            order = sorted(range(len(shapes)), key=lambda i: -self._weights[i])
            futures: dict[int, Future[ShapeTally]] = {}
            for i in order:
                future = self._pool.submit(_check_shape, shapes[i], self.activation.name, self.cost.name)
                future.add_done_callback(functools.partial(self._finished, self._weights[i]))
                futures[i] = future
            self._futures = [futures[i] for i in range(len(shapes))]
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _finished(self, weight: int, _: Future[ShapeTally]) -> None:
        self._advance(weight)

    def _advance(self, weight: int) -> None:
        self._done += weight
        self._shapes_done += 1
        if self.progress is not None:
            self.progress(self._shapes_done, self._done / self._total if self._total else 1.0)

    def beside(self) -> list[Any]:
        """The results of the ``beside`` functions, in their order (computed here when there is no pool)."""
        if self._pool is None:
            return [function() for function in self._beside]
        return [future.result() for future in self._beside_futures]

    def report(self) -> SweepReport:
        """Wait for every shape and merge the tallies in shape order."""
        report = self._report
        if self._pool is None:
            for sizes, weight in zip(report.shapes, self._weights, strict=True):
                merge(report, sweep_shape(sizes, self.activation, self.cost))
                self._advance(weight)
        else:
            for future in self._futures:
                merge(report, future.result())
            self._pool.shutdown(wait=True)  # and with it the thread that reports progress
        return report


def parallel_sweep(
    max_width: int = 3,
    max_depth: int = 3,
    activation: SymbolicActivation = GENERIC_ACTIVATION,
    cost: SymbolicCost = GENERIC_COST,
    workers: int | None = None,
    only: Iterable[tuple[int, ...]] | None = None,
) -> SweepReport:
    """:func:`symbolic.sweep.sweep` in ``workers`` processes (by default one per core)."""
    with ParallelSweep(max_width, max_depth, activation, cost, workers, only=only) as running:
        return running.report()
