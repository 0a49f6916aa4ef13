"""Which mode of the checker catches which textbook bug: every bug of the catalogue through every mode."""

from __future__ import annotations

from dataclasses import dataclass

from worked.core import Array, Network, validation
from worked.gradcheck.bugs import BUGS
from worked.gradcheck.check import MODES, gradcheck


@dataclass(frozen=True)
class Catch:
    """Did ``mode`` catch ``bug``? ``caught`` is ``None`` when the bug cannot show (``note`` says why);
    ``note`` also carries the per-equation mode's first finding."""

    bug: str
    mode: str
    caught: bool | None
    note: str = ""


def catch_table(
    network: Network, x: Array, y: Array, *, directions: int = 3, seed: int = 0, l2: float = 0.0
) -> tuple[Catch, ...]:
    """Run every bug of :data:`BUGS` through every mode at one point: which mode catches which bug."""
    directions, seed = validation.directions(directions), validation.seed(seed)
    m = network.as_batch(x, y)[0].shape[0]
    rows = []
    for bug in BUGS.values():
        why_not = "cannot run: needs square weight matrices" if not bug.runs_on(network) else None
        why_not = why_not or bug.visible(network, m)
        for mode in MODES:
            if why_not is not None:
                rows.append(Catch(bug.name, mode, None, why_not))
                continue
            report = gradcheck(
                network, x, y, mode, directions=directions, seed=seed, backward=bug.backward, l2=l2
            )
            note = report.findings[0] if report.findings else ""
            if report.taylor is not None and report.taylor.slope is not None:
                note = f"Taylor slope {report.taylor.slope:.2f}"
            rows.append(Catch(bug.name, mode, not report.passed, note))
    return tuple(rows)
