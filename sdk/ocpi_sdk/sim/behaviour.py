"""What a simulated platform does with a matched request: the generic object operations, and
the few module behaviours the spec defines beyond storing (commands, real-time authorization,
receiving a CDR, command results)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import attrs
from starlette.requests import Request
from starlette.responses import Response

from ocpi_sdk import envelope as status
from ocpi_sdk import schemas
from ocpi_sdk.credentials import PartnerRecord
from ocpi_sdk.sim import operations as ops

if TYPE_CHECKING:
    from ocpi_sdk.sim.app import SimApp


@attrs.frozen
class Call:
    """One matched request to a module endpoint: what every behaviour is given."""

    app: SimApp
    request: Request
    version: str
    found: ops.Match
    query: dict[str, Any]
    body: Any
    partner: PartnerRecord | None


Hook = Callable[[Call], Awaitable[Response]]
HOOKS: dict[tuple[str, str], Hook] = {}


def hook(module: str, name: str) -> Callable[[Hook], Hook]:
    def register(function: Hook) -> Hook:
        HOOKS[(module, name)] = function
        return function

    return register


async def serve(call: Call) -> Response:
    app, request, version, found, query, body = (
        call.app, call.request, call.version, call.found, call.query, call.body
    )  # fmt: skip
    op = found.operation
    special = HOOKS.get((found.interface.module, op.name))
    if special is not None:
        return await special(call)
    module = bucket(version, found.interface.module)
    if op.paginated:
        return list_objects(app, request, module, query)
    if op.target != "endpoint":
        if op.method == "GET":
            return get_by_key(app, request, module, found.args.get("key", ""))
        # an asynchronous result POSTed to a URL we gave (command or charging profile results)
        app.platform.emit(
            "result", module=module, operation=op.name, key=found.args.get("key"), body=body
        )
        return app.respond(request)
    if op.method == "GET":
        return get_object(app, request, module, found)
    if op.method == "PUT":
        return put_object(app, request, module, found, body)
    if op.method == "PATCH":
        return patch_object(app, request, module, found, body)
    if op.method == "DELETE":
        return delete_object(app, request, module, found)
    app.platform.emit("received", module=module, operation=op.name, body=body)
    return app.respond(request)


def bucket(version: str, module: str) -> str:
    """Where a module's objects of one version live in the store (each version has its own)."""
    return f"{version}/{module}"


def list_objects(app: SimApp, request: Request, module: str, query: dict[str, Any]) -> Response:
    platform = app.platform
    objects = [
        o
        for o in platform.store.all(module)
        if ops.in_window(o, query.get("date_from"), query.get("date_to"))
    ]
    objects.sort(key=lambda o: (str(o.get("last_updated", "")), str(o.get("id", o.get("uid", "")))))
    offset = int(query.get("offset") or 0)
    limit = min(int(query.get("limit") or platform.config.page_limit), platform.config.page_limit)
    if "one_per_page" in platform.faults and platform.faults.shaping("one_per_page"):
        limit = 1
    page = objects[offset : offset + limit]
    headers = {"X-Total-Count": str(len(objects)), "X-Limit": str(limit)}
    if offset + len(page) < len(objects):
        path = request.url.path
        if "link_other_path" in platform.faults and platform.faults.shaping("link_other_path"):
            path = path.replace("/ocpi/", "/ocpi/alt/", 1) if "/ocpi/alt/" not in path else path
        raw_query = {k: v for k, v in request.query_params.items()}
        headers["Link"] = ops.page_link(
            str(request.url), path, raw_query, offset + len(page), limit
        )
    return app.respond(request, page, headers=headers)


def _locate(
    app: SimApp, module: str, found: ops.Match
) -> tuple[dict[str, Any] | None, Any, list[tuple[str, str]]]:
    owner, object_id, children = ops.split_args(found.operation, found.args)
    store = app.platform.store
    key = (owner.get("country_code", "").upper(), owner.get("party_id", "").upper(), object_id)
    obj = store.get(module, key) if owner else None
    if obj is None:
        obj = store.find(module, object_id)
    return obj, key, children


