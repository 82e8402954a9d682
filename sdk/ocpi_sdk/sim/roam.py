"""``ocpi roam``: a whole roaming flow between simulated parties, driven through the SDK.

A CPO and an eMSP (and with ``via_hub`` a hub between them) run as real HTTP servers on loopback.
The scenario then plays the eMSP's application, using only the SDK's public API: version
negotiation and the credentials handshake, pulling Locations and Tariffs, pushing a driver's
Token (authorised in real time by the CPO at the eMSP), START_SESSION and its asynchronous
result, Session updates while charging, STOP_SESSION, and the CDR, whose cost is checked
against the Tariff by the tariff engine. Every step is timed and its HTTP calls counted.
"""

from __future__ import annotations

import asyncio
import secrets
import time
from collections.abc import Awaitable, Callable
from typing import Any

import attrs
import httpx

from ocpi_sdk import packages
from ocpi_sdk.credentials import Party, aregister
from ocpi_sdk.negotiation import Connection, aconnect
from ocpi_sdk.sim import faults as fault_names
from ocpi_sdk.sim.charging import SIM_RETRIES
from ocpi_sdk.sim.platform import LIMITS, TIMEOUT, Platform, SimConfig
from ocpi_sdk.sim.seed import seed_platform
from ocpi_sdk.sim.serve import RunningServer
from ocpi_sdk.transport import Routing

WAIT = 30.0  # seconds without progress before a wait gives up
CONCURRENCY = 32  # drivers acting at once in a step (the others wait their turn)


class StepFailed(Exception):
    """A step of the scenario did not reach its goal (the message says why)."""


@attrs.define
class Step:
    """One step: its name, outcome, time, HTTP calls and a line of detail."""

    name: str
    ok: bool = True
    seconds: float = 0.0
    calls: int = 0
    detail: str = ""
    runs: int = 1
    failures: int = 0


@attrs.define
class RoamReport:
    """What ``ocpi roam`` did, step by step, and what it tolerated on the way."""

    version: str
    via_hub: bool
    drivers: int
    faults: tuple[str, ...]
    cpo_version: str | None = None
    steps: list[Step] = attrs.field(factory=list)
    losses: dict[str, int] = attrs.field(factory=dict)
    supplied: dict[str, int] = attrs.field(factory=dict)
    tolerated: dict[str, int] = attrs.field(factory=dict)
    faults_met: dict[str, int] = attrs.field(factory=dict)
    seconds: float = 0.0
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and all(step.ok for step in self.steps)

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "version": self.version,
            "cpo_version": self.cpo_version or self.version,
            "via_hub": self.via_hub,
            "drivers": self.drivers,
            "faults": list(self.faults),
            "seconds": round(self.seconds, 3),
            "steps": [attrs.asdict(s) for s in self.steps],
            "tolerated": self.tolerated,
            "losses": self.losses,
            "supplied": self.supplied,
            "faults_met": {
                name: {"times": times, "handled": fault_names.HANDLING.get(name, "")}
                for name, times in sorted(self.faults_met.items())
            },
            "error": self.error,
        }

    def text(self) -> str:
        route = " via a hub" if self.via_hub else ""
        versions = self.version
        if self.cpo_version and self.cpo_version != self.version:
            versions = f"{self.version} eMSP, OCPI {self.cpo_version} CPO"
        lines = [f"OCPI {versions} roaming scenario{route}, {self.drivers} driver(s)"]
        if self.faults:
            lines.append(f"faults injected: {', '.join(self.faults)}")
        lines.append("")
        lines.append(f"  {'step':34} {'result':12} {'time':>8} {'calls':>6}  detail")
        for step in self.steps:
            result = "PASS" if step.ok else "FAIL"
            if step.runs > 1:
                result += f" {step.runs - step.failures}/{step.runs}"
            lines.append(
                f"  {step.name:34} {result:12} {step.seconds:7.2f}s {step.calls:6}  {step.detail}"
            )
        lines.append("")
        if self.faults_met:
            lines.append("faults met, and how they were handled:")
            for name, times in sorted(self.faults_met.items()):
                how = fault_names.HANDLING.get(name, "")
                lines.append(f"  {name:16} x{times:<4} {how}")
        if self.tolerated:
            tolerated = ", ".join(f"{k} x{v}" for k, v in sorted(self.tolerated.items()))
            lines.append(f"tolerated by the SDK: {tolerated}")
        if self.losses:
            lines.append("losses met in the hub's translation (object versions path kind: why):")
            for loss, times in sorted(self.losses.items()):
                lines.append(f"  x{times:<4} {loss}")
        if self.supplied:
            lines.append(
                "values the hub supplied (owner from the registration, cdr_token from the "
                "forwarded Token, timeout of its relay, tax_included from 2.2.1's before-VAT "
                "prices):"
            )
            for path, times in sorted(self.supplied.items()):
                lines.append(f"  x{times:<4} {path}")
        if self.error:
            lines.append(f"error: {self.error}")
        verdict = "PASSED" if self.ok else "FAILED"
        lines.append(f"{verdict} in {self.seconds:.2f}s")
        return "\n".join(lines)


