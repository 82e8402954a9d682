"""The credentials handshake, both sides, as one API for users.

Starting side (we hold token A from the partner)::

    party = Party(token="our-token-B", versions_url="https://us.example/ocpi/versions",
                  roles=[PartyRole("EMSP", "NL", "EXA", "Example eMSP")])
    reg = register("https://cpo.example/ocpi/versions", token_a, party, role="EMSP")
    reg.connection.locations.list()        # now uses token C

``update`` (PUT: new token or versions URL) and ``unregister`` (DELETE) follow. Every function has
an asyncio twin (``aregister``, ...) running the same flow.

Answering side: :class:`CredentialsHandler` is framework-independent; give it each request to our
credentials endpoint and send back its reply.

Version differences are read from the schemas: a version whose ``Credentials`` has ``roles``
(2.2+) gets every role; 2.1.1 gets the first role's party as its single party.
"""

from __future__ import annotations

import base64
import binascii
import json
import logging
import secrets
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs
import httpx

from ocpi_sdk import envelope as status
from ocpi_sdk import packages, schemas
from ocpi_sdk.envelope import envelope
from ocpi_sdk.errors import OcpiError, PayloadError, TransportError
from ocpi_sdk.model_support import hidden
from ocpi_sdk.negotiation import Connection, EndpointInfo, NegotiationError, negotiate
from ocpi_sdk.transport.core import Flow, TransportCore
from ocpi_sdk.transport.drivers import arun_flow, run_flow
from ocpi_sdk.transport.spec import TokenEncoding

log = logging.getLogger("ocpi_sdk")

__all__ = [
    "CredentialsHandler",
    "CredentialsReply",
    "CredentialsRequest",
    "MemoryPartnerStore",
    "PartnerRecord",
    "Party",
    "PartyRole",
    "Registration",
    "aregister",
    "aunregister",
    "aupdate",
    "credentials_payload",
    "register",
    "unregister",
    "update",
]


@attrs.frozen
class PartyRole:
    """One role of a platform: what it is, its party id and country, its business name."""

    role: str
    country_code: str
    party_id: str
    name: str
    website: str | None = None


def _roles(roles: Iterable[PartyRole]) -> tuple[PartyRole, ...]:
    return tuple(roles)


def _tokens_hidden(value: Any) -> str:
    """The repr of JSON data (or a raw body) with every ``token`` member hidden."""
    if isinstance(value, bytes | bytearray | str):
        return f"<{len(value)} {'bytes' if not isinstance(value, str) else 'characters'}>"
    return repr(_masked(value))


