"""The simulated CPO and eMSP as users of :mod:`ocpi_sdk.server`: one handler per interface
they serve, each a subclass of the generated handler class whose operations keep objects in
the platform's store. The few module behaviours beyond storing (commands, real-time
authorization, receiving a CDR, asynchronous results) are in :mod:`ocpi_sdk.sim.behaviour`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import orjson

from ocpi_sdk import envelope as status
from ocpi_sdk import packages
from ocpi_sdk.converter import format_datetime
from ocpi_sdk.server import InterfaceHandler, ListPage, Refused, RequestContext, Route
from ocpi_sdk.sim.store import Key

if TYPE_CHECKING:
    from ocpi_sdk.sim.platform import Platform

OWNER = ("country_code", "party_id")

Behaviour = Callable[
    ["Platform", RequestContext, dict[str, str], Any, dict[str, Any]], Awaitable[Any]
]
BEHAVIOURS: dict[tuple[str, str | None, str], Behaviour] = {}


def behaviour(module: str, role: str, name: str) -> Callable[[Behaviour], Behaviour]:
    """Register what an operation of one interface does beyond storing
    (``commands``/``RECEIVER``/``start_session``...)."""

    def register(function: Behaviour) -> Behaviour:
        BEHAVIOURS[(module, role, name)] = function
        return function

    return register


def bucket(version: str, module: str) -> str:
    """Where a module's objects of one version live in the store (each version has its own)."""
    return f"{version}/{module}"


def as_json(version: str, model: Any) -> Any:
    """A model (or anything the converter writes) as plain JSON data."""
    try:
        return orjson.loads(packages.package(version).converter.dumps(model))
    except (TypeError, ValueError) as exc:  # e.g. an integer beyond 64 bits: cannot be stored
        raise Refused(status.INVALID_PARAMETERS, f"cannot store this object: {exc}") from None


def object_key(obj: dict[str, Any], owner: tuple[str, str] = ("", "")) -> Key:
    """(country_code, party_id, id) of an object, from its fields or ``owner``."""
    cc = str(obj.get("country_code") or owner[0])
    pid = str(obj.get("party_id") or owner[1])
    return cc, pid, str(obj.get("id", obj.get("uid", "")))


def build_handler(platform: Platform, cls: type[InterfaceHandler]) -> InterfaceHandler:
    """An instance of a generated handler class whose every operation the simulator serves."""
    methods = {route.handler: _operation(platform, route) for route in cls.routes}
    return type(f"Sim{cls.__name__}", (cls,), methods)()  # type: ignore[no-any-return]


def _operation(platform: Platform, route: Route) -> Callable[..., Awaitable[Any]]:
    count = len(route.path_params)

    async def operation(self: Any, ctx: RequestContext, *args: Any, **query: Any) -> Any:
        path = dict(zip(route.path_params, args[:count], strict=True))
        body = args[count] if len(args) > count else None
        special = BEHAVIOURS.get((route.module, route.role, route.name))
        if special is not None:
            return await special(platform, ctx, path, body, query)
        return await _generic(platform, route, ctx, path, body, query)

    operation.__name__ = route.handler
    return operation


async def _generic(
    platform: Platform,
    route: Route,
    ctx: RequestContext,
    path: dict[str, str],
    body: Any,
    query: dict[str, Any],
) -> Any:
    version, module = ctx.version, bucket(ctx.version, route.module)
    if route.paginated:
        return list_page(platform, ctx, module, query)
    if route.target != "endpoint":
        if route.method == "GET":
            return _raw_or_unknown(platform, module, path["key"], route)
        value = as_json(version, body) if body is not None else None
        platform.record_result(path["key"], route.name, value)
        return None
    owner = tuple(path[o] for o in OWNER if o in path)
    ids = [(n, v) for n, v in path.items() if n not in OWNER]
    if route.method == "POST":
        value = as_json(version, body)
        platform.put(module, object_key(value, _pair(owner)), value)
        return None
    if not ids:  # an object named by its party alone (HubClientInfo)
        ids = [("party", "")]
    key: Key = (*_pair(owner), ids[0][1])
    children = ids[1:]
    if route.method == "GET":
        return _get(platform, route, module, key, bool(owner), children)
    if route.method == "DELETE":
        if not platform.store.delete(module, key):
            raise _unknown(route, ids[0][1])
        platform.emit("deleted", module=module, key=key)
        return None
    if route.method == "PUT":
        value = as_json(version, body)
        if not children:
            platform.put(module, key, value)
            return None
        return _put_child(platform, route, module, key, children, value)
    if route.method == "PATCH":
        return _patch(platform, route, module, key, children, dict(body))
    raise Refused(status.GENERIC_CLIENT_ERROR, f"{route.method} not served", http_status=405)


