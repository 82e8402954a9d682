"""Read one version folder of ``schemas/`` into what the templates need.

The structure -- every class with its fields, required-ness and constraints, every enum with its
values -- comes from datamodel-code-generator's JSON Schema parser (:mod:`codegen.parse`).

The schema files follow the conventions of ``schemas/README.md``: one file per spec chapter, every
definition under ``$defs`` with ``x-ocpi-kind``; typed strings are a ``$ref`` to ``types.json``
with ``maxLength`` beside it. Field types are resolved here from those ``$ref`` names: ``DateTime``
becomes ``datetime``, ``Number`` ``Decimal``, every string type ``str``, an enum its Enum class, an
object or class its attrs class.
"""

from __future__ import annotations

import functools
import json
import keyword
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from codegen.parse import SPECIAL, Parsed, ParsedField, TypeRef, parse_folder

SCALAR_TYPES = {"string": "str", "integer": "int", "number": "Decimal", "boolean": "bool"}
BUILTINS = {"str": "str", "int": "int", "bool": "bool", "float": "Decimal"}
STRING_TYPES = {"CiString", "String", "URL"}
SPECIAL_TYPES = {"DateTime": "datetime", "Number": "Decimal"}


@attrs.frozen
class Field:
    name: str  # the Python attribute
    json_name: str  # the OCPI field name
    annotation: str
    required: bool
    description: str
    max_length: int | None
    min_items: int | None
    pattern: str | None
    list_item_max_length: int | None
    secret: bool = False  # x-ocpi-secret: never shown in a repr


@attrs.frozen
class ClassDef:
    name: str
    kind: str
    description: str
    fields: tuple[Field, ...]


@attrs.frozen
class EnumMember:
    name: str
    value: str
    description: str


@attrs.frozen
class EnumDef:
    name: str
    description: str
    members: tuple[EnumMember, ...]
    open: bool


@attrs.frozen
class ModuleDef:
    name: str  # Python module name: "locations"
    file: str  # "locations.json"
    title: str
    description: str
    chapter: str
    classes: tuple[ClassDef, ...]
    enums: tuple[EnumDef, ...]
    type_aliases: tuple[str, ...]
    imports: tuple[tuple[str, tuple[str, ...]], ...]  # sibling module -> names used from it


@attrs.frozen
class VersionDef:
    version: str
    package: str  # "v2_2_1"
    modules: tuple[ModuleDef, ...]

    def all_classes(self) -> list[ClassDef]:
        return [c for m in self.modules for c in m.classes]

    def all_enums(self) -> list[EnumDef]:
        return [e for m in self.modules for e in m.enums]


def package_name(version: str) -> str:
    return "v" + version.replace(".", "_")


def member_name(value: str) -> str:
    """An enum value as a Python member name: ``IEC_62196_T2`` stays, ``2.1.1`` -> ``V2_1_1``."""
    name = re.sub(r"[^0-9A-Za-z]+", "_", value).strip("_").upper()
    if not name or name[0].isdigit():
        name = "V" + name
    return name


def python_name(field: str) -> str:
    return field + "_" if keyword.iskeyword(field) else field


def _summary(text: str) -> str:
    return " ".join(text.split())


