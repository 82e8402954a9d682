"""The hub simulator, a user of :mod:`ocpi_sdk.server`: every module interface is a handler
that passes the (already authenticated, validated, owner-checked) request on, through the SDK's
own clients, to the party the ``OCPI-to-*`` headers name.

Its security model: a party acts only as itself (the server refuses ``OCPI-from-*`` naming
another party, and URL owners other than the caller); only module interfaces are forwarded,
never ``credentials``, and paths are rebuilt from their parsed parts at the receiver's own
endpoint, so nothing can normalise outside it; every ``response_url`` a party gives (commands
and charging profiles) is replaced by a hub URL bound to the party the request went to, and
only that party may post the result there; the result goes to the original URL only when it is
on the requesting party's own origin; HubClientInfo is written by the hub alone (its Receiver
interface is not served here). OCPI 2.1.1 has no routing headers: a 2.1.1 hub is refused.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import attrs

from ocpi_sdk import envelope as status
from ocpi_sdk import packages, schemas
from ocpi_sdk.credentials import PartnerRecord
from ocpi_sdk.errors import OcpiConnectionError, TransportError
from ocpi_sdk.server import InterfaceHandler, ListPage, Refused, RequestContext, Route
from ocpi_sdk.sim.translate import Translator, same_route
from ocpi_sdk.translation import TranslationError
from ocpi_sdk.transport import Routing

if TYPE_CHECKING:
    from ocpi_sdk.sim.platform import Platform

RESULT_OPERATIONS = {
    ("commands", "reserve_now"): "command_result",
    ("commands", "start_session"): "command_result",
    ("commands", "stop_session"): "command_result",
    ("commands", "unlock_connector"): "command_result",
    ("commands", "cancel_reservation"): "command_result",
    ("chargingprofiles", "get"): "active_charging_profile_result",
    ("chargingprofiles", "put"): "charging_profile_result",
    ("chargingprofiles", "delete"): "clear_profile_result",
}
"""Operations carrying a ``response_url``, and the operation that answers at that URL."""


@attrs.frozen
class Relay:
    """A ``response_url`` the hub gave in place of a party's own."""

    url: str  # the requesting party's original URL
    requester: str  # token C of the party that gave it
    responder: str  # token C of the party the request went to (the only one who may answer)


class HubRouter:
    """The hub's forwarding state: relays by key."""

    def __init__(self, platform: Platform) -> None:
        self.platform = platform
        self.relays: dict[str, Relay] = {}
        self.translate = Translator()

    def relay(self, version: str, module: str, result_op: str, relay: Relay) -> str:
        key = secrets.token_urlsafe(12)
        self.relays[key] = relay
        while len(self.relays) > 50_000:
            self.relays.pop(next(iter(self.relays)))
        return f"{self.platform.endpoint_url(version, module, 'SENDER')}/{result_op}/{key}"


def unsupported_versions(versions: tuple[str, ...]) -> list[str]:
    """Versions a hub cannot route (no routing headers)."""
    return [v for v in versions if not packages.package(v).PROFILE.routing_headers]


def refuse_unroutable(versions: tuple[str, ...]) -> tuple[str, ...]:
    """The versions a hub serves: those with routing headers. Raises ValueError, with a clear
    message, when none is left (a 2.1.1-only hub); the CLI refuses any such version."""
    kept = tuple(v for v in versions if v not in unsupported_versions(versions))
    if not kept:
        raise ValueError(
            f"a hub cannot serve OCPI {', '.join(versions)}: that version has no routing "
            "headers (OCPI-to-*), so a hub cannot tell where a request goes; use 2.2.1 or 2.3.0"
        )
    return kept


def mount_hub(platform: Platform) -> None:
    """Mount a forwarding handler for every interface of every version the hub speaks."""
    router = HubRouter(platform)
    platform.hub = router
    for version in platform.versions:
        module = __import__(f"ocpi_sdk.v{version.replace('.', '_')}.server", fromlist=["HANDLERS"])
        stands_for = platform.config.translated.get(version)
        for (name, role), cls in module.HANDLERS.items():
            if stands_for is not None and stands_for not in _implemented_by(version, cls):
                continue  # a version without roles: only the side the hub stands for there
            if name == "hubclientinfo":
                if role == "SENDER":
                    platform.server.mount(_client_info_sender(platform, cls))
                continue  # the Receiver: HubClientInfo is written by the hub alone
            methods = {route.handler: _forwarding(router, route) for route in cls.routes}
            platform.server.mount(type(f"Hub{cls.__name__}", (cls,), methods)())


def _implemented_by(version: str, cls: type[InterfaceHandler]) -> tuple[str, ...]:
    for interface in schemas.interfaces(version):
        if interface.module == cls.module and interface.role == cls.role:
            return tuple(interface.implemented_by)
    return ()


