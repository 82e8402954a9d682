"""The server core, framework-independent: one request in, one OCPI response out.

For every request: authenticate (before reading any body), match a route, check the request
and routing headers, read the body within limits, parse and validate it (in a worker thread
when large), check the URL's ids against the body and the owner against the caller, call the
handler, and wrap its answer in the envelope with the right HTTP status. Every answer,
unknown routes and methods included, is an OCPI envelope.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import re
import time
import uuid
from codecs import BOM_UTF8
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import attrs
import httpx
import orjson

from ocpi_sdk import envelope as status
from ocpi_sdk import packages, schemas
from ocpi_sdk.converter import format_datetime, json_default, parse_datetime
from ocpi_sdk.credentials import (
    CredentialsHandler,
    CredentialsRequest,
    MemoryPartnerStore,
    PartnerRecord,
    PartyRole,
    read_token,
)
from ocpi_sdk.credentials import Party as CredentialsParty
from ocpi_sdk.envelope import envelope
from ocpi_sdk.errors import PayloadError
from ocpi_sdk.server.encoding import READ, BadEncoding, UnsupportedEncoding, decoded
from ocpi_sdk.server.http import IncomingRequest, OutgoingResponse
from ocpi_sdk.server.limits import BodyTooLarge, Limits, too_deep
from ocpi_sdk.server.routes import (
    InterfaceHandler,
    ListPage,
    Party,
    RawJson,
    Refused,
    RequestContext,
    Route,
)

log = logging.getLogger("ocpi_sdk.server")

JSON = "application/json"
ROUTING = (
    "ocpi-from-country-code",
    "ocpi-from-party-id",
    "ocpi-to-country-code",
    "ocpi-to-party-id",
)


@attrs.frozen
class RequestLog:
    """One answered request, for logs (never the token): method, path, HTTP and OCPI status,
    seconds taken, the calling party when known."""

    method: str
    path: str
    http_status: int
    ocpi_status: int | None
    seconds: float
    party: str | None


@attrs.define
class _Mounted:
    version: str
    module: str
    role: str | None
    handler: InterfaceHandler
    url_path: str  # "/2.2.1/locations" or "/2.2.1/locations/receiver"
    routes: list[tuple[Route, list[str | None]]]  # segments: literal or None for a parameter


def parties_of(record: PartnerRecord) -> list[tuple[str, Party]]:
    """(role, party) of every role a registered partner has in its credentials."""
    credentials = record.credentials
    if "roles" in credentials:
        return [
            (str(r.get("role")), Party(str(r.get("country_code")), str(r.get("party_id"))))
            for r in credentials.get("roles") or []
        ]
    return [
        (
            "OTHER",
            Party(str(credentials.get("country_code")), str(credentials.get("party_id"))),
        )
    ]


def _is_hub(record: PartnerRecord) -> bool:
    return bool(record.credentials.get("hub_party_id")) or any(
        role == "HUB" for role, _ in parties_of(record)
    )


class _Answer(Exception):
    """An OCPI error answer, raised anywhere in the pipeline."""

    def __init__(
        self, http_status: int, code: int, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.code = code
        self.message = message
        self.headers = headers or {}


class OcpiServer:
    """The receiving side of OCPI for one platform, independent of any web framework.

    ``parties``: who we are (our roles, as in our credentials; or a function of the version
    giving our whole :class:`~ocpi_sdk.credentials.Party`). ``tokens``: the token store (token
    A issued out of band, registered partners with their tokens B and C); the credentials
    module is served with it through :class:`~ocpi_sdk.credentials.CredentialsHandler`.
    ``role``: the role we negotiate as when a partner registers. Mount handlers (subclasses of
    the generated ``ocpi_sdk.v<version>.server`` classes) with :meth:`mount`; versions and
    version details are built from what is mounted. ``strict_request_ids`` refuses 2.2+
    requests without ``X-Request-ID``/``X-Correlation-ID`` (by default one is generated and the
    deviation recorded).
    ``http_client`` (or a function giving one) is used to call registering partners back.
    """

    def __init__(
        self,
        *,
        parties: Sequence[PartyRole] | Callable[[str], CredentialsParty],
        tokens: MemoryPartnerStore | None = None,
        role: str = "CPO",
        base_url: str | None = None,
        versions: Iterable[str] = (),
        limits: Limits | None = None,
        strict_request_ids: bool = False,
        http_client: httpx.AsyncClient | Callable[[], httpx.AsyncClient] | None = None,
        on_request: Callable[[RequestLog], None] | None = None,
        on_registered: Callable[[str, str, PartnerRecord], None] | None = None,
    ) -> None:
        self.parties = parties
        self.tokens = tokens if tokens is not None else MemoryPartnerStore()
        self.role = role
        self.base_url = base_url.rstrip("/") if base_url else None
        self.limits = limits or Limits()
        self.strict_request_ids = strict_request_ids
        self.http_client = http_client
        self.on_request = on_request
        self.on_registered = on_registered
        self._versions: list[str] = list(versions)
        self._mounted: dict[str, list[_Mounted]] = {}
        self._registering: dict[str, asyncio.Lock] = {}
        self.tolerated: list[str] = []  # deviations of callers accepted (bounded)

    # ---- setting up ------------------------------------------------------------------------

    def mount(self, *handlers: InterfaceHandler) -> OcpiServer:
        """Serve these handlers (each one module, one interface role, one version)."""
        for handler in handlers:
            version = handler.version
            if version not in self._versions:
                self._versions.append(version)
            mounted = self._mounted.setdefault(version, [])
            if any(m.module == handler.module and m.role == handler.role for m in mounted):
                raise ValueError(f"{handler.module} {handler.role} {version} is already mounted")
            mounted.append(_Mounted(version, handler.module, handler.role, handler, "", []))
            self._layout(version)
        return self

    def _layout(self, version: str) -> None:
        mounted = self._mounted[version]
        for entry in mounted:
            both = sum(1 for m in mounted if m.module == entry.module) > 1
            suffix = f"/{(entry.role or '').lower()}" if both else ""
            entry.url_path = f"/{version}/{entry.module}{suffix}"
            entry.routes = [
                (route, [None if s.startswith("{") else s for s in route.path.split("/") if s])
                for route in entry.handler.routes
            ]

    @property
    def versions(self) -> list[str]:
        """The versions served, newest first."""
        return sorted(self._versions, key=packages.version_key, reverse=True)

    def versions_url(self, base_url: str) -> str:
        return f"{self.base_url or base_url}/versions"

    def endpoints(self, version: str, base_url: str) -> list[dict[str, Any]]:
        """The version details endpoints: credentials and every mounted interface."""
        base = self.base_url or base_url
        has_roles = "role" in schemas.get(version, "Endpoint").get("properties", {})
        out: list[dict[str, Any]] = [
            {"identifier": "credentials", "url": f"{base}/{version}/credentials"}
        ]
        if has_roles:
            out[0]["role"] = "RECEIVER"
        for entry in self._mounted.get(version, []):
            item: dict[str, Any] = {"identifier": entry.module, "url": base + entry.url_path}
            if has_roles:
                item["role"] = entry.role
            elif any(e["identifier"] == entry.module for e in out):
                continue
            out.append(item)
        return out

    def endpoint_url(self, version: str, module: str, role: str | None, base_url: str) -> str:
        """Where a mounted interface is served."""
        for entry in self._mounted.get(version, []):
            if entry.module == module and (role is None or entry.role == role):
                return (self.base_url or base_url) + entry.url_path
        return f"{self.base_url or base_url}/{version}/{module}"

    # ---- answering -------------------------------------------------------------------------

    async def handle(self, request: IncomingRequest) -> OutgoingResponse:
        """Answer one request (never raises)."""
        started = time.perf_counter()
        party: str | None = None
        try:
            response, party = await self._dispatch(request)
        except _Answer as answer:
            version = request.path.strip("/").split("/", 1)[0]
            code = _known_code(answer.code, version)
            response = self._error(request, answer.http_status, code, answer.message)
            response.headers.update(answer.headers)
        except Exception:  # a handler's bug: answer 500 in an envelope, log it for the operator
            log.exception("error while answering %s %s", request.method, request.path)
            response = self._error(request, 500, status.GENERIC_SERVER_ERROR, "internal error")
        if self.on_request is not None:
            self.on_request(
                RequestLog(
                    request.method,
                    request.path,
                    response.status,
                    _status_of(response.body),
                    time.perf_counter() - started,
                    party,
                )
            )
        return response

    def _error(
        self, request: IncomingRequest, http_status: int, code: int, message: str
    ) -> OutgoingResponse:
        return self._json(request, envelope(None, code, message), http_status)

    def _json(
        self,
        request: IncomingRequest,
        body: dict[str, Any],
        http_status: int = 200,
        headers: Mapping[str, str] | None = None,
    ) -> OutgoingResponse:
        return self._raw(request, orjson.dumps(body, default=json_default), headers, http_status)

    async def _dispatch(self, request: IncomingRequest) -> tuple[OutgoingResponse, str | None]:
        parts = request.path.strip("/").split("/") if request.path.strip("/") else []
        if any(p in (".", "..") for p in parts):
            raise _Answer(404, status.GENERIC_CLIENT_ERROR, "no such endpoint")
        if parts == ["versions"]:
            self._only(request, "GET")
            self._authenticate(request, allow_token_a=True)
            data = [
                {"version": v, "url": f"{self.base_url or request.base_url}/{v}"}
                for v in self.versions
            ]
            return self._json(request, envelope(data)), None
        if not parts or parts[0] not in self._versions:
            raise _Answer(404, status.GENERIC_CLIENT_ERROR, f"no such endpoint: {request.path}")
        version = parts[0]
        if len(parts) == 1:
            self._only(request, "GET")
            self._authenticate(request, allow_token_a=True)
            details = {"version": version, "endpoints": self.endpoints(version, request.base_url)}
            return self._json(request, envelope(details)), None
        if parts[1] == "credentials" and len(parts) == 2:
            return await self._credentials_call(request, version), None
        _, record = self._authenticate(request, allow_token_a=False)
        if record is None:  # _authenticate only accepts registered partners here
            raise _Answer(401, status.GENERIC_CLIENT_ERROR, "unknown or missing token")
        return await self._module(request, version, parts[1:], record)

    def _only(self, request: IncomingRequest, method: str) -> None:
        if request.method != method:
            raise _Answer(405, status.GENERIC_CLIENT_ERROR, f"{request.method} is not allowed here")

    def _authenticate(
        self, request: IncomingRequest, *, allow_token_a: bool
    ) -> tuple[str, PartnerRecord | None]:
        store = self.tokens
        known: Callable[[str], bool] = (
            store.knows if allow_token_a else (lambda t: store.partner(t) is not None)
        )
        token, how = read_token(request.header("Authorization"), known)
        if token is None or how is None:
            raise _Answer(401, status.GENERIC_CLIENT_ERROR, "unknown or missing token")
        return token, store.partner(token)

    # ---- credentials -------------------------------------------------------------------------

    def _credentials_handler(self, base_url: str) -> CredentialsHandler:
        client = self.http_client
        return CredentialsHandler(
            versions_url=self.versions_url(base_url),
            roles=self.parties,
            store=self.tokens,
            role=self.role,
            versions=self.versions,
            async_client=client if isinstance(client, httpx.AsyncClient | None) else client(),
        )

    async def _credentials_call(self, request: IncomingRequest, version: str) -> OutgoingResponse:
        if request.method not in ("GET", "POST", "PUT", "DELETE"):
            raise _Answer(405, status.GENERIC_CLIENT_ERROR, f"{request.method} is not allowed")
        token, _ = self._authenticate(request, allow_token_a=True)
        body = await self._read(request)
        if body and too_deep(body, self.limits.max_depth):
            raise _Answer(400, status.INVALID_PARAMETERS, "JSON nested too deep")
        # One token registers one party: concurrent requests with the same token wait in turn,
        # and the second finds token A spent.
        lock = self._registering.setdefault(token, asyncio.Lock())
        async with lock:
            handler = self._credentials_handler(request.base_url)
            reply = await handler.ahandle(
                CredentialsRequest(request.method, version, request.header("Authorization"), body)
            )
        if not lock.locked():
            self._registering.pop(token, None)
        if reply.partner is not None and self.on_registered is not None:
            self.on_registered(version, request.method, reply.partner)
        return self._json(request, reply.body, reply.http_status)

    async def _read(self, request: IncomingRequest) -> bytes:
        """The request body: at most ``Limits.max_body`` bytes, read and (``Content-Encoding``
        gzip or deflate) decoded; a UTF-8 byte order mark before it dropped and noted."""
        length = request.header("Content-Length")
        if length is not None and length.isdigit() and int(length) > self.limits.max_body:
            raise _Answer(413, status.INVALID_PARAMETERS, "request body too large")
        try:
            async with asyncio.timeout(self.limits.body_seconds):
                body = await request.read_body(self.limits.max_body)
        except BodyTooLarge:
            raise _Answer(413, status.INVALID_PARAMETERS, "request body too large") from None
        except TimeoutError:
            raise _Answer(
                408,
                status.GENERIC_CLIENT_ERROR,
                f"the request body took more than {self.limits.body_seconds:g} s to arrive",
            ) from None
        coding = request.header("Content-Encoding")
        if coding and coding.strip().lower() != "identity":
            try:
                body = decoded(body, coding, self.limits.max_body)
            except UnsupportedEncoding as exc:
                raise _Answer(
                    415,
                    status.INVALID_PARAMETERS,
                    f"Content-Encoding {exc} is not read here (send {', '.join(READ)})",
                ) from None
            except BadEncoding as exc:
                raise _Answer(400, status.INVALID_PARAMETERS, f"the body is {exc}") from None
            except BodyTooLarge:
                raise _Answer(
                    413, status.INVALID_PARAMETERS, "request body too large once decoded"
                ) from None
        if body.startswith(BOM_UTF8):
            # RFC 8259 8.1: a parser MAY ignore a byte order mark; senders MUST NOT add one
            body = body[len(BOM_UTF8) :]
            self._note(["a UTF-8 byte order mark before the JSON body: ignored"])
        return body

    # ---- modules -------------------------------------------------------------------------------

    def _match(
        self, version: str, segments: list[str], method: str
    ) -> tuple[_Mounted, Route, dict[str, str]] | None:
        path_matched = False
        for entry in self._mounted.get(version, []):
            prefix = entry.url_path.split("/")[2:]  # [module] or [module, role]
            if segments[: len(prefix)] != prefix:
                continue
            rest = segments[len(prefix) :]
            for route, pattern in entry.routes:
                if len(pattern) != len(rest):
                    continue
                if any(p is not None and p != s for p, s in zip(pattern, rest, strict=True)):
                    continue
                if any(p is None and not s for p, s in zip(pattern, rest, strict=True)):
                    continue
                path_matched = True
                if route.method == method:
                    names = iter(route.path_params)
                    args = {next(names): s for p, s in zip(pattern, rest, strict=True) if p is None}
                    return entry, route, args
        if path_matched:
            raise _Answer(405, status.GENERIC_CLIENT_ERROR, f"{method} is not allowed here")
        return None

    def _acting_party(
        self, request: IncomingRequest, record: PartnerRecord, routed: bool, version: str
    ) -> tuple[tuple[Party, ...], Party | None]:
        """The parties the request may act as, the acting one first (the one ``OCPI-from-*``
        names, alone; else every party of the caller's registration), and the ``OCPI-to-*``
        party when routing headers name one."""
        mine = [p for _, p in parties_of(record)]
        frm = request.header("OCPI-from-country-code"), request.header("OCPI-from-party-id")
        to = request.header("OCPI-to-country-code"), request.header("OCPI-to-party-id")
        to_party = Party(to[0], to[1]) if to[0] and to[1] else None
        uses_routing = _profile(version).routing_headers and routed
        if uses_routing and (frm[0] or frm[1]):
            if not (frm[0] and frm[1]):
                raise _Answer(400, status.INVALID_PARAMETERS, "incomplete OCPI-from-* headers")
            if _is_hub(record):  # a hub speaks for the parties behind it
                return (Party(frm[0], frm[1]),), to_party
            for party in mine:
                if party.same(frm[0], frm[1]):
                    return (party,), to_party
            raise _Answer(
                403,
                status.INVALID_PARAMETERS,
                f"OCPI-from-* names {frm[0]}*{frm[1]}, not the party of this token",
            )
        if not mine:
            raise _Answer(403, status.GENERIC_CLIENT_ERROR, "the token's partner has no party")
        return tuple(mine), to_party

    async def _module(
        self, request: IncomingRequest, version: str, segments: list[str], record: PartnerRecord
    ) -> tuple[OutgoingResponse, str | None]:
        found = self._match(
            version, [s for s in segments if s] if segments[-1] == "" else segments, request.method
        )
        if found is None:
            raise _Answer(404, status.GENERIC_CLIENT_ERROR, f"no such endpoint: {request.path}")
        entry, route, args = found
        acting, to_party = self._acting_party(request, record, route.routed, version)
        party = acting[0]
        request_id, correlation_id, tolerated = self._request_ids(request, version)
        self._note(tolerated)
        ids = {
            name: value
            for name, value in (("X-Request-ID", request_id), ("X-Correlation-ID", correlation_id))
            if value is not None
        }
        try:
            if route.owner_checked:
                party = _owner(acting, args)
            query = self._query(route, request, version)
            body: Any = None
            if route.body is not None:
                body = await self._body(request, version, route, args)
                if body is not None:
                    _agree_with_query(route, query, body)
                    if route.owned_fields:
                        _owns(acting, route, body)
                    if route.addressed_fields and self.role != "HUB":
                        self._for_us(version, route, body, to_party)
            ctx = RequestContext(
                version=version,
                module=route.module,
                role=route.role,
                operation=route.name,
                party=party,
                parties=acting,
                partner=record,
                endpoint_url=(self.base_url or request.base_url) + entry.url_path,
                request_id=request_id or "",
                correlation_id=correlation_id or "",
                to_party=to_party,
                headers=request.headers,
                tolerated=tolerated,
            )
            result = await self._call(entry.handler, route, ctx, args, body, query)
        except _Answer as answer:
            answer.headers.update(ids)
            raise
        except Refused as refusal:
            raise _Answer(refusal.http_status, refusal.status_code, refusal.message, ids) from None
        if result is None and route.method == "GET" and route.response is not None:
            raise _Answer(
                404, status.GENERIC_CLIENT_ERROR, f"unknown {route.response.__name__}", ids
            )
        headers = {**ids, **ctx.response_headers}
        if _profile(version).routing_headers and route.routed:
            headers.update(_routing_reply(request))
        if route.paginated:
            return self._page(request, version, route, result, query, headers), str(party)
        if isinstance(result, RawJson):
            body = b"".join((b'{"data":', result.data, b",", _success_tail()))
            return self._raw(request, body, headers), str(party)
        data = None if result is None else self._data(version, result)
        return self._json(request, envelope(data), 200, headers), str(party)

    def _for_us(self, version: str, route: Route, body: Any, to_party: Party | None) -> None:
        """The objects the body's ``addressed_fields`` name (a Session's ``cdr_token``) are for
        one of our parties (the one routing headers name, when they name one): a hub receives
        for others, so it is not asked."""
        roles = self.parties(version).roles if callable(self.parties) else self.parties
        ours = [Party(r.country_code, r.party_id) for r in roles]
        if to_party is not None:
            ours = [p for p in ours if p.same(to_party.country_code, to_party.party_id)] or ours
        for field in route.addressed_fields:
            named = _field(body, field)
            cc, pid = _field(named, "country_code"), _field(named, "party_id")
            if cc is None or pid is None or any(p.same(str(cc), str(pid)) for p in ours):
                continue
            raise _Answer(
                400,
                status.INVALID_PARAMETERS,
                f"$.{field} names {cc}*{pid}, none of the parties here "
                f"({', '.join(str(p) for p in ours)}): this {route.body.__name__} is not for us",
            )

    def _note(self, tolerated: list[str]) -> None:
        if tolerated:
            self.tolerated.extend(tolerated)
            del self.tolerated[: max(0, len(self.tolerated) - 100)]

    def _request_ids(
        self, request: IncomingRequest, version: str
    ) -> tuple[str | None, str | None, list[str]]:
        if not _profile(version).request_ids:
            return request.header("X-Request-ID"), request.header("X-Correlation-ID"), []
        tolerated: list[str] = []
        values = []
        for name in ("X-Request-ID", "X-Correlation-ID"):
            value = request.header(name)
            if not value:
                if self.strict_request_ids:
                    raise _Answer(400, status.INVALID_PARAMETERS, f"missing {name} header")
                value = str(uuid.uuid4())
                tolerated.append(f"no {name} header: generated {value}")
            values.append(value)
        return values[0], values[1], tolerated

    def _query(self, route: Route, request: IncomingRequest, version: str) -> dict[str, Any]:
        given = dict(request.query)
        values: dict[str, Any] = {}
        for param in route.query:
            raw = given.get(param.name)
            if raw is None or raw == "":
                if param.required and route.paginated and param.name == "date_from":
                    # the spec's own Sessions example (?offset=50) leaves it out: every object
                    values[param.name] = _EPOCH
                    self._note(["no date_from on a list that requires it: read from 1970"])
                    continue
                if param.required:
                    raise _Answer(
                        400, status.INVALID_PARAMETERS, f"missing query parameter {param.name}"
                    )
                values[param.name] = None
                continue
            try:
                if param.type is int:
                    if not _WHOLE.fullmatch(raw):
                        raise ValueError("not a whole number")
                    value: Any = int(raw)
                    if param.minimum is not None and value < param.minimum:
                        raise ValueError(f"must be at least {param.minimum}")
                elif param.type is datetime:
                    try:
                        value = parse_datetime(raw)
                    except (TypeError, ValueError, PayloadError):
                        raise ValueError(
                            "not a DateTime (RFC 3339, such as 2024-01-31T12:00:00Z)"
                        ) from None
                elif param.type is str:
                    value = raw
                else:
                    value = packages.package(version).converter.structure(raw, param.type)
            except (TypeError, ValueError, PayloadError) as exc:
                raise _Answer(
                    400, status.INVALID_PARAMETERS, f"query parameter {param.name}={raw!r}: {exc}"
                ) from None
            values[param.name] = value
        if route.paginated:
            limit = values.get("limit") or self.limits.page_limit
            values["limit"] = min(limit, self.limits.page_limit)
            values["offset"] = values.get("offset") or 0
        return values

    async def _body(
        self, request: IncomingRequest, version: str, route: Route, args: Mapping[str, str]
    ) -> Any:
        raw = await self._read(request)
        if not raw.strip():
            if route.body_required:
                raise _Answer(
                    400, status.INVALID_PARAMETERS, f"a {route.body.__name__} body is required"
                )
            return None
        if too_deep(raw, self.limits.max_depth):
            raise _Answer(
                400, status.INVALID_PARAMETERS, f"JSON nested deeper than {self.limits.max_depth}"
            )
        notes: list[str] = []
        if len(raw) > self.limits.offload_above:
            body = await asyncio.to_thread(_decode, raw, version, route, args, notes)
        else:
            body = _decode(raw, version, route, args, notes)
        self._note(notes)
        return body

    async def _call(
        self,
        handler: InterfaceHandler,
        route: Route,
        ctx: RequestContext,
        args: Mapping[str, str],
        body: Any,
        query: Mapping[str, Any],
    ) -> Any:
        method = getattr(handler, route.handler)
        positional: list[Any] = [args[name] for name in route.path_params]
        if route.body is not None:
            positional.append(body)
        return await method(ctx, *positional, **query)

    def _data(self, version: str, result: Any) -> Any:
        if isinstance(result, str | int | dict | list):
            return result
        return packages.package(version).converter.to_dict(result)

    def _page(
        self,
        request: IncomingRequest,
        version: str,
        route: Route,
        page: ListPage[Any],
        query: Mapping[str, Any],
        headers: dict[str, str],
    ) -> OutgoingResponse:
        offset, limit = query["offset"], page.limit or query["limit"]
        converter = packages.package(version).converter
        if page.raw is not None:
            parts = page.raw
        else:
            parts = [
                item.data
                if isinstance(item, RawJson)
                else orjson.dumps(converter.to_dict(item), default=json_default)
                for item in page.items
            ]
        headers = {**headers, "X-Total-Count": str(page.total_count), "X-Limit": str(limit)}
        following = offset + len(parts)
        if parts and following < page.total_count:
            params = [(k, v) for k, v in request.query if k not in ("offset", "limit")]
            params += [("offset", str(following)), ("limit", str(limit))]
            url = request.url.split("?", 1)[0]
            headers["Link"] = f'<{url}?{urlencode(params)}>; rel="next"'
        return self._raw(request, _page_body(parts), headers)

    def _raw(
        self,
        request: IncomingRequest,
        body: bytes,
        headers: Mapping[str, str] | None = None,
        http_status: int = 200,
    ) -> OutgoingResponse:
        """A response whose body (an envelope) is already written, with the request's ids."""
        out = {"Content-Type": JSON}
        for name in ("X-Request-ID", "X-Correlation-ID"):
            value = request.header(name)
            if value is not None:
                out[name] = value
        out.update(headers or {})
        return OutgoingResponse(http_status, out, body)


