"""Active mode: registration with TOKEN as token A, then the roaming scenarios of the role.

They run in catalogue order and share state through ``ctx.store`` (the session a START_SESSION
opened is the one STOP_SESSION ends). Steps that need the system under test to act on its own
wait ``--wait`` seconds and are skipped, saying what to do, when nothing happens.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

import attrs

from ocpi_sdk import schemas
from ocpi_sdk.check.catalogue import entry
from ocpi_sdk.check.context import Context
from ocpi_sdk.check.entries import _refs, _valid
from ocpi_sdk.check.entries.discovery import envelope_problems
from ocpi_sdk.check.entries.probes import price_cdrs
from ocpi_sdk.check.model import SpecRef, Verdict, failed, passed, skipped, verdict
from ocpi_sdk.check.probe import Answer
from ocpi_sdk.converter import parse_datetime

ACTIVE: Any = {"mode": "active"}
V22 = ("2.2.1", "2.3.0")
UNKNOWN = "OCPI-CHECK-UNKNOWN-0"


class NotReady(Exception):
    """The step cannot run (no bench, registration failed, an earlier step did not happen)."""


def bench(ctx: Context) -> Any:
    if ctx.bench is None:
        raise NotReady("not in active mode")
    if ctx.bench.error:
        raise NotReady(f"registration failed: {ctx.bench.error}")
    return ctx.bench


def guarded(function: Any) -> Any:
    """Turn :class:`NotReady` into a skip."""

    def run(ctx: Context) -> Verdict:
        try:
            result: Verdict = function(ctx)
        except NotReady as exc:
            return skipped(str(exc))
        return result

    run.__name__ = function.__name__
    return run


def url_of(ctx: Context, module: str, role: str, *parts: Any) -> str:
    base = ctx.endpoint(module, role)
    if base is None:
        raise NotReady(f"the platform offers no {module} {role.lower()} endpoint")
    tail = "/".join(quote(str(p), safe="") for p in parts)
    return base.rstrip("/") + ("/" + tail if tail else "")


def credentials_url(ctx: Context) -> str:
    url = ctx.endpoint("credentials")
    if url is None:
        raise NotReady("the platform offers no credentials endpoint")
    return url


def ok(answer: Answer) -> bool:
    return answer.status == 200 and answer.status_code == 1000


def expect_ok(ctx: Context, answer: Answer, what: str, name: str | None = None) -> Verdict:
    if not ok(answer):
        ctx.blame(answer)
        return failed(f"{what}: {answer.describe()}, expected HTTP 200 with OCPI 1000")
    if name is not None:
        problems = envelope_problems(answer, name, ctx.version)
        if isinstance(answer.data, list):
            problems.insert(0, f"$.data is a list; one {name} object is expected")
        if problems:
            ctx.blame(answer)
            return failed(f"{what}: the answer is not one valid {name}", *problems)
    return passed(f"{what}: {answer.describe()}")


def now() -> str:
    return datetime.now(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


# ---- every role --------------------------------------------------------------------------


@entry(
    "active.register",
    "Registration with token A gives token C and the platform's credentials",
    sends="POST credentials with token A and the bench's Credentials (token B, versions URL)",
    rule="the server calls the client's versions back and answers with its Credentials (token C)",
    ref=_refs.REGISTRATION,
    **ACTIVE,
)
def register(ctx: Context) -> Verdict:
    if ctx.bench is None:
        return skipped("not in active mode")
    ctx.prober.recording.extend(ctx.bench.main.exchanges)
    if ctx.bench.error:
        return failed(f"registration failed: {ctx.bench.error}")
    connection = ctx.bench.registration.connection
    if connection.token == ctx.bench.token_a:
        return failed("token C is token A")
    called = ctx.bench.platform.received
    return passed(
        f"registered in OCPI {connection.version}; token C received; the platform called the "
        f"bench {called} time(s)"
    )


@entry(
    "active.token_a_refused",
    "Token A is refused after registration",
    sends="GET VERSIONS_URL with token A after registering",
    rule="CREDENTIALS_TOKEN_A can then be thrown away, it MAY no longer be used",
    ref=_refs.REGISTRATION,
    **ACTIVE,
)
@guarded
def token_a_refused(ctx: Context) -> Verdict:
    bench(ctx)
    saved = ctx.prober.token
    ctx.prober.token = ctx.bench.token_a
    try:
        answer = ctx.get(ctx.versions_url)
    finally:
        ctx.prober.token = saved
    if answer.status != 401:
        ctx.blame(answer)
        return failed(f"token A still works: {answer.describe()}")
    return passed("token A refused with 401")


# ---- the system under test is a CPO --------------------------------------------------------

CPO: Any = {"mode": "active", "roles": ("cpo",)}


def bench_token(ctx: Context) -> dict[str, Any]:
    tokens = bench(ctx).own("tokens")
    if not tokens:
        raise NotReady("the bench has no Token")
    return dict(tokens[0])


def token_url(ctx: Context, token: dict[str, Any]) -> str:
    cc = token.get("country_code", "NL")
    pid = token.get("party_id", "MSP")
    return url_of(ctx, "tokens", "RECEIVER", cc, pid, token["uid"])


@entry(
    "active.cpo.push_token",
    "The CPO stores a Token the eMSP pushes",
    sends="PUT tokens/{country_code}/{party_id}/{uid} with a valid Token",
    rule="the eMSP pushes new or updated Tokens to the CPO's Tokens Receiver",
    ref=_refs.module_ref("tokens", "*PUT* Method", "2.1.2 __PUT__ Method"),
    **CPO,
)
@guarded
def push_token(ctx: Context) -> Verdict:
    token = bench_token(ctx)
    answer = ctx.prober.request("PUT", token_url(ctx, token), json_body=token)
    return expect_ok(ctx, answer, f"PUT Token {token['uid']}")


@entry(
    "active.cpo.get_token",
    "The CPO returns the pushed Token as one object",
    sends="GET tokens/{country_code}/{party_id}/{uid}",
    rule="GET one Token returns that Token object",
    ref=_refs.module_ref("tokens", "Receiver Interface", "2.1.1 __GET__ Method"),
    **CPO,
)
@guarded
def get_token(ctx: Context) -> Verdict:
    token = bench_token(ctx)
    answer = ctx.get(token_url(ctx, token))
    found = expect_ok(ctx, answer, f"GET Token {token['uid']}", "Token")
    if found.outcome == "pass" and str(answer.data.get("uid")) != str(token["uid"]):
        return failed(f"asked for {token['uid']}, got {answer.data.get('uid')}")
    return found


def charge_location(ctx: Context) -> tuple[dict[str, Any], dict[str, Any]]:
    if "locations" not in [m for m, _, _ in ctx.sender_lists()]:
        raise NotReady("no Locations Sender endpoint")
    for location in ctx.pull("locations").objects:
        for evse in (location.get("evses") or []) if isinstance(location, dict) else []:
            if isinstance(evse, dict) and evse.get("status") == "AVAILABLE":
                return location, evse
    raise NotReady("no AVAILABLE EVSE to start a session on")


def command(ctx: Context, name: str, body: dict[str, Any]) -> tuple[Answer, str]:
    """POST a command with a response_url on the bench; returns the answer and the url's key."""
    key = secrets.token_hex(8)
    body = {"response_url": bench(ctx).response_url(key), **body}
    answer = ctx.prober.request("POST", url_of(ctx, "commands", "RECEIVER", name), json_body=body)
    return answer, key


