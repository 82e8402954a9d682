"""The CPO simulator's charging behaviour.

A ``START_SESSION`` command is answered at once (``CommandResponse``); then, in the background,
the CPO authorizes the token in real time at the eMSP, posts the ``CommandResult`` to the
command's ``response_url``, creates the Session at the eMSP and sends an update per charging
period. ``STOP_SESSION`` ends the run: the final Session, then the CDR, priced by the tariff
engine, are pushed to the eMSP. The run itself (power curve, periods) comes from
:mod:`ocpi_sdk.sim.data`; simulated time advances one charging period per ``update_interval``.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import attrs

from ocpi_sdk import packages, schemas
from ocpi_sdk.credentials import PartnerRecord
from ocpi_sdk.server import Party
from ocpi_sdk.sim.platform import Platform
from ocpi_sdk.transport import RetryPolicy

SIM_RETRIES = RetryPolicy(attempts=4, backoff=0.01, statuses=(429, 500, 502, 503, 504))


@attrs.define
class Charging:
    """A charging run in progress at the CPO."""

    version: str
    partner: PartnerRecord
    run: Any
    location: dict[str, Any]
    token: dict[str, Any]
    stop: asyncio.Event = attrs.field(factory=asyncio.Event)
    done: asyncio.Event = attrs.field(factory=asyncio.Event)


@contextlib.asynccontextmanager
async def partner_client(
    platform: Platform, partner: PartnerRecord, module: str, role: str | None = None
) -> AsyncIterator[Any]:
    """An SDK client for ``module`` at ``partner`` on the platform's one HTTP client (its
    connections and TLS context are reused; it stays open)."""
    connection = platform.connection_to(partner)
    yield connection.async_client(module, role=role, retries=SIM_RETRIES, client=platform.http())


def result_body(version: str, result: str) -> dict[str, Any]:
    """The asynchronous result of a command, shaped as the version's ``command_result`` body."""
    from ocpi_sdk.sim.behaviour import minimal

    spec = next(
        op
        for i in schemas.interfaces(version)
        if i.module == "commands"
        for op in i.operations
        if op.name == "command_result"
    )
    name = spec.request_body.object if spec.request_body else "CommandResult"
    return minimal(version, name, result=result)


async def send_result(
    platform: Platform, version: str, partner: PartnerRecord | None, url: str, result: str
) -> None:
    """POST a command's result to its ``response_url`` after the configured delay."""
    await asyncio.sleep(platform.config.command_delay)
    if partner is None:
        return
    package = packages.package(version)
    name = "CommandResult" if "CommandResult" in schemas.names(version) else "CommandResponse"
    body = package.loads(result_body(version, result), getattr(package, name))
    try:
        async with partner_client(platform, partner, "commands", "SENDER") as client:
            await client.command_result(body, response_url=url)
        platform.emit("result sent", url=url, result=result)
    except Exception as exc:  # reported, not raised: the command itself was answered
        platform.emit("error", where="command result", detail=str(exc))


async def send_profile_result(
    platform: Platform,
    version: str,
    partner: PartnerRecord | None,
    url: str,
    operation: str,
) -> None:
    """POST a charging-profile result to its ``response_url`` (after the configured delay)."""
    await asyncio.sleep(platform.config.command_delay)
    if partner is None:
        return
    package = packages.package(version)
    ops = packages.clients(version).OPERATIONS
    spec = ops[("chargingprofiles", "SENDER", operation)]
    name = spec.request_object or ""
    body: dict[str, Any] = {"result": "ACCEPTED"}
    if name == "ActiveChargingProfileResult":
        stored = platform.store.all(f"{version}/chargingprofiles")
        profile = (stored[-1] if stored else {}).get(
            "charging_profile", {"charging_rate_unit": "W"}
        )
        body["profile"] = {"start_date_time": _now(), "charging_profile": profile}
    try:
        async with partner_client(platform, partner, "chargingprofiles", "SENDER") as client:
            method = getattr(client, operation)
            await method(package.loads(body, getattr(package, name)), response_url=url)
        platform.emit("result sent", url=url, result="ACCEPTED")
    except Exception as exc:  # reported, not raised: the request itself was answered
        platform.emit("error", where="charging profile result", detail=str(exc))


def _now() -> str:
    from ocpi_sdk.converter import format_datetime

    return format_datetime(datetime.now(UTC).replace(microsecond=0))


async def on_command(
    platform: Platform,
    version: str,
    name: str,
    body: Any,
    partner: PartnerRecord | None,
    party: Party | None = None,
) -> bool:
    """Answer a command: True to accept it. Its result and effects follow in the background.
    ``party`` is the acting party (a ``Party``): a session is stopped only by the one it is for."""
    url = body.get("response_url") if isinstance(body, dict) else None
    if name == "start_session" and partner is not None:
        return _start(platform, version, body, partner, url)
    if name == "stop_session":
        charging = platform.charging.get(str(body.get("session_id")))
        if charging is None or not _for(charging, partner, party):
            return False
        charging.stop.set()
    if url:
        platform.spawn(send_result(platform, version, partner, url, "ACCEPTED"))
    return True


def _for(charging: Charging, partner: PartnerRecord | None, party: Party | None) -> bool:
    """Whether the session ``charging`` is for the caller: the party owning its token (2.2.1
    on), else the partner who started it (a 2.1.1 token names no party)."""
    owner = (charging.token.get("country_code"), charging.token.get("party_id"))
    if owner[0] and owner[1] and party is not None:
        return party.same(str(owner[0]), str(owner[1]))
    return partner is not None and partner.token_c == charging.partner.token_c