def _page_body(parts: Sequence[bytes]) -> bytes:
    """The envelope of a page of JSON objects, written with one copy of the objects."""
    if not parts:
        return b'{"data":[],' + _success_tail()
    pieces = list(parts)
    pieces[0] = b'{"data":[' + pieces[0]
    pieces[-1] = pieces[-1] + b"]," + _success_tail()
    return b",".join(pieces)


@functools.cache
def _status_codes() -> dict[str, set[int]]:
    """The status codes of each version's status codes chapter (the table ocpi_sdk.openapi
    keeps; read as data, so this core needs no web framework)."""
    import ocpi_sdk

    path = Path(ocpi_sdk.__file__).parent / "openapi" / "status_codes.json"
    if not path.exists():
        return {}
    table = json.loads(path.read_text(encoding="utf-8")).get("versions", {})
    return {version: {int(code) for code in codes} for version, codes in table.items()}


def _known_code(code: int, version: str) -> int:
    """``code`` when ``version`` defines it, else the generic code of its class (2004 Unknown
    Token is 2000 in 2.1.1, which has no such code)."""
    codes = _status_codes().get(version)
    if not codes or code in codes:
        return code
    generic = code // 1000 * 1000
    return generic if generic in codes else status.GENERIC_CLIENT_ERROR