def get_object(app: SimApp, request: Request, module: str, found: ops.Match) -> Response:
    obj, _, children = _locate(app, module, found)
    target = obj
    for param, value in children:
        if target is None:
            break
        located = ops.nested(target, param, value)
        target = located[0][located[1]] if located else None
    if target is None:
        code = (
            status.UNKNOWN_LOCATION if module.endswith("locations") else status.GENERIC_CLIENT_ERROR
        )
        return app.error(request, 404, code, f"unknown {module} object")
    return app.respond(request, target)


def get_by_key(app: SimApp, request: Request, module: str, key: str) -> Response:
    obj = app.platform.store.find(module, key)
    if obj is None:
        return app.error(
            request, 404, status.GENERIC_CLIENT_ERROR, f"unknown {module} object {key}"
        )
    return app.respond(request, obj)


def put_object(app: SimApp, request: Request, module: str, found: ops.Match, body: Any) -> Response:
    obj, key, children = _locate(app, module, found)
    store = app.platform.store
    if not children:
        object_key = ops.object_key(body, found.args)
        store.put(module, object_key if object_key[2] else key, body)
        app.platform.emit("stored", module=module, key=key, body=body, method="PUT")
        return app.respond(request)
    if obj is None:
        return app.error(
            request, 404, status.GENERIC_CLIENT_ERROR, f"unknown parent {module} object"
        )
    parent = obj
    for param, value in children[:-1]:
        located = ops.nested(parent, param, value)
        if located is None:
            return app.error(request, 404, status.GENERIC_CLIENT_ERROR, f"unknown {param} {value}")
        parent = located[0][located[1]]
    param, value = children[-1]
    located = ops.nested(parent, param, value)
    if located is not None:
        located[0][located[1]] = body
    else:
        siblings = ops.child_list_for(parent, param, body)
        if siblings is None:
            return app.error(
                request, 404, status.GENERIC_CLIENT_ERROR, f"cannot place {param} {value}"
            )
        siblings.append(body)
    if "last_updated" in body:
        obj["last_updated"] = body["last_updated"]
    store.put(module, ops.object_key(obj, found.args), obj)
    app.platform.emit("stored", module=module, key=key, body=body, method="PUT")
    return app.respond(request)


def patch_object(
    app: SimApp, request: Request, module: str, found: ops.Match, body: Any
) -> Response:
    obj, _, children = _locate(app, module, found)
    if obj is None:
        return app.error(request, 404, status.GENERIC_CLIENT_ERROR, f"unknown {module} object")
    target = obj
    for param, value in children:
        located = ops.nested(target, param, value)
        if located is None:
            return app.error(request, 404, status.GENERIC_CLIENT_ERROR, f"unknown {param} {value}")
        target = located[0][located[1]]
    target.update(body)
    if "last_updated" in body:
        obj["last_updated"] = body["last_updated"]
    app.platform.store.put(module, ops.object_key(obj, found.args), obj)
    app.platform.emit("patched", module=module, body=body)
    return app.respond(request)


def delete_object(app: SimApp, request: Request, module: str, found: ops.Match) -> Response:
    obj, key, _ = _locate(app, module, found)
    if obj is None:
        return app.error(request, 404, status.GENERIC_CLIENT_ERROR, f"unknown {module} object")
    app.platform.store.delete(module, ops.object_key(obj, found.args))
    app.platform.emit("deleted", module=module, key=key)
    return app.respond(request)


def minimal(version: str, name: str, **values: Any) -> dict[str, Any]:
    """An object with ``values`` plus the version's other required simple fields."""
    definition = schemas.get(version, name)
    out = dict(values)
    for field in definition.get("required", []):
        if field in out:
            continue
        prop = definition["properties"][field]
        if prop.get("type") == "integer":
            out[field] = 30
    return out