class _Reader:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, dict[str, Any]] = {
            p.name: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(folder.glob("*.json"))
            if p.name != "interfaces.json"
        }
        self.owner: dict[str, str] = {}
        for file_name, document in self.files.items():
            for def_name in document.get("$defs", {}):
                self.owner[def_name] = file_name

    def definition(self, name: str) -> dict[str, Any]:
        result: dict[str, Any] = self.files[self.owner[name]]["$defs"][name]
        return result

    def is_class(self, name: str) -> bool:
        d = self.definition(name)
        return d.get("x-ocpi-kind") in ("object", "class") and d.get("type") == "object"

    def is_enum(self, name: str) -> bool:
        return "enum" in self.definition(name)

    def annotation(self, schema: dict[str, Any], used: set[str]) -> str:
        """The Python type of a property schema; names of generated types go into ``used``."""
        ref = schema.get("$ref")
        if ref:
            target = ref.rsplit("/", 1)[-1]
            if target in SPECIAL_TYPES:
                return SPECIAL_TYPES[target]
            if target in STRING_TYPES:
                return "str"
            if self.is_class(target) or self.is_enum(target):
                used.add(target)
                return target
            definition = self.definition(target)
            return self.annotation(definition, used)
        kind = schema.get("type")
        if kind == "array":
            return f"list[{self.annotation(schema.get('items', {}), used)}]"
        if isinstance(kind, str) and kind in SCALAR_TYPES:
            return SCALAR_TYPES[kind]
        return "Any"

    def field(
        self, json_name: str, schema: dict[str, Any], required: bool, used: set[str]
    ) -> Field:
        items = schema.get("items", {}) if schema.get("type") == "array" else {}
        base = self._base(schema)
        item_base = self._base(items) if isinstance(items, dict) else {}
        return Field(
            name=python_name(json_name),
            json_name=json_name,
            annotation=self.annotation(schema, used),
            required=required,
            description=_summary(schema.get("description", "")),
            max_length=schema.get("maxLength", base.get("maxLength"))
            if base.get("type") == "string" or schema.get("type") == "string"
            else None,
            min_items=schema.get("minItems"),
            pattern=schema.get("pattern"),
            list_item_max_length=items.get("maxLength", item_base.get("maxLength"))
            if isinstance(items, dict)
            else None,
            secret=bool(schema.get("x-ocpi-secret")),
        )

    @functools.cached_property
    def parsed(self) -> Parsed:
        """datamodel-code-generator's parse of the whole folder (done once, when first needed)."""
        return parse_folder(self.folder)

    def fields(self, name: str, definition: dict[str, Any], used: set[str]) -> list[Field]:
        """The fields of a class, as the parser found them, in the spec's order."""
        properties: dict[str, Any] = definition.get("properties", {})
        parsed = self.parsed.classes.get(name)
        if parsed is None:  # a choice the parser turned into a union: read the schema itself
            required = set(definition.get("required", []))
            return [
                self.field(key, prop, key in required, used) for key, prop in properties.items()
            ]
        order = {key: index for index, key in enumerate(properties)}
        return [
            self.parsed_field(item, properties.get(item.name, {}), used)
            for item in sorted(parsed, key=lambda f: order.get(f.name, len(order)))
        ]

    def parsed_field(self, item: ParsedField, schema: dict[str, Any], used: set[str]) -> Field:
        """A field from the parser's result; its OCPI type identity and description from the
        schema (the parser turns a ``$ref`` to ``DateTime`` into a plain string)."""
        annotation = self.type_of(item.type, used)
        max_length = item.max_length
        if max_length is None and annotation == "str" and item.type.ref:
            max_length = self.parsed.aliases.get(item.type.ref, (None, None))[1]
        item_max = None
        if item.type.item is not None and item.type.item.ref:
            item_max = self.parsed.aliases.get(item.type.item.ref, (None, None))[1]
        return Field(
            name=python_name(item.name),
            json_name=item.name,
            annotation=annotation,
            required=item.required,
            description=_summary(schema.get("description", "")),
            max_length=max_length if annotation == "str" else None,
            min_items=item.min_items,
            pattern=schema.get("pattern"),
            list_item_max_length=item_max,
            secret=bool(schema.get("x-ocpi-secret")),
        )

    def type_of(self, ref: TypeRef, used: set[str]) -> str:
        """The Python annotation of a parsed type."""
        if ref.item is not None:
            return f"list[{self.type_of(ref.item, used)}]"
        if ref.ref is not None:
            target = ref.ref.rsplit("/", 1)[-1]
            if SPECIAL not in ref.ref and target in self.owner:
                if target in SPECIAL_TYPES:
                    return SPECIAL_TYPES[target]
                if target in STRING_TYPES:
                    return "str"
                if self.is_class(target) or self.is_enum(target):
                    used.add(target)
                    return target
            builtin = self.parsed.aliases.get(ref.ref, (None, None))[0]
            return BUILTINS.get(str(builtin), "Any")
        return BUILTINS.get(str(ref.builtin), "Any")

    def _base(self, schema: dict[str, Any]) -> dict[str, Any]:
        """The definition a ``$ref`` points at (``{}`` when there is none)."""
        ref = schema.get("$ref")
        return self.definition(ref.rsplit("/", 1)[-1]) if ref else {}

    def module(self, file_name: str) -> ModuleDef:
        document = self.files[file_name]
        classes: list[ClassDef] = []
        enums: list[EnumDef] = []
        aliases: list[str] = []
        used: set[str] = set()
        for name, definition in document.get("$defs", {}).items():
            description = _summary(definition.get("description", ""))
            if "enum" in definition:
                described = definition.get("x-enum-descriptions", {})
                members = tuple(
                    EnumMember(member_name(v), v, _summary(described.get(v, "")))
                    for v in self.parsed.enums[name]
                )
                enums.append(
                    EnumDef(name, description, members, bool(definition.get("x-open-enum")))
                )
            elif self.is_class(name):
                fields = self.fields(name, definition, used)
                classes.append(
                    ClassDef(
                        name, definition.get("x-ocpi-kind", "class"), description, tuple(fields)
                    )
                )
            else:
                aliases.append(name)
        local = {c.name for c in classes} | {e.name for e in enums}
        imports: dict[str, list[str]] = {}
        for name in sorted(used - local):
            imports.setdefault(Path(self.owner[name]).stem, []).append(name)
        return ModuleDef(
            name=Path(file_name).stem,
            file=file_name,
            title=document.get("title", file_name),
            description=_summary(document.get("description", "")),
            chapter=document.get("x-ocpi-chapter", ""),
            classes=tuple(classes),
            enums=tuple(enums),
            type_aliases=tuple(aliases),
            imports=tuple((m, tuple(n)) for m, n in sorted(imports.items())),
        )