Progress = Callable[[str], None]


class Scenario:
    """One run of the roaming flow; use :func:`roam` to run it."""

    def __init__(
        self,
        version: str,
        *,
        via_hub: bool = False,
        faults: tuple[str, ...] = (),
        seed: int = 0,
        count: int = 1,
        progress: Progress | None = None,
        cpo_version: str | None = None,
    ) -> None:
        self.version = version
        self.cpo_version = cpo_version or version
        if self.cpo_version != version and not via_hub:
            raise ValueError("parties of different versions roam only through a hub")
        self.via_hub = via_hub
        self.count = count
        self.progress = progress or (lambda line: None)
        locations = max(3, min(count, 20))
        self.cpo = Platform(
            SimConfig(
                role="CPO",
                versions=(self.cpo_version,),
                faults=faults,
                seed=seed,
                locations=locations,
                page_limit=2 if faults else 50,  # with faults: several pages, so Links matter
            )
        )
        self.emsp = Platform(
            SimConfig(role="EMSP", versions=(version,), faults=faults, seed=seed, tokens=count)
        )
        both = tuple(dict.fromkeys((version, self.cpo_version)))
        unrouted = {self.cpo_version: "EMSP", version: "CPO"} if len(both) > 1 else {}
        translated = {v: side for v, side in unrouted.items() if not _routed(v)}
        self.hub = (
            Platform(SimConfig(role="HUB", versions=both, translated=translated, seed=seed))
            if via_hub
            else None
        )
        self.report = RoamReport(version, via_hub, count, faults, cpo_version)
        self.clients: list[Any] = []
        self.connection: Connection | None = None
        self.charging_sessions: dict[str, str] = {}  # token uid -> id of its charging Session
        self.progress_at = [time.monotonic()]  # when the eMSP last received anything
        self.emsp.listeners.append(self._on_emsp_event)

    def _on_emsp_event(self, event: Any) -> None:
        self.progress_at[0] = time.monotonic()  # the eMSP received something: not stalled
        detail = event.detail
        if event.kind in ("stored", "patched") and str(detail.get("module", "")).endswith(
            "/sessions"
        ):
            session = self.emsp.store.get(detail["module"], detail["key"]) or {}
            uid = _token_uid(session)
            if uid is not None and session.get("charging_periods"):
                self.charging_sessions[uid] = str(session["id"])

    # ---- bookkeeping ---------------------------------------------------------------------

    @property
    def calls(self) -> int:
        """HTTP requests the simulators have received so far (every call on the wire)."""
        return sum(p.received for p in (self.cpo, self.emsp, self.hub) if p is not None)

    def http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=TIMEOUT, limits=LIMITS)

    def client(self, module: str, http: httpx.AsyncClient) -> Any:
        assert_connection = self.connection
        if assert_connection is None:
            raise StepFailed("no connection yet")
        options: dict[str, Any] = {"client": http, "retries": SIM_RETRIES}
        if self.via_hub:
            options["routing"] = Routing("NL", "MSP", "NL", "CPO")
        client = assert_connection.async_client(module, **options)
        self.clients.append(client)
        return client

    async def step(self, name: str, action: Callable[[], Awaitable[str]]) -> Step:
        before, start = self.calls, time.perf_counter()
        step = Step(name)
        try:
            step.detail = await action()
        except Exception as exc:
            step.ok, step.failures = False, 1
            step.detail = _reason(exc)
        step.seconds = time.perf_counter() - start
        step.calls = self.calls - before
        self.report.steps.append(step)
        self.progress(f"{'PASS' if step.ok else 'FAIL'}  {name}: {step.detail}")
        if not step.ok:
            raise StepFailed(f"{name}: {step.detail}")
        return step

    # ---- the flow ------------------------------------------------------------------------

    async def run(self) -> RoamReport:
        started = time.perf_counter()
        servers = [RunningServer(p) for p in (self.cpo, self.emsp, self.hub) if p is not None]
        try:
            for server in servers:
                server.start()
            seed_platform(self.cpo)
            seed_platform(self.emsp)
            async with self.http() as http:
                await self._flow(http)
        except StepFailed as exc:
            self.report.error = str(exc)
        except Exception as exc:
            self.report.error = _reason(exc)
        finally:
            for server in servers:
                server.stop()
            self._collect()
            self.report.seconds = time.perf_counter() - started
        return self.report

    def _collect(self) -> None:
        for client in self.clients:
            for event in client.tolerated:
                self.report.tolerated[event.kind] = self.report.tolerated.get(event.kind, 0) + 1
        problems: list[str] = []
        for platform in (self.cpo, self.emsp, self.hub):
            if platform is None:
                continue
            for name, times in platform.faults.met.items():
                self.report.faults_met[name] = self.report.faults_met.get(name, 0) + times
            if platform.hub is not None:
                self.report.losses.update(platform.hub.translate.losses)
                self.report.supplied.update(platform.hub.translate.supplied)
            for event in platform.events:
                if event.kind == "error":
                    problems.append(
                        f"the {platform.role} simulator failed in {event.detail.get('where')}: "
                        f"{event.detail.get('detail')}"
                    )
        if problems:
            summary = _summary(problems)
            self.report.error = f"{self.report.error}; {summary}" if self.report.error else summary

    async def _flow(self, http: httpx.AsyncClient) -> None:
        target = self.hub or self.cpo
        if self.hub is not None:
            await self.step(
                "CPO registers with the hub",
                lambda: self._cpo_joins_hub(http),
            )
        await self.step("version negotiation", lambda: self._negotiate(target, http))
        await self.step("credentials handshake", lambda: self._handshake(target, http))
        if self.hub is not None and _routed(self.version):  # 2.1.1 has no HubClientInfo
            await self.step("HubClientInfo from the hub", lambda: self._client_info(http))
        locations: list[Any] = []
        tariffs: list[Any] = []

        async def pull_locations() -> str:
            client = self.client("locations", http)
            locations.extend([loc async for loc in client.list()])
            evses = sum(len(loc.evses or []) for loc in locations)
            if locations:  # and one of them by its id (a single GET)
                again = await client.get(locations[0].id)
                if again.id != locations[0].id:
                    raise StepFailed(f"GET {locations[0].id} gave Location {again.id}")
            return f"{len(locations)} Locations, {evses} EVSEs"

        async def pull_tariffs() -> str:
            client = self.client("tariffs", http)
            tariffs.extend([t async for t in client.list()])
            return f"{len(tariffs)} Tariffs"

        await self.step("pull Locations", pull_locations)
        await self.step("pull Tariffs", pull_tariffs)
        if not locations:
            raise StepFailed("the CPO published no Locations")
        drivers = [Driver(self, index, locations, tariffs, http) for index in range(self.count)]
        for name in Driver.STEPS:
            await self._driver_step(name, drivers)

    async def _driver_step(self, name: str, drivers: list[Driver]) -> None:
        before, start = self.calls, time.perf_counter()
        done = [0]
        turns = asyncio.Semaphore(CONCURRENCY)

        async def one(driver: Driver) -> str:
            async with turns:
                try:
                    return await driver.do(name)
                finally:
                    done[0] += 1

        async def report_progress() -> None:
            while True:
                await asyncio.sleep(2.0)
                self.progress(f"....  {name}: {done[0]}/{len(drivers)} drivers done")

        ticker = asyncio.ensure_future(report_progress()) if len(drivers) > 1 else None
        try:
            results = await asyncio.gather(*(one(d) for d in drivers), return_exceptions=True)
        finally:
            if ticker is not None:
                ticker.cancel()
        failures = [r for r in results if isinstance(r, BaseException)]
        details = [r for r in results if isinstance(r, str)]
        step = Step(name, ok=not failures, runs=len(drivers), failures=len(failures))
        step.seconds = time.perf_counter() - start
        step.calls = self.calls - before
        if failures:
            step.detail = _summary([_reason(f) for f in failures])
        elif len(details) == 1:
            step.detail = details[0]
        else:
            step.detail = f"{len(details)} drivers; e.g. {details[0]}"
        self.report.steps.append(step)
        self.progress(f"{'PASS' if step.ok else 'FAIL'}  {name}: {step.detail}")
        if failures:
            raise StepFailed(f"{name}: {step.detail}")

    async def _register(
        self,
        party: Platform,
        other: Platform,
        role: str,
        peer: tuple[str, str],
        http: httpx.AsyncClient,
    ) -> Connection:
        """``party`` registers with ``other`` through the SDK and records the partner it got."""
        us = Party(party.issue_token(), party.versions_url, party.party_roles())
        version = self.cpo_version if party is self.cpo else self.version
        registration = await aregister(
            other.versions_url, other.token_a, us, role=role, versions=[version], client=http
        )
        credentials = _credentials_dict(registration.credentials)
        if self.hub is not None and not _routed(version):
            # OCPI 2.1.1 has no routing headers: which parties a hub connection carries is
            # configured by the operator; here, the hub itself and the peer behind it.
            hub = {k: credentials.get(k) for k in ("country_code", "party_id")}
            credentials["roles"] = [
                {"role": "HUB", **hub},
                {"role": role_of_peer(role), "country_code": peer[0], "party_id": peer[1]},
            ]
        party.accept_partner(
            incoming=us.token,
            outgoing=registration.connection.token,
            connection=registration.connection,
            credentials=credentials,
        )
        if self.hub is not None:
            party.peer = peer
        return registration.connection

    async def _cpo_joins_hub(self, http: httpx.AsyncClient) -> str:
        if self.hub is None:
            raise StepFailed("no hub")
        connection = await self._register(self.cpo, self.hub, "CPO", ("NL", "MSP"), http)
        return f"OCPI {connection.version}, token C received"

    async def _client_info(self, http: httpx.AsyncClient) -> str:
        if self.connection is None:
            raise StepFailed("no connection yet")
        client: Any = self.connection.async_client("hubclientinfo", client=http)
        self.clients.append(client)
        parties = {
            f"{c.country_code}*{c.party_id} {c.role} {c.status}" async for c in client.list()
        }
        if not any("CPO" in p and "CONNECTED" in p for p in parties):
            raise StepFailed(f"the hub does not list the CPO as connected: {sorted(parties)}")
        return "; ".join(sorted(parties))

    async def _negotiate(self, target: Platform, http: httpx.AsyncClient) -> str:
        if target is self.hub:
            target.token_a = target.issue_token()  # the hub hands each party its own token A
        connection = await aconnect(target.versions_url, target.token_a, role="EMSP", client=http)
        return f"OCPI {connection.version} chosen; {len(connection.modules)} modules offered"

    async def _handshake(self, target: Platform, http: httpx.AsyncClient) -> str:
        self.connection = await self._register(self.emsp, target, "EMSP", ("NL", "CPO"), http)
        return "token A replaced by token C; the CPO can call the eMSP with token B"