def _start(
    platform: Platform, version: str, body: dict[str, Any], partner: PartnerRecord, url: str | None
) -> bool:
    from ocpi_sdk.sim.seed import network

    location = platform.store.find(f"{version}/locations", str(body.get("location_id")))
    if location is None or not location.get("evses"):
        return False
    evse = next(
        (e for e in location["evses"] if e.get("uid") == body.get("evse_uid")),
        location["evses"][0] if not body.get("evse_uid") else None,
    )
    if evse is None:
        return False
    connector = next(
        (c for c in evse["connectors"] if c.get("id") == body.get("connector_id")),
        evse["connectors"][0],
    )
    session_id = f"S{secrets.token_hex(6).upper()}"
    run = network(platform, version).session(
        token=body["token"],
        location=location,
        evse_uid=evse["uid"],
        connector_id=connector["id"],
        start=datetime.now(UTC).replace(microsecond=0),
        kwh_target=20.0,
        session_id=session_id,
    )
    charging = Charging(version, partner, run, location, body["token"])
    platform.charging[session_id] = charging
    platform.spawn(_charge(platform, charging, url))
    return True


async def _authorize(platform: Platform, charging: Charging) -> bool:
    token = charging.token
    try:
        async with partner_client(platform, charging.partner, "tokens") as tokens:
            info = await tokens.authorize(str(token["uid"]), type=token.get("type"))
    except Exception as exc:
        platform.emit("error", where="authorize", detail=str(exc))
        return False
    allowed = str(info.allowed) == "ALLOWED"
    platform.emit("authorized at eMSP", uid=token["uid"], allowed=allowed)
    return allowed


async def _charge(platform: Platform, charging: Charging, url: str | None) -> None:
    version, run = charging.version, charging.run
    package = packages.package(version)
    allowed = await _authorize(platform, charging)
    if url:
        await send_result(
            platform, version, charging.partner, url, "ACCEPTED" if allowed else "REJECTED"
        )
    if not allowed:
        platform.charging.pop(run.session_id, None)
        return
    owner = (platform.config.country_code or "", platform.config.party_id or "")
    try:
        async with partner_client(platform, charging.partner, "sessions") as sessions:
            first = package.loads(run.session("ACTIVE"), package.Session)
            await sessions.put(*owner, run.session_id, first)
            _keep(platform, version, owner, run.session("ACTIVE"))
            platform.emit("session pushed", session_id=run.session_id, status="ACTIVE")
            for moment in [*run.period_starts[1:], run.end]:  # the last one: the whole run
                if not charging.stop.is_set():  # after STOP, the rest of the run at once
                    await asyncio.sleep(platform.config.update_interval)
                current = run.session_at(moment)
                patch = {k: current[k] for k in ("kwh", "charging_periods", "last_updated")}
                await sessions.patch(*owner, run.session_id, patch)
                _keep(platform, version, owner, current)
                platform.emit("session updated", session_id=run.session_id, kwh=current["kwh"])
            await charging.stop.wait()
            cdr = _priced_cdr(version, run, charging.location)
            final = run.session("COMPLETED", total_cost=cdr["total_cost"])
            await sessions.put(*owner, run.session_id, package.loads(final, package.Session))
            _keep(platform, version, owner, final)
            platform.emit("session pushed", session_id=run.session_id, status="COMPLETED")
        async with partner_client(platform, charging.partner, "cdrs") as cdrs:
            await cdrs.post(package.loads(cdr, package.CDR))
        platform.put(f"{version}/cdrs", (owner[0], owner[1], cdr["id"]), cdr)
        platform.emit("cdr pushed", cdr_id=cdr["id"], total_cost=cdr["total_cost"])
    except Exception as exc:
        platform.emit("error", where="charging", detail=f"{type(exc).__name__}: {exc}")
    finally:
        charging.done.set()
        platform.charging.pop(run.session_id, None)


def _keep(
    platform: Platform, version: str, owner: tuple[str, str], session: dict[str, Any]
) -> None:
    """The CPO keeps its own Sessions (served by its Sessions Sender interface)."""
    platform.put(f"{version}/sessions", (owner[0], owner[1], str(session["id"])), dict(session))


def _priced_cdr(version: str, run: Any, location: dict[str, Any]) -> dict[str, Any]:
    """The run's CDR with totals computed by the tariff engine from its own tariffs."""
    from ocpi_sdk.tariffs import price

    package = packages.package(version)
    draft = run.cdr(_zero_totals(version))
    result = price(None, package.loads(draft, package.CDR), time_zone=location.get("time_zone"))
    totals = result.ocpi_totals()
    cost_fields = schemas.get(version, "CDR")["properties"]
    return dict(
        run.cdr({k: v for k, v in totals.items() if k in cost_fields and k.endswith("cost")})
    )


def _zero_totals(version: str) -> dict[str, Any]:
    price_props = (
        schemas.get(version, "Price").get("properties", {})
        if "Price" in schemas.names(version)
        else {}
    )
    if "excl_vat" in price_props:
        return {"total_cost": {"excl_vat": 0, "incl_vat": 0}}
    if "before_taxes" in price_props:
        return {"total_cost": {"before_taxes": 0}}
    return {"total_cost": 0}