def command_verdict(ctx: Context, answer: Answer, name: str) -> Verdict:
    found = expect_ok(ctx, answer, name, "CommandResponse")
    if found.outcome != "pass":
        return found
    result = answer.data.get("result")
    if result != "ACCEPTED":
        ctx.blame(answer)
        return failed(f"{name} answered {result}", str(answer.data.get("message") or ""))
    return passed(f"{name} ACCEPTED")


def result_verdict(ctx: Context, key: str, name: str) -> Verdict:
    bench_ = bench(ctx)
    wait = max(ctx.wait, 1.0)
    found = bench_.wait_for(lambda: bench_.result(key), wait)
    if found is None:
        return failed(f"no {name} result POSTed to the response_url within {wait:.0f} s")
    body = found.get("body")
    result_name = "CommandResult" if "CommandResult" in schemas.names(ctx.version) else None
    problems = _valid.problems(body, result_name, ctx.version) if result_name else []
    if problems:
        return failed(f"the {name} result is not a valid CommandResult", *problems)
    result = body.get("result") if isinstance(body, dict) else None
    if result != "ACCEPTED":
        return failed(f"the {name} result is {result}")
    return passed(f"{name} result ACCEPTED at the bench's response_url")


COMMANDS_POST = _refs.module_ref("commands", "*POST* Method", "2.1.1 __POST__ Method")


@entry(
    "active.cpo.start_session",
    "START_SESSION is answered with one CommandResponse, ACCEPTED",
    sends="POST commands/START_SESSION (Token pushed above, an AVAILABLE EVSE, response_url)",
    rule="the CPO answers with a CommandResponse, then POSTs the CommandResult to response_url",
    ref=COMMANDS_POST,
    **CPO,
)
@guarded
def start_session(ctx: Context) -> Verdict:
    token = bench_token(ctx)
    location, evse = charge_location(ctx)
    answer, key = command(
        ctx,
        "START_SESSION",
        {"token": token, "location_id": location["id"], "evse_uid": evse["uid"]},
    )
    ctx.store["start key"] = key
    ctx.store["start location"] = location
    return command_verdict(ctx, answer, "START_SESSION")


@entry(
    "active.cpo.start_result",
    "The START_SESSION result arrives at the bench's response_url",
    sends="nothing: waits for the CPO's POST to the response_url (--wait)",
    rule="the CPO POSTs the CommandResult to response_url when the Charge Point answered",
    ref=_refs.module_ref("commands", "Sender Interface", "2.2 eMSP Interface"),
    **CPO,
)
@guarded
def start_result(ctx: Context) -> Verdict:
    key = ctx.store.get("start key")
    if key is None:
        raise NotReady("START_SESSION was not sent")
    return result_verdict(ctx, key, "START_SESSION")


@entry(
    "active.cpo.authorization",
    "The CPO asks the eMSP to authorize the Token in real time",
    sends="nothing: the bench answers POST tokens/{uid}/authorize",
    rule="a CPO without the Token in its whitelist asks the eMSP's real-time authorization",
    ref=_refs.module_ref("tokens", "Real-time authorization", "1.3 Real-time authorization"),
    severity="recommended",
    **CPO,
)
@guarded
def authorization(ctx: Context) -> Verdict:
    uid = bench_token(ctx)["uid"]
    asked = [e for e in bench(ctx).events("authorized") if str(e.get("uid")) == str(uid)]
    if not asked:
        return skipped(f"the CPO did not ask to authorize {uid} (it may use its whitelist)")
    return passed(f"asked {len(asked)} time(s), answered {asked[-1].get('allowed')}")