class Driver:
    """One driver's charging session through the scenario."""

    STEPS = (
        "push Token",
        "START_SESSION + result",
        "Session updates while charging",
        "STOP_SESSION + result",
        "CDR received and cost checked",
    )

    def __init__(
        self,
        scenario: Scenario,
        index: int,
        locations: list[Any],
        tariffs: list[Any],
        http: httpx.AsyncClient,
    ) -> None:
        self.scenario = scenario
        self.version = scenario.version
        self.package = packages.package(scenario.version)
        self.index = index
        self.location = locations[index % len(locations)]
        self.tariffs = tariffs
        self.http = http
        tokens = scenario.emsp.store.all(f"{self.version}/tokens")
        if not tokens:
            raise StepFailed("the eMSP has no tokens")
        self.token = tokens[index % len(tokens)]
        self.session_id: str | None = None

    async def do(self, name: str) -> str:
        action = {
            "push Token": self.push_token,
            "START_SESSION + result": self.start,
            "Session updates while charging": self.updates,
            "STOP_SESSION + result": self.stop,
            "CDR received and cost checked": self.cdr,
        }[name]
        return await action()

    def _response_url(self) -> str:
        key = secrets.token_hex(8)
        base = self.scenario.emsp.endpoint_url(self.version, "commands", "SENDER")
        return f"{base}/command_result/{key}"

    async def _result(self, url: str) -> str:
        key = url.rsplit("/", 1)[-1]
        results = self.scenario.emsp.results
        found = await wait_for(
            lambda: results.get(key), f"the command result at {url}", self.scenario.progress_at
        )
        return str(found["body"]["result"])

    async def push_token(self) -> str:
        client = self.scenario.client("tokens", self.http)
        token = self.package.loads(self.token, self.package.Token)
        owner = (self.token.get("country_code", "NL"), self.token.get("party_id", "MSP"))
        await client.put(*owner, token.uid, token)
        return f"Token {token.uid} ({token.type}) stored at the CPO"

    async def start(self) -> str:
        client = self.scenario.client("commands", self.http)
        url = self._response_url()
        evse = (self.location.evses or [None])[0]
        body: dict[str, Any] = {
            "response_url": url,
            "token": self.token,
            "location_id": self.location.id,
        }
        if evse is not None:
            body["evse_uid"] = evse.uid
        answer = await client.start_session(self.package.loads(body, self.package.StartSession))
        if str(answer.result) != "ACCEPTED":
            raise StepFailed(f"START_SESSION answered {answer.result}")
        result = await self._result(url)
        if result != "ACCEPTED":
            raise StepFailed(f"START_SESSION result {result} (the token was not authorised)")
        return f"accepted; result {result} after real-time authorisation at the eMSP"

    async def updates(self) -> str:
        store = self.scenario.emsp.store
        uid = self.token["uid"]
        refs = [str(uid), str(self.token.get("auth_id", uid))]  # 2.1.1 Sessions carry auth_id
        charging = self.scenario.charging_sessions
        self.session_id = await wait_for(
            lambda: next((charging[r] for r in refs if r in charging), None),
            f"a Session update for token {uid}",
            self.scenario.progress_at,
        )
        current = store.find(f"{self.version}/sessions", self.session_id) or {}
        periods = len(current.get("charging_periods") or [])
        return f"Session {self.session_id}: {current.get('kwh')} kWh in {periods} periods"

    async def stop(self) -> str:
        client = self.scenario.client("commands", self.http)
        url = self._response_url()
        body = {"response_url": url, "session_id": self.session_id}
        answer = await client.stop_session(self.package.loads(body, self.package.StopSession))
        if str(answer.result) != "ACCEPTED":
            raise StepFailed(f"STOP_SESSION answered {answer.result}")
        result = await self._result(url)
        return f"accepted; result {result}"

    async def cdr(self) -> str:
        from ocpi_sdk.tariffs import check_cdr

        store = self.scenario.emsp.store
        raw = await wait_for(
            lambda: store.find(f"{self.version}/cdrs", self.session_id or ""),
            f"the CDR of {self.session_id}",
            self.scenario.progress_at,
        )
        cdr = self.package.loads(raw, self.package.CDR)
        ids = {str(t.id) for t in (getattr(cdr, "tariffs", None) or [])}
        pulled = [t for t in self.tariffs if str(t.id) in ids] or None
        zone = getattr(self.location, "time_zone", None)
        differences = check_cdr(cdr, pulled, time_zone=zone)
        if differences:
            shown = "; ".join(
                f"{d.field}: CDR {d.cdr}, computed {d.computed}" for d in differences[:3]
            )
            raise StepFailed(f"the CDR's costs differ from the Tariff: {shown}")
        total = raw["total_cost"]
        amount = (
            total.get("excl_vat", total.get("before_taxes")) if isinstance(total, dict) else total
        )
        energy = raw.get("total_energy")
        return (
            f"CDR {cdr.id}: {energy} kWh, total {amount} {raw.get('currency')}, matches the Tariff"
        )