@functools.cache
def _profile(version: str) -> Any:
    """The transport rules of a version (looked up once)."""
    return packages.package(version).PROFILE


_TAIL: list[Any] = [0, b""]


def _success_tail() -> bytes:
    """``"status_code":1000,...,"timestamp":...}``: the end of a success envelope, written once
    a second."""
    now = int(time.time())
    if _TAIL[0] != now:
        _TAIL[0], _TAIL[1] = now, orjson.dumps(envelope(None))[1:]
    tail: bytes = _TAIL[1]
    return tail


def _routing_reply(request: IncomingRequest) -> dict[str, str]:
    """Routing headers of a response: the request's from and to, swapped."""
    out = {}
    pairs = (("from", "to"), ("to", "from"))
    for mine, theirs in pairs:
        for part in ("country-code", "party-id"):
            value = request.header(f"OCPI-{theirs}-{part}")
            if value is not None:
                out[f"OCPI-{mine}-{part}"] = value
    return out


def _strip_nulls(value: Any, path: str, found: list[str]) -> Any:
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if item is None:
                found.append(f"{path}.{key}")
                continue
            out[key] = _strip_nulls(item, f"{path}.{key}", found)
        return out
    if isinstance(value, list):
        return [_strip_nulls(item, f"{path}[{i}]", found) for i, item in enumerate(value)]
    return value