def session_of(ctx: Context) -> dict[str, Any] | None:
    token = bench_token(ctx)
    refs = {str(token["uid"]), str(token.get("auth_id", token["uid"]))}
    for session in bench(ctx).stored("sessions"):
        cdr_token = session.get("cdr_token")
        uid = cdr_token.get("uid") if isinstance(cdr_token, dict) else session.get("auth_id")
        if str(uid) in refs:
            return dict(session)
    return None


@entry(
    "active.cpo.session_pushed",
    "The CPO pushes a valid Session for the started charge",
    sends="nothing: waits for PUT/PATCH sessions at the bench (--wait)",
    rule="the CPO pushes the Session to the eMSP's Sessions Receiver when it starts and changes",
    ref=_refs.module_ref("sessions", "Receiver Interface", "2.2 eMSP Interface"),
    **CPO,
)
@guarded
def session_pushed(ctx: Context) -> Verdict:
    if ctx.store.get("start key") is None:
        raise NotReady("START_SESSION was not sent")
    found = bench(ctx).wait_for(lambda: session_of(ctx), max(ctx.wait, 1.0))
    if found is None:
        return failed(f"no valid Session for the Token within {ctx.wait:.0f} s")
    ctx.store["session id"] = str(found["id"])
    problems = _valid.problems(found, "Session", ctx.version)
    return verdict(problems, f"Session {found['id']} ({found.get('status')})", "invalid Session")


@entry(
    "active.cpo.stop_session",
    "STOP_SESSION is ACCEPTED and its result arrives",
    sends="POST commands/STOP_SESSION for the pushed Session, with response_url",
    rule="the CPO answers with a CommandResponse, then POSTs the CommandResult to response_url",
    ref=COMMANDS_POST,
    **CPO,
)
@guarded
def stop_session(ctx: Context) -> Verdict:
    session_id = ctx.store.get("session id")
    if session_id is None:
        raise NotReady("no Session to stop")
    answer, key = command(ctx, "STOP_SESSION", {"session_id": session_id})
    found = command_verdict(ctx, answer, "STOP_SESSION")
    if found.outcome != "pass":
        return found
    return result_verdict(ctx, key, "STOP_SESSION")


def cdr_of(ctx: Context) -> dict[str, Any] | None:
    session_id = ctx.store.get("session id")
    for cdr in bench(ctx).stored("cdrs"):
        if session_id in (str(cdr.get("session_id")), str(cdr.get("id"))):
            return dict(cdr)
    return None


@entry(
    "active.cpo.cdr_pushed",
    "The CPO pushes a valid CDR for the stopped session",
    sends="nothing: waits for POST cdrs at the bench (--wait)",
    rule="the CPO POSTs the CDR to the eMSP's CDRs Receiver after the session",
    ref=_refs.module_ref("cdrs", "Push model", "2.2 eMSP Interface"),
    **CPO,
)
@guarded
def cdr_pushed(ctx: Context) -> Verdict:
    if ctx.store.get("session id") is None:
        raise NotReady("no Session was charged")
    found = bench(ctx).wait_for(lambda: cdr_of(ctx), max(ctx.wait, 1.0))
    if found is None:
        return failed(f"no valid CDR for the session within {ctx.wait:.0f} s")
    ctx.store["cdr"] = found
    problems = _valid.problems(found, "CDR", ctx.version)
    return verdict(problems, f"CDR {found.get('id')}", "invalid CDR")


@entry(
    "active.cpo.cdr_costs",
    "The pushed CDR's totals equal what the CPO's Tariffs give",
    sends="nothing more: prices the pushed CDR with the SDK's tariff engine",
    rule="total_cost and the other totals follow from the Tariff and the charging periods",
    ref=_refs.module_ref("cdrs", "_CDR_ Object", "3.1 _CDR_ Object"),
    **CPO,
)
@guarded
def cdr_costs(ctx: Context) -> Verdict:
    cdr = ctx.store.get("cdr")
    if cdr is None:
        raise NotReady("no CDR was pushed")
    modules = [m for m, _, _ in ctx.sender_lists()]
    tariffs = ctx.pull("tariffs").objects if "tariffs" in modules else []
    return price_cdrs(ctx, [cdr], tariffs)


@entry(
    "active.cpo.unknown_location_command",
    "START_SESSION at an unknown Location is refused, not a server error",
    sends=f"POST commands/START_SESSION with location_id {UNKNOWN}",
    rule="2003 Unknown Location, e.g. START_SESSION with unknown location; or a REJECTED answer",
    ref=_refs.STATUS_2XXX,
    **CPO,
)
@guarded
def unknown_location_command(ctx: Context) -> Verdict:
    answer, _ = command(ctx, "START_SESSION", {"token": bench_token(ctx), "location_id": UNKNOWN})
    if answer.status is None or answer.status >= 500:
        ctx.blame(answer)
        return failed(f"{answer.describe()}: a server error")
    data = answer.data
    if ok(answer) and isinstance(data, dict) and data.get("result") == "ACCEPTED":
        ctx.blame(answer)
        return failed("START_SESSION at an unknown Location was ACCEPTED")
    shown = data.get("result") if isinstance(data, dict) else None
    return passed(f"{answer.describe()}" + (f", {shown}" if shown else ""))


