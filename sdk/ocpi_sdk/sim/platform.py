"""A simulated OCPI platform: its role, parties, served interfaces, tokens, partners and objects.

What a platform serves is read from the interfaces data: every interface of a module whose
``implemented_by`` names the platform's role (a CPO serves the Locations *Sender*, the Tokens
*Receiver*, ...); a hub serves every interface and routes.
"""

from __future__ import annotations

import asyncio
import importlib
import secrets
from collections import deque
from collections.abc import Callable
from typing import Any

import attrs
import httpx

from ocpi_sdk import packages, schemas
from ocpi_sdk.credentials import PartnerRecord, Party, PartyRole
from ocpi_sdk.negotiation import Connection
from ocpi_sdk.server import Limits, OcpiServer, RequestLog
from ocpi_sdk.sim.faults import FaultPlan
from ocpi_sdk.sim.store import Key, ObjectStore, PersistentPartnerStore

ROLES = ("CPO", "EMSP", "HUB")
EVENT_HISTORY = 5000  # events kept for reports and tests (older ones are dropped)
RESULT_HISTORY = 20000  # asynchronous results kept by key
LIMITS = httpx.Limits(max_connections=200, max_keepalive_connections=100)
# Generous: a loaded machine may take long to answer; waiting for a pooled connection is bounded.
TIMEOUT = httpx.Timeout(60.0, connect=10.0, pool=300.0)
DEFAULT_PARTY = {"CPO": ("NL", "CPO"), "EMSP": ("NL", "MSP"), "HUB": ("NL", "HUB")}


@attrs.define
class SimConfig:
    """How a simulator is set up. ``versions`` it speaks (newest first in its versions list),
    ``page_limit`` the server-side maximum page size, ``faults`` named misbehaviours."""

    role: str
    versions: tuple[str, ...] = ("2.2.1",)
    country_code: str | None = None
    party_id: str | None = None
    name: str | None = None
    faults: tuple[str, ...] = ()
    seed: int = 0
    page_limit: int = 50
    fault_rate: float = 0.25
    db_path: str | None = None
    data: bool = True
    locations: int = 5
    tokens: int = 5
    command_delay: float = 0.05
    update_interval: float = 0.05
    translated: dict[str, str] = attrs.field(factory=dict)
    """A hub's versions without routing headers (2.1.1) that it also speaks, each to the one
    side it stands for there (``{"2.1.1": "EMSP"}``: a 2.1.1 CPO sees the hub as its eMSP),
    converting what it forwards to and from the other party's version."""

    def __attrs_post_init__(self) -> None:
        if self.role not in ROLES:
            raise ValueError(f"role must be one of {', '.join(ROLES)}, not {self.role!r}")
        default_cc, default_pid = DEFAULT_PARTY[self.role]
        self.country_code = self.country_code or default_cc
        self.party_id = self.party_id or default_pid
        self.name = self.name or f"Simulated {self.role} {self.country_code}*{self.party_id}"


@attrs.define
class Event:
    """Something a platform received or did, for scenario checks and reports."""

    kind: str
    detail: dict[str, Any]