def _pair(owner: tuple[str, ...]) -> tuple[str, str]:
    return (owner[0], owner[1]) if len(owner) == 2 else ("", "")


def _unknown(route: Route, what: str) -> Refused:
    code = status.UNKNOWN_LOCATION if route.module == "locations" else status.GENERIC_CLIENT_ERROR
    return Refused(code, f"unknown {route.module} object {what}", http_status=404)


def _raw_or_unknown(platform: Platform, module: str, object_id: str, route: Route) -> Any:
    found = platform.store.find(module, object_id)
    if found is None:
        raise _unknown(route, object_id)
    return platform.shape_one(found)


def _find(platform: Platform, module: str, key: Key, owned: bool) -> dict[str, Any] | None:
    if owned:
        return platform.store.get(module, key)
    return platform.store.find(module, key[2])


def _child(obj: dict[str, Any], param: str, value: str) -> tuple[list[Any], int] | None:
    """The list and index of the child named by ``param`` (``evse_uid`` -> an item of a list
    field whose ``uid`` is ``value``, case-insensitively)."""
    field = param.rsplit("_", 1)[-1]
    for child_list in obj.values():
        if isinstance(child_list, list):
            for index, child in enumerate(child_list):
                if isinstance(child, dict) and str(child.get(field, "")).upper() == value.upper():
                    return child_list, index
    return None


def _get(
    platform: Platform,
    route: Route,
    module: str,
    key: Key,
    owned: bool,
    children: list[tuple[str, str]],
) -> Any:
    obj = _find(platform, module, key, owned)
    if obj is None:
        raise _unknown(route, key[2])
    target: dict[str, Any] = obj
    for param, value in children:
        located = _child(target, param, value)
        if located is None:
            raise _unknown(route, f"{key[2]}/{value}")
        target = located[0][located[1]]
    return platform.shape_one(target)


def _put_child(
    platform: Platform,
    route: Route,
    module: str,
    key: Key,
    children: list[tuple[str, str]],
    value: dict[str, Any],
) -> None:
    obj = platform.store.get(module, key)
    if obj is None:
        raise _unknown(route, key[2])
    obj = orjson.loads(orjson.dumps(obj))
    parent = obj
    for param, child_id in children[:-1]:
        located = _child(parent, param, child_id)
        if located is None:
            raise _unknown(route, child_id)
        parent = located[0][located[1]]
    param, child_id = children[-1]
    located = _child(parent, param, child_id)
    if located is not None:
        located[0][located[1]] = value
    else:
        field = {"evse_uid": "evses", "connector_id": "connectors"}.get(param)
        if field is None:
            raise _unknown(route, child_id)
        parent.setdefault(field, []).append(value)
    if "last_updated" in value:
        obj["last_updated"] = value["last_updated"]
    platform.put(module, key, obj)


def _patch(
    platform: Platform,
    route: Route,
    module: str,
    key: Key,
    children: list[tuple[str, str]],
    changes: dict[str, Any],
) -> None:
    obj = platform.store.get(module, key)
    if obj is None:
        raise _unknown(route, key[2])
    obj = orjson.loads(orjson.dumps(obj))
    target = obj
    for param, child_id in children:
        located = _child(target, param, child_id)
        if located is None:
            raise _unknown(route, child_id)
        target = located[0][located[1]]
    target.update(changes)
    if "last_updated" in changes:
        obj["last_updated"] = changes["last_updated"]
    platform.put(module, key, obj)
    platform.emit("patched", module=module, key=key, body=changes)


def _viewers(ctx: RequestContext) -> list[tuple[str, str]]:
    """The parties whose Sessions and CDRs a list request may see: those it may act as."""
    return [(p.country_code.upper(), p.party_id.upper()) for p in ctx.parties]


def list_page(
    platform: Platform, ctx: RequestContext, module: str, query: dict[str, Any]
) -> ListPage[Any]:
    """One page from the store, as stored JSON bytes."""
    limit = int(query["limit"])
    if platform.faults.shaping("one_per_page"):
        limit = 1
    stamps = [
        format_datetime(query[name])[:19] if query.get(name) is not None else None
        for name in ("date_from", "date_to")
    ]
    offset = int(query["offset"])
    items, total = platform.store.page(
        module, stamps[0], stamps[1], offset, limit, viewers=_viewers(ctx)
    )
    shaped = platform.shape_page(module, items, offset)
    return ListPage.of_json(shaped, total, limit)