# ---- the system under test is an eMSP -----------------------------------------------------

EMSP: Any = {"mode": "active", "roles": ("emsp",)}


def bench_location(ctx: Context) -> dict[str, Any]:
    locations = [loc for loc in bench(ctx).own("locations") if loc.get("evses")]
    if not locations:
        raise NotReady("the bench has no Location")
    return dict(locations[0])


def party(obj: dict[str, Any]) -> tuple[str, str]:
    return str(obj.get("country_code", "NL")), str(obj.get("party_id", "CPO"))


LOCATIONS_RECEIVER = _refs.module_ref("locations", "Receiver Interface", "2.2 eMSP Interface")


@entry(
    "active.emsp.put_location",
    "The eMSP stores a pushed Location",
    sends="PUT locations/{country_code}/{party_id}/{location_id} with a valid Location",
    rule="the CPO pushes new and changed Locations to the eMSP's Locations Receiver",
    ref=LOCATIONS_RECEIVER,
    **EMSP,
)
@guarded
def put_location(ctx: Context) -> Verdict:
    location = bench_location(ctx)
    url = url_of(ctx, "locations", "RECEIVER", *party(location), location["id"])
    answer = ctx.prober.request("PUT", url, json_body=location)
    return expect_ok(ctx, answer, f"PUT Location {location['id']}")


@entry(
    "active.emsp.get_location",
    "The eMSP returns the pushed Location as one object",
    sends="GET locations/{country_code}/{party_id}/{location_id}",
    rule="the Receiver's GET returns the object as it has it",
    ref=LOCATIONS_RECEIVER,
    **EMSP,
)
@guarded
def get_location(ctx: Context) -> Verdict:
    location = bench_location(ctx)
    url = url_of(ctx, "locations", "RECEIVER", *party(location), location["id"])
    return expect_ok(ctx, ctx.get(url), f"GET Location {location['id']}", "Location")


def patch_evse(ctx: Context, status: str) -> Verdict:
    location = bench_location(ctx)
    evse = location["evses"][0]
    url = url_of(ctx, "locations", "RECEIVER", *party(location), location["id"], evse["uid"])
    stamp = now()
    answer = ctx.prober.request("PATCH", url, json_body={"status": status, "last_updated": stamp})
    ctx.store["evse patched"] = stamp
    found = expect_ok(ctx, answer, f"PATCH EVSE {evse['uid']} status {status}")
    if found.outcome != "pass":
        return found
    back = ctx.get(url)
    got = back.data.get("status") if isinstance(back.data, dict) else None
    if got != status:
        ctx.blame(back)
        return failed(f"after the PATCH the EVSE's status is {got!r} ({back.describe()})")
    return passed(f"EVSE {evse['uid']} is {status}")


@entry(
    "active.emsp.patch_evse_status",
    "An EVSE status PATCH is applied",
    sends="PATCH locations/.../{evse_uid} {status: CHARGING, last_updated}; GET it back",
    rule="PATCH updates only the fields given; the others remain unchanged",
    ref=_refs.module_ref("locations", "*PATCH* Method", "2.2.3 __PATCH__ Method"),
    **EMSP,
)
@guarded
def patch_evse_status(ctx: Context) -> Verdict:
    return patch_evse(ctx, "CHARGING")


@entry(
    "active.emsp.parent_last_updated",
    "A PATCH of an EVSE updates the Location's last_updated",
    sends="GET locations/{country_code}/{party_id}/{location_id} after the EVSE PATCH",
    rule="PATCH on an EVSE: the Receiver SHALL set the new last_updated on the Location",
    ref=_refs.module_ref("locations", "*PATCH* Method"),
    versions=V22,
    **EMSP,
)
@guarded
def parent_last_updated(ctx: Context) -> Verdict:
    stamp = ctx.store.get("evse patched")
    if stamp is None:
        raise NotReady("no EVSE was patched")
    location = bench_location(ctx)
    url = url_of(ctx, "locations", "RECEIVER", *party(location), location["id"])
    answer = ctx.get(url)
    got = answer.data.get("last_updated") if isinstance(answer.data, dict) else None
    try:
        fresh = got is not None and parse_datetime(str(got)) >= parse_datetime(stamp)
    except (TypeError, ValueError):
        fresh = False
    if not fresh:
        ctx.blame(answer)
        return failed(f"the Location's last_updated is {got!r}, the EVSE was patched at {stamp}")
    return passed(f"Location last_updated {got}")


@entry(
    "active.emsp.evse_removed",
    "An EVSE set to REMOVED is kept with that status",
    sends="PATCH locations/.../{evse_uid} {status: REMOVED, last_updated}; GET it back",
    rule="EVSEs are never deleted: they get status REMOVED",
    ref=_refs.module_ref("locations", "_EVSE_ Object", "3.2 _EVSE_ Object"),
    **EMSP,
)
@guarded
def evse_removed(ctx: Context) -> Verdict:
    return patch_evse(ctx, "REMOVED")


TARIFFS_RECEIVER = _refs.module_ref("tariffs", "Receiver Interface", "2.2 eMSP Interface")


def bench_tariff(ctx: Context) -> dict[str, Any]:
    tariffs = bench(ctx).own("tariffs")
    if not tariffs:
        raise NotReady("the bench has no Tariff")
    return dict(tariffs[0])


