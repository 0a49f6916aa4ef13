"""``assert_gradient_matches``: a reader's own backprop against the companion's, as one pytest assertion."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from worked.core import Array, InvalidInput, Network
from worked.gradcheck import CONVENTIONS, OwnReport, Setting, check_own, conventions_for, detect


def _namespace(impl: object) -> dict[str, object]:
    """The names of the module ``impl`` was defined in (where network2's cost classes live)."""
    module = sys.modules.get(getattr(impl, "__module__", ""), None)
    return vars(module) if module is not None else {}


def _message(report: OwnReport) -> str:
    suspect, failure = report.suspect, report.first_failure
    if suspect is not None:
        return (
            f"your gradient equals, to rounding, the catalogued bug {suspect.name} ({suspect.equation}, "
            f"{suspect.where}): {suspect.wrote} instead of {suspect.right}"
        )
    assert failure is not None
    wrong = failure.first_wrong
    where = failure.problem or f"the first wrong parameter group is {wrong.name if wrong else '?'}"
    return f"your gradient is wrong, like no catalogued bug: on {failure.described}, {where}"


def assert_gradient_matches(
    impl: object,
    convention: str | None = None,
    *,
    network: Network | None = None,
    x: Array | None = None,
    y: Array | None = None,
    l2: float = 0.0,
    labels_from: int = 0,
    seeds: Sequence[int] = (0, 1),
) -> None:
    """Assert that ``impl``, a reader's backprop, gives the companion's gradient.

    ``impl`` is a class or function in one of the conventions of
    :mod:`worked.gradcheck.conventions` (``"nielsen"``, ``"ng"``, ``"mazur"``, ``"function"``; detected
    from its shape when ``convention`` is ``None``). It is checked on the convention's own networks
    for each of ``seeds``, or, given ``network`` and a batch ``x``, ``y`` (rows, shape ``(m, n_1)``
    and ``(m, n_L)``; for instance drawn by :func:`worked.testing.cases`), at that point with
    λ = ``l2``. ``labels_from`` is Ng's first label (0 or 1).

    Raises ``AssertionError`` naming the catalogued bug the gradient equals, or the first wrong
    parameter group; :class:`~worked.core.InvalidInput` when ``impl`` fits no convention or the
    arguments do not go together; and whatever ``impl`` itself raises, wrapped in
    :class:`~worked.gradcheck.ReaderFailure` (its ``error`` holds the original with its traceback).
    """
    name = convention or detect(impl)
    if name not in CONVENTIONS:
        raise InvalidInput(f"{impl!r:.60} fits no convention; choose one of {', '.join(CONVENTIONS)}")
    points: list[tuple[Setting, Network, Array, Array]] = []
    if network is not None:
        if x is None or y is None:
            raise InvalidInput("give the batch x and y with the network")
        xs, ys, _ = network.as_batch(x, y)
        setting = Setting(tuple(network.sizes), network.cost_function.name, xs.shape[0], l2)
        points.append((setting, network, xs, ys))
    for checked in conventions_for(impl, name, _namespace(impl), labels_from):
        if points and checked.settings[0].cost != points[0][0].cost:
            continue  # network2's style: only the cost class that matches the network's cost
        report = check_own(checked, seeds, points)
        if not report.passed:
            raise AssertionError(_message(report))
