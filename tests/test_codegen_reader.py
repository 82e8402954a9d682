"""The parse the generator is built on agrees with the schema files read directly.

``codegen.parse`` runs datamodel-code-generator's JSON Schema parser; ``codegen.reader`` builds
the models from its result. Here every class's fields and required-ness and every enum's values,
as the parser found them, are compared with the schema files read by hand, so neither a parser
release nor our use of it can change a model unnoticed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from codegen.parse import parse_folder
from codegen.reader import read_version
from ocpi_sdk import schemas

pytest.importorskip("datamodel_code_generator")
ROOT = Path(__file__).resolve().parent.parent

# A choice expressed with anyOf/oneOf over required fields (2.2.1+ PublishTokenType, 2.1.1
# Hours): the parser makes a union of anonymous classes; the reader reads these from the schema
# itself as one class (the schema keeps checking the choice at the boundary).
UNIONS = {"PublishTokenType", "Hours"}


def _direct(version: str) -> tuple[dict[str, set[tuple[str, bool]]], dict[str, tuple[str, ...]]]:
    classes: dict[str, set[tuple[str, bool]]] = {}
    enums: dict[str, tuple[str, ...]] = {}
    for name in schemas.names(version):
        definition: dict[str, Any] = schemas.get(version, name)
        if "enum" in definition:
            enums[name] = tuple(definition["enum"])
        elif definition.get("type") == "object" and "properties" in definition:
            required = set(definition.get("required", []))
            classes[name] = {(key, key in required) for key in definition["properties"]}
    return classes, enums


@pytest.mark.parametrize("version", schemas.versions())
def test_the_parser_reads_the_schemas_as_written(version: str) -> None:
    parsed = parse_folder(ROOT / "schemas" / version)
    classes, enums = _direct(version)
    assert set(parsed.classes) | UNIONS >= set(classes)
    for name, fields in parsed.classes.items():
        assert {(f.name, f.required) for f in fields} == classes[name], name
    assert parsed.enums == enums


@pytest.mark.parametrize("version", schemas.versions())
def test_the_models_have_every_field_in_spec_order(version: str) -> None:
    classes, enums = _direct(version)
    ours = read_version(ROOT / "schemas" / version)
    for cls in ours.all_classes():
        properties = list(schemas.get(version, cls.name)["properties"])
        assert [f.json_name for f in cls.fields] == properties, cls.name
        assert {(f.json_name, f.required) for f in cls.fields} == classes[cls.name]
    assert {e.name: tuple(m.value for m in e.members) for e in ours.all_enums()} == enums