@entry(
    "active.emsp.put_tariff",
    "The eMSP stores a pushed Tariff",
    sends="PUT tariffs/{country_code}/{party_id}/{tariff_id}; GET it back",
    rule="the CPO pushes Tariffs to the eMSP's Tariffs Receiver",
    ref=TARIFFS_RECEIVER,
    **EMSP,
)
@guarded
def put_tariff(ctx: Context) -> Verdict:
    tariff = bench_tariff(ctx)
    url = url_of(ctx, "tariffs", "RECEIVER", *party(tariff), tariff["id"])
    found = expect_ok(ctx, ctx.prober.request("PUT", url, json_body=tariff), "PUT Tariff")
    if found.outcome != "pass":
        return found
    return expect_ok(ctx, ctx.get(url), f"GET Tariff {tariff['id']}", "Tariff")


@entry(
    "active.emsp.delete_tariff",
    "The eMSP deletes a Tariff the CPO deletes",
    sends="DELETE tariffs/{country_code}/{party_id}/{tariff_id}; GET it back",
    rule="DELETE removes the Tariff; a GET then finds nothing",
    ref=TARIFFS_RECEIVER,
    **EMSP,
)
@guarded
def delete_tariff(ctx: Context) -> Verdict:
    tariff = bench_tariff(ctx)
    url = url_of(ctx, "tariffs", "RECEIVER", *party(tariff), tariff["id"])
    found = expect_ok(ctx, ctx.prober.request("DELETE", url), "DELETE Tariff")
    if found.outcome != "pass":
        return found
    back = ctx.get(url)
    if ok(back) and back.data:
        ctx.blame(back)
        return failed("the Tariff is still there after DELETE")
    return passed(f"deleted; GET gives {back.describe()}")


def bench_run(ctx: Context) -> Any:
    """A charging run at the bench's Location with one of the eMSP's Tokens."""
    if "run" in ctx.store:
        return ctx.store["run"]
    from ocpi_sdk.sim.data import NetworkData

    tokens = ctx.pull("tokens").objects if ctx.endpoint("tokens", "SENDER") else []
    token = next((t for t in tokens if isinstance(t, dict) and t.get("uid")), None)
    if token is None:
        raise NotReady("the eMSP lists no Token to charge with")
    location = bench_location(ctx)
    evse = location["evses"][0]
    run = NetworkData(ctx.version).session(
        token=token,
        location=location,
        evse_uid=evse["uid"],
        connector_id=evse["connectors"][0]["id"],
        start=datetime.now(UTC).replace(microsecond=0),
        kwh_target=12.0,
        session_id=f"CHK{secrets.token_hex(5).upper()}",
    )
    ctx.store["run"] = run
    return run


@entry(
    "active.emsp.put_session",
    "The eMSP stores a pushed Session and applies a PATCH to it",
    sends="PUT sessions/{country_code}/{party_id}/{session_id}; PATCH {kwh, last_updated}",
    rule="the CPO pushes Sessions to the eMSP's Sessions Receiver and PATCHes their progress",
    ref=_refs.module_ref("sessions", "Receiver Interface", "2.2 eMSP Interface"),
    **EMSP,
)
@guarded
def put_session(ctx: Context) -> Verdict:
    run = bench_run(ctx)
    session = run.session("ACTIVE")
    url = url_of(ctx, "sessions", "RECEIVER", *party(session), session["id"])
    found = expect_ok(ctx, ctx.prober.request("PUT", url, json_body=session), "PUT Session")
    if found.outcome != "pass":
        return found
    patch = {"kwh": session.get("kwh", 0), "last_updated": now()}
    return expect_ok(ctx, ctx.prober.request("PATCH", url, json_body=patch), "PATCH Session")


def bench_cdr(ctx: Context) -> dict[str, Any]:
    from ocpi_sdk import packages
    from ocpi_sdk.tariffs import price

    if "bench cdr" in ctx.store:
        return dict(ctx.store["bench cdr"])
    run = bench_run(ctx)
    package = packages.package(ctx.version)
    price_props = (
        schemas.get(ctx.version, "Price").get("properties", {})
        if "Price" in schemas.names(ctx.version)
        else {}
    )
    zero: Any = (
        {"excl_vat": 0, "incl_vat": 0}
        if "excl_vat" in price_props
        else {"before_taxes": 0}
        if "before_taxes" in price_props
        else 0
    )
    draft = run.cdr({"total_cost": zero})
    totals = price(None, package.loads(draft, package.CDR), time_zone="UTC").ocpi_totals()
    fields = schemas.get(ctx.version, "CDR")["properties"]
    cdr = dict(run.cdr({k: v for k, v in totals.items() if k in fields and k.endswith("cost")}))
    ctx.store["bench cdr"] = cdr
    return cdr


CDRS_RECEIVER = _refs.module_ref("cdrs", "POST Method", "2.2.2 POST Method")


@entry(
    "active.emsp.post_cdr",
    "The eMSP accepts a pushed CDR",
    sends="POST cdrs with a valid CDR",
    rule="the CPO POSTs the full and final CDR to the eMSP's CDRs Receiver",
    ref=CDRS_RECEIVER,
    **EMSP,
)
@guarded
def post_cdr(ctx: Context) -> Verdict:
    cdr = bench_cdr(ctx)
    answer = ctx.prober.request("POST", url_of(ctx, "cdrs", "RECEIVER"), json_body=cdr)
    ctx.store["cdr answer"] = answer
    return expect_ok(ctx, answer, f"POST CDR {cdr['id']}")


