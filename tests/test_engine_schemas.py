"""The engine's copy of the schemas (``schemas._variants``): rewritten only where the verdict and
the reported problems stay the same; ``tests/test_validation_engines.py`` compares the reports."""

from __future__ import annotations

import jsonschema_rs

from ocpi_sdk.schemas._variants import ENUM_TYPE_MARK, check_leaves_first, leave_types_to_enums


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


def _documents() -> list[dict[str, object]]:
    types = {
        "$id": "https://example.test/types.json",
        "$defs": {
            "Text": {"type": "string", "maxLength": 5},
            "Label": {"type": "object", "properties": {"text": {"$ref": "#/$defs/Text"}}},
        },
    }
    main = {
        "$id": "https://example.test/main.json",
        "$defs": {
            "Leaf": {"type": "object", "properties": {"n": {"type": "integer"}}, "required": ["n"]},
            "Holder": {
                "type": "object",
                "properties": {
                    "leaf": {"$ref": "#/$defs/Leaf", "description": "kept beside"},
                    "label": {"$ref": "types.json#/$defs/Label"},
                    "leaves": {"type": "array", "items": {"$ref": "#/$defs/Leaf"}},
                },
            },
            "Outer": {"type": "object", "properties": {"holder": {"$ref": "#/$defs/Holder"}}},
        },
    }
    return [types, main]


def test_references_to_leaf_objects_are_checked_first() -> None:
    before = _documents()
    types, main = check_leaves_first(before)
    holder = main["$defs"]["Holder"]["properties"]
    assert holder["leaf"] == {
        "description": "kept beside",
        "if": {"$ref": "#/$defs/Leaf"},
        "else": {"$ref": "#/$defs/Leaf"},
    }
    assert holder["label"]["else"] == {"$ref": "types.json#/$defs/Label"}  # across documents
    assert holder["leaves"]["items"]["if"] == {"$ref": "#/$defs/Leaf"}
    # Holder refers to objects: not a leaf, so Outer's reference to it stays as it was
    assert main["$defs"]["Outer"]["properties"]["holder"] == {"$ref": "#/$defs/Holder"}
    # a reference to a definition that is not an object stays as it was
    assert types["$defs"]["Label"]["properties"]["text"] == {"$ref": "#/$defs/Text"}
    assert before == _documents()  # the input is not changed


def test_leaves_first_gives_the_same_verdict_and_errors() -> None:
    def validator(documents: list[dict[str, object]]) -> jsonschema_rs.Validator:
        registry = jsonschema_rs.Registry(
            [(str(d["$id"]), d) for d in documents], draft=jsonschema_rs.Draft202012
        )
        return jsonschema_rs.Draft202012Validator(
            {"$ref": "https://example.test/main.json#/$defs/Outer"}, registry=registry
        )

    before, after = validator(_documents()), validator(check_leaves_first(_documents()))
    leaf = {"n": 1}
    for holder in (
        {"leaf": leaf, "label": {"text": "abc"}, "leaves": [leaf, leaf]},
        {"leaf": {}, "label": {"text": "abcdef"}, "leaves": [leaf, {"n": "x"}, {}]},
        {"leaf": 3, "label": None, "leaves": "no"},
    ):
        instance = {"holder": holder}
        assert before.is_valid(instance) == after.is_valid(instance)
        errors = [
            (e.instance_path, e.schema_path, e.absolute_keyword_location, e.message)
            for e in before.iter_errors(instance)
        ]
        assert errors == [
            (e.instance_path, e.schema_path, e.absolute_keyword_location, e.message)
            for e in after.iter_errors(instance)
        ]


def test_a_reference_beside_unevaluated_keywords_stays_as_it_is() -> None:
    leaf = {"type": "object", "properties": {"n": {"type": "integer"}}}
    ref = {"$ref": "#/$defs/Leaf", "unevaluatedProperties": False}
    (out,) = check_leaves_first(
        [{"$id": "https://example.test/a.json", "$defs": {"Leaf": leaf, "Wide": ref}}]
    )
    assert out["$defs"]["Wide"] == ref