def _token_uid(session: dict[str, Any]) -> str | None:
    token = session.get("cdr_token")
    if isinstance(token, dict):
        return str(token.get("uid"))
    auth = session.get("auth_id")
    return str(auth) if auth is not None else None


def _routed(version: str) -> bool:
    return bool(packages.package(version).PROFILE.routing_headers)


def role_of_peer(role: str) -> str:
    """The role of the party on the other side of the hub from a party of ``role``."""
    return "EMSP" if role == "CPO" else "CPO"


def _credentials_dict(credentials: Any) -> dict[str, Any]:
    from ocpi_sdk import packages as pkgs

    for version in pkgs.sdk_versions():
        package = pkgs.package(version)
        if isinstance(credentials, package.Credentials):
            result: dict[str, Any] = package.to_dict(credentials)
            return result
    return {}


async def wait_for(
    probe: Callable[[], Any],
    what: str,
    progress_at: list[float] | None = None,
    timeout: float = WAIT,
) -> Any:
    """Poll ``probe`` until it gives something. Gives up after ``timeout`` seconds without
    progress: from the start, or (with ``progress_at``) from the last time the simulators moved
    on, so a loaded machine slows a large run down without failing it."""
    start = time.monotonic()
    while True:
        found = probe()
        if found:
            return found
        moved = max(start, progress_at[0]) if progress_at else start
        if time.monotonic() > moved + timeout:
            raise StepFailed(f"timed out after {timeout:.0f}s without progress waiting for {what}")
        await asyncio.sleep(0.05)


