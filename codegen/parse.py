"""The JSON Schema parsing the generator is built on: datamodel-code-generator, as a library.

datamodel-code-generator's ``JsonSchemaParser`` resolves every ``$ref`` across the version's files
and gives, per definition, its fields (names, required-ness, constraints such as ``maxLength``
and ``minItems``, data types with their references) and its enum values. This module runs it on
a folder and turns its results into plain data for :mod:`codegen.reader`.

Two things it does not give in the shape we need are taken from the schema files themselves by
the reader: the OCPI identity of a typed string (a ``$ref`` to ``DateTime`` must become
``datetime``, not ``str``), descriptions, and the two choice types (anyOf/oneOf over required
fields, such as ``PublishTokenType``) that it turns into unions of anonymous classes.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import attrs

SPECIAL = "#-datamodel-code-generator-#"


@attrs.frozen
class TypeRef:
    """A field's type as the parser resolved it: a builtin, a definition, an alias or a list."""

    builtin: str | None = None  # "str", "int", "bool", "float", "Any"
    ref: str | None = None  # a reference path: "locations.json#/$defs/EVSE"
    item: TypeRef | None = None  # for lists


@attrs.frozen
class ParsedField:
    name: str  # the JSON name
    required: bool
    max_length: int | None
    min_items: int | None
    type: TypeRef


@attrs.frozen
class Parsed:
    """What the parser found in one version folder, by definition name / reference path."""

    classes: dict[str, tuple[ParsedField, ...]]
    enums: dict[str, tuple[str, ...]]
    aliases: dict[str, tuple[str | None, int | None]]  # path -> (builtin, maxLength)


def _without_extensions(node: Any) -> Any:
    """The schema without our ``x-`` keywords, which the parser's model of a schema rejects."""
    if isinstance(node, dict):
        return {k: _without_extensions(v) for k, v in node.items() if not k.startswith("x-")}
    if isinstance(node, list):
        return [_without_extensions(v) for v in node]
    return node


def _type(data_type: Any) -> TypeRef:
    if len(data_type.data_types) > 1:  # a union (``data``: object, array or string)
        return TypeRef(builtin="Any")
    if data_type.is_list and data_type.data_types:
        return TypeRef(item=_type(data_type.data_types[0]))
    if data_type.data_types and not data_type.reference and not data_type.type:
        return _type(data_type.data_types[0])
    if data_type.reference is not None:
        return TypeRef(ref=data_type.reference.path)
    return TypeRef(builtin=str(data_type.type) if data_type.type else "Any")


def parse_folder(folder: Path) -> Parsed:
    """Run datamodel-code-generator's JSON Schema parser on every schema file of ``folder``."""
    from datamodel_code_generator import DataModelType, PythonVersion
    from datamodel_code_generator.model import get_data_model_types
    from datamodel_code_generator.parser.jsonschema import JsonSchemaParser

    with tempfile.TemporaryDirectory() as tmp:
        for path in sorted(folder.glob("*.json")):
            if path.name != "interfaces.json":
                document = _without_extensions(json.loads(path.read_text(encoding="utf-8")))
                (Path(tmp) / path.name).write_text(json.dumps(document), encoding="utf-8")
        types = get_data_model_types(DataModelType.DataclassesDataclass, PythonVersion.PY_311)
        parser = JsonSchemaParser(
            Path(tmp),
            data_model_type=types.data_model,
            data_model_root_type=types.root_model,
            data_model_field_type=types.field_model,
            data_type_manager_type=types.data_type_manager,
            dump_resolve_reference_action=types.dump_resolve_reference_action,
            use_standard_collections=True,
            field_constraints=True,
        )
        parser.parse_raw()
    classes: dict[str, tuple[ParsedField, ...]] = {}
    enums: dict[str, tuple[str, ...]] = {}
    aliases: dict[str, tuple[str | None, int | None]] = {}
    for model in parser.results:
        path = model.reference.path
        kind = type(model).__name__
        name = path.rsplit("/", 1)[-1]
        if kind == "TypeAlias" and model.fields:
            field = model.fields[0]
            max_length = field.constraints.max_length if field.constraints else None
            aliases[path] = (field.data_type.type, max_length)
        if "#/$defs/" not in path or SPECIAL in path:
            continue
        if kind == "Enum":
            enums[name] = tuple(str(f.default).strip("'\"") for f in model.fields)
        elif kind == "DataClass":
            classes[name] = tuple(
                ParsedField(
                    name=f.original_name or f.name,
                    required=bool(f.required),
                    max_length=f.constraints.max_length if f.constraints else None,
                    min_items=f.constraints.min_items if f.constraints else None,
                    type=_type(f.data_type),
                )
                for f in model.fields
            )
    return Parsed(classes, enums, aliases)
