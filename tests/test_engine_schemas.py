"""The engine's copy of the schemas (``schemas._variants``): rewritten only where the verdict and
the reported problems stay the same; ``tests/test_validation_engines.py`` compares the reports."""

from __future__ import annotations

import jsonschema_rs

from ocpi_sdk.schemas._variants import ENUM_TYPE_MARK, leave_types_to_enums


def test_a_string_enum_keeps_its_type_in_a_mark() -> None:
    schema = {
        "$defs": {
            "Status": {"title": "Status", "type": "string", "enum": ["AVAILABLE", "BLOCKED"]},
            "Mixed": {"type": "string", "enum": ["A", 1]},
            "Nullable": {"type": ["string", "null"], "enum": ["A", None]},
            "Empty": {"type": "string", "enum": []},
        },
        "properties": {
            "status": {"$ref": "#/$defs/Status"},
            "tags": {"items": {"type": "string", "enum": ["X"]}},
        },
    }
    out = leave_types_to_enums(schema)
    status = out["$defs"]["Status"]
    assert "type" not in status and status[ENUM_TYPE_MARK] == "string"
    assert out["properties"]["tags"]["items"] == {"enum": ["X"], ENUM_TYPE_MARK: "string"}
    for kept in ("Mixed", "Nullable", "Empty"):  # a non-string value may be allowed: untouched
        assert out["$defs"][kept] == schema["$defs"][kept]
    assert schema["$defs"]["Status"]["type"] == "string"  # the input is not changed


def test_same_verdict_and_one_error_where_there_were_two() -> None:
    schema = {"type": "string", "enum": ["AVAILABLE", "BLOCKED"]}
    before = jsonschema_rs.Draft202012Validator(schema)
    after = jsonschema_rs.Draft202012Validator(leave_types_to_enums(schema))
    for value in ("AVAILABLE", "available", 5, None, ["AVAILABLE"], {"a": 1}, True):
        assert before.is_valid(value) == after.is_valid(value)
    assert [e.kind.name for e in before.iter_errors(5)] == ["type", "enum"]
    assert [e.kind.name for e in after.iter_errors(5)] == ["enum"]