def _masked(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: "***" if k == "token" else _masked(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_masked(v) for v in value]
    return value


@attrs.frozen
class Party:
    """Our side of a handshake: the token the partner must use to call us, our versions URL and
    our roles (2.1.1 uses the first one)."""

    token: str = attrs.field(repr=hidden)
    versions_url: str
    roles: tuple[PartyRole, ...] = attrs.field(converter=_roles)
    hub_party_id: str | None = None


def credentials_payload(version: str, party: Party) -> dict[str, Any]:
    """``party`` as the Credentials JSON of ``version``, shaped by that version's schema."""
    if not party.roles:
        raise ValueError("a Party needs at least one role")
    properties = schemas.get(version, "Credentials")["properties"]

    def business(role: PartyRole) -> dict[str, Any]:
        details: dict[str, Any] = {"name": role.name}
        if role.website:
            details["website"] = role.website
        return details

    payload: dict[str, Any] = {"token": party.token, "url": party.versions_url}
    if "roles" in properties:
        payload["roles"] = [
            {
                "role": r.role,
                "business_details": business(r),
                "party_id": r.party_id,
                "country_code": r.country_code,
            }
            for r in party.roles
        ]
        if party.hub_party_id and "hub_party_id" in properties:
            payload["hub_party_id"] = party.hub_party_id
    else:
        first = party.roles[0]
        payload.update(
            business_details=business(first),
            party_id=first.party_id,
            country_code=first.country_code,
        )
    return payload


@attrs.frozen
class Registration:
    """The outcome of a handshake: the connection (now with token C) and the partner's
    Credentials as the version's model."""

    connection: Connection
    credentials: Any


def _credentials_call(
    connection: Connection, method: str, party: Party | None, token: str
) -> Flow[Any]:
    version = connection.version
    package = packages.package(version)
    endpoint = connection.endpoint("credentials")
    core = TransportCore(
        endpoint.url,
        token,
        profile=package.PROFILE,
        converter=package.converter,
        token_encoding=connection.token_encoding,
    )
    spec = packages.clients(version).OPERATIONS[("credentials", None, method)]
    body = None
    if party is not None:
        body = package.loads(credentials_payload(version, party), package.Credentials)
    cls = package.Credentials if spec.response_object else None
    result = yield from core.call(spec, cls, body=body)
    return result


def registration(
    versions_url: str,
    token_a: str,
    party: Party,
    *,
    role: str,
    versions: Iterable[str] | None = None,
    token_encoding: TokenEncoding | None = None,
) -> Flow[Registration]:
    """The registration flow: negotiate with token A, POST our credentials, keep token C."""
    connection = yield from negotiate(
        versions_url, token_a, role=role, versions=versions, token_encoding=token_encoding
    )
    theirs = yield from _credentials_call(connection, "post", party, token_a)
    return Registration(attrs.evolve(connection, token=theirs.token), theirs)


def _update_flow(connection: Connection, party: Party) -> Flow[Registration]:
    theirs = yield from _credentials_call(connection, "put", party, connection.token)
    return Registration(attrs.evolve(connection, token=theirs.token), theirs)


def _unregister_flow(connection: Connection) -> Flow[None]:
    yield from _credentials_call(connection, "delete", None, connection.token)
    return None


def register(
    versions_url: str,
    token_a: str,
    party: Party,
    *,
    role: str,
    versions: Iterable[str] | None = None,
    token_encoding: TokenEncoding | None = None,
    client: httpx.Client | None = None,
) -> Registration:
    """Register with a partner: negotiate using token A, POST our credentials (``party.token``
    is our token B), return the connection using the partner's token C."""
    flow = registration(
        versions_url, token_a, party, role=role, versions=versions, token_encoding=token_encoding
    )
    result: Registration = run_flow(flow, client)
    return result


async def aregister(
    versions_url: str,
    token_a: str,
    party: Party,
    *,
    role: str,
    versions: Iterable[str] | None = None,
    token_encoding: TokenEncoding | None = None,
    client: httpx.AsyncClient | None = None,
) -> Registration:
    """The asyncio twin of :func:`register`."""
    flow = registration(
        versions_url, token_a, party, role=role, versions=versions, token_encoding=token_encoding
    )
    result: Registration = await arun_flow(flow, client)
    return result


def update(
    connection: Connection, party: Party, *, client: httpx.Client | None = None
) -> Registration:
    """PUT our (new) credentials: rotate our token B or change our versions URL; the partner
    answers with a new token C, returned in the new connection."""
    result: Registration = run_flow(_update_flow(connection, party), client)
    return result


async def aupdate(
    connection: Connection, party: Party, *, client: httpx.AsyncClient | None = None
) -> Registration:
    """The asyncio twin of :func:`update`."""
    result: Registration = await arun_flow(_update_flow(connection, party), client)
    return result


def unregister(connection: Connection, *, client: httpx.Client | None = None) -> None:
    """DELETE our credentials at the partner: neither side may use its tokens afterwards."""
    run_flow(_unregister_flow(connection), client)


async def aunregister(connection: Connection, *, client: httpx.AsyncClient | None = None) -> None:
    """The asyncio twin of :func:`unregister`."""
    await arun_flow(_unregister_flow(connection), client)


# ---- the answering side ----------------------------------------------------------------------


@attrs.define
class PartnerRecord:
    """A registered partner: the token it uses to call us (C), the one we use to call it (B),
    its versions URL, the negotiated version and its endpoints."""

    token_c: str = attrs.field(repr=hidden)
    token_b: str = attrs.field(repr=hidden)
    versions_url: str
    version: str
    endpoints: tuple[EndpointInfo, ...]
    credentials: dict[str, Any] = attrs.field(repr=_tokens_hidden)

    def connection(self, role: str) -> Connection:
        """A :class:`Connection` to call this partner back as ``role``."""
        version_url = next((e.url for e in self.endpoints if e.module == "versions"), "")
        return Connection(
            version=self.version,
            version_url=version_url,
            versions_url=self.versions_url,
            token=self.token_b,
            role=role,
            endpoints=self.endpoints,
        )


class MemoryPartnerStore:
    """Tokens and registered partners, in memory. Subclass or replace it to persist them."""

    def __init__(self) -> None:
        self.pending: set[str] = set()
        self.partners: dict[str, PartnerRecord] = {}

    def issue_token_a(self, token: str | None = None) -> str:
        """A new token A to hand to a partner outside OCPI (once valid for registering)."""
        value = token or secrets.token_urlsafe(24)
        self.pending.add(value)
        return value

    def is_token_a(self, token: str) -> bool:
        return token in self.pending

    def partner(self, token_c: str) -> PartnerRecord | None:
        return self.partners.get(token_c)

    def register(self, record: PartnerRecord, *, replacing: str | None) -> None:
        if replacing is not None:
            self.pending.discard(replacing)
            self.partners.pop(replacing, None)
        self.partners[record.token_c] = record

    def remove(self, token_c: str) -> None:
        self.partners.pop(token_c, None)

    def knows(self, token: str) -> bool:
        return token in self.pending or token in self.partners


@attrs.frozen
class CredentialsRequest:
    """A request to our credentials endpoint, as any web framework can give it."""

    method: str
    version: str
    authorization: str | None = attrs.field(repr=hidden)
    body: Any = attrs.field(default=None, repr=_tokens_hidden)  # parsed JSON, or bytes/str
    request_id: str | None = None
    """The ``X-Request-ID`` header (OCPI 2.2+), None when the partner sent none."""
    correlation_id: str | None = None
    """The ``X-Correlation-ID`` header (OCPI 2.2+), None when the partner sent none."""


@attrs.frozen
class CredentialsReply:
    """What to answer: the HTTP status and the OCPI envelope. ``token_encoding`` says how the
    partner wrote its token (``base64``, ``plain`` or ``bare`` with no ``Token`` prefix)."""

    http_status: int
    body: dict[str, Any] = attrs.field(repr=_tokens_hidden)
    token_encoding: str | None = None
    partner: PartnerRecord | None = None
    headers: dict[str, str] = attrs.field(factory=dict)
    """Headers to send with the answer: ``X-Request-ID`` and ``X-Correlation-ID`` (2.2+), echoed
    or, when the partner sent none, generated."""
    tolerated: tuple[str, ...] = ()
    """What the partner got wrong that we served anyway (a missing request id header)."""


def read_token(authorization: str | None, known: Any) -> tuple[str | None, str | None]:
    """The token in an ``Authorization`` header and how it was written.

    Accepts ``Token <base64>`` (2.2+), ``Token <plain>`` (2.1.1, and what some 2.2 partners
    send) and a bare token with no prefix. ``known`` tells which candidate is a real token.
    """
    if not authorization:
        return None, None
    value = authorization.strip()
    prefixed = value[:6].lower() == "token "
    raw = value[6:].strip() if prefixed else value
    candidates: list[tuple[str, str]] = []
    try:
        decoded = base64.b64decode(raw, validate=True).decode("utf-8")
        candidates.append((decoded, "base64"))
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    candidates.append((raw, "plain" if prefixed else "bare"))
    for token, how in candidates:
        if known(token):
            return token, how
    return candidates[-1][0], None


class CredentialsHandler:
    """Our credentials endpoint, independent of any web framework.

    ``versions_url`` and ``roles`` describe us (``roles`` may be a function of the version giving
    our whole :class:`Party`, for a platform whose identity differs by version); ``store`` holds
    tokens A and registered partners; ``role`` is the role we negotiate as when calling the
    partner back. Status codes follow the
    spec: 3001 when the partner's versions cannot be reached, 3002 when it has no version we
    share, 3003 when its version details lack what we need, HTTP 405 for a POST from an already
    registered partner and for PUT/DELETE from an unregistered one, HTTP 401 for an unknown token.
    """

    def __init__(
        self,
        *,
        versions_url: str,
        roles: Sequence[PartyRole] | Callable[[str], Party],
        store: MemoryPartnerStore,
        role: str,
        versions: Iterable[str] | None = None,
        required_modules: Iterable[str] = (),
        client: httpx.Client | None = None,
        async_client: httpx.AsyncClient | None = None,
        require_request_ids: bool = False,
    ) -> None:
        self.require_request_ids = require_request_ids
        self.versions_url = versions_url
        self.roles = roles if callable(roles) else tuple(roles)
        self.store = store
        self.role = role
        self.versions = tuple(versions) if versions is not None else packages.sdk_versions()
        self.required_modules = tuple(required_modules)
        self.client = client
        self.async_client = async_client

    def handle(self, request: CredentialsRequest) -> CredentialsReply:
        """Answer one request, calling the partner back with blocking I/O where needed."""
        headers, tolerated, refusal = self._request_ids(request)
        if refusal is not None:
            return attrs.evolve(refusal, headers=headers, tolerated=tolerated)
        result: CredentialsReply = run_flow(self._flow(request), self.client)
        return attrs.evolve(result, headers=headers, tolerated=tolerated)

    async def ahandle(self, request: CredentialsRequest) -> CredentialsReply:
        """The asyncio twin of :meth:`handle`."""
        headers, tolerated, refusal = self._request_ids(request)
        if refusal is not None:
            return attrs.evolve(refusal, headers=headers, tolerated=tolerated)
        result: CredentialsReply = await arun_flow(self._flow(request), self.async_client)
        return attrs.evolve(result, headers=headers, tolerated=tolerated)

    def _request_ids(
        self, request: CredentialsRequest
    ) -> tuple[dict[str, str], tuple[str, ...], CredentialsReply | None]:
        """The request id headers to echo (2.2+). Several real partners send none: we generate
        them, serve the request and record it, unless ``require_request_ids`` asks for the spec
        to be enforced (then: HTTP 400, OCPI 2001)."""
        if request.version not in packages.sdk_versions():
            return {}, (), None
        if not packages.package(request.version).PROFILE.request_ids:
            return {}, (), None
        tolerated: list[str] = []
        ids: dict[str, str] = {}
        for header, given in (
            ("X-Request-ID", request.request_id),
            ("X-Correlation-ID", request.correlation_id),
        ):
            if given:
                ids[header] = given
                continue
            ids[header] = str(uuid.uuid4())
            tolerated.append(f"no {header} header: answered with a generated {ids[header]}")
        if tolerated and self.require_request_ids:
            missing = " and ".join(h for h in ids if not _given(request, h))
            refusal = _reply(400, None, status.INVALID_PARAMETERS, f"missing {missing} header")
            return ids, tuple(tolerated), refusal
        for note in tolerated:
            log.warning("credentials %s %s: %s", request.method, request.version, note)
        return ids, tuple(tolerated), None

    def _ours(self, version: str, token_c: str) -> dict[str, Any]:
        if callable(self.roles):  # who we are may depend on the version (a hub in 2.3.0)
            us = self.roles(version)
            return credentials_payload(version, attrs.evolve(us, token=token_c))
        return credentials_payload(version, Party(token_c, self.versions_url, self.roles))

    def _flow(self, request: CredentialsRequest) -> Flow[CredentialsReply]:
        token, encoding = read_token(request.authorization, self.store.knows)
        if token is None or encoding is None:
            return _reply(401, None, status.GENERIC_CLIENT_ERROR, "unknown or missing token")
        method = request.method.upper()
        registered = self.store.partner(token)
        if method == "GET":
            if registered is None:
                return _reply(405, None, status.GENERIC_CLIENT_ERROR, "not registered", encoding)
            return _reply(200, self._ours(request.version, token), message=None, encoding=encoding)
        if method == "DELETE":
            if registered is None:
                return _reply(405, None, status.GENERIC_CLIENT_ERROR, "not registered", encoding)
            self.store.remove(token)
            return _reply(200, None, encoding=encoding, partner=registered)
        if method not in ("POST", "PUT"):
            return _reply(405, None, status.GENERIC_CLIENT_ERROR, f"{method} is not allowed")
        if method == "POST" and registered is not None:
            return _reply(
                405, None, status.GENERIC_CLIENT_ERROR, "already registered: use PUT", encoding
            )
        if method == "PUT" and registered is None:
            return _reply(
                405, None, status.GENERIC_CLIENT_ERROR, "not registered: use POST", encoding
            )
        if request.version not in packages.sdk_versions():
            return _reply(
                400, None, status.UNSUPPORTED_VERSION, f"unsupported version {request.version}"
            )
        body = _parse(request.body)
        problems = (
            schemas.validate(body, "Credentials", version=request.version)
            if body is not None
            else None
        )
        if body is None or problems:
            detail = "; ".join(str(p) for p in problems or []) or "no Credentials body"
            return _reply(
                400, None, status.INVALID_PARAMETERS, f"invalid Credentials: {detail}", encoding
            )
        package = packages.package(request.version)
        try:
            theirs = package.loads(body, package.Credentials)
        except PayloadError as exc:
            return _reply(400, None, status.INVALID_PARAMETERS, str(exc), encoding)
        try:
            connection = yield from negotiate(
                theirs.url, theirs.token, role=self.role, versions=[request.version]
            )
        except NegotiationError as exc:
            return _reply(200, None, status.UNSUPPORTED_VERSION, str(exc), encoding)
        except (TransportError, OcpiError) as exc:
            return _reply(
                200,
                None,
                status.UNABLE_TO_USE_CLIENT_API,
                f"cannot use the client's API: {exc}",
                encoding,
            )
        offered = {e.module for e in connection.endpoints}
        missing = [m for m in self.required_modules if m not in offered]
        if missing:
            return _reply(
                200,
                None,
                status.NO_MATCHING_ENDPOINTS,
                f"expected endpoints missing: {', '.join(missing)}",
                encoding,
            )
        token_c = secrets.token_urlsafe(24)
        record = PartnerRecord(
            token_c=token_c,
            token_b=theirs.token,
            versions_url=theirs.url,
            version=request.version,
            endpoints=connection.endpoints,
            credentials=body,
        )
        self.store.register(record, replacing=token)
        return _reply(200, self._ours(request.version, token_c), encoding=encoding, partner=record)


def _given(request: CredentialsRequest, header: str) -> bool:
    return bool(request.request_id if header == "X-Request-ID" else request.correlation_id)


def _parse(body: Any) -> Any:
    if isinstance(body, bytes | str):
        if not body:
            return None
        try:
            return json.loads(body)
        except (ValueError, RecursionError):
            return None
    return body


def _reply(
    http_status: int,
    data: Any,
    code: int = status.SUCCESS,
    message: str | None = None,
    encoding: str | None = None,
    partner: PartnerRecord | None = None,
) -> CredentialsReply:
    return CredentialsReply(http_status, envelope(data, code, message), encoding, partner)