@entry(
    "active.emsp.cdr_location",
    "The CDR POST answers with a Location header where the CDR can be read",
    sends="GET the Location header's URL of the CDR POST",
    rule="the response should contain the URL to the just created CDR in the eMSP's system",
    ref=CDRS_RECEIVER,
    severity="recommended",
    **EMSP,
)
@guarded
def cdr_location(ctx: Context) -> Verdict:
    answer = ctx.store.get("cdr answer")
    if answer is None or not ok(answer):
        raise NotReady("the CDR was not accepted")
    ctx.cite(answer)
    where = answer.header("Location")
    if not where:
        ctx.blame(answer)
        return failed("no Location header")
    return expect_ok(ctx, ctx.get(where), "GET the CDR at Location", "CDR")


TOKENS_SENDER = _refs.module_ref("tokens", "*POST* Method", "2.2.2 __POST__ Method")


@entry(
    "active.emsp.authorize",
    "Real-time authorization answers one AuthorizationInfo",
    sends="POST tokens/{token_uid}/authorize for a Token the eMSP lists",
    rule="the eMSP answers with an AuthorizationInfo object",
    ref=TOKENS_SENDER,
    **EMSP,
)
@guarded
def authorize(ctx: Context) -> Verdict:
    tokens = ctx.pull("tokens").objects if ctx.endpoint("tokens", "SENDER") else []
    token = next((t for t in tokens if isinstance(t, dict) and t.get("uid")), None)
    if token is None:
        raise NotReady("the eMSP lists no Token")
    url = url_of(ctx, "tokens", "SENDER", token["uid"], "authorize")
    answer = ctx.prober.request("POST", url, params={"type": token.get("type", "RFID")})
    return expect_ok(ctx, answer, f"authorize {token['uid']}", "AuthorizationInfo")


@entry(
    "active.emsp.authorize_unknown",
    "Authorizing an unknown Token gives 2004 Unknown Token",
    sends=f"POST tokens/{UNKNOWN}/authorize",
    rule="2004 Unknown Token, e.g. real-time authorization of an unknown Token (HTTP 404)",
    ref={
        "2.1.1": SpecRef("mod_tokens", "2.2.2 __POST__ Method"),
        "2.2.1": SpecRef("status_codes", "2xxx: Client errors"),
        "2.3.0": SpecRef("status_codes", "2xxx: Client errors"),
    },
    **EMSP,
)
@guarded
def authorize_unknown(ctx: Context) -> Verdict:
    url = url_of(ctx, "tokens", "SENDER", UNKNOWN, "authorize")
    answer = ctx.prober.request("POST", url, params={"type": "RFID"})
    wanted = 2004 if ctx.version in V22 else None
    if answer.status is None or answer.status >= 500 or (ok(answer)):
        ctx.blame(answer)
        return failed(f"{answer.describe()}, expected HTTP 404 with OCPI 2004")
    if wanted is not None and answer.status_code != wanted:
        ctx.blame(answer)
        return failed(f"{answer.describe()}, expected OCPI {wanted} Unknown Token")
    return passed(answer.describe())


@entry(
    "active.emsp.sends_commands",
    "The eMSP sends a START_SESSION when a driver starts charging in its app",
    sends="nothing: waits for a command at the bench CPO (--wait); needs a person",
    rule="the eMSP sends commands to the CPO's Commands Receiver, with a response_url",
    ref=COMMANDS_POST,
    severity="recommended",
    **EMSP,
)
@guarded
def sends_commands(ctx: Context) -> Verdict:
    bench_ = bench(ctx)
    location = bench_location(ctx)
    found = bench_.wait_for(lambda: bench_.events("command"), ctx.wait)
    if not found:
        return skipped(
            f"no command within {ctx.wait:.0f} s: in the eMSP's app, start a session at Location "
            f"{location['id']} of the bench's CPO {'*'.join(party(location))} while the check runs"
        )
    names = sorted({str(e.get("name")) for e in found})
    bodies = [e.get("body") for e in found]
    missing = [n for n, b in zip(names, bodies, strict=False) if not (b or {}).get("response_url")]
    if missing:
        return failed(f"commands without response_url: {', '.join(missing)}")
    return passed(f"received {', '.join(names)}")


# ---- the system under test is a hub -------------------------------------------------------

HUB: Any = {"mode": "active", "roles": ("hub",), "versions": V22}


@entry(
    "active.hub.lists_the_bench",
    "After registration the hub lists the bench's party as CONNECTED",
    sends="GET hubclientinfo",
    rule="the hub's ClientInfo Sender lists the parties connected to it and their status",
    ref=_refs.module_ref("hubclientinfo", "Sender Interface"),
    **HUB,
)
@guarded
def lists_the_bench(ctx: Context) -> Verdict:
    bench_ = bench(ctx)
    url = url_of(ctx, "hubclientinfo", "SENDER")
    answer = ctx.get(url, params={"limit": 100})
    if not ok(answer) or not isinstance(answer.data, list):
        ctx.blame(answer)
        return failed(f"GET hubclientinfo: {answer.describe()}")
    ours = [(r.country_code.upper(), r.party_id.upper()) for r in bench_.platform.party_roles()]
    listed = {
        (str(c.get("country_code")).upper(), str(c.get("party_id")).upper()): c.get("status")
        for c in answer.data
        if isinstance(c, dict)
    }
    missing = [f"{cc}*{pid}" for cc, pid in ours if listed.get((cc, pid)) != "CONNECTED"]
    if missing:
        ctx.blame(answer)
        return failed(f"not listed as CONNECTED: {', '.join(missing)}")
    return passed(f"{len(listed)} parties listed, the bench CONNECTED")


