"""``docs/json.md``: the shared JSON schema of ``walkthrough --json`` and ``check --json``, from
:mod:`backprop_companion.json_schema`, the module the commands build their JSON with."""

from __future__ import annotations

from backprop_companion import json_schema
from backprop_companion.docs.templates import fill
from backprop_companion.output.tables import code, markdown_table


def _fields(rows: tuple[tuple[str, str, str], ...]) -> str:
    return markdown_table(
        ["field", "type", "meaning"], [[code(name), kind, what] for name, kind, what in rows]
    )


def _statuses(command: str) -> str:
    return markdown_table(
        ["status", "meaning"], [[code(s), what] for s, what in json_schema.STATUSES[command]]
    )


def pages() -> dict[str, str]:
    """The page."""
    return {
        "json.md": fill(
            "json.md",
            schema=str(json_schema.SCHEMA),
            value_fields=_fields(json_schema.VALUE_FIELDS),
            walkthrough_fields=_fields(json_schema.COMMAND_FIELDS["walkthrough"]),
            walkthrough_statuses=_statuses("walkthrough"),
            sheet_fields=_fields(json_schema.SHEET_FIELDS),
            check_fields=_fields(json_schema.COMMAND_FIELDS["check"]),
            check_statuses=_statuses("check"),
            example_statuses=_statuses("check --example"),
            graded_fields=_fields(json_schema.GRADED_FIELDS),
            graded_statuses=_statuses("check --from"),
        )
    }