def read_version(folder: Path) -> VersionDef:
    """Everything the templates need to write the package of one version folder."""
    reader = _Reader(folder)
    modules = tuple(reader.module(name) for name in reader.files)
    return VersionDef(folder.name, package_name(folder.name), modules)


def read_all(schemas: Path) -> Iterable[VersionDef]:
    pattern = re.compile(r"^\d+\.\d+(\.\d+)?$")
    folders = [p for p in schemas.iterdir() if p.is_dir() and pattern.match(p.name)]
    for folder in sorted(folders, key=lambda p: tuple(int(x) for x in p.name.split("."))):
        yield read_version(folder)


@attrs.frozen
class Param:
    name: str
    annotation: str
    required: bool


@attrs.frozen
class OperationDef:
    name: str
    summary: str
    method: str
    path: str
    target: str
    path_params: tuple[Param, ...]
    query_params: tuple[Param, ...]
    paginated: bool
    body_object: str | None
    body_partial: bool
    body_required: bool
    body_owned: tuple[str, ...]
    body_addressed: tuple[str, ...]
    response_object: str | None
    response_list: bool


@attrs.frozen
class ClientDef:
    module: str
    name: str  # "Locations"
    routed: bool
    role: str | None
    spec_name: str
    implemented_by: tuple[str, ...]
    operations: tuple[OperationDef, ...]

    @property
    def class_name(self) -> str:
        role = {"SENDER": "Sender", "RECEIVER": "Receiver"}.get(self.role or "", "")
        return f"{self.name}{role}Client"


@attrs.frozen
class ClientsDef:
    version: str
    package: str
    transport: dict[str, Any]
    clients: tuple[ClientDef, ...]

    def modules(self) -> list[str]:
        return sorted({c.module for c in self.clients})


def read_clients(folder: Path) -> ClientsDef:
    """The clients to generate from ``interfaces.json`` of one version folder."""
    reader = _Reader(folder)
    data = json.loads((folder / "interfaces.json").read_text(encoding="utf-8"))
    clients = []
    for module in data["modules"]:
        for interface in module["interfaces"]:
            operations = []
            for op in interface["operations"]:
                body = op.get("request_body") or {}
                response = op.get("response_data") or {}
                used: set[str] = set()
                operations.append(
                    OperationDef(
                        name=op["name"],
                        summary=_summary(op.get("summary", "")),
                        method=op["method"],
                        path=op.get("path", ""),
                        target=op.get("target", "endpoint"),
                        path_params=tuple(
                            Param(p["name"], reader.annotation(p["schema"], used), True)
                            for p in op.get("path_params", [])
                        ),
                        query_params=tuple(
                            Param(
                                p["name"],
                                reader.annotation(p["schema"], used),
                                p.get("required", False),
                            )
                            for p in op.get("query_params", [])
                        ),
                        paginated=op.get("paginated", False),
                        body_object=body.get("object"),
                        body_partial=body.get("partial", False),
                        body_required=body.get("required", True),
                        body_owned=tuple(body.get("owned", ())),
                        body_addressed=tuple(body.get("addressed", ())),
                        response_object=response.get("object"),
                        response_list=response.get("list", False),
                    )
                )
            clients.append(
                ClientDef(
                    module=module["module"],
                    name=module["name"],
                    routed=module["routed"],
                    role=interface.get("role"),
                    spec_name=interface.get("spec_name", ""),
                    implemented_by=tuple(interface.get("implemented_by", [])),
                    operations=tuple(operations),
                )
            )
    return ClientsDef(folder.name, package_name(folder.name), data["transport"], tuple(clients))


def owner_module(folder: Path, name: str) -> str:
    """The generated module that defines ``name`` (``Location`` -> ``locations``)."""
    return Path(_Reader(folder).owner[name]).stem