@entry(
    "active.hub.unknown_receiver",
    "A request routed to an unknown party gets a hub error",
    sends="GET locations with OCPI-to-country-code/party-id of a party nobody registered",
    rule="4001 Unknown receiver: the TO address is unknown to the hub",
    ref=_refs.ROUTING_HEADERS,
    **HUB,
)
@guarded
def unknown_receiver(ctx: Context) -> Verdict:
    bench_ = bench(ctx)
    own = bench_.platform.party_roles()[0]
    headers = {
        "OCPI-from-country-code": own.country_code,
        "OCPI-from-party-id": own.party_id,
        "OCPI-to-country-code": "ZZ",
        "OCPI-to-party-id": "ZZZ",
    }
    answer = ctx.get(url_of(ctx, "locations", "SENDER"), headers=headers)
    if answer.status_code != 4001:
        ctx.blame(answer)
        return failed(f"{answer.describe()}, expected OCPI 4001 Unknown receiver")
    return passed(answer.describe())


def second(ctx: Context) -> Any:
    other = bench(ctx).other
    if other is None:
        raise NotReady("no second party")
    if other.error:
        raise NotReady(f"the second party is not registered: {other.error}")
    return other


@entry(
    "active.hub.second_party",
    "A second party (a CPO the bench plays) registers with the hub",
    sends="POST credentials with the second token A (--second-token)",
    rule="every party connects to the hub with the credentials module",
    ref=_refs.REGISTRATION,
    **HUB,
)
@guarded
def second_party(ctx: Context) -> Verdict:
    bench_ = bench(ctx)
    other = bench_.other
    if other is None or not bench_.second_token:
        return skipped("give a second token A with --second-token to test forwarding")
    if other.error:
        return failed(f"registration of the second party failed: {other.error}")
    return passed(f"the bench's CPO {'*'.join(other.party)} registered")


def forwarded(ctx: Context) -> tuple[Answer, dict[str, Any] | None]:
    """GET the second party's Locations through the hub, and the request it got (once)."""
    if "forwarded" in ctx.store:
        answer, seen = ctx.store["forwarded"]
        ctx.cite(answer)
        return answer, seen
    bench_, other = bench(ctx), second(ctx)
    frm, to = bench_.main.party, other.party
    headers = {
        "OCPI-from-country-code": frm[0],
        "OCPI-from-party-id": frm[1],
        "OCPI-to-country-code": to[0],
        "OCPI-to-party-id": to[1],
    }
    before = len(other.seen.requests)
    answer = ctx.get(url_of(ctx, "locations", "SENDER"), headers=headers, params={"limit": 100})
    got = [r for r in other.seen.requests[before:] if "/locations" in r["path"]]
    seen = got[0] if got else None
    ctx.store["forwarded"] = (answer, seen)
    return answer, seen


@entry(
    "active.hub.forwards",
    "The hub forwards a request to the party named by the routing headers",
    sends="GET locations via the hub with OCPI-from-* (bench eMSP) and OCPI-to-* (bench CPO)",
    rule="the hub routes a request to the party in OCPI-to-country-code / OCPI-to-party-id",
    ref=_refs.ROUTING_HEADERS,
    **HUB,
)
@guarded
def forwards(ctx: Context) -> Verdict:
    answer, seen = forwarded(ctx)
    if seen is None:
        ctx.blame(answer)
        return failed(f"the bench's CPO got no request ({answer.describe()})")
    if not ok(answer) or not isinstance(answer.data, list):
        ctx.blame(answer)
        return failed(f"the forwarded GET answered {answer.describe()}")
    expected = {
        str(loc.get("id")) for loc in second(ctx).platform.store.all(f"{ctx.version}/locations")
    }
    got = {str(loc.get("id")) for loc in answer.data if isinstance(loc, dict)}
    if not got or not got <= expected:
        return failed(f"the hub answered Locations {sorted(got)[:5]}, not the CPO's")
    return passed(f"{len(got)} Locations of the bench's CPO, through the hub")


@entry(
    "active.hub.request_ids",
    "The hub sets a new X-Request-ID and keeps X-Correlation-ID when forwarding",
    sends="the forwarded GET above",
    rule="a new unique X-Request-ID, not a copy; the same X-Correlation-ID",
    ref=_refs.UNIQUE_IDS,
    **HUB,
)
@guarded
def request_ids(ctx: Context) -> Verdict:
    answer, seen = forwarded(ctx)
    if seen is None:
        raise NotReady("the request was not forwarded")
    sent = answer.exchange.request_headers
    problems = []
    if seen["headers"].get("x-request-id") in (None, sent.get("X-Request-ID")):
        problems.append(f"X-Request-ID forwarded as {seen['headers'].get('x-request-id')!r}")
    if seen["headers"].get("x-correlation-id") != sent.get("X-Correlation-ID"):
        problems.append(
            f"X-Correlation-ID {sent.get('X-Correlation-ID')} forwarded as "
            f"{seen['headers'].get('x-correlation-id')!r}"
        )
    return verdict(problems, "new request id, same correlation id", "ids not forwarded right")