_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_WHOLE = re.compile(r"\s*-?[0-9]{1,30}\s*")
"""A whole number in a query (``int()`` alone would also take ``1_000`` and other digits)."""


def _owner(acting: Sequence[Party], args: Mapping[str, str]) -> Party:
    """The party owning the object the URL names, which must be one the request may act as."""
    cc, pid = args.get("country_code"), args.get("party_id")
    for own in acting:
        if own.same(cc, pid):
            return own
    raise _Answer(
        403,
        status.GENERIC_CLIENT_ERROR,
        f"{cc}*{pid} is not the calling party ({acting[0]}): a party acts only on its own objects",
    )


def _owns(acting: Sequence[Party], route: Route, body: Any) -> None:
    """The objects in the body's ``owned_fields`` (a StartSession's token) belong to a party
    the request may act as."""
    for field in route.owned_fields:
        owned = _field(body, field)
        cc, pid = _field(owned, "country_code"), _field(owned, "party_id")
        if cc is None or pid is None or any(p.same(str(cc), str(pid)) for p in acting):
            continue
        raise _Answer(
            403,
            status.GENERIC_CLIENT_ERROR,
            f"$.{field} belongs to {cc}*{pid}, not to the calling party ({acting[0]}): "
            "a party acts only with its own objects",
        )