def _client_info_sender(platform: Platform, cls: type[InterfaceHandler]) -> InterfaceHandler:
    from ocpi_sdk.sim.handlers import bucket, list_page

    async def list_client_infos(self: Any, ctx: RequestContext, **query: Any) -> Any:
        return list_page(platform, ctx, bucket(ctx.version, "hubclientinfo"), query)

    return type("HubClientInfoSender", (cls,), {"list_client_infos": list_client_infos})()  # type: ignore[no-any-return]


def _forwarding(router: HubRouter, route: Route) -> Callable[..., Awaitable[Any]]:
    count = len(route.path_params)

    async def forward(self: Any, ctx: RequestContext, *args: Any, **query: Any) -> Any:
        path = list(args[:count])
        body = args[count] if len(args) > count else None
        if route.target != "endpoint":
            return await _result(router, route, ctx, path[0], body)
        return await _pass_on(router, route, ctx, path, body, query)

    forward.__name__ = route.handler
    return forward


def _targets(platform: Platform, ctx: RequestContext, route: Route) -> list[PartnerRecord]:
    caller: PartnerRecord = ctx.partner
    if ctx.to_party is not None:
        found = platform.partner_for(ctx.to_party.country_code, ctx.to_party.party_id)
        if found is None:
            raise Refused(
                status.UNKNOWN_RECEIVER, f"unknown receiver {ctx.to_party}", http_status=404
            )
        return [found]
    others = [
        p
        for p in list(platform.partners.partners.values())
        if p.token_c != caller.token_c and _has(p, route)
    ]
    if route.method != "GET" and others:
        return others  # a push without OCPI-to-*: a broadcast to every party with the module
    if len(others) == 1:
        return others
    raise Refused(
        status.UNKNOWN_RECEIVER, "no OCPI-to-* headers and no single receiver", http_status=404
    )


def _has(record: PartnerRecord, route: Route) -> bool:
    return any(e.module == route.module and e.role in (route.role, None) for e in record.endpoints)


async def _pass_on(
    router: HubRouter,
    route: Route,
    ctx: RequestContext,
    path: list[str],
    body: Any,
    query: dict[str, Any],
) -> Any:
    platform = router.platform
    result: Any = None
    for target in _targets(platform, ctx, route):
        if not _has(target, route):
            raise Refused(
                status.UNKNOWN_RECEIVER,
                f"the receiver has no {route.module} {route.role} endpoint",
                http_status=404,
            )
        sent_body, sent_query = _relayed(router, route, ctx, target, body, dict(query))
        sent_body = _translated(router, route, sent_body, ctx.version, target.version, ctx.partner)
        sent_query = router.translate.query(route, sent_query, ctx.version, target.version)
        result = await _call(platform, route, ctx, target, path, sent_body, sent_query)
        result = _translated(
            router, route, result, target.version, ctx.version, target, _token_uid(route, path)
        )
        platform.emit("forwarded", method=route.method, module=route.module, to=str(ctx.to_party))
    return result


def _relayed(
    router: HubRouter,
    route: Route,
    ctx: RequestContext,
    target: PartnerRecord,
    body: Any,
    query: dict[str, Any],
) -> tuple[Any, dict[str, Any]]:
    """The body and query with every ``response_url`` replaced by a hub relay URL."""
    result_op = RESULT_OPERATIONS.get((route.module, route.name))
    if result_op is None:
        return body, query
    caller: PartnerRecord = ctx.partner
    original = query.get("response_url") or (
        getattr(body, "response_url", None) if body is not None else None
    )
    if not original:
        return body, query
    if not _same_origin(str(original), caller):
        raise Refused(
            status.INVALID_PARAMETERS,
            "response_url must be on your own platform (the origin of your endpoints)",
        )
    url = router.relay(  # called by the target: in its version, which the hub serves
        target.version,
        route.module,
        result_op,
        Relay(str(original), caller.token_c, target.token_c),
    )
    if "response_url" in query:
        query["response_url"] = url
    if body is not None and getattr(body, "response_url", None):
        body = attrs.evolve(body, response_url=url)
    return body, query


def _token_uid(route: Route, path: list[str]) -> str | None:
    """The ``token_uid`` in the request's URL, if the route has one."""
    if "token_uid" in route.path_params:
        return path[route.path_params.index("token_uid")]
    return None


def _translated(
    router: HubRouter,
    route: Route,
    value: Any,
    source: str,
    target: str,
    owner: PartnerRecord,
    token_uid: str | None = None,
    as_object: str | None = None,
) -> Any:
    """``value`` converted from ``source`` to ``target`` (the two parties' versions), its owner's
    ``country_code``/``party_id`` taken from the registration of ``owner``."""
    name = getattr(route.body, "__name__", None) if route.body_partial else None
    try:
        return router.translate(
            value,
            source,
            target,
            _party_of(owner),
            name=name,
            token_uid=token_uid,
            as_object=as_object,
        )
    except TranslationError as exc:
        raise Refused(
            status.GENERIC_SERVER_ERROR,
            f"the hub cannot convert this {route.module} object from OCPI {source} "
            f"to {target}: {exc}",
        ) from None