@hook("cdrs", "post")
async def receive_cdr(call: Call) -> Response:
    platform = call.app.platform
    key = ops.object_key(call.body)
    platform.store.put(bucket(call.version, "cdrs"), key, call.body)
    platform.emit("cdr", body=call.body)
    url = f"{platform.endpoint_url(call.version, 'cdrs')}/t/get/{key[2]}"
    return call.app.respond(call.request, headers={"Location": url})


@hook("tokens", "authorize")
async def authorize(call: Call) -> Response:
    app, version, body = call.app, call.version, call.body
    uid = call.found.args["token_uid"]
    token = app.platform.store.find(bucket(version, "tokens"), uid)
    if token is None:
        return app.error(call.request, 404, status.UNKNOWN_TOKEN, f"unknown token {uid}")
    allowed = "ALLOWED" if token.get("valid", True) else "BLOCKED"
    info: dict[str, Any] = {"allowed": allowed}
    properties = schemas.get(version, "AuthorizationInfo")["properties"]
    if "token" in properties:
        info["token"] = token
    if "authorization_reference" in properties:
        info["authorization_reference"] = f"AUTH-{uid}"[:36]
    if body and "location" in properties:
        info["location"] = body
    app.platform.emit("authorized", uid=uid, allowed=allowed)
    return app.respond(call.request, info)


@hook("commands", "command_result")
async def command_result(call: Call) -> Response:
    call.app.platform.emit("command result", key=call.found.args.get("key"), body=call.body)
    return call.app.respond(call.request)


@hook("sessions", "set_charging_preferences")
async def charging_preferences(call: Call) -> Response:
    """The CPO accepts the driver's preferences (the answer is a ChargingPreferencesResponse)."""
    session_id = call.found.args.get("session_id", "")
    if call.app.platform.store.find(bucket(call.version, "sessions"), session_id) is None:
        return call.app.respond(call.request, "NOT_POSSIBLE")
    call.app.platform.emit("charging preferences", session_id=session_id, body=call.body)
    return call.app.respond(call.request, "ACCEPTED")


def _profile(name: str, result_operation: str) -> Hook:
    """A Charging Profiles Receiver operation: answer ACCEPTED at once, POST the result later."""

    async def handle(call: Call) -> Response:
        from ocpi_sdk.sim.charging import send_profile_result

        platform = call.app.platform
        url = call.query.get("response_url") or (call.body or {}).get("response_url")
        if name == "put":
            key = ("", "", call.found.args.get("session_id", ""))
            platform.store.put(bucket(call.version, "chargingprofiles"), key, call.body)
        if url:
            platform.spawn(
                send_profile_result(
                    platform, call.version, call.partner, url, result_operation, call.body
                )
            )
        platform.emit(
            "charging profile", operation=name, session_id=call.found.args.get("session_id")
        )
        response = minimal(call.version, "ChargingProfileResponse", result="ACCEPTED")
        return call.app.respond(call.request, response)

    return handle


HOOKS[("chargingprofiles", "get")] = _profile("get", "active_charging_profile_result")
HOOKS[("chargingprofiles", "put")] = _profile("put", "charging_profile_result")
HOOKS[("chargingprofiles", "delete")] = _profile("delete", "clear_profile_result")


def _command(name: str) -> Hook:
    async def handle(call: Call) -> Response:
        from ocpi_sdk.sim.charging import on_command

        platform = call.app.platform
        response = minimal(call.version, "CommandResponse", result="ACCEPTED")
        accepted = await on_command(platform, call.version, name, call.body, call.partner)
        if not accepted:
            response["result"] = "REJECTED"
        platform.emit("command", name=name, body=call.body, result=response["result"])
        return call.app.respond(call.request, response)

    return handle


for _name in (
    "start_session",
    "stop_session",
    "reserve_now",
    "cancel_reservation",
    "unlock_connector",
):
    HOOKS[("commands", _name)] = _command(_name)