def _field(obj: Any, name: str) -> Any:
    """Field ``name`` of a body: a model's attribute, or a PATCH body's member."""
    if isinstance(obj, Mapping):
        return obj.get(name)
    return getattr(obj, name, None)


def _agree_with_query(route: Route, query: Mapping[str, Any], body: Any) -> None:
    """A query parameter naming a body field (a Token's ``?type=``) says what the body says."""
    for param, field in route.query_fields:
        asked, sent = query.get(param), _field(body, field)
        if asked is not None and sent is not None and not _same(str(sent), str(asked)):
            raise _Answer(
                400,
                status.INVALID_PARAMETERS,
                f"$.{field} is {str(sent)!r} but the URL says {param}={str(asked)!r}",
            )


def _same(a: Any, b: str) -> bool:
    return isinstance(a, str) and a.upper() == b.upper()


def _decode(
    raw: bytes, version: str, route: Route, args: Mapping[str, str], notes: list[str]
) -> Any:
    """Parse, validate and structure a request body (CPU-bound: may run in a worker thread);
    what was tolerated goes to ``notes``."""
    try:
        document = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as bad:
            reason = f"not UTF-8 ({bad.reason} at byte {bad.start}); JSON is sent as UTF-8"
            raise _Answer(400, status.INVALID_PARAMETERS, f"the body is {reason}") from None
        raise _Answer(400, status.INVALID_PARAMETERS, f"the body is not JSON: {exc}") from None
    name = route.body.__name__
    nulls: list[str] = []
    data = _strip_nulls(document, "$", nulls)
    report = schemas.check(data, name, version=version, partial=route.body_partial)
    if report.errors and _in_utc(data, report.errors, notes):
        report = schemas.check(data, name, version=version, partial=route.body_partial)
    if report.errors:
        detail = "; ".join(f"{p.path}: {p.message}" for p in report.errors[:10])
        more = f" (and {len(report.errors) - 10} more)" if len(report.errors) > 10 else ""
        raise _Answer(400, status.INVALID_PARAMETERS, f"invalid {name}: {detail}{more}")
    if route.requires_last_updated and "last_updated" not in data:
        raise _Answer(400, status.INVALID_PARAMETERS, f"a PATCH of {name} requires last_updated")
    for param, field in route.id_fields:
        if field in data and not _same(data[field], args[param]):
            raise _Answer(
                400,
                status.INVALID_PARAMETERS,
                f"$.{field} is {data[field]!r} but the URL says {param}={args[param]!r}"
                + (": a PATCH cannot change an identifier" if route.body_partial else ""),
            )
        if field not in data and not route.body_partial:
            raise _Answer(400, status.INVALID_PARAMETERS, f"$.{field} is missing")
    if route.body_partial:
        return data
    try:
        return packages.package(version).converter.structure(data, route.body)
    except PayloadError as exc:
        detail = "; ".join(f"{p.path}: {p.message}" for p in exc.problems[:10])
        raise _Answer(400, status.INVALID_PARAMETERS, f"invalid {name}: {detail}") from None


