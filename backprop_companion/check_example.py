"""``check --example NAME|FILE`` and ``check --set ...``: a reader's values for any worked example (or
Mazur's post with values of their own), graded by the stated rule at the decimals typed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from backprop_companion.errors import EXIT_CHECK_FAILED, EXIT_OK, UsageError
from backprop_companion.output.tables import format_table
from backprop_companion.result import CommandResult

if TYPE_CHECKING:
    from worked.diagnosis import Grade
    from worked.tutorial import Model


def run(model: Model, pairs: list[str], min_figures: int) -> ExampleCheckResult:
    """Grade every ``KEY=VALUE``; a key outside the example's grammar or a value that is no bounded
    number is exit 2."""
    from worked.core import InvalidInput
    from worked.diagnosis import grade

    if not pairs:
        raise UsageError("give at least one KEY=VALUE, e.g. 'check --example single-neuron out_y=0.4502'")
    grades = []
    for name, text in split_pairs(pairs):
        try:
            grades.append(grade(model, name, text, min_figures))
        except InvalidInput as error:
            raise UsageError(f"{name}: {error}") from None
    return ExampleCheckResult(model, tuple(grades))


def split_pairs(pairs: list[str]) -> list[tuple[str, str]]:
    """``KEY=VALUE`` words of ``check`` as ``(key, value)`` pairs, stripped; a word without a key and a
    value is exit 2 (the message quotes at most a few dozen characters)."""
    from worked.diagnosis import typed

    split = []
    for pair in pairs:
        name, sep, text = pair.partition("=")
        if not sep or not name.strip() or not text.strip():
            raise UsageError(f"expected KEY=VALUE, got {typed.quoted(pair)}")
        split.append((name.strip(), text.strip()))
    return split


@dataclass(frozen=True)
class ExampleCheckResult(CommandResult):
    """Each typed value graded; exit 1 unless every one is judged and the stated rule's."""

    model: Model
    grades: tuple[Grade, ...]

    @property
    def exit_status(self) -> int:
        return EXIT_OK if all(g.passed for g in self.grades) else EXIT_CHECK_FAILED

    def as_json(self) -> dict[str, Any]:
        from backprop_companion import json_schema
        from worked.tutorial import judged

        return {
            "schema": json_schema.SCHEMA,
            "example": self.model.example.file,
            "values": [
                {
                    "key": g.key,
                    "formula": judged.formula(self.model, g.key),
                    "given": json_schema.given(g.typed.text),
                    "expected": json_schema.expected(g.expected, g.typed.decimals),
                    "status": g.status,
                    "explanation": None if g.passed else f"the stated rule gives {g.expected_rounded}",
                }
                for g in self.grades
            ],
            "all_match": all(g.passed for g in self.grades),
        }

    def as_text(self) -> str:
        rows = [[g.key, g.typed.text, g.expected_rounded, "✓" if g.passed else g.status] for g in self.grades]
        matched = sum(g.passed for g in self.grades)
        verb = "value matches" if len(self.grades) == 1 else "values match"
        return "\n".join(
            [
                f"{self.model.example.file}, graded by the stated rule at the decimals you typed:",
                format_table(["key", "yours", "stated rule", ""], rows),
                "",
                f"{matched} of {len(self.grades)} {verb} the stated rule.",
            ]
        )