class Platform:
    """The state and behaviour of one simulated party, served by :mod:`ocpi_sdk.server`."""

    def __init__(self, config: SimConfig) -> None:
        if config.role == "HUB":  # a hub routes: only versions with routing headers
            from ocpi_sdk.sim.hub import refuse_unroutable

            config.versions = refuse_unroutable(config.versions)
            config.versions += tuple(v for v in config.translated if v not in config.versions)
        self.config = config
        self.role = config.role
        self.store = ObjectStore(config.db_path)
        self.partners = PersistentPartnerStore(self.store.db)
        self.faults = FaultPlan(config.faults, seed=config.seed, rate=config.fault_rate)
        self.token_a = self.partners.issue_token_a()
        self.events: deque[Event] = deque(maxlen=EVENT_HISTORY)
        self.results: dict[str, dict[str, Any]] = {}  # asynchronous results POSTed to us, by key
        self.listeners: list[Callable[[Event], None]] = []
        self.background: set[asyncio.Task[Any]] = set()
        self.transport: httpx.AsyncBaseTransport | None = None  # tests route calls in-process
        self.charging: dict[str, Any] = {}  # session id -> ocpi_sdk.sim.charging.Charging
        self.peer: tuple[str, str] | None = None  # the party behind a hub we push to
        self.received = 0  # HTTP requests received
        self.request_log: Callable[[RequestLog], None] | None = None
        self._http: httpx.AsyncClient | None = None
        self._connections: dict[Any, Connection] = {}
        self._base_url = ""
        self.hub: Any = None  # the hub's router (ocpi_sdk.sim.hub.HubRouter) when a hub
        self.server = OcpiServer(
            parties=self.identity,
            tokens=self.partners,
            role=self.role,
            versions=self.versions,
            limits=Limits(page_limit=config.page_limit),
            http_client=self.http,
            on_request=self._on_request,
            on_registered=self._on_registered,
        )
        self._mount()

    def _mount(self) -> None:
        if self.role == "HUB":
            from ocpi_sdk.sim.hub import mount_hub

            mount_hub(self)
            return
        from ocpi_sdk.sim import behaviour  # noqa: F401  (registers the module behaviours)
        from ocpi_sdk.sim.handlers import build_handler

        for version in self.versions:
            for (_, role), cls in _server_module(version).HANDLERS.items():
                if role is not None and self.role in _implemented_by(version, cls):
                    self.server.mount(build_handler(self, cls))

    # ---- outgoing calls --------------------------------------------------------------------

    def http(self) -> httpx.AsyncClient:
        """The one client for our outgoing calls (one connection pool and TLS context,
        reused; through ``transport`` when one is set). Closed by :meth:`aclose`."""
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=TIMEOUT, limits=LIMITS, transport=self.transport)
        return self._http

    async def aclose(self) -> None:
        if self._http is not None:
            await self._http.aclose()
            self._http = None

    # ---- identity and endpoints --------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self._base_url

    @base_url.setter
    def base_url(self, value: str) -> None:
        self._base_url = value
        self.server.base_url = f"{value}/ocpi" if value else None

    @property
    def versions(self) -> tuple[str, ...]:
        return self.config.versions

    @property
    def versions_url(self) -> str:
        return f"{self.base_url}/ocpi/versions"

    def version_url(self, version: str) -> str:
        return f"{self.base_url}/ocpi/{version}"

    def endpoint_url(self, version: str, module: str, role: str | None = None) -> str:
        """Where we serve ``module`` (the ``role`` interface when we serve both)."""
        return self.server.endpoint_url(version, module, role, f"{self.base_url}/ocpi")

    def party_roles(self) -> list[PartyRole]:
        """Our own role and party."""
        return [
            PartyRole(
                self.role,
                self.config.country_code or "",
                self.config.party_id or "",
                self.config.name or "",
            )
        ]

    def identity(self, version: str) -> Party:
        """Who we are in ``version``'s credentials. A hub where the Role enum has no HUB (2.3.0)
        gives its own id as ``hub_party_id`` and lists the parties reachable through it as its
        roles (itself as OTHER while none is connected), as that version's chapter says."""
        own = (self.config.country_code or "") + (self.config.party_id or "")
        roles = self.party_roles()
        hub_party_id = None
        credentials = schemas.get(version, "Credentials")["properties"]
        if self.role == "HUB" and "hub_party_id" in credentials:  # 2.3.0; 2.1.1 has no Role
            hub_party_id = own
            reachable = [
                PartyRole(
                    r["role"],
                    r["country_code"],
                    r["party_id"],
                    r.get("business_details", {}).get("name", r["party_id"]),
                )
                for record in list(self.partners.partners.values())
                for r in record.credentials.get("roles", [])
                if r.get("role") in schemas.get(version, "Role")["enum"]
            ]
            roles = reachable or [attrs.evolve(roles[0], role="OTHER")]
        return Party("", self.versions_url, roles, hub_party_id=hub_party_id)

    def endpoints(self, version: str) -> list[dict[str, Any]]:
        """The version details endpoints, with roles where the version has them."""
        return self.server.endpoints(version, f"{self.base_url}/ocpi")

    # ---- partners ------------------------------------------------------------------------

    def issue_token(self) -> str:
        """A token a partner may use to call us before registering (token A or B)."""
        return self.partners.issue_token_a(secrets.token_urlsafe(18))

    def accept_partner(
        self, *, incoming: str, outgoing: str, connection: Connection, credentials: dict[str, Any]
    ) -> PartnerRecord:
        """Record a partner we registered with ourselves (we were the starting side)."""
        record = PartnerRecord(
            token_c=incoming,
            token_b=outgoing,
            versions_url=connection.versions_url,
            version=connection.version,
            endpoints=connection.endpoints,
            credentials=credentials,
        )
        self.partners.register(record, replacing=incoming)
        return record

    def partner_for(self, country_code: str | None, party_id: str | None) -> PartnerRecord | None:
        """A registered partner by one of its roles' party (or the only one when not given)."""
        partners = list(self.partners.partners.values())
        if country_code is None or party_id is None:
            return partners[0] if len(partners) == 1 else None
        for record in partners:
            for party in _parties(record.credentials):
                if (party[0].upper(), party[1].upper()) == (country_code.upper(), party_id.upper()):
                    return record
        return None

    def connection_to(self, record: PartnerRecord) -> Connection:
        """The connection we call ``record`` with: one per partner token, kept, so what its
        clients learn about the partner (its token encoding) is kept too."""
        key = (record.token_b, record.versions_url, self.peer)
        found = self._connections.get(key)
        if found is None:
            found = self._connections[key] = self._connection(record)
        return found

    def _connection(self, record: PartnerRecord) -> Connection:
        options: dict[str, Any] = {}
        if self.peer is not None and packages.package(record.version).PROFILE.routing_headers:
            from ocpi_sdk.transport import Routing

            own = (self.config.country_code or "", self.config.party_id or "")
            options["routing"] = Routing(own[0], own[1], self.peer[0], self.peer[1])
        return Connection(
            version=record.version,
            version_url="",
            versions_url=record.versions_url,
            token=record.token_b,
            role="EMSP" if self.role == "EMSP" else "CPO",
            endpoints=record.endpoints,
            token_encoding="plain" if "plain_token" in self.faults.names else None,
            options=options,
        )

    def _on_registered(self, version: str, method: str, record: PartnerRecord) -> None:
        if method not in ("POST", "PUT"):
            return
        self.emit("registered", version=version)
        if self.role == "HUB":
            from ocpi_sdk.sim.hub import client_connected

            client_connected(self, version, record)

    def _on_request(self, entry: RequestLog) -> None:
        if entry.http_status >= 500:
            self.emit("error", where=f"{entry.method} {entry.path}", detail="internal error")
        if self.request_log is not None:
            self.request_log(entry)

    # ---- objects and events --------------------------------------------------------------

    def put(self, module: str, key: Key, obj: dict[str, Any]) -> None:
        """Store an object and tell the listeners."""
        self.store.put(module, key, obj)
        self.emit("stored", module=module, key=key, body=obj)

    def record_result(self, key: str, operation: str, body: Any) -> None:
        """An asynchronous result POSTed to a URL we gave (command, charging profile)."""
        self.results[key] = {"operation": operation, "body": body}
        while len(self.results) > RESULT_HISTORY:
            self.results.pop(next(iter(self.results)))
        self.emit("result", operation=operation, key=key, body=body)

    def shape_one(self, obj: dict[str, Any]) -> Any:
        """How a single object is served (the raw bytes, reshaped by the active faults)."""
        from ocpi_sdk.server import RawJson
        from ocpi_sdk.sim.store import dumps

        return RawJson(self.faults.shape_object(dumps(obj)))

    def shape_page(self, module: str, items: list[bytes], offset: int = 0) -> list[bytes]:
        """The objects of one page as served (reshaped by the active faults)."""
        return self.faults.shape_page(module, items, offset)

    def emit(self, kind: str, **detail: Any) -> None:
        event = Event(kind, detail)
        self.events.append(event)
        for listener in list(self.listeners):
            listener(event)

    def spawn(self, coroutine: Any) -> None:
        task = asyncio.ensure_future(coroutine)
        self.background.add(task)
        task.add_done_callback(self.background.discard)

    def package(self, version: str) -> Any:
        return packages.package(version)


def _server_module(version: str) -> Any:
    return importlib.import_module(f"ocpi_sdk.v{version.replace('.', '_')}.server")


def _implemented_by(version: str, cls: Any) -> tuple[str, ...]:
    for interface in schemas.interfaces(version):
        if interface.module == cls.module and interface.role == cls.role:
            return tuple(interface.implemented_by)
    return ()


def _parties(credentials: dict[str, Any]) -> list[tuple[str, str]]:
    if "roles" in credentials:
        return [(r["country_code"], r["party_id"]) for r in credentials["roles"]]
    return [(credentials.get("country_code", ""), credentials.get("party_id", ""))]