def _in_utc(data: Any, problems: Sequence[schemas.Problem], notes: list[str]) -> bool:
    """Rewrite each DateTime the body sent with a UTC offset (``2024-01-01T11:00:00+01:00``, as
    Python's ``isoformat()`` writes) as the same instant in UTC, where that loses no digit
    (OCPI DateTimes are UTC; the instant is unchanged); whether any was."""
    changed = False
    for problem in problems:
        if problem.rule != "pattern":
            continue
        try:
            *parents, last = schemas.parse_path(problem.path)
            container = data
            for part in parents:
                container = container[part]
            value = container[last]
        except (ValueError, KeyError, IndexError, TypeError):
            continue
        if not isinstance(value, str) or not _OFFSET.search(value):
            continue
        try:
            instant = parse_datetime(value)
        except (ValueError, PayloadError):
            continue
        written = format_datetime(instant)
        if parse_datetime(written) != instant:  # finer than a millisecond: not ours to cut
            continue
        container[last] = written
        notes.append(f"{problem.path}: {value!r} has a UTC offset: read as {written!r}")
        changed = True
    return changed


_OFFSET = re.compile(r"T[0-9:.]+[+-][0-9]{2}:?[0-9]{2}$")


def _status_of(body: bytes) -> int | None:
    marker = body.rfind(b'"status_code":')
    if marker < 0:
        return None
    digits = body[marker + 14 : marker + 20].split(b",", 1)[0].strip()
    return int(digits) if digits.isdigit() else None
