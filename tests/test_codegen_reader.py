"""The generator's schema reader agrees with datamodel-code-generator's JSON Schema parser.

``codegen.reader`` reads our schemas into classes, fields and enums; datamodel-code-generator
(pinned in the ``codegen`` extra) parses the same files as a library. Both must find the same
objects, the same fields with the same required-ness, and the same enum values, so a reader bug
cannot slip into the generated models unnoticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from codegen.reader import read_version
from ocpi_sdk import schemas

datamodel_code_generator = pytest.importorskip("datamodel_code_generator")
ROOT = Path(__file__).resolve().parent.parent

# A choice expressed with anyOf/oneOf over required fields (2.2.1+ PublishTokenType, 2.1.1
# Hours): datamodel-code-generator makes a union of anonymous classes, our reader one class
# (the schema keeps checking the choice at the boundary).
UNIONS = {"PublishTokenType", "Hours"}


def _without_extensions(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _without_extensions(v) for k, v in node.items() if not k.startswith("x-")}
    if isinstance(node, list):
        return [_without_extensions(v) for v in node]
    return node


def _parse(folder: Path, tmp: Path) -> tuple[dict[str, set[tuple[str, bool]]], dict[str, set[str]]]:
    from datamodel_code_generator import DataModelType, PythonVersion
    from datamodel_code_generator.model import get_data_model_types
    from datamodel_code_generator.parser.jsonschema import JsonSchemaParser

    for path in folder.glob("*.json"):
        if path.name != "interfaces.json":
            document = _without_extensions(json.loads(path.read_text()))
            (tmp / path.name).write_text(json.dumps(document))
    types = get_data_model_types(DataModelType.DataclassesDataclass, PythonVersion.PY_311)
    parser = JsonSchemaParser(
        tmp,
        data_model_type=types.data_model,
        data_model_root_type=types.root_model,
        data_model_field_type=types.field_model,
        data_type_manager_type=types.data_type_manager,
        dump_resolve_reference_action=types.dump_resolve_reference_action,
        use_standard_collections=True,
        field_constraints=True,
    )
    parser.parse_raw()
    classes: dict[str, set[tuple[str, bool]]] = {}
    enums: dict[str, set[str]] = {}
    for model in parser.results:
        path = model.reference.path
        if "#/$defs/" not in path or "#-datamodel" in path:
            continue
        name = path.rsplit("/", 1)[-1]
        kind = type(model).__name__
        if kind == "Enum":
            enums[name] = {str(f.default).strip("'\"") for f in model.fields}
        elif kind == "DataClass":
            classes[name] = {(f.original_name or f.name, bool(f.required)) for f in model.fields}
    return classes, enums


@pytest.mark.parametrize("version", schemas.versions())
def test_reader_matches_datamodel_code_generator(version: str, tmp_path: Path) -> None:
    theirs_classes, theirs_enums = _parse(ROOT / "schemas" / version, tmp_path)
    ours = read_version(ROOT / "schemas" / version)
    our_classes = {
        c.name: {(f.json_name, f.required) for f in c.fields} for c in ours.all_classes()
    }
    our_enums = {e.name: {m.value for m in e.members} for e in ours.all_enums()}
    assert set(our_classes) - UNIONS == set(theirs_classes) - UNIONS
    for name in set(theirs_classes) & set(our_classes):
        assert our_classes[name] == theirs_classes[name], name
    assert our_enums == theirs_enums
