"""``backprop-companion derive``: BP1-BP4 derived by sympy, and with ``--verify`` proved exhaustively."""

from __future__ import annotations

import argparse
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK, UsageError
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from backprop_companion.verification import Verification
    from symbolic.generic import GenericProof

MAX_WIDTH = 5
MAX_DEPTH = 5
"""Upper limits of the sweep: 4 x 4 takes about a minute on two cores; each step beyond multiplies the
shapes by 4-5 and the size of the largest network's expressions by more."""


SYMPY_CACHE_SIZE = "10000"
"""How many built expressions sympy keeps for reuse (its default is 1,000; read once, when sympy is
imported, from the environment variable of that name). The sweep builds the same products again
for many statements and shapes; with ten times the default it spends about a sixth less time."""


def _check_usage(args: argparse.Namespace) -> None:
    needs_verify = {
        "--max-width": args.max_width,
        "--max-depth": args.max_depth,
        "--activation": args.activation,
        "--cost": args.cost,
        "--no-timings": args.no_timings or None,
    }
    if not args.verify:
        given = [flag for flag, value in needs_verify.items() if value is not None]
        if given:
            raise UsageError(f"{', '.join(given)} only applies with --verify")
    if args.json and (args.latex or args.mathml):
        raise UsageError("--json carries unicode and LaTeX already; leave out --latex/--mathml")
    if args.verify and (args.latex or args.mathml):
        raise UsageError("--latex and --mathml apply to the derivations, not to --verify")
    for flag, value, limit in (
        ("--max-width", args.max_width, MAX_WIDTH),
        ("--max-depth", args.max_depth, MAX_DEPTH),
    ):
        if value is not None and not 1 <= value <= limit:
            raise UsageError(f"{flag} must be between 1 and {limit}, got {value}")


def run(args: argparse.Namespace) -> DerivationResult | Verification:
    _check_usage(args)
    if args.verify:
        os.environ.setdefault("SYMPY_CACHE_SIZE", SYMPY_CACHE_SIZE)  # before sympy is imported; a user's wins
        from backprop_companion.verification import verify

        return verify(args)
    from symbolic.generic import proofs

    style = "latex" if args.latex else "mathml" if args.mathml else "text"
    return DerivationResult(proofs(), style)


@dataclass(frozen=True)
class DerivationResult(CommandResult):
    """BP1-BP4 derived at symbolic widths, to be shown as ``style`` (text, latex or mathml)."""

    derived: tuple[GenericProof, ...]
    style: str

    @property
    def unproven(self) -> list[str]:
        return [p.label for p in self.derived if not p.proven]

    @property
    def exit_status(self) -> int:
        return EXIT_CHECK_FAILED if self.unproven else EXIT_OK

    @property
    def failure(self) -> str | None:
        return f"not proven: {', '.join(self.unproven)}" if self.unproven else None

    def as_json(self) -> dict[str, Any]:
        from backprop_companion.derivation_text import as_json

        return as_json(self.derived)

    def as_text(self) -> str:
        from backprop_companion.derivation_text import as_latex, as_mathml, as_unicode

        show = {"latex": as_latex, "mathml": as_mathml}.get(self.style, as_unicode)
        return show(self.derived)
