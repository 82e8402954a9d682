"""The interfaces data file of a version: every HTTP interface of every module, as data.

``schemas/<version>/interfaces.json`` is checked against ``schemas/interfaces.schema.json`` when it
is loaded; the generator builds the clients from it and the simulators serve it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import attrs
import jsonschema

from ocpi_sdk.errors import OcpiError
from ocpi_sdk.schemas._files import INTERFACES_FILE, load_json, schema_root
from ocpi_sdk.schemas._registry import version_schemas
from ocpi_sdk.schemas._validation import json_path

INTERFACES_SCHEMA = "interfaces.schema.json"


@attrs.frozen
class Param:
    """A path or query parameter: its name, JSON Schema and whether it must be given."""

    name: str
    schema: dict[str, Any]
    required: bool = True


@attrs.frozen
class Body:
    """A request body or response ``data``: an object name, one or a list, partial for PATCH;
    ``owned`` names the body's fields that hold an object of the calling party (their
    ``country_code``/``party_id`` must name it: a StartSession's ``token``), ``addressed`` those
    naming the party the object is for (a Session's ``cdr_token``: the receiving eMSP)."""

    object: str
    list: bool = False
    partial: bool = False
    required: bool = True
    owned: tuple[str, ...] = ()
    addressed: tuple[str, ...] = ()


@attrs.frozen
class Operation:
    """One HTTP call of an interface (``GET {location_id}/{evse_uid}`` returning an EVSE)."""

    name: str
    summary: str
    method: str
    target: str
    path: str
    path_params: tuple[Param, ...]
    query_params: tuple[Param, ...]
    paginated: bool
    request_body: Body | None
    response_data: Body | None


@attrs.frozen
class Interface:
    """One interface of a module: its role (``SENDER``/``RECEIVER``, None for versions and
    credentials), the spec's own name for it, and its operations."""

    module: str
    name: str
    routed: bool
    role: str | None
    spec_name: str
    implemented_by: tuple[str, ...]
    operations: tuple[Operation, ...]


class InterfacesFileError(OcpiError, ValueError):
    """An ``interfaces.json`` that does not match ``interfaces.schema.json`` or its version."""


def _param(data: dict[str, Any], *, default_required: bool) -> Param:
    return Param(data["name"], data["schema"], data.get("required", default_required))


def _body(data: dict[str, Any] | None) -> Body | None:
    if data is None:
        return None
    return Body(
        data["object"],
        data.get("list", False),
        data.get("partial", False),
        data.get("required", True),
        tuple(data.get("owned", ())),
        tuple(data.get("addressed", ())),
    )


def _operation(data: dict[str, Any]) -> Operation:
    return Operation(
        name=data["name"],
        summary=data.get("summary", ""),
        method=data["method"],
        target=data.get("target", "endpoint"),
        path=data.get("path", ""),
        path_params=tuple(_param(p, default_required=True) for p in data.get("path_params", [])),
        query_params=tuple(_param(p, default_required=False) for p in data.get("query_params", [])),
        paginated=data.get("paginated", False),
        request_body=_body(data.get("request_body")),
        response_data=_body(data.get("response_data")),
    )


def raw_interfaces(version: str) -> dict[str, Any]:
    """The interfaces file of ``version`` as JSON, checked against its schema."""
    schemas = version_schemas(version)
    data: dict[str, Any] = load_json(schemas.folder / INTERFACES_FILE)
    meta = load_json(schema_root() / INTERFACES_SCHEMA)
    problems = [
        f"{json_path(e.absolute_path)}: {e.message}"
        for e in jsonschema.Draft202012Validator(meta).iter_errors(data)
    ]
    known = set(schemas.names())
    for module in data.get("modules", []):
        for interface in module.get("interfaces", []):
            for op in interface.get("operations", []):
                for key in ("request_body", "response_data"):
                    body = op.get(key)
                    if body and body["object"] not in known:
                        problems.append(
                            f"{module['module']}.{op['name']}.{key}: "
                            f"{body['object']!r} is not defined in the {version} schemas"
                        )
    if data.get("version") != version:
        problems.append(f"$.version: {data.get('version')!r} in the folder of {version}")
    if problems:
        raise InterfacesFileError(
            f"{schemas.folder / INTERFACES_FILE} is invalid:\n  " + "\n  ".join(problems)
        )
    return data


@cache
def interfaces(version: str) -> tuple[Interface, ...]:
    """Every interface of every module of ``version``, in file order."""
    result: list[Interface] = []
    for module in raw_interfaces(version)["modules"]:
        for interface in module["interfaces"]:
            result.append(
                Interface(
                    module=module["module"],
                    name=module["name"],
                    routed=module["routed"],
                    role=interface.get("role"),
                    spec_name=interface.get("spec_name", ""),
                    implemented_by=tuple(interface.get("implemented_by", [])),
                    operations=tuple(_operation(op) for op in interface["operations"]),
                )
            )
    return tuple(result)
