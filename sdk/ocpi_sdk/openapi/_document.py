"""Building the OpenAPI 3.1 document of one OCPI version and role from the schema registry.

Everything comes from data: the interfaces of ``schemas/<version>/interfaces.json`` (which
operations, paths, parameters, bodies), its ``transport`` rules (token encoding, request-id and
routing headers), the JSON Schema files of the version (embedded whole under
``components/schemas``, as the registry validates with them, each ``$ref`` pointing inside the
document so tools without ``$id`` support resolve it) and the status codes of the version's
status codes chapter (``status_codes.json`` beside this module).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import urljoin

from ocpi_sdk import schemas
from ocpi_sdk.errors import OcpiError
from ocpi_sdk.schemas._files import SCHEMA_BASE_URI
from ocpi_sdk.schemas._interfaces import Interface, Operation, raw_interfaces
from ocpi_sdk.schemas._registry import version_schemas
from ocpi_sdk.schemas._variants import derive

OPENAPI_VERSION = "3.1.0"
ROLES = ("cpo", "emsp", "hub")
TOKEN_SCHEME = "ocpiToken"

# Where the operations whose URL is not an endpoint of version details live, relative to the
# OCPI root of a platform (the layout of the spec's own examples:
# https://www.server.com/ocpi/cpo/versions, .../ocpi/cpo/2.2.1, .../ocpi/cpo/2.2.1/locations).
URL_TARGET_PATHS = {"versions_url": "/versions", "version_url": "/{version}"}
ENDPOINT_PATH = "/{version}/{module}"

TOKEN_DESCRIPTIONS = {
    "plain": (
        "`Authorization: Token <token>`: the credentials token exactly as exchanged in the "
        "credentials module (token A before registration, token C after)."
    ),
    "base64": (
        "`Authorization: Token <base64(token)>`: the credentials token (token A before "
        "registration, token C after), base64-encoded (RFC 4648, standard alphabet, with "
        "padding) as this version's transport chapter requires."
    ),
}
ROUTING_HEADERS = (
    ("OCPI-from-country-code", "country_code", "Country code of the party sending the request."),
    ("OCPI-from-party-id", "party_id", "Party id of the party sending the request."),
    ("OCPI-to-country-code", "country_code", "Country code of the party the request is for."),
    ("OCPI-to-party-id", "party_id", "Party id of the party the request is for."),
)
ROUTING_SCHEMAS = {
    "country_code": {"type": "string", "minLength": 2, "maxLength": 2},
    "party_id": {"type": "string", "minLength": 3, "maxLength": 3},
}


class OpenApiError(OcpiError, ValueError):
    """A document that cannot be made: an unknown role, or a version without status codes."""


@cache
def _status_codes() -> dict[str, dict[str, str]]:
    text = resources.files("ocpi_sdk.openapi").joinpath("status_codes.json").read_text("utf-8")
    codes: dict[str, dict[str, str]] = json.loads(text)["versions"]
    return codes


def status_codes(version: str) -> dict[int, str]:
    """The OCPI status codes of ``version``'s status codes chapter, with their meaning."""
    try:
        table = _status_codes()[version]
    except KeyError:
        raise OpenApiError(f"no status codes are recorded for OCPI {version}") from None
    return {int(code): meaning for code, meaning in table.items()}


def served_interfaces(version: str, role: str | None) -> list[Interface]:
    """The interfaces a party of ``role`` (``cpo``, ``emsp``, ``hub``; None: all) serves.

    Versions and credentials are served by everyone; a module's interface by the roles its
    ``implemented_by`` names; a hub also serves both interfaces of every routed module.
    """
    if role is not None and role.lower() not in ROLES:
        raise OpenApiError(f"role must be one of {', '.join(ROLES)} (or None), not {role!r}")
    market_role = role.upper() if role else None
    out = []
    for interface in schemas.interfaces(version):
        if (
            market_role is None
            or interface.role is None
            or market_role in interface.implemented_by
            or (market_role == "HUB" and interface.routed)
        ):
            out.append(interface)
    return out


