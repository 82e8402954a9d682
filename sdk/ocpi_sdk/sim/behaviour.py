"""What the simulated parties do beyond storing objects: commands, real-time authorization,
receiving a CDR, charging preferences and charging profiles (answered at once, results POSTed
to the ``response_url`` later). Each is registered for one operation of the generated handlers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ocpi_sdk import envelope as status
from ocpi_sdk import packages, schemas
from ocpi_sdk.server import Refused, RequestContext
from ocpi_sdk.sim.handlers import BEHAVIOURS, as_json, behaviour, bucket, object_key

if TYPE_CHECKING:
    from ocpi_sdk.sim.platform import Platform


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


def _model(version: str, name: str, data: dict[str, Any]) -> Any:
    package = packages.package(version)
    return package.loads(data, getattr(package, name))


@behaviour("cdrs", "RECEIVER", "post")
async def receive_cdr(
    platform: Platform, ctx: RequestContext, path: dict[str, str], body: Any, query: Any
) -> None:
    cdr = as_json(ctx.version, body)
    key = object_key(cdr, (ctx.party.country_code, ctx.party.party_id) if ctx.party else ("", ""))
    platform.put(bucket(ctx.version, "cdrs"), key, cdr)
    platform.emit("cdr", body=cdr)
    ctx.response_headers["Location"] = ctx.url_for("get", key[2])


@behaviour("tokens", "SENDER", "authorize")
async def authorize(
    platform: Platform, ctx: RequestContext, path: dict[str, str], body: Any, query: Any
) -> Any:
    version = ctx.version
    uid = path["token_uid"]
    token = platform.store.find(bucket(version, "tokens"), uid)
    if token is None:
        raise Refused(status.UNKNOWN_TOKEN, f"unknown token {uid}", http_status=404)
    allowed = "ALLOWED" if token.get("valid", True) else "BLOCKED"
    info: dict[str, Any] = {"allowed": allowed}
    properties = schemas.get(version, "AuthorizationInfo")["properties"]
    if "token" in properties:
        info["token"] = token
    if "authorization_reference" in properties:
        info["authorization_reference"] = f"AUTH-{uid}"[:36]
    if body is not None and "location" in properties:
        info["location"] = as_json(version, body)
    platform.emit("authorized", uid=uid, allowed=allowed)
    return _model(version, "AuthorizationInfo", info)


@behaviour("sessions", "SENDER", "set_charging_preferences")
async def charging_preferences(
    platform: Platform, ctx: RequestContext, path: dict[str, str], body: Any, query: Any
) -> Any:
    """The CPO accepts the driver's preferences (the answer is a ChargingPreferencesResponse)."""
    session_id = path["session_id"]
    if platform.store.find(bucket(ctx.version, "sessions"), session_id) is None:
        return "NOT_POSSIBLE"
    platform.emit("charging preferences", session_id=session_id)
    return "ACCEPTED"


def _profile(name: str, result_operation: str) -> Any:
    """A Charging Profiles Receiver operation: answer ACCEPTED at once, POST the result later."""

    async def handle(
        platform: Platform, ctx: RequestContext, path: dict[str, str], body: Any, query: Any
    ) -> Any:
        from ocpi_sdk.sim.charging import send_profile_result

        data = as_json(ctx.version, body) if body is not None else {}
        url = query.get("response_url") or data.get("response_url")
        if name == "put":
            key = ("", "", path["session_id"])
            platform.put(bucket(ctx.version, "chargingprofiles"), key, data)
        if url:
            platform.spawn(
                send_profile_result(platform, ctx.version, ctx.partner, url, result_operation)
            )
        platform.emit("charging profile", operation=name, session_id=path["session_id"])
        response = minimal(ctx.version, "ChargingProfileResponse", result="ACCEPTED")
        return _model(ctx.version, "ChargingProfileResponse", response)

    return handle


BEHAVIOURS[("chargingprofiles", "RECEIVER", "get")] = _profile(
    "get", "active_charging_profile_result"
)
BEHAVIOURS[("chargingprofiles", "RECEIVER", "put")] = _profile("put", "charging_profile_result")
BEHAVIOURS[("chargingprofiles", "RECEIVER", "delete")] = _profile("delete", "clear_profile_result")


def _command(name: str) -> Any:
    async def handle(
        platform: Platform, ctx: RequestContext, path: dict[str, str], body: Any, query: Any
    ) -> Any:
        from ocpi_sdk.sim.charging import on_command

        data = as_json(ctx.version, body)
        response = minimal(ctx.version, "CommandResponse", result="ACCEPTED")
        accepted = await on_command(platform, ctx.version, name, data, ctx.partner, ctx.party)
        if not accepted:
            response["result"] = "REJECTED"
        platform.emit("command", name=name, result=response["result"])
        return _model(ctx.version, "CommandResponse", response)

    return handle


for _name in (
    "start_session",
    "stop_session",
    "reserve_now",
    "cancel_reservation",
    "unlock_connector",
):
    BEHAVIOURS[("commands", "RECEIVER", _name)] = _command(_name)