@entry(
    "active.hub.routing_headers",
    "The hub passes the routing headers on to the receiver",
    sends="the forwarded GET above",
    rule="OCPI-from-* and OCPI-to-* are kept when a hub forwards a request",
    ref=_refs.ROUTING_HEADERS,
    **HUB,
)
@guarded
def routing_headers(ctx: Context) -> Verdict:
    answer, seen = forwarded(ctx)
    if seen is None:
        raise NotReady("the request was not forwarded")
    sent = answer.exchange.request_headers
    problems = [
        f"{name}: sent {value}, forwarded {seen['headers'].get(name.lower())!r}"
        for name, value in sent.items()
        if name.startswith("OCPI-") and seen["headers"].get(name.lower(), "").upper() != value
    ]
    return verdict(problems, "routing headers forwarded", "routing headers lost")


@entry(
    "active.hub.client_info_pushed",
    "The hub tells connected parties that a new party connected",
    sends="nothing: waits for PUT hubclientinfo at the bench's eMSP",
    rule="the hub pushes ClientInfo to connected parties when a party's status changes",
    ref=_refs.module_ref("hubclientinfo", "Receiver Interface"),
    severity="recommended",
    **HUB,
)
@guarded
def client_info_pushed(ctx: Context) -> Verdict:
    bench_, other = bench(ctx), second(ctx)
    cc, pid = other.party

    def pushed() -> Any:
        for info in bench_.stored("hubclientinfo"):
            if (str(info.get("country_code")).upper(), str(info.get("party_id")).upper()) == (
                cc.upper(),
                pid.upper(),
            ):
                return info
        return None

    found = bench_.wait_for(pushed, max(min(ctx.wait, 10.0), 1.0))
    if found is None:
        return failed(f"no ClientInfo for {cc}*{pid} pushed to the bench's eMSP")
    return passed(f"ClientInfo {cc}*{pid} {found.get('status')} pushed")


# ---- every role, at the end: credentials update and unregistration -------------------------


@entry(
    "active.credentials_update",
    "PUT credentials gives a new token C; the old one is refused",
    sends="PUT credentials with a new token B; GET versions with the old token C",
    rule="PUT updates the credentials and issues a new token; the old token is no longer valid",
    ref=_refs.module_ref("credentials", "*PUT* Method", "1.3 __PUT__ Method"),
    **ACTIVE,
)
@guarded
def credentials_update(ctx: Context) -> Verdict:
    bench_ = bench(ctx)
    platform = bench_.platform
    old = ctx.prober.token
    new_b = platform.issue_token()
    ctx.prober.redact.add(new_b)
    body = _credentials_body(ctx, new_b)
    answer = ctx.prober.request("PUT", credentials_url(ctx), json_body=body)
    found = expect_ok(ctx, answer, "PUT credentials", "Credentials")
    if found.outcome != "pass":
        return found
    new_c = str(answer.data.get("token"))
    ctx.prober.redact.add(new_c)
    record = platform.partners.partner(bench_.our_token)
    if record is not None:
        renewed = attrs.evolve(record, token_c=new_b, token_b=new_c)
        platform.partners.register(renewed, replacing=bench_.our_token)
        bench_.our_token = new_b
    ctx.prober.token = new_c
    saved = ctx.prober.token
    ctx.prober.token = old
    try:
        stale = ctx.get(ctx.versions_url)
    finally:
        ctx.prober.token = saved
    if stale.status != 401 and new_c != old:
        ctx.blame(stale)
        return failed(f"the old token C still works: {stale.describe()}")
    fresh = ctx.get(ctx.versions_url)
    if fresh.status != 200:
        ctx.blame(fresh)
        return failed(f"the new token C does not work: {fresh.describe()}")
    return passed("new token C works, the old one is refused")


def _credentials_body(ctx: Context, token: str) -> dict[str, Any]:
    platform = bench(ctx).platform
    party_roles = platform.party_roles()
    if "roles" in schemas.get(ctx.version, "Credentials")["properties"]:
        return {
            "token": token,
            "url": platform.versions_url,
            "roles": [
                {
                    "role": r.role,
                    "country_code": r.country_code,
                    "party_id": r.party_id,
                    "business_details": {"name": r.name},
                }
                for r in party_roles
            ],
        }
    first = party_roles[0]
    return {
        "token": token,
        "url": platform.versions_url,
        "business_details": {"name": first.name},
        "country_code": first.country_code,
        "party_id": first.party_id,
    }


@entry(
    "active.unregister",
    "DELETE credentials ends the registration; the token is refused after",
    sends="DELETE credentials; GET versions with the token",
    rule="DELETE informs the server the client will no longer connect; its token is invalidated",
    ref=_refs.module_ref("credentials", "*DELETE* Method", "1.4 __DELETE__ Method"),
    **ACTIVE,
)
@guarded
def unregister(ctx: Context) -> Verdict:
    bench(ctx)
    answer = ctx.prober.request("DELETE", credentials_url(ctx))
    found = expect_ok(ctx, answer, "DELETE credentials")
    if found.outcome != "pass":
        return found
    after = ctx.get(ctx.versions_url)
    if after.status != 401:
        ctx.blame(after)
        return failed(f"the token still works after DELETE: {after.describe()}")
    return passed("unregistered; the token is refused")
