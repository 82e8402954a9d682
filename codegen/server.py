"""The server file of a version package (``server.py``), from its ``interfaces.json``.

One handler base class per module and interface role (what a user implements: one ``async``
method per operation, named after what it handles, path parameters as the spec names them, the
typed body) and the route table the hand-written core in :mod:`ocpi_sdk.server` serves.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import attrs
import jinja2

from codegen.clients import BUILTIN_TYPES
from codegen.reader import ClientDef, OperationDef, VersionDef, _Reader, read_clients

# The noun each module's bare operations (get, put, patch, delete, post, list) act on.
OBJECT_WORD = {
    "locations": ("location", "locations"),
    "sessions": ("session", "sessions"),
    "cdrs": ("cdr", "cdrs"),
    "tariffs": ("tariff", "tariffs"),
    "tokens": ("token", "tokens"),
    "hubclientinfo": ("client_info", "client_infos"),
    "chargingprofiles": ("charging_profile", "charging_profiles"),
    "credentials": ("credentials", "credentials"),
}
BARE = {"get", "put", "patch", "delete", "post", "list"}
OWNER = ("country_code", "party_id")
# Modules whose URL country_code/party_id name the party an object is *about*, not its owner:
# HubClientInfo is written by the hub about other parties (the spec's hub chapter).
NOT_OWNED = {"hubclientinfo"}


def snake(name: str) -> str:
    """``ChargingProfileResult`` -> ``charging_profile_result``, ``CDR`` -> ``cdr``."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    return re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()


def handler_name(module: str, op: OperationDef) -> str:
    """The handler method of an operation: ``put`` of Locations -> ``put_location``."""
    if op.name not in BARE:
        return op.name
    single, plural = OBJECT_WORD.get(module, (module.rstrip("s"), module))
    return f"list_{plural}" if op.name == "list" else f"{op.name}_{single}"


@attrs.frozen
class HandlerOp:
    """How one operation reads as a handler method and as a route."""

    op: OperationDef
    method_name: str
    params: str  # after ``self, ctx``
    returns: str
    path: str
    path_params: tuple[str, ...]
    query: str  # a tuple literal of QueryParam(...)
    body_name: str | None
    id_fields: str  # a tuple literal of (path param, body field)
    query_fields: str  # a tuple literal of (query param, body field)
    owned_fields: str  # a tuple literal of body fields holding the caller's own objects
    addressed_fields: str  # a tuple literal of body fields naming the party an object is for
    owner_checked: bool
    owner_in_body: bool
    requires_last_updated: bool


def _id_field(param: str, properties: dict[str, Any]) -> str | None:
    if param in properties:
        return param
    if param.endswith("_uid") and "uid" in properties:
        return "uid"
    if "id" in properties:
        return "id"
    return None