def _same_origin(url: str, record: PartnerRecord) -> bool:
    wanted = urlsplit(url)
    origins = {(urlsplit(e.url).scheme, urlsplit(e.url).netloc) for e in record.endpoints}
    origins.add((urlsplit(record.versions_url).scheme, urlsplit(record.versions_url).netloc))
    return (wanted.scheme, wanted.netloc) in origins


async def _result(
    router: HubRouter, route: Route, ctx: RequestContext, key: str, body: Any
) -> None:
    """A result POSTed to a relay URL: only the party the request went to may post it; it goes
    on to the URL the requesting party gave, with the hub's token for that party."""
    platform = router.platform
    relay = router.relays.get(key)
    caller: PartnerRecord = ctx.partner
    if relay is None:
        raise Refused(status.GENERIC_CLIENT_ERROR, "unknown result URL", http_status=404)
    if caller.token_c != relay.responder:
        raise Refused(
            status.GENERIC_CLIENT_ERROR,
            "this result URL was given to another party",
            http_status=403,
        )
    requester = platform.partners.partner(relay.requester)
    if requester is None:
        raise Refused(status.UNKNOWN_RECEIVER, "the requesting party is gone", http_status=404)
    client = _client(platform, requester, route, ctx)
    theirs = same_route(requester.version, route)  # 2.1.1's result is a CommandResponse
    as_object = getattr(theirs.body, "__name__", None) if theirs is not None else None
    body = _translated(
        router, route, body, ctx.version, requester.version, caller, as_object=as_object
    )
    try:
        await getattr(client, route.name)(body, response_url=relay.url)
    except TransportError as exc:
        raise _refusal(exc) from None
    del router.relays[key]
    platform.emit("relayed", operation=route.name)


def _client(platform: Platform, target: PartnerRecord, route: Route, ctx: RequestContext) -> Any:
    from ocpi_sdk.sim.charging import SIM_RETRIES

    connection = platform.connection_to(target)
    options: dict[str, Any] = {"client": platform.http(), "retries": SIM_RETRIES}
    if ctx.correlation_id:  # a new X-Request-ID per hop, the same X-Correlation-ID
        options["correlation_id"] = ctx.correlation_id
    if packages.package(target.version).PROFILE.routing_headers:
        to = _party_of(target)
        sender = (
            (ctx.party.country_code, ctx.party.party_id)
            if ctx.party is not None
            else _party_of(ctx.partner)  # a 2.1.1 party: the one its registration names
        )
        (from_cc, from_id), (to_cc, to_id) = sender, to
        if from_cc and from_id and to_cc and to_id:
            options["routing"] = Routing(from_cc, from_id, to_cc, to_id)
    return connection.async_client(route.module, role=route.role, **options)


def _party_of(record: PartnerRecord) -> tuple[str | None, str | None]:
    roles = record.credentials.get("roles") or [record.credentials]
    first = roles[0] if roles else {}
    return first.get("country_code"), first.get("party_id")


async def _call(
    platform: Platform,
    route: Route,
    ctx: RequestContext,
    target: PartnerRecord,
    path: list[str],
    body: Any,
    query: dict[str, Any],
) -> Any:
    client = _client(platform, target, route, ctx)
    try:
        if route.paginated:
            page = await client.list_page(**query)
            return ListPage(page.items, page.total_count or len(page.items), page.limit)
        positional = [*path, body] if route.body is not None and route.body_required else path
        if route.body is not None and not route.body_required:
            query["body"] = body
        answer = await getattr(client, route.name)(*positional, **query)
    except TransportError as exc:
        raise _refusal(exc) from None
    return None if route.response is None else answer


def _refusal(exc: TransportError) -> Refused:
    if isinstance(exc, OcpiConnectionError):
        return Refused(
            status.CONNECTION_PROBLEM, f"cannot reach the receiver: {exc}", http_status=504
        )
    code = exc.status_code or status.GENERIC_SERVER_ERROR
    http = exc.http_status if exc.http_status and exc.http_status >= 400 else 200
    return Refused(code, f"the receiver answered: {exc}", http_status=http)


def client_connected(platform: Platform, version: str, record: PartnerRecord) -> None:
    """A party registered with the hub: record a ClientInfo per role it has (CONNECTED), served
    by the hub's HubClientInfo Sender interface of every version that has one (a 2.1.1 party,
    which has no roles, as OTHER), and push it to the other connected parties."""
    from ocpi_sdk.converter import format_datetime

    served = [v for v in platform.versions if "ClientInfo" in schemas.names(v)]
    if not served:
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
        key = (role["country_code"], role["party_id"], f"{role['country_code']}{role['party_id']}")
        for each in served:
            platform.put(f"{each}/hubclientinfo", key, info)
        platform.emit("client info", party=f"{role['country_code']}*{role['party_id']}")
        for other in list(platform.partners.partners.values()):
            if other.token_c != record.token_c:
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
