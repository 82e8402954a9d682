"""The hub simulator's routing: a request to a module endpoint of the hub is forwarded to the
registered party named by the ``OCPI-to-*`` headers, with the hub's own token for it; URLs in
the answer that point at that party (pagination ``Link``, ``Location``) are rewritten to the
hub, and a command's ``response_url`` is replaced by a hub relay so results flow back."""

from __future__ import annotations

import json
import secrets
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import httpx
from starlette.requests import Request
from starlette.responses import Response

from ocpi_sdk import envelope as status
from ocpi_sdk.credentials import PartnerRecord
from ocpi_sdk.transport.core import encode_token

if TYPE_CHECKING:
    from ocpi_sdk.sim.app import SimApp
    from ocpi_sdk.sim.platform import Platform

RELAYS: dict[str, tuple[str, PartnerRecord]] = {}
PASS_HEADERS = (
    "X-Request-ID",
    "X-Correlation-ID",
    "OCPI-from-country-code",
    "OCPI-from-party-id",
    "OCPI-to-country-code",
    "OCPI-to-party-id",
    "Content-Type",
)


def _endpoint(record: PartnerRecord, module: str) -> str | None:
    for endpoint in record.endpoints:
        if endpoint.module == module:
            return endpoint.url.rstrip("/")
    return None


async def forward(
    app: SimApp,
    request: Request,
    version: str,
    module: str,
    rest: str,
    sender: PartnerRecord | None,
) -> Response:
    platform = app.platform
    if rest.startswith("relay/"):
        return await _relay(app, request, rest.split("/", 1)[1])
    to_cc = request.headers.get("OCPI-to-country-code")
    to_pid = request.headers.get("OCPI-to-party-id")
    target = platform.partner_for(to_cc, to_pid) if to_cc and to_pid else None
    if target is None:
        others = [p for p in platform.partners.partners.values() if p is not sender]
        target = others[0] if len(others) == 1 and not (to_cc and to_pid) else None
    if target is None:
        return app.error(
            request, 404, status.UNKNOWN_RECEIVER, f"unknown receiver {to_cc}*{to_pid}"
        )
    base = _endpoint(target, module)
    if base is None:
        return app.error(
            request, 404, status.UNKNOWN_RECEIVER, f"the receiver has no {module} endpoint"
        )
    body = await request.body()
    if module == "commands" and body:
        body = _relay_response_url(app, version, body, sender)
    url = f"{base}/{quote(rest, safe='/')}" if rest else base  # the path as it was encoded
    headers = {h: request.headers[h] for h in PASS_HEADERS if h in request.headers}
    headers["X-Request-ID"] = secrets.token_hex(8)  # a hub sets its own request id
    headers["Authorization"] = encode_token(
        target.token_b, platform.package(version).PROFILE.token_encoding
    )
    async with platform.http() as http:
        try:
            answer = await http.request(
                request.method, url, params=request.query_params, content=body, headers=headers
            )
        except httpx.HTTPError as exc:
            return app.error(
                request, 504, status.CONNECTION_PROBLEM, f"cannot reach the receiver: {exc}"
            )
    platform.emit(
        "forwarded",
        method=request.method,
        module=module,
        to=f"{to_cc}*{to_pid}",
        status=answer.status_code,
    )
    out = {
        k: v
        for k, v in answer.headers.items()
        if k.lower() in ("x-total-count", "x-limit", "content-type")
    }
    own = platform.endpoint_url(version, module)
    for name in ("Link", "Location"):
        if name in answer.headers:
            out[name] = answer.headers[name].replace(base, own)
    return Response(answer.content, status_code=answer.status_code, headers=out)


def _relay_response_url(
    app: SimApp, version: str, body: bytes, sender: PartnerRecord | None
) -> bytes:
    try:
        data: Any = json.loads(body)
    except ValueError:
        return body
    if isinstance(data, dict) and isinstance(data.get("response_url"), str) and sender is not None:
        key = secrets.token_hex(8)
        RELAYS[key] = (data["response_url"], sender)
        data["response_url"] = f"{app.platform.endpoint_url(version, 'commands')}/relay/{key}"
        return json.dumps(data).encode()
    return body


async def _relay(app: SimApp, request: Request, key: str) -> Response:
    found = RELAYS.get(key)
    if found is None:
        return app.error(request, 404, status.GENERIC_CLIENT_ERROR, "unknown relay")
    url, record = found
    version = record.version
    headers = {"Content-Type": "application/json"}
    headers["Authorization"] = encode_token(
        record.token_b, app.platform.package(version).PROFILE.token_encoding
    )
    for name in ("X-Request-ID", "X-Correlation-ID"):
        if name in request.headers:
            headers[name] = request.headers[name]
    async with app.platform.http() as http:
        answer = await http.request(
            request.method, url, content=await request.body(), headers=headers
        )
    app.platform.emit("relayed", url=url, status=answer.status_code)
    return Response(answer.content, status_code=answer.status_code, media_type="application/json")


def client_connected(platform: Platform, version: str, record: PartnerRecord) -> None:
    """A party registered with the hub: record a ClientInfo per role it has (CONNECTED), served
    by the hub's HubClientInfo Sender interface, and push it to the other connected parties."""
    from ocpi_sdk import schemas
    from ocpi_sdk.converter import format_datetime
    from ocpi_sdk.sim.operations import object_key

    if "ClientInfo" not in schemas.names(version):
        return
    credentials = record.credentials
    roles = credentials.get("roles") or [
        {"role": "OTHER", **{k: credentials.get(k) for k in ("country_code", "party_id")}}
    ]
    now = format_datetime(datetime.now(UTC).replace(microsecond=0))
    for role in roles:
        info = {
            "party_id": role["party_id"],
            "country_code": role["country_code"],
            "role": role["role"],
            "status": "CONNECTED",
            "last_updated": now,
        }
        key = object_key({**info, "id": f"{role['country_code']}{role['party_id']}"})
        platform.store.put(f"{version}/hubclientinfo", key, info)
        platform.emit("client info", party=f"{role['country_code']}*{role['party_id']}")
        for other in list(platform.partners.partners.values()):
            if other is not record:
                platform.spawn(_push_client_info(platform, other, info))


async def _push_client_info(
    platform: Platform, partner: PartnerRecord, info: dict[str, Any]
) -> None:
    from ocpi_sdk.sim.charging import partner_client

    if not any(e.module == "hubclientinfo" for e in partner.endpoints):
        return
    package = platform.package(partner.version)
    try:
        async with partner_client(platform, partner, "hubclientinfo", "RECEIVER") as client:
            body = package.loads(info, package.ClientInfo)
            await client.put(info["country_code"], info["party_id"], body)
    except Exception as exc:
        platform.emit("error", where="hubclientinfo push", detail=str(exc))
