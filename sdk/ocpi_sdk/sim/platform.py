"""A simulated OCPI platform: its role, parties, served interfaces, tokens, partners and objects.

What a platform serves is read from the interfaces data: every interface of a module whose
``implemented_by`` names the platform's role (a CPO serves the Locations *Sender*, the Tokens
*Receiver*, ...); a hub serves every interface and routes.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Callable
from typing import Any

import attrs
import httpx

from ocpi_sdk import packages, schemas
from ocpi_sdk.credentials import (
    CredentialsHandler,
    MemoryPartnerStore,
    PartnerRecord,
    Party,
    PartyRole,
)
from ocpi_sdk.negotiation import Connection
from ocpi_sdk.schemas._interfaces import Interface
from ocpi_sdk.sim.faults import FaultPlan
from ocpi_sdk.sim.store import ObjectStore

ROLES = ("CPO", "EMSP", "HUB")
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
    """The state and behaviour of one simulated party."""

    def __init__(self, config: SimConfig) -> None:
        self.config = config
        self.role = config.role
        self.store = ObjectStore(config.db_path)
        self.partners = MemoryPartnerStore()
        self.faults = FaultPlan(config.faults, seed=config.seed, rate=config.fault_rate)
        self.base_url = ""
        self.token_a = self.partners.issue_token_a()
        self.events: list[Event] = []
        self.listeners: list[Callable[[Event], None]] = []
        self.handlers: dict[str, CredentialsHandler] = {}
        self.background: set[asyncio.Task[Any]] = set()
        self.transport: httpx.AsyncBaseTransport | None = None  # tests route calls in-process
        self.charging: dict[str, Any] = {}  # session id -> ocpi_sdk.sim.charging.Charging
        self.peer: tuple[str, str] | None = None  # the party behind a hub we push to
        self.received = 0  # HTTP requests received

    def http(self) -> httpx.AsyncClient:
        """A client for our outgoing calls (through ``transport`` when one is set)."""
        return httpx.AsyncClient(timeout=10.0, transport=self.transport)

    # ---- identity and endpoints --------------------------------------------------------------

    @property
    def versions(self) -> tuple[str, ...]:
        return self.config.versions

    @property
    def versions_url(self) -> str:
        return f"{self.base_url}/ocpi/versions"

    def version_url(self, version: str) -> str:
        return f"{self.base_url}/ocpi/{version}"

    def endpoint_url(self, version: str, module: str) -> str:
        return f"{self.base_url}/ocpi/{version}/{module}"

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
                for record in self.partners.partners.values()
                for r in record.credentials.get("roles", [])
                if r.get("role") in schemas.get(version, "Role")["enum"]
            ]
            roles = reachable or [attrs.evolve(roles[0], role="OTHER")]
        return Party("", self.versions_url, roles, hub_party_id=hub_party_id)

    def served(self, version: str) -> list[Interface]:
        """The interfaces this platform serves in ``version``."""
        out = []
        for interface in schemas.interfaces(version):
            if (
                interface.role is None
                or self.role == "HUB"
                or self.role in interface.implemented_by
            ):
                out.append(interface)
        return out

    def endpoints(self, version: str) -> list[dict[str, Any]]:
        """The version details endpoints, with roles where the version has them."""
        has_roles = "role" in schemas.get(version, "Endpoint").get("properties", {})
        out: list[dict[str, Any]] = []
        seen: set[tuple[str, str | None]] = set()
        for interface in self.served(version):
            if interface.module == "versions":
                continue
            role = interface.role if interface.role else ("SENDER" if has_roles else None)
            key = (interface.module, role if has_roles else None)
            if key in seen:
                continue
            seen.add(key)
            entry: dict[str, Any] = {
                "identifier": interface.module,
                "url": self.endpoint_url(version, interface.module),
            }
            if has_roles:
                entry["role"] = role
            out.append(entry)
        if has_roles:
            for entry in out:
                if entry["identifier"] == "credentials":
                    entry["role"] = "RECEIVER"
        return out

    def handler(self, version: str) -> CredentialsHandler:
        if version not in self.handlers:
            self.handlers[version] = CredentialsHandler(
                versions_url=self.versions_url,
                roles=self.identity,
                store=self.partners,
                role=self.role,
                versions=self.versions,
                async_client=self.http(),
            )
        return self.handlers[version]

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

    # ---- events --------------------------------------------------------------------------

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


def _parties(credentials: dict[str, Any]) -> list[tuple[str, str]]:
    if "roles" in credentials:
        return [(r["country_code"], r["party_id"]) for r in credentials["roles"]]
    return [(credentials.get("country_code", ""), credentials.get("party_id", ""))]
