"""Version negotiation: from a partner's versions URL to typed clients of the best version.

>>> conn = connect("https://cpo.example/ocpi/versions", token, role="EMSP")  # doctest: +SKIP
>>> for location in conn.locations.list():  # doctest: +SKIP
...     ...

``connect`` reads the partner's versions list, picks the highest version both sides support,
reads its version details and returns a :class:`Connection` with the partner's endpoints and
clients for them. ``aconnect`` is the asyncio twin; both run the same flow.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeVar

import attrs
import httpx

from ocpi_sdk import packages, schemas
from ocpi_sdk.errors import OcpiError
from ocpi_sdk.transport.clients import AsyncClient, BaseClient, SyncClient
from ocpi_sdk.transport.core import Flow, TransportCore
from ocpi_sdk.transport.drivers import arun_flow, run_flow
from ocpi_sdk.transport.options import Tolerance
from ocpi_sdk.transport.spec import TokenEncoding

__all__ = [
    "Connection",
    "EndpointInfo",
    "ModuleNotOfferedError",
    "NegotiationError",
    "NoCommonVersionError",
    "aconnect",
    "choose_version",
    "connect",
]

C = TypeVar("C", bound=BaseClient)

OUR_ROLES = ("CPO", "EMSP", "HUB", "NSP", "NAP", "SCSP", "OTHER")
_VERSION = re.compile(r"^\s*v?(\d+)\.(\d+)(?:\.(\d+))?\s*$", re.IGNORECASE)


class NegotiationError(OcpiError):
    """Version negotiation with a partner failed."""


class NoCommonVersionError(NegotiationError):
    """The partner offers no version this SDK (or the caller) supports."""


class ModuleNotOfferedError(NegotiationError, LookupError):
    """The partner's version details have no endpoint for the module asked for."""


@attrs.frozen
class EndpointInfo:
    """One endpoint from the partner's version details (``role`` is None before 2.2)."""

    module: str
    url: str
    role: str | None = None


def choose_version(offered: Mapping[str, str], supported: Sequence[str]) -> tuple[str, str, str]:
    """Pick the best version: returns (our version, the partner's identifier, its URL).

    Partners publish ``2.1.1`` and ``2.2.1`` but also ``2.1``, ``2.2`` and ``2.0``: a two-part
    identifier ``X.Y`` is served by our highest ``X.Y.Z``; an exact match wins over such an alias
    when both are offered. Raises :class:`NoCommonVersionError` explaining both sides' versions.
    """
    candidates: list[tuple[tuple[int, ...], int, str, str, str]] = []
    for identifier, url in offered.items():
        match = _VERSION.match(identifier)
        if not match:
            continue
        major, minor, patch = match.groups()
        for ours in supported:
            parts = ours.split(".")
            if parts[:2] != [major, minor]:
                continue
            exact = patch is not None and len(parts) > 2 and parts[2] == patch
            if patch is not None and not exact:
                continue
            candidates.append(
                (packages.version_key(ours), 1 if exact else 0, ours, identifier, url)
            )
    if not candidates:
        raise NoCommonVersionError(
            f"no common OCPI version: the partner offers {', '.join(offered) or 'none'}; "
            f"we support {', '.join(supported)}"
        )
    _, _, ours, identifier, url = max(candidates)
    return ours, identifier, url


def _interface_role(
    version: str, module: str, offered: Sequence[str | None], our_role: str
) -> str | None:
    """Which of the module's interfaces we call, from the data in ``interfaces.json``: the one
    the partner offers; when it offers both (or, before 2.2, says nothing), the one that is not
    typically implemented by our own role."""
    interfaces = [i for i in schemas.interfaces(version) if i.module == module]
    roles = [i.role for i in interfaces]
    if len(roles) == 1:
        return roles[0]
    offered_roles = [r for r in offered if r is not None and r in roles]
    if len(set(offered_roles)) == 1:
        return offered_roles[0]
    theirs = [i.role for i in interfaces if our_role not in i.implemented_by]
    if len(theirs) == 1:
        return theirs[0]
    raise NegotiationError(
        f"cannot tell which {module} interface to call as {our_role}: "
        f"the partner offers {offered_roles or 'no role'}; pass the role explicitly"
    )