def _bundled(schema: Any, base: str, local: dict[str, str]) -> Any:
    """``schema`` with every ``$ref`` resolved against ``base`` and, when it points into one of
    the version's files, re-pointed at that file's copy inside the document (``local`` maps each
    file's ``$id`` to its JSON pointer there)."""
    if isinstance(schema, dict):
        out: dict[str, Any] = {}
        for key, value in schema.items():
            if key == "$ref" and isinstance(value, str):
                target, _, fragment = urljoin(base, value).partition("#")
                out[key] = local[target] + fragment if target in local else f"{target}#{fragment}"
            else:
                out[key] = _bundled(value, base, local)
        return out
    if isinstance(schema, list):
        return [_bundled(item, base, local) for item in schema]
    return schema


class _Builder:
    def __init__(self, version: str, role: str | None, server: str | None) -> None:
        self.version = version
        self.role = role.lower() if role else None
        self.server = server
        self.transport: dict[str, Any] = raw_interfaces(version)["transport"]
        self.base = f"{SCHEMA_BASE_URI}{version}/"
        self.files = version_schemas(version).files
        self.local = {
            doc["$id"]: f"#/components/schemas/{name.removesuffix('.json')}"
            for name, doc in self.files.items()
        }
        self.codes = status_codes(version)
        self.interfaces = served_interfaces(version, role)
        self.paths: dict[str, dict[str, Any]] = {}
        self.webhooks: dict[str, dict[str, Any]] = {}
        roles_of: dict[str, set[str | None]] = {}
        for interface in self.interfaces:
            roles_of.setdefault(interface.module, set()).add(interface.role)
        # a module served in both directions by one party gets one endpoint per interface role
        self.split = {module for module, found in roles_of.items() if len(found) > 1}

    # ---- schemas -----------------------------------------------------------------------------

    def uri(self, name: str) -> str:
        """The JSON pointer of definition ``name`` inside the document."""
        return str(
            _bundled({"$ref": schemas.uri(self.version, name)}, self.base, self.local)["$ref"]
        )

    def ref(self, name: str) -> dict[str, Any]:
        return {"$ref": self.uri(name)}

    def partial(self, name: str) -> dict[str, Any]:
        """A PATCH body: any of the object's fields, each as its schema says; last_updated
        required where the object has one."""
        definition = schemas.get(self.version, name)
        fields = definition.get("properties")
        if not fields:
            return self.ref(name)
        uri = self.uri(name)
        out: dict[str, Any] = {
            "type": "object",
            "description": f"Some fields of a {name}, to be merged into the stored object.",
            "properties": {field: {"$ref": f"{uri}/properties/{field}"} for field in fields},
            "minProperties": 1,
        }
        if "last_updated" in fields:
            out["required"] = ["last_updated"]
        return out

    def envelope(self, data: dict[str, Any] | None) -> dict[str, Any]:
        extra: dict[str, Any] = {"status_code": {"$ref": "#/components/schemas/StatusCode"}}
        branch: dict[str, Any] = {"properties": extra}
        if data is not None:
            extra["data"] = data
            branch["if"] = {"properties": {"status_code": {"maximum": 1999}}}
            branch["then"] = {"required": ["data"]}
        return {"allOf": [self.ref("Response"), branch]}

    def data_schema(self, op: Operation) -> dict[str, Any] | None:
        if op.response_data is None:
            return None
        item = self.ref(op.response_data.object)
        return {"type": "array", "items": item} if op.response_data.list else item

    # ---- parameters and headers --------------------------------------------------------------

    def header_params(self, interface: Interface) -> list[dict[str, Any]]:
        params: list[dict[str, Any]] = []
        if self.transport["request_ids"]:
            params.append({"$ref": "#/components/parameters/X-Request-ID"})
            params.append({"$ref": "#/components/parameters/X-Correlation-ID"})
        if self.transport["routing_headers"] and interface.routed:
            params.extend(
                {"$ref": f"#/components/parameters/{name}"} for name, _, _ in ROUTING_HEADERS
            )
        return params

    def components(self) -> dict[str, Any]:
        component_schemas: dict[str, Any] = {}
        for name, doc in self.files.items():
            # the file with the registry's lenient policy (what the SDK accepts: unknown values
            # of open enums), minus what only a schema resource's root may carry; its $id is
            # kept as x-ocpi-schema-id and its $refs point at the copies in this document
            embedded = {
                key: value
                for key, value in derive(doc, "lenient").items()
                if key not in ("$id", "$schema")
            }
            embedded["x-ocpi-schema-id"] = doc["$id"]
            component_schemas[name.removesuffix(".json")] = _bundled(
                embedded, doc["$id"], self.local
            )
        component_schemas["StatusCode"] = {
            "description": "The OCPI status codes of this version: "
            + "; ".join(f"{code} {meaning}" for code, meaning in self.codes.items()),
            "type": "integer",
            "enum": sorted(self.codes),
        }
        parameters: dict[str, Any] = {}
        headers: dict[str, Any] = {
            "X-Total-Count": {
                "description": "The total number of objects available on the server.",
                "required": True,
                "schema": {"type": "integer", "minimum": 0},
            },
            "X-Limit": {
                "description": "The maximum number of objects the server returns in one page.",
                "required": True,
                "schema": {"type": "integer", "minimum": 1},
            },
            "Link": {
                "description": 'The next page: `<URL>; rel="next"`; absent on the last page.',
                "required": False,
                "schema": {"type": "string"},
            },
        }
        if self.transport["request_ids"]:
            for name, what in (
                ("X-Request-ID", "A unique id for this request (echoed in the response)."),
                ("X-Correlation-ID", "A unique id for the request chain this request is part of."),
            ):
                parameters[name] = {
                    "name": name,
                    "in": "header",
                    "required": True,
                    "description": what,
                    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
                }
                headers[name] = {
                    "description": f"The {name} of the request, echoed.",
                    "schema": {"type": "string"},
                }
        if self.transport["routing_headers"]:
            for name, kind, what in ROUTING_HEADERS:
                parameters[name] = {
                    "name": name,
                    "in": "header",
                    "required": False,
                    "description": what + " Required when the request passes through a hub.",
                    "schema": dict(ROUTING_SCHEMAS[kind]),
                }
        return {
            "schemas": component_schemas,
            "parameters": parameters,
            "headers": headers,
            "responses": {
                "Error": {
                    "description": "An OCPI error: the envelope with a 2xxx, 3xxx or 4xxx code.",
                    "content": {"application/json": {"schema": self.envelope(None)}},
                }
            },
            "securitySchemes": {
                TOKEN_SCHEME: {
                    "type": "apiKey",
                    "in": "header",
                    "name": "Authorization",
                    "description": TOKEN_DESCRIPTIONS[self.transport["token_encoding"]],
                }
            },
        }

    # ---- operations --------------------------------------------------------------------------

    def operation_id(self, interface: Interface, op: Operation) -> str:
        direction = (interface.role or "").lower()
        return "_".join(part for part in (interface.module, direction, op.name) if part)

    def path_of(self, interface: Interface, op: Operation) -> str | None:
        """The path of ``op`` relative to the server; None for a URL given in a message."""
        if op.target in URL_TARGET_PATHS:
            return URL_TARGET_PATHS[op.target].format(version=self.version)
        if op.target != "endpoint":
            return None
        base = ENDPOINT_PATH.format(version=self.version, module=interface.module)
        if interface.module in self.split and interface.role:
            base += "/" + interface.role.lower()
        return base + ("/" + op.path if op.path else "")

    def operation(self, interface: Interface, op: Operation) -> dict[str, Any]:
        params: list[dict[str, Any]] = [
            {
                "name": p.name,
                "in": "path",
                "required": True,
                "schema": _bundled(p.schema, self.base, self.local),
            }
            for p in op.path_params
        ]
        params += [
            {
                "name": p.name,
                "in": "query",
                "required": p.required,
                "schema": _bundled(p.schema, self.base, self.local),
            }
            for p in op.query_params
        ]
        params += self.header_params(interface)
        headers: dict[str, Any] = {}
        if self.transport["request_ids"]:
            headers = {
                name: {"$ref": f"#/components/headers/{name}"}
                for name in ("X-Request-ID", "X-Correlation-ID")
            }
        if op.paginated:
            for name in ("X-Total-Count", "X-Limit", "Link"):
                headers[name] = {"$ref": f"#/components/headers/{name}"}
        success: dict[str, Any] = {
            "description": "The request was handled: the OCPI envelope"
            + (f" with {op.response_data.object} data." if op.response_data else "."),
            "content": {"application/json": {"schema": self.envelope(self.data_schema(op))}},
        }
        if headers:
            success["headers"] = headers
        out: dict[str, Any] = {
            "operationId": self.operation_id(interface, op),
            "summary": op.summary,
            "tags": [interface.module],
            "responses": {
                "200": success,
                "401": {
                    "description": "The token is missing or unknown.",
                    "content": {"application/json": {"schema": self.envelope(None)}},
                },
                "4XX": {"$ref": "#/components/responses/Error"},
                "5XX": {"$ref": "#/components/responses/Error"},
            },
        }
        if interface.spec_name:
            out["description"] = f"{interface.spec_name} of the {interface.name} module."
        if params:
            out["parameters"] = params
        if op.request_body is not None:
            body = op.request_body
            item = self.partial(body.object) if body.partial else self.ref(body.object)
            out["requestBody"] = {
                "required": body.required,
                "content": {
                    "application/json": {
                        "schema": {"type": "array", "items": item} if body.list else item
                    }
                },
            }
        if op.target not in ("endpoint", *URL_TARGET_PATHS):
            out["description"] = (
                f"Sent to the URL given in `{op.target}` of an earlier message "
                f"({interface.spec_name} of the {interface.name} module)."
            )
        return out

    def links(self, interface: Interface) -> None:
        """PUT and PATCH answers link to the GET of the same object (for stateful testing)."""
        getters = {
            op.path: op for op in interface.operations if op.method == "GET" and op.path_params
        }
        for op in interface.operations:
            getter = getters.get(op.path)
            path = self.path_of(interface, op)
            if op.method not in ("PUT", "PATCH") or getter is None or path is None:
                continue
            response = self.paths[path][op.method.lower()]["responses"]["200"]
            response["links"] = {
                getter.name: {
                    "operationId": self.operation_id(interface, getter),
                    "parameters": {p.name: f"$request.path.{p.name}" for p in getter.path_params},
                    "description": "The object just stored, read back.",
                }
            }

    def build(self) -> dict[str, Any]:
        for interface in self.interfaces:
            for op in interface.operations:
                path = self.path_of(interface, op)
                operation = self.operation(interface, op)
                if path is None:
                    self.webhooks[operation["operationId"]] = {op.method.lower(): operation}
                    continue
                item = self.paths.setdefault(path, {})
                if op.method.lower() in item:
                    raise OpenApiError(
                        f"OCPI {self.version}: {op.method} {path} is both "
                        f"{item[op.method.lower()]['operationId']} and {operation['operationId']}"
                    )
                item[op.method.lower()] = operation
            self.links(interface)
        who = self.role.upper() if self.role else "every role"
        server = self.server or "https://www.server.com/ocpi" + (
            f"/{self.role}" if self.role else ""
        )
        doc: dict[str, Any] = {
            "openapi": OPENAPI_VERSION,
            "info": {
                "title": f"OCPI {self.version} interfaces served by {who}",
                "version": self.version,
                "description": (
                    f"The OCPI {self.version} interfaces a party of {who} serves, generated by "
                    "ocpi-sdk from its JSON Schemas and interfaces data. The server URL is the "
                    "party's OCPI root: the versions list is at `/versions`, the version details "
                    f"at `/{self.version}` and each module's endpoint at "
                    f"`/{self.version}/<module>` (where a party serves both interfaces of a "
                    "module, at `.../<module>/sender` and `.../<module>/receiver`); a party "
                    "whose version details give other URLs serves the same operations there. "
                    "Every response body is the OCPI envelope. Operations sent to a URL taken "
                    "from an earlier message (command results, CDR locations) are webhooks."
                ),
            },
            "servers": [{"url": server}],
            "security": [{TOKEN_SCHEME: []}],
            "tags": [
                {"name": module}
                for module in dict.fromkeys(interface.module for interface in self.interfaces)
            ],
            "paths": self.paths,
            "components": self.components(),
        }
        if self.webhooks:
            doc["webhooks"] = self.webhooks
        return doc


def document(version: str, role: str | None = None, *, server: str | None = None) -> dict[str, Any]:
    """The OpenAPI 3.1 document of the OCPI ``version`` interfaces a party of ``role`` serves.

    ``role`` is ``"cpo"``, ``"emsp"``, ``"hub"`` or None for every interface of the version.
    ``server`` is the party's OCPI root URL (``https://host/ocpi``: versions at
    ``<server>/versions``, endpoints at ``<server>/<version>/<module>``); a placeholder when None.
    The version's JSON Schema files are embedded under ``components/schemas`` (each with its
    ``$id`` as ``x-ocpi-schema-id``; the registry's lenient view, so open enums are open) and
    referenced by JSON pointers into the document. The result is a new dict: change it freely.
    """
    return _Builder(str(version), role, server).build()
