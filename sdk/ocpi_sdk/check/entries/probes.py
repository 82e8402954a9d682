"""Semantic probes a schema cannot catch: unknown ids answered as client errors, CDR totals
equal to what the Tariffs give."""

from __future__ import annotations

from typing import Any

from ocpi_sdk import packages
from ocpi_sdk.check.catalogue import entry
from ocpi_sdk.check.context import Context
from ocpi_sdk.check.entries import _refs
from ocpi_sdk.check.entries.objects import _first_location, _single
from ocpi_sdk.check.model import Verdict, failed, passed, skipped
from ocpi_sdk.check.probe import Answer

UNKNOWN = "OCPI-CHECK-UNKNOWN-0"


def unknown_verdict(ctx: Context, answer: Answer | None, what: str) -> Verdict:
    if answer is None:
        return skipped("no Locations Sender endpoint")
    code = answer.status_code
    if answer.status is None or answer.status >= 500:
        ctx.blame(answer)
        return failed(f"unknown {what}: {answer.describe()}, a server error")
    if answer.status == 200 and code == 1000:
        ctx.blame(answer)
        return failed(f"unknown {what}: answered as a success (OCPI 1000)")
    if answer.status == 404 or (isinstance(code, int) and 2000 <= code < 3000):
        return passed(f"unknown {what}: {answer.describe()}")
    ctx.blame(answer)
    return failed(f"unknown {what}: {answer.describe()}, expected 404 or OCPI 2xxx")


UNKNOWN_RULE = "an unknown object is a client error (2003 Unknown Location, HTTP 404), not 5xx"


@entry(
    "probe.unknown_location",
    "An unknown Location id is a client error",
    sends=f"GET locations/{UNKNOWN}",
    rule=UNKNOWN_RULE,
    ref=_refs.STATUS_2XXX,
    roles=("cpo",),
)
def unknown_location(ctx: Context) -> Verdict:
    return unknown_verdict(ctx, _single(ctx, UNKNOWN), "Location")


@entry(
    "probe.unknown_evse",
    "An unknown EVSE uid is a client error",
    sends=f"GET locations/{{location_id}}/{UNKNOWN}",
    rule=UNKNOWN_RULE,
    ref=_refs.STATUS_2XXX,
    roles=("cpo",),
)
def unknown_evse(ctx: Context) -> Verdict:
    location = _first_location(ctx)
    if location is None:
        return skipped("no Location with EVSEs listed")
    return unknown_verdict(ctx, _single(ctx, str(location["id"]), UNKNOWN), "EVSE")


def price_cdrs(ctx: Context, cdrs: list[Any], tariffs: list[Any]) -> Verdict:
    """Price each CDR with the Tariffs it names (or its own) and compare its totals."""
    from ocpi_sdk.tariffs import CannotVerify, TariffError, check_cdr

    package = packages.package(ctx.version)
    models = []
    for raw in tariffs:
        try:
            models.append(package.loads(raw, package.Tariff))
        except Exception:
            continue  # invalid Tariffs are objects.schema's finding
    zones: dict[str, str] = {}
    for loc in ctx.pull("locations").objects if ctx.endpoint("locations", "SENDER") else []:
        if isinstance(loc, dict) and isinstance(loc.get("time_zone"), str):
            zones[str(loc.get("id"))] = loc["time_zone"]
    problems, unverified, checked = [], [], 0
    for raw in cdrs:
        try:
            cdr = package.loads(raw, package.CDR)
        except Exception:
            continue
        ids = {str(t.get("id")) for t in raw.get("tariffs") or [] if isinstance(t, dict)}
        named = [t for t in models if str(t.id) in ids] or None
        where = raw.get("cdr_location") or raw.get("location") or {}
        zone = zones.get(str(where.get("id"))) if isinstance(where, dict) else None
        try:
            differences = check_cdr(cdr, named, time_zone=zone or "UTC")
        except CannotVerify as exc:
            unverified.append(f"CDR {raw.get('id')}: {exc}")
            continue
        except TariffError as exc:
            unverified.append(f"CDR {raw.get('id')}: cannot be priced: {exc}")
            continue
        checked += 1
        for d in differences:
            problems.append(
                f"CDR {raw.get('id')}: {d.field} is {d.cdr}, the Tariff gives {d.computed}"
            )
    if problems:
        return failed("CDR totals differ from their Tariffs", *problems[:20], *unverified[:5])
    if not checked:
        return skipped("no CDR could be priced", *unverified[:5])
    return passed(f"{checked} CDR(s) priced: totals match", *unverified[:5])


@entry(
    "probe.cdr_costs",
    "CDR totals equal what their Tariffs give",
    sends="GET cdrs and tariffs; prices each CDR with the SDK's tariff engine",
    rule="total_cost and the other totals follow from the Tariff and the charging periods",
    ref=_refs.module_ref("cdrs", "_CDR_ Object", "3.1 _CDR_ Object"),
    roles=("cpo",),
)
def cdr_costs(ctx: Context) -> Verdict:
    modules = [m for m, _, _ in ctx.sender_lists()]
    if "cdrs" not in modules:
        return skipped("no CDRs Sender endpoint")
    cdrs = ctx.pull("cdrs").objects
    tariffs = ctx.pull("tariffs").objects if "tariffs" in modules else []
    if not cdrs:
        return skipped("no CDRs to price")
    return price_cdrs(ctx, cdrs, tariffs)
