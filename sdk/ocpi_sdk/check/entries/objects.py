"""Objects: every object of every list valid against the version's schema (each error with its
JSON path), single objects returned as objects, and what the SDK's tolerant client had to
tolerate to read the lists."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from ocpi_sdk.check.catalogue import entry
from ocpi_sdk.check.context import Context
from ocpi_sdk.check.entries import _refs, _valid
from ocpi_sdk.check.entries.discovery import envelope_problems
from ocpi_sdk.check.model import Verdict, failed, skipped, verdict
from ocpi_sdk.check.probe import Answer
from ocpi_sdk.converter import parse_datetime


@entry(
    "objects.schema",
    "Every object of every Sender list is valid",
    sends="GET each Sender list, following Link",
    rule="each object as the module's data chapter defines it (required fields, types, enums)",
    ref=_refs.RESPONSE_FORMAT,
)
def objects_schema(ctx: Context) -> Verdict:
    lists = ctx.sender_lists()
    if not lists:
        return skipped("the platform offers no Sender list for its role")
    problems: list[str] = []
    counted = 0
    for module, name, _ in lists:
        pull = ctx.pull(module)
        for index, obj in enumerate(pull.objects):
            counted += 1
            problems += _valid.problems(obj, name, ctx.version, prefix=f"{module}[{index}]")
    if not counted:
        return skipped("no objects to validate")
    return verdict(problems, f"{counted} objects valid", "invalid objects")


def sdk_pull(ctx: Context) -> dict[str, Any]:
    """Read every Sender list with the SDK's own client, as a partner's application would."""
    out: dict[str, Any] = {}
    if ctx.connection is None:
        return out
    for module, _, _ in ctx.sender_lists():
        try:
            client = ctx.connection.client(module)
        except Exception as exc:  # the SDK refuses the endpoint as offered
            out[module] = ([], f"{type(exc).__name__}: {exc}")
            continue
        with client:
            error = None
            try:
                filters = {k: parse_datetime(v) for k, v in ctx.base_filters(module).items()}
                for _ in client.list(**filters):
                    pass
            except Exception as exc:
                error = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
            out[module] = (list(client.tolerated), error)
    return out


@entry(
    "objects.sdk_reads_lists",
    "A strict-sending, tolerant client reads every list with nothing to tolerate",
    sends="GET each Sender list with the SDK's generated client",
    rule="what a tolerant client had to tolerate is a deviation from the spec",
    ref=_refs.RESPONSE_FORMAT,
    severity="recommended",
)
def sdk_reads(ctx: Context) -> Verdict:
    pulled = ctx.memo("sdk pull", lambda: sdk_pull(ctx))
    if not pulled:
        error = ctx.store.get("sdk connect error")
        if error:
            return failed(f"the SDK's negotiation failed: {ctx.prober.redact(error)}")
        return skipped("no Sender list")
    problems = []
    for module, (tolerated, error) in pulled.items():
        if error:
            problems.append(f"{module}: {ctx.prober.redact(error)}")
        for event in tolerated[:5]:
            problems.append(f"{module}: tolerated {ctx.prober.redact(str(event))}")
    return verdict(problems, f"read {', '.join(pulled)}", "the SDK had to tolerate deviations")


def _single(ctx: Context, *parts: str) -> Answer | None:
    base = ctx.endpoint("locations", "SENDER")
    if base is None:
        return None
    url = base.rstrip("/") + "/" + "/".join(quote(p, safe="") for p in parts)
    answer: Answer = ctx.memo(f"single:{url}", lambda: ctx.get(url))
    ctx.cite(answer)
    return answer


def _first_location(ctx: Context) -> dict[str, Any] | None:
    if "locations" not in [m for m, _, _ in ctx.sender_lists()]:
        return None
    for obj in ctx.pull("locations").objects:
        if isinstance(obj, dict) and obj.get("evses"):
            return obj
    return None


def _single_verdict(
    ctx: Context, answer: Answer | None, name: str, ident: tuple[str, Any]
) -> Verdict:
    if answer is None:
        return skipped("no Locations Sender endpoint")
    problems = []
    if isinstance(answer.data, list):
        problems.append(f"$.data is a list of {len(answer.data)}; one {name} object is expected")
    else:
        problems += envelope_problems(answer, name, ctx.version)
        field, value = ident
        if isinstance(answer.data, dict) and str(answer.data.get(field)) != str(value):
            problems.append(f"$.data.{field} is {answer.data.get(field)!r}, asked for {value!r}")
    if problems:
        ctx.blame(answer)
    return verdict(problems, f"one valid {name}", f"GET one {name} is wrong")


SINGLE_RULE = "GET one object returns that object in data, not a list"


@entry(
    "objects.single_location",
    "GET one Location returns one Location object",
    sends="GET locations/{location_id} of a listed Location",
    rule=SINGLE_RULE,
    ref=_refs.module_ref("locations", "GET Object: Response Data", "2.1 CPO Interface"),
    roles=("cpo",),
)
def single_location(ctx: Context) -> Verdict:
    location = _first_location(ctx)
    if location is None:
        return skipped("no Location with EVSEs listed")
    answer = _single(ctx, str(location["id"]))
    return _single_verdict(ctx, answer, "Location", ("id", location["id"]))


@entry(
    "objects.single_evse",
    "GET one EVSE returns one EVSE object",
    sends="GET locations/{location_id}/{evse_uid}",
    rule=SINGLE_RULE,
    ref=_refs.module_ref("locations", "GET Object: Response Data", "2.1 CPO Interface"),
    roles=("cpo",),
)
def single_evse(ctx: Context) -> Verdict:
    location = _first_location(ctx)
    if location is None:
        return skipped("no Location with EVSEs listed")
    evse = location["evses"][0]
    answer = _single(ctx, str(location["id"]), str(evse.get("uid")))
    return _single_verdict(ctx, answer, "EVSE", ("uid", evse.get("uid")))


@entry(
    "objects.single_connector",
    "GET one Connector returns one Connector object",
    sends="GET locations/{location_id}/{evse_uid}/{connector_id}",
    rule=SINGLE_RULE,
    ref=_refs.module_ref("locations", "GET Object: Response Data", "2.1 CPO Interface"),
    roles=("cpo",),
)
def single_connector(ctx: Context) -> Verdict:
    location = _first_location(ctx)
    if location is None:
        return skipped("no Location with EVSEs listed")
    evse = location["evses"][0]
    connectors = evse.get("connectors") or []
    if not connectors:
        return skipped("the first EVSE has no connectors")
    connector = connectors[0]
    answer = _single(ctx, str(location["id"]), str(evse.get("uid")), str(connector.get("id")))
    return _single_verdict(ctx, answer, "Connector", ("id", connector.get("id")))


@entry(
    "objects.evses_have_connectors",
    "Every EVSE has at least one Connector",
    sends="GET locations",
    rule="connectors: Connector+ (one or more)",
    ref=_refs.module_ref("locations", "_EVSE_ Object", "3.2 _EVSE_ Object"),
    roles=("cpo",),
)
def evses_have_connectors(ctx: Context) -> Verdict:
    if "locations" not in [m for m, _, _ in ctx.sender_lists()]:
        return skipped("no Locations Sender endpoint")
    problems = []
    locations = ctx.pull("locations").objects
    for i, loc in enumerate(locations):
        for j, evse in enumerate((loc.get("evses") or []) if isinstance(loc, dict) else []):
            if isinstance(evse, dict) and not evse.get("connectors"):
                problems.append(f"locations[{i}].evses[{j}] ({evse.get('uid')}): no connectors")
    if not locations:
        return skipped("no Locations")
    return verdict(problems, "every EVSE has connectors", "EVSEs without connectors")