def _summary(problems: list[str], shown: int = 3) -> str:
    """The first few problems, and how many there were of each kind (bounded, however many)."""
    kinds: dict[str, int] = {}
    for problem in problems:
        kind = problem.split(":", 1)[0][:80]
        kinds[kind] = kinds.get(kind, 0) + 1
    first = "; ".join(p[:300] for p in problems[:shown])
    if len(problems) <= shown:
        return first
    counts = ", ".join(f"{k} x{n}" for k, n in sorted(kinds.items(), key=lambda i: -i[1])[:5])
    return f"{len(problems)} failures ({counts}); first: {first}"


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text if isinstance(exc, StepFailed) else f"{type(exc).__name__}: {text}"


def roam(
    version: str,
    *,
    via_hub: bool = False,
    faults: str | tuple[str, ...] = (),
    seed: int = 0,
    count: int = 1,
    progress: Progress | None = None,
    cpo_version: str | None = None,
) -> RoamReport:
    """Run the roaming scenario and return its report (never raises for a failed step).

    ``version`` is the eMSP's OCPI version, and the CPO's unless ``cpo_version`` names another:
    then the hub (``via_hub``) converts everything it forwards between the two, and the report
    lists the losses it met."""
    chosen = fault_names.parse(faults) if isinstance(faults, str) else tuple(faults)
    scenario = Scenario(
        version,
        via_hub=via_hub,
        faults=chosen,
        seed=seed,
        count=count,
        progress=progress,
        cpo_version=cpo_version,
    )
    return asyncio.run(scenario.run())
