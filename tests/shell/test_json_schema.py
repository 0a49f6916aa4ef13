"""The one JSON schema: walkthrough and check name the same ideas alike, and every field is documented."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stdout
from typing import Any

import pytest

from backprop_companion import json_schema
from backprop_companion.cli import main


def document(*argv: str) -> dict[str, Any]:
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        main([*argv, "--json"])
    made: dict[str, Any] = json.loads(buffer.getvalue())
    return made


@pytest.mark.parametrize(
    ("command", "argv"),
    [
        ("walkthrough", ["walkthrough"]),
        (
            "check",
            [
                "check",
                "w5_new=0.3178",
                "out_h1=0",
                "net_h1=0.0275",
                "dEo2_dout_h1=-0.019049119",
                "w5_new=0.35891658",
            ],
        ),
    ],
)
def test_every_value_has_exactly_the_documented_fields_and_statuses(command, argv):
    made = document(*argv)
    assert made["schema"] == json_schema.SCHEMA
    documented = [name for name, _, _ in (*json_schema.VALUE_FIELDS, *json_schema.COMMAND_FIELDS[command])]
    statuses = {status for status, _ in json_schema.STATUSES[command]}
    for value in made["values"]:
        assert sorted(value) == sorted(documented)
        assert value["status"] in statuses
        assert set(value["given"]) == {"text", "value", "decimals", "figures"}
        assert set(value["expected"]) == {"value", "rounded"}
        assert isinstance(value["given"]["value"], float) and isinstance(value["given"]["text"], str)


def test_the_check_sheet_uses_every_check_status():
    made = document(
        "check",
        "w5_new=0.3178",
        "out_h1=0",
        "dEo2_dout_h1=-0.019049119",
        "w5_new=0.35891658",
        "out_h1=0.5933",
    )
    assert {v["status"] for v in made["values"]} == {s for s, _ in json_schema.STATUSES["check"]}


def test_the_check_document_has_exactly_the_documented_top_level_fields():
    made = document("check", "w5_new=0.3178")
    assert sorted(made) == sorted(name for name, _, _ in json_schema.SHEET_FIELDS)