def handler_op(
    reader: _Reader, client: ClientDef, op: OperationDef, minimums: dict[str, int]
) -> HandlerOp:
    names = [p.name for p in op.path_params]
    positional = [f"{n}: str" for n in names]
    path = op.path
    if op.target != "endpoint":  # a URL we hand out (response_url, cdr_url): ours to shape
        path = f"{op.name}/{{key}}"
        names = ["key"]
        positional = ["key: str"]
    body_name = None
    properties: dict[str, Any] = {}
    if op.body_object:
        properties = reader.definition(op.body_object).get("properties", {})
        body_name = "changes" if op.body_partial else snake(op.body_object)
        kind = "Mapping[str, Any]" if op.body_partial else op.body_object
        positional.append(
            f"{body_name}: {kind}" if op.body_required else f"{body_name}: {kind} | None"
        )
    keyword: list[str] = []
    query: list[str] = []
    for q in op.query_params:
        minimum = minimums.get(q.name)
        if op.paginated and q.name in ("offset", "limit"):
            keyword.append(f"{q.name}: int")
        else:
            keyword.append(
                f"{q.name}: {q.annotation} | None"
                if not q.required
                else f"{q.name}: {q.annotation}"
            )
        query.append(f"QueryParam({q.name!r}, {q.annotation}, {q.required}, {minimum!r})")
    params = ", ".join(positional + (["*", *keyword] if keyword else []))
    if op.paginated:
        returns = f"ListPage[{op.response_object}]"
    elif op.response_object:
        returns = f"{op.response_object} | None" if op.method == "GET" else op.response_object
    else:
        returns = "None"
    own = [n for n in names if n not in OWNER]
    id_fields: list[tuple[str, str]] = []
    if op.body_object and own and op.target == "endpoint":
        field = _id_field(own[-1], properties)
        if field is not None:
            id_fields.append((own[-1], field))
    query_fields = [
        (q.name, q.name)
        for q in op.query_params
        if op.body_object and op.target == "endpoint" and q.name in properties
    ]
    owner_checked = all(o in names for o in OWNER) and client.module not in NOT_OWNED
    owner_in_body = owner_checked and all(o in properties for o in OWNER)
    if owner_in_body:
        id_fields += [(o, o) for o in OWNER]
    return HandlerOp(
        op=op,
        method_name=handler_name(client.module, op),
        params=params,
        returns=returns,
        path=path,
        path_params=tuple(names),
        query="(" + "".join(q + ", " for q in query) + ")",
        body_name=body_name,
        id_fields="(" + "".join(f"({a!r}, {b!r}), " for a, b in id_fields) + ")",
        query_fields="(" + "".join(f"({a!r}, {b!r}), " for a, b in query_fields) + ")",
        owned_fields="(" + "".join(f"{f!r}, " for f in op.body_owned) + ")",
        addressed_fields="(" + "".join(f"{f!r}, " for f in op.body_addressed) + ")",
        owner_checked=owner_checked,
        owner_in_body=owner_in_body,
        requires_last_updated=op.body_partial and "last_updated" in properties,
    )


def _minimums(folder: Path) -> dict[tuple[str, str | None, str], dict[str, int]]:
    """The ``minimum`` of each integer query parameter, by (module, role, operation)."""
    data = json.loads((folder / "interfaces.json").read_text(encoding="utf-8"))
    return {
        (module["module"], interface.get("role"), op["name"]): {
            q["name"]: q["schema"]["minimum"]
            for q in op.get("query_params", [])
            if "minimum" in q.get("schema", {})
        }
        for module in data["modules"]
        for interface in module["interfaces"]
        for op in interface["operations"]
    }


def _handler_class(client: ClientDef) -> str:
    role = {"SENDER": "Sender", "RECEIVER": "Receiver"}.get(client.role or "", "")
    return f"{client.name}{role}Handler"


def server_file(env: jinja2.Environment, version: VersionDef, folder: Path) -> str:
    """``server.py``: every handler class and the route table of one version."""
    spec = read_clients(folder)
    reader = _Reader(folder)
    clients = [c for c in spec.clients if c.role is not None]
    minimums = _minimums(folder)
    ops = {
        (c.module, c.role): [
            handler_op(reader, c, op, minimums[(c.module, c.role, op.name)]) for op in c.operations
        ]
        for c in clients
    }
    names: set[str] = set()
    for client in clients:
        for op in client.operations:
            for name in (op.body_object, op.response_object):
                if name:
                    names.add(name)
            for param in op.query_params:
                if param.annotation not in BUILTIN_TYPES:
                    names.add(param.annotation)
    imports: dict[str, list[str]] = {}
    for name in sorted(names):
        imports.setdefault(Path(reader.owner[name]).stem, []).append(name)
    text = " ".join(h.params for hs in ops.values() for h in hs)
    return env.get_template("server.py.jinja").render(
        version=version,
        clients=clients,
        ops=ops,
        imports=sorted(imports.items()),
        class_name=_handler_class,
        needs={"datetime": "datetime" in text, "mapping": "Mapping[" in text},
    )