@attrs.define
class Connection:
    """A negotiated link to one partner: the version, its endpoints and clients for them.

    ``conn.locations`` (and ``sessions``, ``cdrs``, ``tariffs``, ``tokens``, ``commands``,
    ``hubclientinfo``, ``chargingprofiles``, ``credentials``) is the client of the interface our
    role calls at the partner, e.g. ``LocationsSenderClient`` for an eMSP talking to a CPO.
    ``to_dict``/``from_dict`` save and restore it so an app need not negotiate on every start.
    The clients ``conn.<module>`` opens are kept and reused; ``close()`` (or ``with conn:``)
    closes them.

    Endpoints of custom modules (the spec lets partners add their own module ids) are kept in
    ``endpoints`` like the others and listed by ``custom_modules``; ``tolerated`` says what the
    negotiation carried on through. When a client of this connection learns that the partner
    wants the other token encoding (``token_encoding="auto"``), the connection keeps it for its
    later clients and in ``to_dict``.
    """

    version: str
    version_url: str
    versions_url: str
    token: str
    role: str
    endpoints: tuple[EndpointInfo, ...]
    partner_version: str = ""
    token_encoding: TokenEncoding | None = None
    token_learned: bool = False
    """Whether ``token_encoding`` was learned from the partner (``auto`` mode) rather than set:
    its clients then start with it, stay in ``auto`` mode and note it in ``tolerated``."""
    options: dict[str, Any] = attrs.field(factory=dict)
    tolerated: list[Tolerance] = attrs.field(factory=list, eq=False, repr=False)
    _shared: dict[str, SyncClient] = attrs.field(factory=dict, eq=False, repr=False, init=False)

    def endpoint(self, module: str, role: str | None = None) -> EndpointInfo:
        """The partner's endpoint of ``module`` (for the interface we call, unless ``role``)."""
        found = [e for e in self.endpoints if e.module == module]
        if not found:
            offered = ", ".join(
                sorted({f"{e.module}" + (f" ({e.role})" if e.role else "") for e in self.endpoints})
            )
            raise ModuleNotOfferedError(
                f"the partner offers no {module!r} endpoint in OCPI {self.version}; "
                f"it offers: {offered or 'nothing'}"
            )
        if module in self.custom_modules:  # not OCPI's: given as the partner listed it
            return next((e for e in found if role in (None, e.role)), found[0])
        wanted = role or _interface_role(self.version, module, [e.role for e in found], self.role)
        if wanted is None:  # a module with one symmetric interface (credentials, versions)
            return attrs.evolve(found[0], role=None)
        for endpoint in found:
            if endpoint.role in (None, wanted):
                return attrs.evolve(endpoint, role=wanted)
        raise ModuleNotOfferedError(
            f"the partner offers {module!r} only as "
            f"{', '.join(str(e.role) for e in found)}, not as {wanted}"
        )

    def _client_classes(
        self, module: str, role: str | None
    ) -> tuple[EndpointInfo, tuple[type[SyncClient], type[AsyncClient]]]:
        endpoint = self.endpoint(module, role)
        pairs = packages.clients(self.version).CLIENTS
        key = (module, endpoint.role if (module, endpoint.role) in pairs else None)
        return endpoint, pairs[key]

    def client(self, module: str, role: str | None = None, **options: Any) -> SyncClient:
        """A blocking client for ``module`` at this partner (``options`` go to the client)."""
        endpoint, (sync_cls, _) = self._client_classes(module, role)
        return sync_cls(endpoint.url, self.token, **self._options(options))

    def async_client(self, module: str, role: str | None = None, **options: Any) -> AsyncClient:
        """An asyncio client for ``module`` at this partner."""
        endpoint, (_, async_cls) = self._client_classes(module, role)
        return async_cls(endpoint.url, self.token, **self._options(options))

    def open(self, cls: type[C], **options: Any) -> C:
        """A client of exactly ``cls`` at this partner, fully typed::

        locations = conn.open(LocationsSenderClient)   # a LocationsSenderClient
        """
        if cls.profile.version != self.version:
            raise NegotiationError(
                f"{cls.__name__} is an OCPI {cls.profile.version} client; "
                f"this connection speaks {self.version}"
            )
        endpoint = self.endpoint(cls.module, cls.role)
        return cls(endpoint.url, self.token, **self._options(options))

    def _options(self, options: Mapping[str, Any]) -> dict[str, Any]:
        merged = {**self.options, **options}
        if self.token_learned and self.token_encoding in ("plain", "base64"):
            merged.setdefault("token_encoding", "auto")
            merged.setdefault("learned_encoding", self.token_encoding)
        elif self.token_encoding is not None:
            merged.setdefault("token_encoding", self.token_encoding)
        if merged.get("token_encoding") in (None, "auto"):
            merged.setdefault("on_token_encoding", self._learned)
        return merged

    def _learned(self, encoding: TokenEncoding) -> None:
        self.token_encoding, self.token_learned = encoding, True

    @property
    def modules(self) -> list[str]:
        """The modules the partner offers in this version."""
        return sorted({e.module for e in self.endpoints})

    @property
    def custom_modules(self) -> list[str]:
        """The partner's modules that OCPI does not define (custom module ids), kept with
        their URLs in ``endpoints``; no typed client exists for them."""
        known = {i.module for i in schemas.interfaces(self.version)}
        return sorted({e.module for e in self.endpoints} - known)

    def __getattr__(self, module: str) -> SyncClient:
        if module.startswith("_") or module not in _known_modules():
            raise AttributeError(module)
        client = self._shared.get(module)
        if client is None:
            client = self._shared[module] = self.client(module)
        return client

    def close(self) -> None:
        """Close the clients ``conn.<module>`` opened (``client()``/``open()`` ones are yours)."""
        for client in self._shared.values():
            client.close()
        self._shared.clear()

    def __enter__(self) -> Connection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def to_dict(self) -> dict[str, Any]:
        """Everything needed to restore this connection (includes the token: store it safely)."""
        return {
            "version": self.version,
            "partner_version": self.partner_version,
            "version_url": self.version_url,
            "versions_url": self.versions_url,
            "token": self.token,
            "role": self.role,
            "token_encoding": self.token_encoding,
            "token_learned": self.token_learned,
            "endpoints": [attrs.asdict(e) for e in self.endpoints],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Connection:
        """The connection :meth:`to_dict` saved."""
        return cls(
            version=data["version"],
            version_url=data["version_url"],
            versions_url=data["versions_url"],
            token=data["token"],
            role=data["role"],
            endpoints=tuple(EndpointInfo(**e) for e in data["endpoints"]),
            partner_version=data.get("partner_version", data["version"]),
            token_encoding=data.get("token_encoding"),
            token_learned=bool(data.get("token_learned", False)),
        )

    def __repr__(self) -> str:
        return (
            f"Connection(version={self.version!r}, role={self.role!r}, "
            f"modules={self.modules!r}, token=***)"
        )


def _known_modules() -> set[str]:
    return {i.module for v in packages.sdk_versions() for i in schemas.interfaces(v)}


def _core(
    version: str,
    url: str,
    token: str,
    token_encoding: TokenEncoding | None,
    learned: TokenEncoding | None = None,
) -> TransportCore:
    package = packages.package(version)
    return TransportCore(
        url,
        token,
        profile=package.PROFILE,
        converter=package.converter,
        token_encoding=token_encoding,
        learned_encoding=learned if learned in ("plain", "base64") else None,
    )


def negotiate(
    versions_url: str,
    token: str,
    *,
    role: str,
    versions: Iterable[str] | None = None,
    token_encoding: TokenEncoding | None = None,
) -> Flow[Connection]:
    """The negotiation flow (no I/O): versions list, choice, version details."""
    if role not in OUR_ROLES:
        raise ValueError(f"role must be one of {', '.join(OUR_ROLES)}, not {role!r}")
    supported = [v for v in packages.sdk_versions() if versions is None or v in set(versions)]
    if not supported:
        raise NoCommonVersionError(f"none of {list(versions or [])} is a version of this SDK")
    newest = supported[-1]
    core = _core(newest, versions_url, token, token_encoding)
    ops = packages.clients(newest).OPERATIONS
    offered = yield from _versions_list(core, ops[("versions", None, "list_versions")])
    ours, identifier, version_url = choose_version(offered, supported)
    learned = _learned_encoding(core, token_encoding)
    first = core
    core = _core(ours, version_url, token, token_encoding, learned)
    spec = packages.clients(ours).OPERATIONS[("versions", None, "get_version_details")]
    endpoints = yield from _version_details(core, spec, ours)
    return Connection(
        version=ours,
        version_url=version_url,
        versions_url=versions_url,
        token=token,
        role=role,
        endpoints=endpoints,
        partner_version=identifier,
        token_encoding=_learned_encoding(core, token_encoding) or learned or token_encoding,
        token_learned=bool(_learned_encoding(core, token_encoding) or learned),
        tolerated=[*first.tolerated.events, *core.tolerated.events],
    )


def _versions_list(core: TransportCore, spec: Any) -> Flow[dict[str, str]]:
    """The partner's versions as {identifier: url}, read without the version enum: a partner
    lists versions newer than any we know, and that must not stop us from using an older one."""
    request = core.request(spec)
    response = yield from core.exchange(spec, request)
    data = core.envelope(spec, response).get("data")
    if isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise NegotiationError(f"the versions endpoint {core.url} returned no list of versions")
    offered: dict[str, str] = {}
    for item in data:
        if isinstance(item, dict) and isinstance(item.get("url"), str):
            offered[str(item.get("version"))] = item["url"]
        else:
            core.tolerated.add("versions", f"skipped a malformed version entry: {item!r}")
    return offered


def _version_details(
    core: TransportCore, spec: Any, version: str
) -> Flow[tuple[EndpointInfo, ...]]:
    """The partner's endpoints, read without the module enum: custom module ids (which the spec
    allows) are kept and reported, never a reason to fail."""
    request = core.request(spec)
    response = yield from core.exchange(spec, request)
    data = core.envelope(spec, response).get("data")
    if isinstance(data, list) and len(data) == 1:
        core.tolerated.add("versions", "the version details sent as a list of one: unwrapped")
        data = data[0]
    raw = data.get("endpoints") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise NegotiationError(f"the version details at {core.url} list no endpoints")
    known = {i.module for i in schemas.interfaces(version)}
    endpoints: list[EndpointInfo] = []
    for item in raw:
        ident = item.get("identifier") if isinstance(item, dict) else None
        url = item.get("url") if isinstance(item, dict) else None
        if not isinstance(ident, str) or not isinstance(url, str):
            core.tolerated.add("versions", f"skipped a malformed endpoint entry: {item!r}")
            continue
        if ident not in known and ident.strip().lower() in known:
            core.tolerated.add("versions", f"module id {ident!r} read as {ident.strip().lower()!r}")
            ident = ident.strip().lower()
        elif ident not in known:
            core.tolerated.add(
                "custom module",
                f"the partner offers the custom module {ident!r} at {url}: kept on the "
                "connection (custom_modules), no typed client",
            )
        role = item.get("role")
        upper = role.strip().upper() if isinstance(role, str) else None
        if upper in _ROLES and role != upper:
            core.tolerated.add("versions", f"interface role {role!r} read as {upper!r}")
            role = upper
        endpoints.append(EndpointInfo(ident, url, str(role) if role else None))
    return tuple(endpoints)


_ROLES = ("SENDER", "RECEIVER")


def _learned_encoding(core: TransportCore, requested: TokenEncoding | None) -> TokenEncoding | None:
    """In ``auto`` mode, the encoding the partner turned out to accept (None if the version's
    default worked): kept for every later client of the connection."""
    if requested not in (None, "auto"):
        return None
    if any(t.kind == "token encoding" for t in core.tolerated.events):
        return core.encoding
    return None


def connect(
    versions_url: str,
    token: str,
    *,
    role: str,
    versions: Iterable[str] | None = None,
    token_encoding: TokenEncoding | None = None,
    client: httpx.Client | None = None,
) -> Connection:
    """Negotiate with the partner at ``versions_url`` and return the :class:`Connection`.

    ``role`` is our role (``"CPO"``, ``"EMSP"``, ``"HUB"``, ...); ``versions`` narrows the
    versions we accept; ``client`` is used for the negotiation requests.
    """
    flow = negotiate(
        versions_url, token, role=role, versions=versions, token_encoding=token_encoding
    )
    return run_flow(flow, client)


async def aconnect(
    versions_url: str,
    token: str,
    *,
    role: str,
    versions: Iterable[str] | None = None,
    token_encoding: TokenEncoding | None = None,
    client: httpx.AsyncClient | None = None,
) -> Connection:
    """The asyncio twin of :func:`connect`."""
    flow = negotiate(
        versions_url, token, role=role, versions=versions, token_encoding=token_encoding
    )
    return await arun_flow(flow, client)
